// Keeps one minimum and does not restore it after a pop.
var MinStack = function() {
    this.vals = [];
    this.min = Infinity;
};

MinStack.prototype.push = function(val) {
    this.vals.push(val);
    this.min = Math.min(this.min, val);
};

MinStack.prototype.pop = function() {
    this.vals.pop();
};

MinStack.prototype.top = function() {
    return this.vals[this.vals.length - 1];
};

MinStack.prototype.getMin = function() {
    return this.min;
};
