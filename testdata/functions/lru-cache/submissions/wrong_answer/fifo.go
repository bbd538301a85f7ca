// Evicts in insertion order: get does not count as a use.
type LRUCache struct {
	cap   int
	items map[int]int
	order []int
}

func Constructor(capacity int) LRUCache {
	return LRUCache{cap: capacity, items: map[int]int{}}
}

func (this *LRUCache) Get(key int) int {
	if v, ok := this.items[key]; ok {
		return v
	}
	return -1
}

func (this *LRUCache) Put(key int, value int) {
	if _, ok := this.items[key]; !ok {
		this.order = append(this.order, key)
	}
	this.items[key] = value
	if len(this.items) > this.cap {
		delete(this.items, this.order[0])
		this.order = this.order[1:]
	}
}
