char* longestCommonPrefix(char** strs, int strsSize) {
    size_t n = strlen(strs[0]);
    for (int k = 1; k < strsSize; k++) {
        size_t i = 0;
        while (i < n && strs[k][i] && strs[k][i] == strs[0][i]) i++;
        n = i;
    }
    char* res = malloc(n + 1);
    memcpy(res, strs[0], n);
    res[n] = '\0';
    return res;
}
