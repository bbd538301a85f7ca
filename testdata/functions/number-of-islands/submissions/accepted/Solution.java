class Solution {
    public int numIslands(char[][] grid) {
        int m = grid.length, n = grid[0].length, count = 0;
        int[] dr = {1, -1, 0, 0}, dc = {0, 0, 1, -1};
        ArrayDeque<int[]> stack = new ArrayDeque<>();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                if (grid[i][j] != '1') continue;
                count++;
                grid[i][j] = '0';
                stack.push(new int[] {i, j});
                while (!stack.isEmpty()) {
                    int[] p = stack.pop();
                    for (int d = 0; d < 4; d++) {
                        int x = p[0] + dr[d], y = p[1] + dc[d];
                        if (x >= 0 && x < m && y >= 0 && y < n && grid[x][y] == '1') {
                            grid[x][y] = '0';
                            stack.push(new int[] {x, y});
                        }
                    }
                }
            }
        }
        return count;
    }
}
