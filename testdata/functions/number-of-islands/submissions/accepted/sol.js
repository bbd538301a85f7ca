/**
 * @param {character[][]} grid
 * @return {number}
 */
var numIslands = function(grid) {
    const m = grid.length, n = grid[0].length;
    let count = 0;
    for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
            if (grid[i][j] !== '1') continue;
            count++;
            grid[i][j] = '0';
            const stack = [[i, j]];
            while (stack.length) {
                const [a, b] = stack.pop();
                for (const [x, y] of [[a + 1, b], [a - 1, b], [a, b + 1], [a, b - 1]]) {
                    if (x >= 0 && x < m && y >= 0 && y < n && grid[x][y] === '1') {
                        grid[x][y] = '0';
                        stack.push([x, y]);
                    }
                }
            }
        }
    }
    return count;
};
