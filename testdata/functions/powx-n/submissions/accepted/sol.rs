impl Solution {
    pub fn my_pow(x: f64, n: i32) -> f64 {
        let mut e = n as i64;
        let mut x = x;
        if e < 0 {
            x = 1.0 / x;
            e = -e;
        }
        let mut result = 1.0;
        while e > 0 {
            if e & 1 == 1 {
                result *= x;
            }
            x *= x;
            e >>= 1;
        }
        result
    }
}
