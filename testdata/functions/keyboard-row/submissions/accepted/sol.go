func findWords(words []string) []string {
	rows := []string{"qwertyuiop", "asdfghjkl", "zxcvbnm"}
	res := []string{}
	for _, w := range words {
		lw := strings.ToLower(w)
		for _, row := range rows {
			ok := true
			for _, c := range lw {
				if !strings.ContainsRune(row, c) {
					ok = false
					break
				}
			}
			if ok {
				res = append(res, w)
				break
			}
		}
	}
	return res
}
