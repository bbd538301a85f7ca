func numIslands(grid [][]byte) int {
	m, n := len(grid), len(grid[0])
	parent := make([]int, m*n)
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	count := 0
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			if grid[i][j] != '1' {
				continue
			}
			count++
			for _, d := range [][2]int{{i - 1, j}, {i, j - 1}} {
				if d[0] >= 0 && d[1] >= 0 && grid[d[0]][d[1]] == '1' {
					a, b := find(i*n+j), find(d[0]*n+d[1])
					if a != b {
						parent[a] = b
						count--
					}
				}
			}
		}
	}
	return count
}
