/**
 * @param {number} x
 * @return {number}
 */
var floorSqrt = function(x) {
    x = Number(x);
    let r = Math.floor(Math.sqrt(x));
    while (r * r > x) r--;
    while ((r + 1) * (r + 1) <= x) r++;
    return r;
};
