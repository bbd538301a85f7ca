/**
 * Note: The returned array must be malloced, assume caller calls free().
 */
int* spiralOrder(int** matrix, int matrixSize, int* matrixColSize, int* returnSize) {
    int m = matrixSize, n = matrixColSize[0];
    int* res = malloc(sizeof(int) * m * n);
    int k = 0;
    int top = 0, bottom = m - 1, left = 0, right = n - 1;
    while (top <= bottom && left <= right) {
        for (int j = left; j <= right; j++) res[k++] = matrix[top][j];
        for (int i = top + 1; i <= bottom; i++) res[k++] = matrix[i][right];
        if (top < bottom && left < right) {
            for (int j = right - 1; j >= left; j--) res[k++] = matrix[bottom][j];
            for (int i = bottom - 1; i > top; i--) res[k++] = matrix[i][left];
        }
        top++; bottom--; left++; right--;
    }
    *returnSize = k;
    return res;
}
