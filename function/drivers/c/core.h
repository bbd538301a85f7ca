/* Verdict's C driver library: a JSON parser, builders of LeetCode's C
 * types from JSON, exact JSON output, the results file. It comes before
 * the user's code, so that the user's macros cannot change it; every name
 * starts with vd_. */
#define VD_FN static __attribute__((unused))

enum { VD_NULL, VD_BOOL, VD_NUM, VD_STR, VD_ARR, VD_OBJ };

/* vd_json is a parsed JSON value. Numbers keep their text, so that a long
 * reads back exactly. */
typedef struct vd_json {
    int kind;
    bool b;           /* a boolean's value; a number: no fraction, no exponent */
    char* s;          /* a string's value (NUL-terminated) */
    size_t len;       /* its length in bytes, or the length of a number's text */
    const char* np;   /* a number's text, in the input (which lives as long as the program) */
    struct vd_json* a; /* an array's elements, an object's values */
    size_t n;
    char** keys;      /* an object's keys */
} vd_json;

/* vd_buf is a growing byte buffer. */
typedef struct {
    char* p;
    size_t n, cap;
} vd_buf;

static const char* vd_p;
static const char* vd_end;
static int vd_test;          /* the current test, from 1 */
static vd_json vd_cur;       /* the current test's value */
static FILE* vd_results;
static vd_buf vd_line;
static vd_buf vd_out;        /* the current test's result */
static long long vd_ns;      /* nanoseconds in the user's code on this test */
static struct timespec vd_t0;
static bool vd_running;

/* vd_bad reports a test that does not fit the signature (the problem's
 * fault) and exits with status 3. */
VD_FN __attribute__((noreturn, format(printf, 1, 2))) void vd_bad(const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "verdict driver: test %d: ", vd_test);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(3);
}

VD_FN void vd_grow(vd_buf* b, size_t k) {
    if (b->n + k <= b->cap) return;
    size_t c = b->cap ? b->cap : 256;
    while (c < b->n + k) c *= 2;
    char* p = realloc(b->p, c);
    if (!p) {
        fputs("verdict driver: out of memory\n", stderr);
        exit(3);
    }
    b->p = p;
    b->cap = c;
}

VD_FN void vd_write(vd_buf* b, const char* s, size_t k) {
    vd_grow(b, k);
    memcpy(b->p + b->n, s, k);
    b->n += k;
}

VD_FN void vd_putc(vd_buf* b, char c) {
    vd_grow(b, 1);
    b->p[b->n++] = c;
}

VD_FN void vd_puts(vd_buf* b, const char* s) { vd_write(b, s, strlen(s)); }

/* ---- JSON parsing ---- */

VD_FN void vd_ws(void) {
    while (vd_p < vd_end && (*vd_p == ' ' || *vd_p == '\t' || *vd_p == '\n' || *vd_p == '\r')) vd_p++;
}

VD_FN void vd_lit(const char* w) {
    size_t n = strlen(w);
    if ((size_t)(vd_end - vd_p) < n || memcmp(vd_p, w, n) != 0) vd_bad("bad JSON: unexpected character");
    vd_p += n;
}

