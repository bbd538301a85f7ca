namespace verdict_drv {

// A ListNode is the JSON array of its values; a null list is [].
template <> struct Conv<ListNode*> {
    static ListNode* from(const Json& j) {
        if (j.kind == Json::Null) return nullptr;
        need(j, Json::Arr, "ListNode (an array)");
        ListNode head;
        ListNode* t = &head;
        for (const Json& e : j.a) {
            t->next = new ListNode(Conv<int>::from(e));
            t = t->next;
        }
        return head.next;
    }
    static void to(std::string& o, ListNode* l) {
        o += '[';
        // slow is node k/2 when p is node k: they meet only on a cycle.
        ListNode* slow = l;
        size_t k = 0;
        for (ListNode* p = l; p; p = p->next, k++) {
            if (k) {
                if (k % 2 == 0) slow = slow->next;
                if (p == slow) throw OutputError("the returned linked list has a cycle");
                o += ',';
            }
            Conv<int>::to(o, p->val);
        }
        o += ']';
    }
};

} // namespace verdict_drv
