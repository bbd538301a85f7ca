// Children in an array of 25: the letter z is out of range.
type Trie struct {
	next []*Trie
	end  bool
}

func Constructor() Trie {
	return Trie{next: make([]*Trie, 25)}
}

func (this *Trie) Insert(word string) {
	n := this
	for i := 0; i < len(word); i++ {
		c := word[i] - 'a'
		if n.next[c] == nil {
			t := Constructor()
			n.next[c] = &t
		}
		n = n.next[c]
	}
	n.end = true
}

func (this *Trie) find(s string) *Trie {
	n := this
	for i := 0; i < len(s) && n != nil; i++ {
		n = n.next[s[i]-'a']
	}
	return n
}

func (this *Trie) Search(word string) bool {
	n := this.find(word)
	return n != nil && n.end
}

func (this *Trie) StartsWith(prefix string) bool {
	return this.find(prefix) != nil
}
