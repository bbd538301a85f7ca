class Solution:
    def findWords(self, words: List[str]) -> List[str]:
        # Returns the words in lower case.
        rows = [set("qwertyuiop"), set("asdfghjkl"), set("zxcvbnm")]
        return [w.lower() for w in words if any(set(w.lower()) <= r for r in rows)]
