struct ListNode* mergeTwoLists(struct ListNode* list1, struct ListNode* list2) {
    // Compares the heads without checking for empty lists.
    if (list1->val > list2->val) {
        struct ListNode* t = list1;
        list1 = list2;
        list2 = t;
    }
    struct ListNode* head = list1;
    while (list1->next && list2) {
        if (list1->next->val <= list2->val) {
            list1 = list1->next;
        } else {
            struct ListNode* t = list1->next;
            list1->next = list2;
            list2 = t;
            list1 = list1->next;
        }
    }
    if (list2) list1->next = list2;
    return head;
}
