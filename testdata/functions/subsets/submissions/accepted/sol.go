func subsets(nums []int) [][]int {
	res := [][]int{}
	var cur []int
	var dfs func(int)
	dfs = func(i int) {
		if i == len(nums) {
			res = append(res, append([]int{}, cur...))
			return
		}
		dfs(i + 1)
		cur = append(cur, nums[i])
		dfs(i + 1)
		cur = cur[:len(cur)-1]
	}
	dfs(0)
	return res
}
