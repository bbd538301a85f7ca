func longestCommonPrefix(strs []string) string {
	for i := 0; i < len(strs[0]); i++ {
		c := strs[0][i]
		for _, s := range strs[1:] {
			// Forgets that s may be shorter than strs[0].
			if s[i] != c {
				return strs[0][:i]
			}
		}
	}
	return strs[0]
}
