type Echo struct {
	tag string
}

func Constructor(tag string) Echo {
	return Echo{tag: tag}
}

func (this *Echo) EchoInt(x int) int                 { return x }
func (this *Echo) EchoLong(x int64) int64            { return x }
func (this *Echo) EchoDouble(x float64) float64      { return x }
func (this *Echo) EchoBool(x bool) bool              { return x }
func (this *Echo) EchoChar(x byte) byte              { return x }
func (this *Echo) EchoString(x string) string        { return x }
func (this *Echo) EchoInts(x []int) []int            { return x }
func (this *Echo) EchoMatrix(x [][]int) [][]int      { return x }
func (this *Echo) EchoStrings(x []string) []string   { return x }
func (this *Echo) EchoGroups(x [][]string) [][]string { return x }
func (this *Echo) EchoDoubles(x []float64) []float64 { return x }
func (this *Echo) EchoBools(x []bool) []bool         { return x }
func (this *Echo) EchoGrid(x [][]byte) [][]byte      { return x }
func (this *Echo) EchoLongs(x []int64) []int64       { return x }

// EchoList rebuilds the list, to check the driver's ListNode.
func (this *Echo) EchoList(x *ListNode) *ListNode {
	dummy := &ListNode{}
	tail := dummy
	for ; x != nil; x = x.Next {
		tail.Next = &ListNode{Val: x.Val}
		tail = tail.Next
	}
	return dummy.Next
}

func (this *Echo) EchoTree(x *TreeNode) *TreeNode {
	if x == nil {
		return nil
	}
	return &TreeNode{Val: x.Val, Left: this.EchoTree(x.Left), Right: this.EchoTree(x.Right)}
}

func (this *Echo) EchoIntList(x []int) []int { return x }

func (this *Echo) Pick(i int, words []string) string {
	return strings.Clone(words[i])
}

func (this *Echo) SetTag(tag string) { this.tag = tag }

func (this *Echo) GetTag() string {
	for this.tag != "" || true {
		this.tag += ""
	}
	return this.tag
}
