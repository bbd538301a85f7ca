/**
 * Definition for singly-linked list.
 * struct ListNode {
 *     int val;
 *     ListNode *next;
 *     ListNode() : val(0), next(nullptr) {}
 *     ListNode(int x) : val(x), next(nullptr) {}
 *     ListNode(int x, ListNode *next) : val(x), next(next) {}
 * };
 */
/**
 * Definition for a binary tree node.
 * struct TreeNode {
 *     int val;
 *     TreeNode *left;
 *     TreeNode *right;
 *     TreeNode() : val(0), left(nullptr), right(nullptr) {}
 *     TreeNode(int x) : val(x), left(nullptr), right(nullptr) {}
 *     TreeNode(int x, TreeNode *left, TreeNode *right) : val(x), left(left), right(right) {}
 * };
 */
class Echo {
    string tag;

public:
    Echo(string tag) : tag(tag) {}

    int echoInt(int x) { return x; }

    long long echoLong(long long x) { return x; }

    double echoDouble(double x) { return x; }

    bool echoBool(bool x) { return x; }

    char echoChar(char x) { return x; }

    string echoString(string x) { return x; }

    vector<int> echoInts(vector<int>& x) { return x; }

    vector<vector<int>> echoMatrix(vector<vector<int>>& x) { return x; }

    vector<string> echoStrings(vector<string>& x) { return x; }

    vector<vector<string>> echoGroups(vector<vector<string>>& x) { return x; }

    vector<double> echoDoubles(vector<double>& x) { return x; }

    vector<bool> echoBools(vector<bool>& x) { return x; }

    vector<vector<char>> echoGrid(vector<vector<char>>& x) { return x; }

    vector<long long> echoLongs(vector<long long>& x) { return x; }

    // Rebuild the list, to check the driver's ListNode.
    ListNode* echoList(ListNode* x) {
        ListNode dummy;
        ListNode* tail = &dummy;
        for (; x; x = x->next) {
            tail->next = new ListNode(x->val);
            tail = tail->next;
        }
        return dummy.next;
    }

    TreeNode* echoTree(TreeNode* x) {
        if (!x) return nullptr;
        return new TreeNode(x->val, echoTree(x->left), echoTree(x->right));
    }

    vector<int> echoIntList(vector<int>& x) { return x; }

    string pick(int i, vector<string>& words) { return words.at(i); }

    void setTag(string tag) { this->tag = tag; }

    string getTag() { return tag; }
};

/**
 * Your Echo object will be instantiated and called as such:
 * Echo* obj = new Echo(tag);
 * int param_1 = obj->echoInt(x);
 */
