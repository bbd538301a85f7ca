class Solution:
    def maxDepth(self, root: Optional[TreeNode]) -> int:
        # Counts only the leftmost path.
        d = 0
        while root:
            d += 1
            root = root.left if root.left else None
        return d
