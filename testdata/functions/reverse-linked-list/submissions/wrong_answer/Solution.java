class Solution {
    public ListNode reverseList(ListNode head) {
        // Reverses only the first two nodes.
        if (head == null || head.next == null) return head;
        ListNode second = head.next;
        head.next = second.next;
        second.next = head;
        return second;
    }
}
