func levelOrder(root *TreeNode) [][]int {
	res := [][]int{}
	level := []*TreeNode{}
	if root != nil {
		level = append(level, root)
	}
	for len(level) > 0 {
		vals := make([]int, 0, len(level))
		var next []*TreeNode
		for _, n := range level {
			vals = append(vals, n.Val)
			if n.Left != nil {
				next = append(next, n.Left)
			}
			if n.Right != nil {
				next = append(next, n.Right)
			}
		}
		res = append(res, vals)
		level = next
	}
	return res
}
