class Solution {
    public TreeNode invertTree(TreeNode root) {
        // Assumes every node has two children.
        TreeNode l = root.left;
        root.left = root.right.left == null ? root.right : invertTree(root.right);
        root.right = l.left == null ? l : invertTree(l);
        return root;
    }
}
