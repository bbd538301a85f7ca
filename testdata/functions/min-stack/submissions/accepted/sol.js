class MinStack {
    constructor() {
        this.vals = [];
        this.mins = [];
    }

    /** @param {number} val */
    push(val) {
        this.vals.push(val);
        this.mins.push(this.mins.length ? Math.min(val, this.mins[this.mins.length - 1]) : val);
    }

    pop() {
        this.vals.pop();
        this.mins.pop();
    }

    /** @return {number} */
    top() {
        return this.vals[this.vals.length - 1];
    }

    /** @return {number} */
    getMin() {
        return this.mins[this.mins.length - 1];
    }
}
