// Leaves out the empty subset.
func subsets(nums []int) [][]int {
	res := [][]int{}
	for mask := 1; mask < 1<<len(nums); mask++ {
		s := []int{}
		for i, x := range nums {
			if mask>>i&1 == 1 {
				s = append(s, x)
			}
		}
		res = append(res, s)
	}
	return res
}
