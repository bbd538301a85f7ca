/**
 * @param {string[]} strs
 * @return {string}
 */
function longestCommonPrefix(strs) {
    let p = strs[0];
    for (const s of strs) {
        let i = 0;
        while (i < p.length && i < s.length && p[i] === s[i]) i++;
        p = p.slice(0, i);
    }
    return p;
}