VD_FN void vd_utf8(vd_buf* o, unsigned c) {
    if (c < 0x80) {
        vd_putc(o, (char)c);
    } else if (c < 0x800) {
        vd_putc(o, (char)(0xC0 | c >> 6));
        vd_putc(o, (char)(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        vd_putc(o, (char)(0xE0 | c >> 12));
        vd_putc(o, (char)(0x80 | (c >> 6 & 0x3F)));
        vd_putc(o, (char)(0x80 | (c & 0x3F)));
    } else {
        vd_putc(o, (char)(0xF0 | c >> 18));
        vd_putc(o, (char)(0x80 | (c >> 12 & 0x3F)));
        vd_putc(o, (char)(0x80 | (c >> 6 & 0x3F)));
        vd_putc(o, (char)(0x80 | (c & 0x3F)));
    }
}

VD_FN unsigned vd_hex4(void) {
    if (vd_end - vd_p < 4) vd_bad("bad JSON: short \\u escape");
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        char c = *vd_p++;
        v <<= 4;
        if (c >= '0' && c <= '9') v |= (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f') v |= (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') v |= (unsigned)(c - 'A' + 10);
        else vd_bad("bad JSON: bad \\u escape");
    }
    return v;
}

/* vd_str reads a string (at its opening quote) into a new buffer. */
VD_FN char* vd_str(size_t* len) {
    vd_buf o = {0};
    vd_p++;
    for (;;) {
        const char* b = vd_p;
        while (vd_p < vd_end && *vd_p != '"' && *vd_p != '\\' && (unsigned char)*vd_p >= 0x20) vd_p++;
        vd_write(&o, b, (size_t)(vd_p - b));
        if (vd_p >= vd_end) vd_bad("bad JSON: unterminated string");
        char c = *vd_p++;
        if (c == '"') break;
        if (c != '\\') vd_bad("bad JSON: control character in a string");
        if (vd_p >= vd_end) vd_bad("bad JSON: unterminated string");
        switch (*vd_p++) {
        case '"': vd_putc(&o, '"'); break;
        case '\\': vd_putc(&o, '\\'); break;
        case '/': vd_putc(&o, '/'); break;
        case 'b': vd_putc(&o, '\b'); break;
        case 'f': vd_putc(&o, '\f'); break;
        case 'n': vd_putc(&o, '\n'); break;
        case 'r': vd_putc(&o, '\r'); break;
        case 't': vd_putc(&o, '\t'); break;
        case 'u': {
            unsigned u = vd_hex4();
            if (u >= 0xD800 && u < 0xDC00) {
                /* A high surrogate: a low one must follow, else U+FFFD. */
                if (vd_end - vd_p >= 6 && vd_p[0] == '\\' && vd_p[1] == 'u') {
                    const char* save = vd_p;
                    vd_p += 2;
                    unsigned l = vd_hex4();
                    if (l >= 0xDC00 && l < 0xE000) {
                        vd_utf8(&o, 0x10000 + ((u - 0xD800) << 10) + (l - 0xDC00));
                        break;
                    }
                    vd_p = save;
                }
                vd_utf8(&o, 0xFFFD);
            } else if (u >= 0xDC00 && u < 0xE000) {
                vd_utf8(&o, 0xFFFD);
            } else {
                vd_utf8(&o, u);
            }
            break;
        }
        default: vd_bad("bad JSON: bad escape");
        }
    }
    *len = o.n;
    vd_putc(&o, 0);
    return o.p;
}

VD_FN bool vd_digit(char c) { return c >= '0' && c <= '9'; }

VD_FN void vd_num(vd_json* j) {
    const char* b = vd_p;
    j->b = true;
    if (vd_p < vd_end && *vd_p == '-') vd_p++;
    if (vd_p < vd_end && *vd_p == '0') vd_p++;
    else if (vd_p < vd_end && vd_digit(*vd_p)) while (vd_p < vd_end && vd_digit(*vd_p)) vd_p++;
    else vd_bad("bad JSON: bad number");
    if (vd_p < vd_end && *vd_p == '.') {
        vd_p++;
        j->b = false;
        if (vd_p >= vd_end || !vd_digit(*vd_p)) vd_bad("bad JSON: bad number");
        while (vd_p < vd_end && vd_digit(*vd_p)) vd_p++;
    }
    if (vd_p < vd_end && (*vd_p == 'e' || *vd_p == 'E')) {
        vd_p++;
        j->b = false;
        if (vd_p < vd_end && (*vd_p == '+' || *vd_p == '-')) vd_p++;
        if (vd_p >= vd_end || !vd_digit(*vd_p)) vd_bad("bad JSON: bad number");
        while (vd_p < vd_end && vd_digit(*vd_p)) vd_p++;
    }
    j->kind = VD_NUM;
    j->len = (size_t)(vd_p - b);
    j->np = b;
}

/* vd_numtext returns a number's text as a C string: in buf when it fits,
 * else in memory the caller frees. */
VD_FN char* vd_numtext(const vd_json* j, char* buf, size_t size) {
    char* t = j->len < size ? buf : malloc(j->len + 1);
    memcpy(t, j->np, j->len);
    t[j->len] = 0;
    return t;
}

VD_FN void vd_parse(vd_json* j, int depth);

/* vd_items reads the elements of an array or an object after its opening
 * bracket, up to close. */
VD_FN void vd_items(vd_json* j, char close, int depth) {
    size_t cap = 0;
    vd_p++;
    vd_ws();
    if (vd_p < vd_end && *vd_p == close) {
        vd_p++;
        return;
    }
    for (;;) {
        if (j->n == cap) {
            cap = cap ? cap * 2 : 4;
            j->a = realloc(j->a, cap * sizeof *j->a);
            if (close == '}') j->keys = realloc(j->keys, cap * sizeof *j->keys);
            if (!j->a || (close == '}' && !j->keys)) vd_bad("out of memory");
        }
        if (close == '}') {
            vd_ws();
            if (vd_p >= vd_end || *vd_p != '"') vd_bad("bad JSON: expected a key in an object");
            size_t kl;
            j->keys[j->n] = vd_str(&kl);
            vd_ws();
            if (vd_p >= vd_end || *vd_p != ':') vd_bad("bad JSON: expected : in an object");
            vd_p++;
        }
        memset(&j->a[j->n], 0, sizeof *j->a);
        vd_parse(&j->a[j->n], depth + 1);
        j->n++;
        vd_ws();
        if (vd_p < vd_end && *vd_p == ',') {
            vd_p++;
            continue;
        }
        if (vd_p < vd_end && *vd_p == close) {
            vd_p++;
            return;
        }
        vd_bad("bad JSON: expected , or %c", close);
    }
}

VD_FN void vd_parse(vd_json* j, int depth) {
    if (depth > 10000) vd_bad("bad JSON: nested too deep");
    vd_ws();
    if (vd_p >= vd_end) vd_bad("bad JSON: unexpected end");
    switch (*vd_p) {
    case 'n': vd_lit("null"); j->kind = VD_NULL; return;
    case 't': vd_lit("true"); j->kind = VD_BOOL; j->b = true; return;
    case 'f': vd_lit("false"); j->kind = VD_BOOL; j->b = false; return;
    case '"': j->kind = VD_STR; j->s = vd_str(&j->len); return;
    case '[': j->kind = VD_ARR; vd_items(j, ']', depth); return;
    case '{': j->kind = VD_OBJ; vd_items(j, '}', depth); return;
    default:
        if (*vd_p == '-' || vd_digit(*vd_p)) {
            vd_num(j);
            return;
        }
        vd_bad("bad JSON: unexpected character");
    }
}

VD_FN void vd_json_free(vd_json* j) {
    for (size_t i = 0; i < j->n; i++) {
        vd_json_free(&j->a[i]);
        if (j->keys) free(j->keys[i]);
    }
    free(j->a);
    free(j->keys);
    free(j->s);
    memset(j, 0, sizeof *j);
}

/* ---- JSON output ---- */

/* vd_quote writes s as a JSON string: ", \ and control characters
 * escaped, the other bytes as they are. */
VD_FN void vd_quote(vd_buf* o, const char* s, size_t n) {
    static const char hex[] = "0123456789abcdef";
    vd_putc(o, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"': vd_puts(o, "\\\""); break;
        case '\\': vd_puts(o, "\\\\"); break;
        case '\n': vd_puts(o, "\\n"); break;
        case '\r': vd_puts(o, "\\r"); break;
        case '\t': vd_puts(o, "\\t"); break;
        case '\b': vd_puts(o, "\\b"); break;
        case '\f': vd_puts(o, "\\f"); break;
        default:
            if (c < 0x20 || c == 0x7F) {
                vd_puts(o, "\\u00");
                vd_putc(o, hex[c >> 4]);
                vd_putc(o, hex[c & 15]);
            } else {
                vd_putc(o, (char)c);
            }
        }
    }
    vd_putc(o, '"');
}

