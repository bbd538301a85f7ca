/**
 * @param {character[]} letters
 * @param {character} target
 * @return {character}
 */
var nextGreatestLetter = function(letters, target) {
    for (const c of letters) {
        if (c > target) return c;
    }
    return letters[0];
};
