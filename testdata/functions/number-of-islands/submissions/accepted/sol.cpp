class Solution {
public:
    int numIslands(vector<vector<char>>& grid) {
        int m = grid.size(), n = grid[0].size(), count = 0;
        int dr[] = {1, -1, 0, 0}, dc[] = {0, 0, 1, -1};
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                if (grid[i][j] != '1') continue;
                count++;
                grid[i][j] = '0';
                queue<pair<int, int>> q;
                q.push({i, j});
                while (!q.empty()) {
                    auto [a, b] = q.front();
                    q.pop();
                    for (int d = 0; d < 4; d++) {
                        int x = a + dr[d], y = b + dc[d];
                        if (x >= 0 && x < m && y >= 0 && y < n && grid[x][y] == '1') {
                            grid[x][y] = '0';
                            q.push({x, y});
                        }
                    }
                }
            }
        }
        return count;
    }
};
