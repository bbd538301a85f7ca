/**
 * @param {number} n
 * @return {string[]}
 */
var fizzBuzz = function(n) {
    return Array.from({ length: n }, (_, k) => {
        const i = k + 1;
        return (i % 3 ? '' : 'Fizz') + (i % 5 ? '' : 'Buzz') || String(i);
    });
};
