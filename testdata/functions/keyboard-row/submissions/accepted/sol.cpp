class Solution {
public:
    vector<string> findWords(vector<string>& words) {
        const string rows[3] = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
        int rowOf[26];
        for (int r = 0; r < 3; r++)
            for (char c : rows[r]) rowOf[c - 'a'] = r;
        vector<string> res;
        for (const string& w : words) {
            int r = rowOf[tolower(w[0]) - 'a'];
            bool ok = true;
            for (char c : w) ok = ok && rowOf[tolower(c) - 'a'] == r;
            if (ok) res.push_back(w);
        }
        return res;
    }
};
