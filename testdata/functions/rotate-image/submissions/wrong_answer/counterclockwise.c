// Rotates the wrong way: transposes, then reverses the columns.
void rotate(int** matrix, int matrixSize, int* matrixColSize) {
    int n = matrixSize;
    for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
            int t = matrix[i][j];
            matrix[i][j] = matrix[j][i];
            matrix[j][i] = t;
        }
    }
    for (int a = 0, b = n - 1; a < b; a++, b--) {
        int* t = matrix[a];
        matrix[a] = matrix[b];
        matrix[b] = t;
    }
}
