// Compares only the first two strings.
var longestCommonPrefix = function(strs) {
    if (strs.length === 1) return strs[0];
    const a = strs[0], b = strs[1];
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return a.slice(0, i);
};
