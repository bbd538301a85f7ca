impl Solution {
    pub fn longest_common_prefix(strs: Vec<String>) -> String {
        let mut p: Vec<char> = strs[0].chars().collect();
        for s in strs.iter().skip(1) {
            let n = p.iter().zip(s.chars()).take_while(|(a, b)| **a == *b).count();
            p.truncate(n);
        }
        p.into_iter().collect()
    }
}
