class Trie {
    struct Node {
        Node* next[26] = {};
        bool end = false;
    };
    Node* root;

    Node* find(const string& s) {
        Node* n = root;
        for (char c : s) {
            n = n->next[c - 'a'];
            if (!n) return nullptr;
        }
        return n;
    }

public:
    Trie() : root(new Node()) {}

    void insert(string word) {
        Node* n = root;
        for (char c : word) {
            if (!n->next[c - 'a']) n->next[c - 'a'] = new Node();
            n = n->next[c - 'a'];
        }
        n->end = true;
    }

    bool search(string word) {
        Node* n = find(word);
        return n && n->end;
    }

    bool startsWith(string prefix) { return find(prefix) != nullptr; }
};
