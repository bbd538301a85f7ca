int numIslands(char** grid, int gridSize, int* gridColSize) {
    int m = gridSize, n = gridColSize[0], count = 0;
    int* stack = malloc(sizeof(int) * m * n);
    int dr[] = {1, -1, 0, 0}, dc[] = {0, 0, 1, -1};
    for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
            if (grid[i][j] != '1') continue;
            count++;
            grid[i][j] = '0';
            int top = 0;
            stack[top++] = i * n + j;
            while (top > 0) {
                int p = stack[--top], a = p / n, b = p % n;
                for (int d = 0; d < 4; d++) {
                    int x = a + dr[d], y = b + dc[d];
                    if (x >= 0 && x < m && y >= 0 && y < n && grid[x][y] == '1') {
                        grid[x][y] = '0';
                        stack[top++] = x * n + y;
                    }
                }
            }
        }
    }
    free(stack);
    return count;
}