VD_FN void vd_put_ll(vd_buf* o, long long v) {
    char b[24];
    int k = snprintf(b, sizeof b, "%lld", v);
    vd_write(o, b, (size_t)k);
}

/* ---- the results file and timing ---- */

VD_FN void vd_emit(void) {
    if (fwrite(vd_line.p, 1, vd_line.n, vd_results) != vd_line.n || fflush(vd_results) != 0) {
        perror("verdict driver: results.jsonl");
        exit(3);
    }
}

VD_FN void vd_start(void) {
    vd_running = true;
    clock_gettime(CLOCK_MONOTONIC, &vd_t0);
}

VD_FN void vd_stop(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    vd_running = false;
    vd_ns += (long long)(t.tv_sec - vd_t0.tv_sec) * 1000000000LL + (t.tv_nsec - vd_t0.tv_nsec);
}

/* vd_ok writes the current test's result, vd_out. */
VD_FN void vd_ok(void) {
    vd_line.n = 0;
    vd_puts(&vd_line, "{\"ok\":true,\"value\":");
    vd_write(&vd_line, vd_out.p, vd_out.n);
    vd_puts(&vd_line, ",\"ns\":");
    vd_put_ll(&vd_line, vd_ns);
    vd_puts(&vd_line, "}\n");
    vd_emit();
}

