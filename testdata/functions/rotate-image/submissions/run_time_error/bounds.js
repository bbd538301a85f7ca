var rotate = function(matrix) {
    const n = matrix.length;
    const copy = matrix.map(r => r.slice());
    for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
            // Wrong index: n - j instead of n - 1 - j.
            matrix[i][j] = copy[n - j][i];
        }
    }
};
