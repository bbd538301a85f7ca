func topKFrequent(nums []int, k int) []int {
	cnt := map[int]int{}
	for _, x := range nums {
		cnt[x]++
	}
	keys := make([]int, 0, len(cnt))
	for x := range cnt {
		keys = append(keys, x)
	}
	sort.Slice(keys, func(i, j int) bool { return cnt[keys[i]] > cnt[keys[j]] })
	return keys[:k]
}
