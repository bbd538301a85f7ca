impl Solution {
    pub fn floor_sqrt(x: i64) -> i64 {
        let (mut lo, mut hi) = (0i64, 1i64 << 27);
        while lo < hi {
            let mid = (lo + hi + 1) / 2;
            if mid * mid <= x {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        lo
    }
}
