/* A ListNode is the JSON array of its values; a null list is []. */
VD_FN struct ListNode* vd_get_list(const vd_json* j) {
    if (j->kind == VD_NULL) return NULL;
    vd_need(j, VD_ARR, "ListNode (an array)");
    struct ListNode head = {0, NULL};
    struct ListNode* t = &head;
    for (size_t i = 0; i < j->n; i++) {
        t->next = calloc(1, sizeof(struct ListNode));
        t = t->next;
        t->val = vd_get_int(&j->a[i]);
    }
    return head.next;
}

VD_FN void vd_put_list(vd_buf* o, struct ListNode* l) {
    vd_putc(o, '[');
    /* slow is node k/2 when p is node k: they meet only on a cycle. */
    struct ListNode* slow = l;
    size_t k = 0;
    for (struct ListNode* p = l; p; p = p->next, k++) {
        if (k) {
            if (k % 2 == 0) slow = slow->next;
            if (p == slow) vd_fail("the returned linked list has a cycle");
            vd_putc(o, ',');
        }
        vd_put_int(o, p->val);
    }
    vd_putc(o, ']');
}

VD_ARRAYS(list, struct ListNode*)
