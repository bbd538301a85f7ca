impl Solution {
    pub fn find_words(words: Vec<String>) -> Vec<String> {
        let rows = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
        words
            .into_iter()
            .filter(|w| {
                let lw = w.to_lowercase();
                rows.iter().any(|row| lw.chars().all(|c| row.contains(c)))
            })
            .collect()
    }
}
