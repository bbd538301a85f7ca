/**
 * Definition for singly-linked list.
 * struct ListNode {
 *     int val;
 *     struct ListNode *next;
 * };
 */
/**
 * Definition for a binary tree node.
 * struct TreeNode {
 *     int val;
 *     struct TreeNode *left;
 *     struct TreeNode *right;
 * };
 */

typedef struct {
    char* tag;
} Echo;

static char* copyString(const char* s) {
    char* c = malloc(strlen(s) + 1);
    strcpy(c, s);
    return c;
}

Echo* echoCreate(char* tag) {
    Echo* obj = malloc(sizeof(Echo));
    obj->tag = copyString(tag);
    return obj;
}

int echoEchoInt(Echo* obj, int x) { return x; }

long long echoEchoLong(Echo* obj, long long x) { return x; }

double echoEchoDouble(Echo* obj, double x) { return x; }

bool echoEchoBool(Echo* obj, bool x) { return x; }

char echoEchoChar(Echo* obj, char x) { return x; }

char* echoEchoString(Echo* obj, char* x) { return copyString(x); }

int* echoEchoInts(Echo* obj, int* x, int xSize, int* retSize) {
    int* r = malloc(sizeof(int) * (xSize + 1));
    memcpy(r, x, sizeof(int) * xSize);
    *retSize = xSize;
    return r;
}

int** echoEchoMatrix(Echo* obj, int** x, int xSize, int* xColSize, int* retSize, int** retColSize) {
    int** r = malloc(sizeof(int*) * (xSize + 1));
    *retColSize = malloc(sizeof(int) * (xSize + 1));
    for (int i = 0; i < xSize; i++) {
        r[i] = malloc(sizeof(int) * (xColSize[i] + 1));
        memcpy(r[i], x[i], sizeof(int) * xColSize[i]);
        (*retColSize)[i] = xColSize[i];
    }
    *retSize = xSize;
    return r;
}

char** echoEchoStrings(Echo* obj, char** x, int xSize, int* retSize) {
    char** r = malloc(sizeof(char*) * (xSize + 1));
    for (int i = 0; i < xSize; i++) r[i] = copyString(x[i]);
    *retSize = xSize;
    return r;
}

char*** echoEchoGroups(Echo* obj, char*** x, int xSize, int* xColSize, int* retSize, int** retColSize) {
    char*** r = malloc(sizeof(char**) * (xSize + 1));
    *retColSize = malloc(sizeof(int) * (xSize + 1));
    for (int i = 0; i < xSize; i++) {
        r[i] = echoEchoStrings(obj, x[i], xColSize[i], &(*retColSize)[i]);
    }
    *retSize = xSize;
    return r;
}

double* echoEchoDoubles(Echo* obj, double* x, int xSize, int* retSize) {
    double* r = malloc(sizeof(double) * (xSize + 1));
    memcpy(r, x, sizeof(double) * xSize);
    *retSize = xSize;
    return r;
}

bool* echoEchoBools(Echo* obj, bool* x, int xSize, int* retSize) {
    bool* r = malloc(sizeof(bool) * (xSize + 1));
    memcpy(r, x, sizeof(bool) * xSize);
    *retSize = xSize;
    return r;
}

char** echoEchoGrid(Echo* obj, char** x, int xSize, int* xColSize, int* retSize, int** retColSize) {
    char** r = malloc(sizeof(char*) * (xSize + 1));
    *retColSize = malloc(sizeof(int) * (xSize + 1));
    for (int i = 0; i < xSize; i++) {
        r[i] = malloc(xColSize[i] + 1);
        memcpy(r[i], x[i], xColSize[i]);
        (*retColSize)[i] = xColSize[i];
    }
    *retSize = xSize;
    return r;
}

long long* echoEchoLongs(Echo* obj, long long* x, int xSize, int* retSize) {
    long long* r = malloc(sizeof(long long) * (xSize + 1));
    memcpy(r, x, sizeof(long long) * xSize);
    *retSize = xSize;
    return r;
}

/* Rebuild the list, to check the driver's ListNode. */
struct ListNode* echoEchoList(Echo* obj, struct ListNode* x) {
    struct ListNode dummy = {0, NULL};
    struct ListNode* tail = &dummy;
    for (; x; x = x->next) {
        tail->next = malloc(sizeof(struct ListNode));
        tail = tail->next;
        tail->val = x->val;
        tail->next = NULL;
    }
    return dummy.next;
}

struct TreeNode* echoEchoTree(Echo* obj, struct TreeNode* x) {
    if (!x) return NULL;
    struct TreeNode* t = malloc(sizeof(struct TreeNode));
    t->val = x->val;
    t->left = echoEchoTree(obj, x->left);
    t->right = echoEchoTree(obj, x->right);
    return t;
}

int* echoEchoIntList(Echo* obj, int* x, int xSize, int* retSize) {
    return echoEchoInts(obj, x, xSize, retSize);
}

char* echoPick(Echo* obj, int i, char** words, int wordsSize) {
    return words[i];
}

void echoSetTag(Echo* obj, char* tag) {
    free(obj->tag);
    obj->tag = copyString(tag);
}

char* echoGetTag(Echo* obj) {
    return obj->tag;
}

void echoFree(Echo* obj) {
    free(obj->tag);
    free(obj);
}

/**
 * Your Echo struct will be instantiated and called as such:
 * Echo* obj = echoCreate(tag);
 * int param_1 = echoEchoInt(obj, x);
 * echoFree(obj);
*/
