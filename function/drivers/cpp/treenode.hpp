namespace verdict_drv {

// A TreeNode is its level order with null holes, trailing nulls trimmed; a
// null tree is [].
template <> struct Conv<TreeNode*> {
    static TreeNode* from(const Json& j) {
        if (j.kind == Json::Null) return nullptr;
        need(j, Json::Arr, "TreeNode (an array)");
        if (j.a.empty() || j.a[0].kind == Json::Null) return nullptr;
        TreeNode* root = new TreeNode(Conv<int>::from(j.a[0]));
        std::vector<TreeNode*> q{root};
        size_t head = 0, i = 1;
        while (i < j.a.size()) {
            if (head >= q.size()) throw InputError("TreeNode: values after the last node's children");
            TreeNode* n = q[head++];
            for (int side = 0; side < 2 && i < j.a.size(); side++, i++) {
                if (j.a[i].kind == Json::Null) continue;
                TreeNode* c = new TreeNode(Conv<int>::from(j.a[i]));
                (side == 0 ? n->left : n->right) = c;
                q.push_back(c);
            }
        }
        return root;
    }
    // A tree may share subtrees (LeetCode writes them out again), so a
    // cycle is told by a size no tree reaches.
    static void to(std::string& o, TreeNode* t) {
        static const size_t limit = 1 << 22;
        o += '[';
        if (t) {
            std::vector<TreeNode*> q{t};
            size_t nodes = 0;
            size_t mark = o.size(); // the output up to the last node written
            for (size_t h = 0; h < q.size(); h++) {
                TreeNode* n = q[h];
                if (h) o += ',';
                if (!n) {
                    o += "null";
                    continue;
                }
                if (++nodes > limit) throw OutputError("the returned tree has a cycle (or over 4194304 nodes)");
                Conv<int>::to(o, n->val);
                mark = o.size();
                q.push_back(n->left);
                q.push_back(n->right);
            }
            o.resize(mark);
        }
        o += ']';
    }
};

} // namespace verdict_drv
