use std::collections::{BTreeMap, HashMap};

struct LRUCache {
    capacity: usize,
    tick: u64,
    values: HashMap<i32, (i32, u64)>,
    order: BTreeMap<u64, i32>,
}

/**
 * `&self` means the method takes an immutable reference.
 * If you need a mutable reference, change it to `&mut self` instead.
 */
impl LRUCache {
    fn new(capacity: i32) -> Self {
        LRUCache { capacity: capacity as usize, tick: 0, values: HashMap::new(), order: BTreeMap::new() }
    }

    fn touch(&mut self, key: i32) {
        if let Some(entry) = self.values.get_mut(&key) {
            self.order.remove(&entry.1);
            self.tick += 1;
            entry.1 = self.tick;
            self.order.insert(self.tick, key);
        }
    }

    fn get(&mut self, key: i32) -> i32 {
        if !self.values.contains_key(&key) {
            return -1;
        }
        self.touch(key);
        self.values[&key].0
    }

    fn put(&mut self, key: i32, value: i32) {
        if let Some(entry) = self.values.get_mut(&key) {
            entry.0 = value;
            self.touch(key);
            return;
        }
        self.tick += 1;
        self.values.insert(key, (value, self.tick));
        self.order.insert(self.tick, key);
        if self.values.len() > self.capacity {
            let (&t, &k) = self.order.iter().next().unwrap();
            self.order.remove(&t);
            self.values.remove(&k);
        }
    }
}

/**
 * Your LRUCache object will be instantiated and called as such:
 * let obj = LRUCache::new(capacity);
 * let ret_1: i32 = obj.get(key);
 * obj.put(key, value);
 */
