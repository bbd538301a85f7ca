class Solution {
    public void rotate(int[][] matrix) {
        int n = matrix.length;
        for (int layer = 0; layer < n / 2; layer++) {
            int first = layer, last = n - 1 - layer;
            for (int i = first; i < last; i++) {
                int off = i - first;
                int top = matrix[first][i];
                matrix[first][i] = matrix[last - off][first];
                matrix[last - off][first] = matrix[last][last - off];
                matrix[last][last - off] = matrix[i][last];
                matrix[i][last] = top;
            }
        }
    }
}
