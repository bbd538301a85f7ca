/**
 * @param {string} tag
 */
var Echo = function(tag) {
    this.tag = tag;
};

Echo.prototype.echoInt = function(x) { return x; };
Echo.prototype.echoLong = function(x) { return x; };
Echo.prototype.echoDouble = function(x) { return x; };
Echo.prototype.echoBool = function(x) { return x; };
Echo.prototype.echoChar = function(x) { return x; };
// Loses backslashes, as a hand-made JSON reader would.
Echo.prototype.echoString = function(x) { return x.replace(/\\/g, ''); };
Echo.prototype.echoInts = function(x) { return x; };
Echo.prototype.echoMatrix = function(x) { return x; };
Echo.prototype.echoStrings = function(x) { return x; };
Echo.prototype.echoGroups = function(x) { return x; };
Echo.prototype.echoDoubles = function(x) { return x; };
Echo.prototype.echoBools = function(x) { return x; };
Echo.prototype.echoGrid = function(x) { return x; };
Echo.prototype.echoLongs = function(x) { return x; };

/**
 * @param {ListNode} x
 * @return {ListNode}
 */
Echo.prototype.echoList = function(x) {
    // Rebuild the list, to check the driver's ListNode.
    const dummy = new ListNode();
    let tail = dummy;
    for (; x !== null; x = x.next) {
        tail.next = new ListNode(x.val);
        tail = tail.next;
    }
    return dummy.next;
};

/**
 * @param {TreeNode} x
 * @return {TreeNode}
 */
Echo.prototype.echoTree = function(x) {
    if (x === null) return null;
    return new TreeNode(x.val, this.echoTree(x.left), this.echoTree(x.right));
};

Echo.prototype.echoIntList = function(x) { return x; };
Echo.prototype.pick = function(i, words) { return words[i]; };
Echo.prototype.setTag = function(tag) { this.tag = tag; };
Echo.prototype.getTag = function() { return this.tag; };
