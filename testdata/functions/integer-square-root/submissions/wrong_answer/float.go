// Trusts the rounded floating-point square root.
func floorSqrt(x int64) int64 {
	return int64(math.Sqrt(float64(x)) + 0.5)
}
