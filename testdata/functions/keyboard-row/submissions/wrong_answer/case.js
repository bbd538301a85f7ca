// Forgets that letters are case-insensitive.
var findWords = function(words) {
    const rows = [/^[qwertyuiop]+$/, /^[asdfghjkl]+$/, /^[zxcvbnm]+$/];
    return words.filter(w => rows.some(r => r.test(w)));
};
