#define MAXKEY 10001

typedef struct Node {
    int key, val;
    struct Node *prev, *next;
} Node;

typedef struct {
    int capacity, size;
    Node* byKey[MAXKEY];
    Node head;  // sentinel: head.next is the most recent
} LRUCache;

static void unlinkNode(Node* n) {
    n->prev->next = n->next;
    n->next->prev = n->prev;
}

static void pushFront(LRUCache* c, Node* n) {
    n->prev = &c->head;
    n->next = c->head.next;
    c->head.next->prev = n;
    c->head.next = n;
}

LRUCache* lRUCacheCreate(int capacity) {
    LRUCache* c = calloc(1, sizeof(LRUCache));
    c->capacity = capacity;
    c->head.prev = c->head.next = &c->head;
    return c;
}

int lRUCacheGet(LRUCache* obj, int key) {
    Node* n = obj->byKey[key];
    if (!n) return -1;
    unlinkNode(n);
    pushFront(obj, n);
    return n->val;
}

void lRUCachePut(LRUCache* obj, int key, int value) {
    Node* n = obj->byKey[key];
    if (n) {
        n->val = value;
        unlinkNode(n);
        pushFront(obj, n);
        return;
    }
    n = malloc(sizeof(Node));
    n->key = key;
    n->val = value;
    obj->byKey[key] = n;
    pushFront(obj, n);
    if (++obj->size > obj->capacity) {
        Node* last = obj->head.prev;
        unlinkNode(last);
        obj->byKey[last->key] = NULL;
        free(last);
        obj->size--;
    }
}

void lRUCacheFree(LRUCache* obj) {
    Node* n = obj->head.next;
    while (n != &obj->head) {
        Node* next = n->next;
        free(n);
        n = next;
    }
    free(obj);
}

/**
 * Your LRUCache struct will be instantiated and called as such:
 * LRUCache* obj = lRUCacheCreate(capacity);
 * int param_1 = lRUCacheGet(obj, key);
 * lRUCachePut(obj, key, value);
 * lRUCacheFree(obj);
 */
