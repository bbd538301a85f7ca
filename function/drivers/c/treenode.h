/* A TreeNode is its level order with null holes, trailing nulls trimmed;
 * a null tree is []. */
VD_FN struct TreeNode* vd_new_tree(const vd_json* j) {
    struct TreeNode* t = calloc(1, sizeof(struct TreeNode));
    t->val = vd_get_int(j);
    return t;
}

VD_FN struct TreeNode* vd_get_tree(const vd_json* j) {
    if (j->kind == VD_NULL) return NULL;
    vd_need(j, VD_ARR, "TreeNode (an array)");
    if (j->n == 0 || j->a[0].kind == VD_NULL) return NULL;
    struct TreeNode** q = malloc(j->n * sizeof *q);
    size_t qn = 0, head = 0, i = 1;
    struct TreeNode* root = q[qn++] = vd_new_tree(&j->a[0]);
    while (i < j->n) {
        if (head >= qn) vd_bad("TreeNode: values after the last node's children");
        struct TreeNode* n = q[head++];
        for (int side = 0; side < 2 && i < j->n; side++, i++) {
            if (j->a[i].kind == VD_NULL) continue;
            struct TreeNode* c = vd_new_tree(&j->a[i]);
            if (side == 0) n->left = c;
            else n->right = c;
            q[qn++] = c;
        }
    }
    free(q);
    return root;
}

/* A tree may share subtrees (LeetCode writes them out again), so a cycle
 * is told by a size no tree reaches. */
VD_FN void vd_put_tree(vd_buf* o, struct TreeNode* t) {
    const size_t limit = 1 << 22;
    vd_putc(o, '[');
    if (t) {
        size_t cap = 64, qn = 0, nodes = 0, mark = o->n;
        struct TreeNode** q = malloc(cap * sizeof *q);
        q[qn++] = t;
        for (size_t h = 0; h < qn; h++) {
            struct TreeNode* n = q[h];
            if (h) vd_putc(o, ',');
            if (!n) {
                vd_puts(o, "null");
                continue;
            }
            if (++nodes > limit) vd_fail("the returned tree has a cycle (or over 4194304 nodes)");
            vd_put_int(o, n->val);
            mark = o->n;
            if (qn + 2 > cap) {
                cap *= 2;
                q = realloc(q, cap * sizeof *q);
            }
            q[qn++] = n->left;
            q[qn++] = n->right;
        }
        o->n = mark;
        free(q);
    }
    vd_putc(o, ']');
}

VD_ARRAYS(tree, struct TreeNode*)