/* vd_fail reports an error of the user's code found by the driver (a
 * returned list with a cycle, a NULL array): the test's result is the
 * error, and the program exits with status 1. */
VD_FN __attribute__((noreturn, format(printf, 1, 2))) void vd_fail(const char* fmt, ...) {
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (vd_running) vd_stop();
    vd_line.n = 0;
    vd_puts(&vd_line, "{\"ok\":false,\"error\":");
    vd_quote(&vd_line, msg, strlen(msg));
    vd_puts(&vd_line, ",\"ns\":");
    vd_put_ll(&vd_line, vd_ns);
    vd_puts(&vd_line, "}\n");
    vd_emit();
    fprintf(stderr, "%s\n", msg);
    exit(1);
}

/* vd_init reads every test from standard input and opens the results. */
VD_FN void vd_init(void) {
    static vd_buf in;
    char b[1 << 16];
    size_t k;
    while ((k = fread(b, 1, sizeof b, stdin)) > 0) vd_write(&in, b, k);
    vd_p = in.p;
    vd_end = in.p + in.n;
    vd_results = fopen("results.jsonl", "w");
    if (!vd_results) {
        perror("verdict driver: results.jsonl");
        exit(3);
    }
}

/* vd_next reads the next test; false at the end of the input. */
VD_FN bool vd_next(void) {
    vd_json_free(&vd_cur);
    vd_ns = 0;
    vd_running = false;
    vd_out.n = 0;
    vd_ws();
    if (vd_p >= vd_end) return false;
    vd_test++;
    vd_parse(&vd_cur, 0);
    return true;
}

/* vd_args checks that the test is an array of n arguments. */
VD_FN const vd_json* vd_args(size_t n) {
    if (vd_cur.kind != VD_ARR || vd_cur.n != n) vd_bad("want a JSON array of %zu arguments", n);
    return &vd_cur;
}

/* vd_design checks a design test, [[names...], [[args...]...]] with the
 * class first, and returns the number of calls. */
