class Solution {
    public List<List<Integer>> levelOrder(TreeNode root) {
        List<List<Integer>> res = new ArrayList<>();
        walk(root, 0, res);
        return res;
    }

    private void walk(TreeNode n, int depth, List<List<Integer>> res) {
        if (n == null) return;
        if (res.size() == depth) res.add(new ArrayList<>());
        res.get(depth).add(n.val);
        walk(n.left, depth + 1, res);
        walk(n.right, depth + 1, res);
    }
}
