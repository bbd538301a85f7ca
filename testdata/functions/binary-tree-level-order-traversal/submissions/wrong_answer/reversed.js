// Goes right to left on every level.
var levelOrder = function(root) {
    const res = [];
    let level = root ? [root] : [];
    while (level.length) {
        res.push(level.map(n => n.val));
        const next = [];
        for (const n of level) {
            if (n.right) next.push(n.right);
            if (n.left) next.push(n.left);
        }
        level = next;
    }
    return res;
};
