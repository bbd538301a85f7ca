/**
 * Return an array of arrays of size *returnSize.
 * The sizes of the arrays are returned as *returnColumnSizes array.
 * Note: Both returned array and *columnSizes array must be malloced, assume caller calls free().
 */
int** subsets(int* nums, int numsSize, int* returnSize, int** returnColumnSizes) {
    int total = 1 << numsSize;
    int** res = malloc(sizeof(int*) * total);
    *returnColumnSizes = malloc(sizeof(int) * total);
    for (int mask = 0; mask < total; mask++) {
        int k = 0;
        res[mask] = malloc(sizeof(int) * (numsSize > 0 ? numsSize : 1));
        for (int i = 0; i < numsSize; i++) {
            if (mask >> i & 1) res[mask][k++] = nums[i];
        }
        (*returnColumnSizes)[mask] = k;
    }
    *returnSize = total;
    return res;
}
