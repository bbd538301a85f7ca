impl Solution {
    pub fn is_valid(s: String) -> bool {
        let mut st = Vec::new();
        for c in s.chars() {
            match c {
                '(' => st.push(')'),
                '[' => st.push(']'),
                '{' => st.push('}'),
                _ => {
                    if st.pop() != Some(c) {
                        return false;
                    }
                }
            }
        }
        st.is_empty()
    }
}
