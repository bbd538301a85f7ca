/**
 * Note: The returned array must be malloced, assume caller calls free().
 */
#include <ctype.h>

char** findWords(char** words, int wordsSize, int* returnSize) {
    const char* rows[3] = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
    int rowOf[26];
    for (int r = 0; r < 3; r++)
        for (const char* p = rows[r]; *p; p++) rowOf[*p - 'a'] = r;
    char** res = malloc(sizeof(char*) * (wordsSize > 0 ? wordsSize : 1));
    *returnSize = 0;
    for (int i = 0; i < wordsSize; i++) {
        const char* w = words[i];
        int r = rowOf[tolower((unsigned char)w[0]) - 'a'];
        bool ok = true;
        for (const char* p = w; *p; p++) {
            if (rowOf[tolower((unsigned char)*p) - 'a'] != r) ok = false;
        }
        if (ok) {
            res[*returnSize] = malloc(strlen(w) + 1);
            strcpy(res[*returnSize], w);
            (*returnSize)++;
        }
    }
    return res;
}
