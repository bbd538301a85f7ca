impl Solution {
    pub fn max_subarray_sum(nums: Vec<i32>) -> i64 {
        let mut best = nums[0] as i64;
        let mut cur = nums[0] as i64;
        for &x in &nums[1..] {
            cur = (x as i64).max(cur + x as i64);
            best = best.max(cur);
        }
        best
    }
}
