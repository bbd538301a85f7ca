var reverseList = function(head) {
    // Reads head.next without checking for the empty list.
    let prev = null, cur = head, next = head.next;
    while (cur !== null) {
        cur.next = prev;
        prev = cur;
        cur = next;
        next = next === null ? null : next.next;
    }
    return prev;
};
