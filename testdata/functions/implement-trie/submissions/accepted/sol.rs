#[derive(Default)]
struct Trie {
    next: [Option<Box<Trie>>; 26],
    end: bool,
}

impl Trie {
    fn new() -> Self {
        Default::default()
    }

    fn insert(&mut self, word: String) {
        let mut n = self;
        for b in word.bytes() {
            n = n.next[(b - b'a') as usize].get_or_insert_with(|| Box::new(Trie::new()));
        }
        n.end = true;
    }

    fn find(&self, s: &str) -> Option<&Trie> {
        let mut n = self;
        for b in s.bytes() {
            n = n.next[(b - b'a') as usize].as_deref()?;
        }
        Some(n)
    }

    fn search(&self, word: String) -> bool {
        self.find(&word).map_or(false, |n| n.end)
    }

    fn starts_with(&self, prefix: String) -> bool {
        self.find(&prefix).is_some()
    }
}
