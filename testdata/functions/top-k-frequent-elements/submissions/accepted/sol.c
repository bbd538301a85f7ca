/**
 * Note: The returned array must be malloced, assume caller calls free().
 */
#define OFFSET 10000

typedef struct { int val, cnt; } Item;

static int byCount(const void* a, const void* b) {
    return ((const Item*)b)->cnt - ((const Item*)a)->cnt;
}

int* topKFrequent(int* nums, int numsSize, int k, int* returnSize) {
    int* cnt = calloc(2 * OFFSET + 1, sizeof(int));
    for (int i = 0; i < numsSize; i++) cnt[nums[i] + OFFSET]++;
    Item* items = malloc(sizeof(Item) * (2 * OFFSET + 1));
    int n = 0;
    for (int v = 0; v <= 2 * OFFSET; v++) {
        if (cnt[v]) {
            items[n].val = v - OFFSET;
            items[n].cnt = cnt[v];
            n++;
        }
    }
    qsort(items, n, sizeof(Item), byCount);
    int* res = malloc(sizeof(int) * k);
    for (int i = 0; i < k; i++) res[i] = items[i].val;
    *returnSize = k;
    free(cnt);
    free(items);
    return res;
}
