func floorSqrt(x int64) int64 {
	lo, hi := int64(0), int64(1)<<27
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if mid*mid <= x {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}