VD_FN size_t vd_design(const char* cls) {
    if (vd_cur.kind != VD_ARR || vd_cur.n != 2 || vd_cur.a[0].kind != VD_ARR || vd_cur.a[1].kind != VD_ARR ||
        vd_cur.a[0].n != vd_cur.a[1].n || vd_cur.a[0].n == 0)
        vd_bad("want [[names...], [arguments...]] of the same length");
    for (size_t i = 0; i < vd_cur.a[0].n; i++)
        if (vd_cur.a[0].a[i].kind != VD_STR) vd_bad("a call's name is not a string");
    if (strcmp(vd_cur.a[0].a[0].s, cls) != 0) vd_bad("the first call is %s, not the class %s", vd_cur.a[0].a[0].s, cls);
    return vd_cur.a[0].n;
}

VD_FN const char* vd_name(size_t i) { return vd_cur.a[0].a[i].s; }

/* vd_call returns the arguments of call i, checking there are n. */
VD_FN const vd_json* vd_call(size_t i, size_t n) {
    const vd_json* a = &vd_cur.a[1].a[i];
    if (a->kind != VD_ARR || a->n != n) vd_bad("call %zu (%s): want an array of %zu arguments", i, vd_name(i), n);
    return a;
}

/* ---- the types ---- */

static const char* const vd_kinds[] = {"null", "a boolean", "a number", "a string", "an array", "an object"};

VD_FN void vd_need(const vd_json* j, int kind, const char* type) {
    if (j->kind != kind) vd_bad("want %s, got %s", type, vd_kinds[j->kind]);
}

/* vd_integer reads a JSON number that must be an integer within [lo, hi]. */
VD_FN long long vd_integer(const vd_json* j, long long lo, long long hi, const char* type) {
    vd_need(j, VD_NUM, type);
    long long v;
    char buf[64];
    char* t = vd_numtext(j, buf, sizeof buf);
    if (j->b) {
        errno = 0;
        v = strtoll(t, NULL, 10);
        if (errno == ERANGE) vd_bad("%s %s is out of range", type, t);
    } else {
        double d = strtod(t, NULL);
        if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0) || d != floor(d))
            vd_bad("%s %s is not an integer", type, t);
        v = (long long)d;
    }
    if (v < lo || v > hi) vd_bad("%s %s is out of range", type, t);
    if (t != buf) free(t);
    return v;
}

VD_FN int vd_get_int(const vd_json* j) { return (int)vd_integer(j, INT_MIN, INT_MAX, "integer"); }
VD_FN void vd_put_int(vd_buf* o, int v) { vd_put_ll(o, v); }

VD_FN long long vd_get_long(const vd_json* j) { return vd_integer(j, LLONG_MIN, LLONG_MAX, "long"); }
VD_FN void vd_put_long(vd_buf* o, long long v) { vd_put_ll(o, v); }

VD_FN double vd_get_double(const vd_json* j) {
    vd_need(j, VD_NUM, "double");
    char buf[64];
    char* t = vd_numtext(j, buf, sizeof buf);
    double d = strtod(t, NULL);
    if (t != buf) free(t);
    return d;
}

/* vd_put_double writes the shortest text that reads back as the same
 * double. JSON has no infinities or NaN: they are written as strings. */
VD_FN void vd_put_double(vd_buf* o, double v) {
    if (isnan(v)) {
        vd_puts(o, "\"NaN\"");
        return;
    }
    if (isinf(v)) {
        vd_puts(o, v > 0 ? "\"Infinity\"" : "\"-Infinity\"");
        return;
    }
    char b[40];
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(b, sizeof b, "%.*g", prec, v);
        if (strtod(b, NULL) == v) break;
    }
    vd_puts(o, b);
}

VD_FN bool vd_get_bool(const vd_json* j) {
    vd_need(j, VD_BOOL, "boolean");
    return j->b;
}
VD_FN void vd_put_bool(vd_buf* o, bool v) { vd_puts(o, v ? "true" : "false"); }

