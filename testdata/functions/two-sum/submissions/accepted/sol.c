/**
 * Note: The returned array must be malloced, assume caller calls free().
 */
typedef struct { int val, idx; } Pair;

static int cmpPair(const void* a, const void* b) {
    const Pair* x = a;
    const Pair* y = b;
    return (x->val > y->val) - (x->val < y->val);
}

int* twoSum(int* nums, int numsSize, int target, int* returnSize) {
    Pair* p = malloc(sizeof(Pair) * numsSize);
    for (int i = 0; i < numsSize; i++) {
        p[i].val = nums[i];
        p[i].idx = i;
    }
    qsort(p, numsSize, sizeof(Pair), cmpPair);
    int* res = malloc(sizeof(int) * 2);
    *returnSize = 0;
    int lo = 0, hi = numsSize - 1;
    while (lo < hi) {
        long long s = (long long)p[lo].val + p[hi].val;
        if (s == target) {
            res[0] = p[lo].idx;
            res[1] = p[hi].idx;
            *returnSize = 2;
            break;
        }
        if (s < target) lo++; else hi--;
    }
    free(p);
    return res;
}
