bool isValid(char* s) {
    int n = strlen(s), top = 0;
    char* st = malloc(n + 1);
    bool ok = true;
    for (int i = 0; i < n && ok; i++) {
        char c = s[i];
        if (c == '(' || c == '[' || c == '{') {
            st[top++] = c;
        } else {
            char want = c == ')' ? '(' : c == ']' ? '[' : '{';
            if (top == 0 || st[top - 1] != want) ok = false;
            else top--;
        }
    }
    free(st);
    return ok && top == 0;
}
