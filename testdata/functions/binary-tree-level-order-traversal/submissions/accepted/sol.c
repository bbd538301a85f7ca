/**
 * Return an array of arrays of size *returnSize.
 * The sizes of the arrays are returned as *returnColumnSizes array.
 * Note: Both returned array and *columnSizes array must be malloced, assume caller calls free().
 */
int** levelOrder(struct TreeNode* root, int* returnSize, int** returnColumnSizes) {
    int cap = 2048;
    struct TreeNode** q = malloc(sizeof(struct TreeNode*) * cap);
    int** res = malloc(sizeof(int*) * cap);
    *returnColumnSizes = malloc(sizeof(int) * cap);
    *returnSize = 0;
    int head = 0, tail = 0;
    if (root) q[tail++] = root;
    while (head < tail) {
        int end = tail, n = tail - head;
        int* level = malloc(sizeof(int) * n);
        for (int k = 0; head < end; k++) {
            struct TreeNode* node = q[head++];
            level[k] = node->val;
            if (node->left) q[tail++] = node->left;
            if (node->right) q[tail++] = node->right;
        }
        res[*returnSize] = level;
        (*returnColumnSizes)[*returnSize] = n;
        (*returnSize)++;
    }
    free(q);
    return res;
}
