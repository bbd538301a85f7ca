// Joins land that touches diagonally too.
func numIslands(grid [][]byte) int {
	m, n := len(grid), len(grid[0])
	count := 0
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			if grid[i][j] != '1' {
				continue
			}
			count++
			grid[i][j] = '0'
			stack := [][2]int{{i, j}}
			for len(stack) > 0 {
				p := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				for dx := -1; dx <= 1; dx++ {
					for dy := -1; dy <= 1; dy++ {
						x, y := p[0]+dx, p[1]+dy
						if x >= 0 && x < m && y >= 0 && y < n && grid[x][y] == '1' {
							grid[x][y] = '0'
							stack = append(stack, [2]int{x, y})
						}
					}
				}
			}
		}
	}
	return count
}
