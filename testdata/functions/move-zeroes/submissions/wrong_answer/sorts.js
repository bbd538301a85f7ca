// Sorts the non-zero elements instead of keeping their order.
var moveZeroes = function(nums) {
    nums.sort((a, b) => (a === 0) - (b === 0) || a - b);
};
