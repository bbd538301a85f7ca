// Tries every start: O(n^2) on 10^5 elements.
var maxSubarraySum = function(nums) {
    let best = -Infinity;
    for (let i = 0; i < nums.length; i++) {
        let s = 0;
        for (let j = i; j < nums.length; j++) {
            s += nums[j];
            if (s > best) best = s;
        }
    }
    return best;
};
