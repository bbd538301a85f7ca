/**
 * @param {string} s
 * @return {boolean}
 */
var isValid = function(s) {
    const close = { ')': '(', ']': '[', '}': '{' };
    const st = [];
    for (const c of s) {
        if (c in close) {
            if (st.pop() !== close[c]) return false;
        } else {
            st.push(c);
        }
    }
    return st.length === 0;
};