VD_FN char vd_get_char(const vd_json* j) {
    vd_need(j, VD_STR, "character");
    if (j->len != 1) vd_bad("character: want a string of one byte, got \"%s\"", j->s);
    return j->s[0];
}

VD_FN void vd_put_char(vd_buf* o, char v) {
    if ((unsigned char)v >= 0x80) {
        /* A lone byte is not UTF-8: write it as the code point of that byte. */
        char b[16];
        snprintf(b, sizeof b, "\"\\u00%02x\"", (unsigned char)v);
        vd_puts(o, b);
        return;
    }
    vd_quote(o, &v, 1);
}

VD_FN char* vd_get_string(const vd_json* j) {
    vd_need(j, VD_STR, "string");
    char* s = malloc(j->len + 1);
    memcpy(s, j->s, j->len + 1);
    return s;
}

/* A NULL string is written as null. */
VD_FN void vd_put_string(vd_buf* o, const char* s) {
    if (!s) {
        vd_puts(o, "null");
        return;
    }
    vd_quote(o, s, strlen(s));
}

/* VD_ARRAYS defines, for the element type T read by vd_get_S and written
 * by vd_put_S, the arrays of LeetCode's C: T* with a size, and T** with a
 * size and an array of column sizes. Arrays get one zeroed element more,
 * so that a character array is also a C string. */
#define VD_ARRAYS(S, T)                                                                        \
    VD_FN T* vd_get_arr_##S(const vd_json* j, int* n) {                                        \
        vd_need(j, VD_ARR, "an array");                                                        \
        T* a = calloc(j->n + 1, sizeof(T));                                                    \
        for (size_t i = 0; i < j->n; i++) a[i] = vd_get_##S(&j->a[i]);                         \
        *n = (int)j->n;                                                                        \
        return a;                                                                              \
    }                                                                                          \
    VD_FN T** vd_get_arr2_##S(const vd_json* j, int* n, int** cols) {                          \
        vd_need(j, VD_ARR, "an array");                                                        \
        T** a = calloc(j->n + 1, sizeof(T*));                                                  \
        int* c = calloc(j->n + 1, sizeof(int));                                                \
        for (size_t i = 0; i < j->n; i++) a[i] = vd_get_arr_##S(&j->a[i], &c[i]);              \
        *n = (int)j->n;                                                                        \
        *cols = c;                                                                             \
        return a;                                                                              \
    }                                                                                          \
    VD_FN void vd_put_arr_##S(vd_buf* o, T* a, int n) {                                        \
        if (n > 0 && !a) vd_fail("the returned array is NULL but its size is %d", n);          \
        vd_putc(o, '[');                                                                       \
        for (int i = 0; i < n; i++) {                                                          \
            if (i) vd_putc(o, ',');                                                            \
            vd_put_##S(o, a[i]);                                                               \
        }                                                                                      \
        vd_putc(o, ']');                                                                       \
    }                                                                                          \
    VD_FN void vd_put_arr2_##S(vd_buf* o, T** a, int n, const int* cols) {                     \
        if (n > 0 && !a) vd_fail("the returned array is NULL but its size is %d", n);          \
        if (n > 0 && !cols) vd_fail("the returned array has %d rows but no column sizes", n); \
        vd_putc(o, '[');                                                                       \
        for (int i = 0; i < n; i++) {                                                          \
            if (i) vd_putc(o, ',');                                                            \
            vd_put_arr_##S(o, a[i], cols[i]);                                                  \
        }                                                                                      \
        vd_putc(o, ']');                                                                       \
    }

VD_ARRAYS(int, int)
VD_ARRAYS(long, long long)
VD_ARRAYS(double, double)
VD_ARRAYS(bool, bool)
VD_ARRAYS(char, char)
VD_ARRAYS(string, char*)
