typedef struct Trie {
    struct Trie* next[26];
    bool end;
} Trie;

Trie* trieCreate() {
    return calloc(1, sizeof(Trie));
}

void trieInsert(Trie* obj, char* word) {
    for (; *word; word++) {
        int c = *word - 'a';
        if (!obj->next[c]) obj->next[c] = trieCreate();
        obj = obj->next[c];
    }
    obj->end = true;
}

static Trie* trieFind(Trie* obj, const char* s) {
    for (; obj && *s; s++) obj = obj->next[*s - 'a'];
    return obj;
}

bool trieSearch(Trie* obj, char* word) {
    Trie* n = trieFind(obj, word);
    return n && n->end;
}

bool trieStartsWith(Trie* obj, char* prefix) {
    return trieFind(obj, prefix) != NULL;
}

void trieFree(Trie* obj) {
    if (!obj) return;
    for (int i = 0; i < 26; i++) trieFree(obj->next[i]);
    free(obj);
}
