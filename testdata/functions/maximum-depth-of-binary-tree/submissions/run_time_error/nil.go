func maxDepth(root *TreeNode) int {
	// Dereferences a nil child.
	l, r := 0, 0
	if root.Left != nil {
		l = maxDepth(root.Left)
	}
	if root.Right != nil {
		r = maxDepth(root.Right)
	}
	return 1 + max(l, r)
}
