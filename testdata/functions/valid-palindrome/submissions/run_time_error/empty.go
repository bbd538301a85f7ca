func isPalindrome(s string) bool {
	var t []byte
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		if (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') {
			t = append(t, c)
		}
	}
	// Looks at the first letter even when there is none.
	if t[0] != t[len(t)-1] {
		return false
	}
	for i, j := 0, len(t)-1; i < j; i, j = i+1, j-1 {
		if t[i] != t[j] {
			return false
		}
	}
	return true
}
