impl Solution {
    pub fn num_islands(grid: Vec<Vec<char>>) -> i32 {
        let mut grid = grid;
        let (m, n) = (grid.len(), grid[0].len());
        let mut count = 0;
        for i in 0..m {
            for j in 0..n {
                if grid[i][j] != '1' {
                    continue;
                }
                count += 1;
                grid[i][j] = '0';
                let mut stack = vec![(i, j)];
                while let Some((a, b)) = stack.pop() {
                    let mut next = Vec::with_capacity(4);
                    if a > 0 { next.push((a - 1, b)); }
                    if a + 1 < m { next.push((a + 1, b)); }
                    if b > 0 { next.push((a, b - 1)); }
                    if b + 1 < n { next.push((a, b + 1)); }
                    for (x, y) in next {
                        if grid[x][y] == '1' {
                            grid[x][y] = '0';
                            stack.push((x, y));
                        }
                    }
                }
            }
        }
        count
    }
}
