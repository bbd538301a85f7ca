func maxSubarraySum(nums []int) int64 {
	best, cur := int64(nums[0]), int64(nums[0])
	for _, x := range nums[1:] {
		cur = max(int64(x), cur+int64(x))
		best = max(best, cur)
	}
	return best
}
