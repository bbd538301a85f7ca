/**
 * @param {number[]} nums
 * @return {number[][]}
 */
var subsets = function(nums) {
    let res = [[]];
    for (const x of nums) {
        res = res.concat(res.map(s => [x, ...s]));
    }
    return res;
};
