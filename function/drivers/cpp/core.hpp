// Verdict's C++ driver library: a JSON parser, builders of LeetCode's
// types from JSON, exact JSON output, the results file. Everything lives in
// namespace verdict_drv and comes before the user's code, so that the
// user's macros cannot change it.
namespace verdict_drv {

// InputError is a test that does not fit the signature: the problem's
// fault, not the user's.
struct InputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// OutputError is a result that cannot be written (a cycle in a returned
// list): the user's fault.
struct OutputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Json is a parsed JSON value. Numbers keep their text (in the input,
// which lives as long as the program), so that a long reads back exactly.
struct Json {
    enum Kind : unsigned char { Null, Bool, Num, Str, Arr, Obj };
    Kind kind = Null;
    bool b = false;                // a boolean's value; a number: no fraction, no exponent
    unsigned nl = 0;               // a number's text: np[0..nl)
    const char* np = nullptr;
    std::string s;                 // a string's value
    std::vector<Json> a;           // an array's elements, an object's values
    std::vector<std::string> keys; // an object's keys
};

inline const char* kind_name(Json::Kind k) {
    switch (k) {
    case Json::Null: return "null";
    case Json::Bool: return "a boolean";
    case Json::Num: return "a number";
    case Json::Str: return "a string";
    case Json::Arr: return "an array";
    case Json::Obj: return "an object";
    }
    return "?";
}

// Parser reads JSON values, one after another, from a buffer.
class Parser {
  public:
    Parser(const char* p, const char* end) : p_(p), end_(end) {}

    // more skips white space and says whether a value follows.
    bool more() {
        ws();
        return p_ < end_;
    }

    Json value() {
        Json j;
        parse(j, 0);
        return j;
    }

  private:
    const char* p_;
    const char* end_;

    [[noreturn]] void fail(const char* what) {
        throw InputError(std::string("bad JSON: ") + what);
    }
    void ws() {
        while (p_ < end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) p_++;
    }
    void lit(const char* w) {
        size_t n = strlen(w);
        if ((size_t)(end_ - p_) < n || memcmp(p_, w, n) != 0) fail("unexpected character");
        p_ += n;
    }
    void parse(Json& j, int depth) {
        if (depth > 10000) fail("nested too deep");
        ws();
        if (p_ >= end_) fail("unexpected end");
        switch (*p_) {
        case 'n': lit("null"); j.kind = Json::Null; return;
        case 't': lit("true"); j.kind = Json::Bool; j.b = true; return;
        case 'f': lit("false"); j.kind = Json::Bool; j.b = false; return;
        case '"': j.kind = Json::Str; str(j.s); return;
        case '[':
            j.kind = Json::Arr;
            p_++;
            ws();
            if (p_ < end_ && *p_ == ']') { p_++; return; }
            for (;;) {
                j.a.emplace_back();
                parse(j.a.back(), depth + 1);
                ws();
                if (p_ < end_ && *p_ == ',') { p_++; continue; }
                if (p_ < end_ && *p_ == ']') { p_++; return; }
                fail("expected , or ] in an array");
            }
        case '{':
            j.kind = Json::Obj;
            p_++;
            ws();
            if (p_ < end_ && *p_ == '}') { p_++; return; }
            for (;;) {
                ws();
                if (p_ >= end_ || *p_ != '"') fail("expected a key in an object");
                j.keys.emplace_back();
                str(j.keys.back());
                ws();
                if (p_ >= end_ || *p_ != ':') fail("expected : in an object");
                p_++;
                j.a.emplace_back();
                parse(j.a.back(), depth + 1);
                ws();
                if (p_ < end_ && *p_ == ',') { p_++; continue; }
                if (p_ < end_ && *p_ == '}') { p_++; return; }
                fail("expected , or } in an object");
            }
        default:
            if (*p_ == '-' || (*p_ >= '0' && *p_ <= '9')) { j.kind = Json::Num; num(j); return; }
            fail("unexpected character");
        }
    }
    static bool digit(char c) { return c >= '0' && c <= '9'; }
    void num(Json& j) {
        const char* b = p_;
        j.b = true;
        if (p_ < end_ && *p_ == '-') p_++;
        if (p_ < end_ && *p_ == '0') p_++;
        else if (p_ < end_ && digit(*p_)) while (p_ < end_ && digit(*p_)) p_++;
        else fail("bad number");
        if (p_ < end_ && *p_ == '.') {
            p_++;
            j.b = false;
            if (p_ >= end_ || !digit(*p_)) fail("bad number");
            while (p_ < end_ && digit(*p_)) p_++;
        }
        if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
            p_++;
            j.b = false;
            if (p_ < end_ && (*p_ == '+' || *p_ == '-')) p_++;
            if (p_ >= end_ || !digit(*p_)) fail("bad number");
            while (p_ < end_ && digit(*p_)) p_++;
        }
        if (p_ - b > 100000) fail("number too long");
        j.np = b;
        j.nl = (unsigned)(p_ - b);
    }
    unsigned hex4() {
        if (end_ - p_ < 4) fail("short \\u escape");
        unsigned v = 0;
        for (int i = 0; i < 4; i++) {
            char c = *p_++;
            v <<= 4;
            if (c >= '0' && c <= '9') v |= c - '0';
            else if (c >= 'a' && c <= 'f') v |= c - 'a' + 10;
            else if (c >= 'A' && c <= 'F') v |= c - 'A' + 10;
            else fail("bad \\u escape");
        }
        return v;
    }
    static void utf8(std::string& o, unsigned c) {
        if (c < 0x80) o += (char)c;
        else if (c < 0x800) { o += (char)(0xC0 | c >> 6); o += (char)(0x80 | (c & 0x3F)); }
        else if (c < 0x10000) {
            o += (char)(0xE0 | c >> 12); o += (char)(0x80 | (c >> 6 & 0x3F)); o += (char)(0x80 | (c & 0x3F));
        } else {
            o += (char)(0xF0 | c >> 18); o += (char)(0x80 | (c >> 12 & 0x3F));
            o += (char)(0x80 | (c >> 6 & 0x3F)); o += (char)(0x80 | (c & 0x3F));
        }
    }
    void str(std::string& o) {
        p_++; // the opening quote
        for (;;) {
            const char* b = p_;
            while (p_ < end_ && *p_ != '"' && *p_ != '\\' && (unsigned char)*p_ >= 0x20) p_++;
            o.append(b, p_);
            if (p_ >= end_) fail("unterminated string");
            char c = *p_++;
            if (c == '"') return;
            if (c != '\\') fail("control character in a string");
            if (p_ >= end_) fail("unterminated string");
            switch (*p_++) {
            case '"': o += '"'; break;
            case '\\': o += '\\'; break;
            case '/': o += '/'; break;
            case 'b': o += '\b'; break;
            case 'f': o += '\f'; break;
            case 'n': o += '\n'; break;
            case 'r': o += '\r'; break;
            case 't': o += '\t'; break;
            case 'u': {
                unsigned u = hex4();
                if (u >= 0xD800 && u < 0xDC00) {
                    // A high surrogate: a low one must follow, else U+FFFD.
                    if (end_ - p_ >= 6 && p_[0] == '\\' && p_[1] == 'u') {
                        const char* save = p_;
                        p_ += 2;
                        unsigned l = hex4();
                        if (l >= 0xDC00 && l < 0xE000) {
                            utf8(o, 0x10000 + ((u - 0xD800) << 10) + (l - 0xDC00));
                            break;
                        }
                        p_ = save;
                    }
                    utf8(o, 0xFFFD);
                } else if (u >= 0xDC00 && u < 0xE000) {
                    utf8(o, 0xFFFD);
                } else {
                    utf8(o, u);
                }
                break;
            }
            default: fail("bad escape");
            }
        }
    }
};

// quote appends s as a JSON string: ", \ and control characters escaped,
// the other bytes as they are.
inline void quote(std::string& o, const char* s, size_t n) {
    static const char hex[] = "0123456789abcdef";
    o += '"';
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"': o += "\\\""; break;
        case '\\': o += "\\\\"; break;
        case '\n': o += "\\n"; break;
        case '\r': o += "\\r"; break;
        case '\t': o += "\\t"; break;
        case '\b': o += "\\b"; break;
        case '\f': o += "\\f"; break;
        default:
            if (c < 0x20 || c == 0x7F) {
                o += "\\u00";
                o += hex[c >> 4];
                o += hex[c & 15];
            } else {
                o += (char)c;
            }
        }
    }
    o += '"';
}

inline void need(const Json& j, Json::Kind k, const char* type) {
    if (j.kind != k) throw InputError(std::string("want ") + type + ", got " + kind_name(j.kind));
}

// integer reads a JSON number that must be an integer within [lo, hi].
inline long long integer(const Json& j, long long lo, long long hi, const char* type) {
    need(j, Json::Num, type);
    long long v = 0;
    if (j.b) {
        auto r = std::from_chars(j.np, j.np + j.nl, v);
        if (r.ec != std::errc() || r.ptr != j.np + j.nl)
            throw InputError(std::string(type) + " " + std::string(j.np, j.nl) + " is out of range");
    } else {
        std::string t(j.np, j.nl);
        double d = strtod(t.c_str(), nullptr);
        if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0) || d != std::floor(d))
            throw InputError(std::string(type) + " " + t + " is not an integer");
        v = (long long)d;
    }
    if (v < lo || v > hi) throw InputError(std::string(type) + " " + std::string(j.np, j.nl) + " is out of range");
    return v;
}

template <class T> void put_int(std::string& o, T v) {
    char b[24];
    auto r = std::to_chars(b, b + sizeof b, v);
    o.append(b, r.ptr);
}

// Conv<T> builds a T from JSON (from) and writes a T as JSON (to).
template <class T> struct Conv;

template <> struct Conv<int> {
    static int from(const Json& j) { return (int)integer(j, INT_MIN, INT_MAX, "integer"); }
    static void to(std::string& o, int v) { put_int(o, v); }
};

template <> struct Conv<long long> {
    static long long from(const Json& j) { return integer(j, LLONG_MIN, LLONG_MAX, "long"); }
    static void to(std::string& o, long long v) { put_int(o, v); }
};

template <> struct Conv<double> {
    static double from(const Json& j) {
        need(j, Json::Num, "double");
        return strtod(std::string(j.np, j.nl).c_str(), nullptr);
    }
    // The shortest text that reads back as the same double. JSON has no
    // infinities or NaN: they are written as strings.
    static void to(std::string& o, double v) {
        if (std::isnan(v)) { o += "\"NaN\""; return; }
        if (std::isinf(v)) { o += v > 0 ? "\"Infinity\"" : "\"-Infinity\""; return; }
        char b[32];
        auto r = std::to_chars(b, b + sizeof b, v);
        o.append(b, r.ptr);
    }
};

template <> struct Conv<bool> {
    static bool from(const Json& j) {
        need(j, Json::Bool, "boolean");
        return j.b;
    }
    static void to(std::string& o, bool v) { o += v ? "true" : "false"; }
};

template <> struct Conv<char> {
    static char from(const Json& j) {
        need(j, Json::Str, "character");
        if (j.s.size() != 1) throw InputError("character: want a string of one byte, got \"" + j.s + "\"");
        return j.s[0];
    }
    static void to(std::string& o, char v) {
        if ((unsigned char)v >= 0x80) {
            // A lone byte is not UTF-8: write it as the code point of that byte.
            static const char hex[] = "0123456789abcdef";
            o += "\"\\u00";
            o += hex[(unsigned char)v >> 4];
            o += hex[(unsigned char)v & 15];
            o += '"';
            return;
        }
        quote(o, &v, 1);
    }
};

template <> struct Conv<std::string> {
    static std::string from(const Json& j) {
        need(j, Json::Str, "string");
        return j.s;
    }
    static void to(std::string& o, const std::string& v) { quote(o, v.data(), v.size()); }
};

template <class T> struct Conv<std::vector<T>> {
    static std::vector<T> from(const Json& j) {
        need(j, Json::Arr, "an array");
        std::vector<T> v;
        v.reserve(j.a.size());
        for (const Json& e : j.a) v.push_back(Conv<T>::from(e));
        return v;
    }
    static void to(std::string& o, const std::vector<T>& v) {
        o += '[';
        for (size_t i = 0; i < v.size(); i++) {
            if (i) o += ',';
            Conv<T>::to(o, v[i]);
        }
        o += ']';
    }
};

// Results writes the results file, one line a test, flushed at once.
class Results {
  public:
    Results() {
        f_ = fopen("results.jsonl", "w");
        if (!f_) {
            perror("verdict driver: results.jsonl");
            exit(3);
        }
    }
    void ok(const std::string& value, long long ns) {
        line_ = "{\"ok\":true,\"value\":";
        line_ += value;
        line_ += ",\"ns\":";
        put_int(line_, ns);
        line_ += "}\n";
        write();
    }
    void error(const std::string& msg, long long ns) {
        line_ = "{\"ok\":false,\"error\":";
        quote(line_, msg.data(), msg.size());
        line_ += ",\"ns\":";
        put_int(line_, ns);
        line_ += "}\n";
        write();
    }

  private:
    FILE* f_;
    std::string line_;
    void write() {
        if (fwrite(line_.data(), 1, line_.size(), f_) != line_.size() || fflush(f_) != 0) {
            perror("verdict driver: results.jsonl");
            exit(3);
        }
    }
};

// Runner reads the tests from standard input and times the user's calls.
class Runner {
  public:
    Runner() {
        char buf[1 << 16];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, stdin)) > 0) in_.append(buf, n);
        parser_ = new Parser(in_.data(), in_.data() + in_.size());
    }

    // next reads the next test; false at the end of the input.
    bool next() {
        ns_ = 0;
        running_ = false;
        try {
            if (!parser_->more()) return false;
            n_++;
            test_ = parser_->value();
        } catch (const InputError& e) {
            bad(e.what());
        }
        return true;
    }

    // args checks that the test is an array of n arguments.
    const Json& args(size_t n) {
        if (test_.kind != Json::Arr || test_.a.size() != n)
            bad("want a JSON array of " + std::to_string(n) + " arguments");
        return test_;
    }

    // design checks a design test: [[names...], [[args...]...]], the first
    // name cls. It returns the number of calls.
    size_t design(const char* cls) {
        if (test_.kind != Json::Arr || test_.a.size() != 2 || test_.a[0].kind != Json::Arr ||
            test_.a[1].kind != Json::Arr || test_.a[0].a.size() != test_.a[1].a.size() || test_.a[0].a.empty())
            bad("want [[names...], [arguments...]] of the same length");
        for (const Json& n : test_.a[0].a)
            if (n.kind != Json::Str) bad("a call's name is not a string");
        if (test_.a[0].a[0].s != cls) bad("the first call is " + test_.a[0].a[0].s + ", not the class " + cls);
        return test_.a[0].a.size();
    }
    const std::string& name(size_t i) { return test_.a[0].a[i].s; }
    // call returns the arguments of call i, checking there are n.
    const Json& call(size_t i, size_t n) {
        const Json& a = test_.a[1].a[i];
        if (a.kind != Json::Arr || a.a.size() != n)
            throw InputError("call " + std::to_string(i) + " (" + name(i) + "): want an array of " +
                             std::to_string(n) + " arguments");
        return a;
    }

    void start() {
        running_ = true;
        t0_ = std::chrono::steady_clock::now();
    }
    void stop() {
        auto t1 = std::chrono::steady_clock::now();
        running_ = false;
        ns_ += std::chrono::duration_cast<std::chrono::nanoseconds>(t1 - t0_).count();
    }

    void ok(const std::string& value) { results_.ok(value, ns_); }

    // fail handles the exception being handled: the user's error is
    // written as the test's result, and the program exits with status 1.
    [[noreturn]] void fail() {
        if (running_) stop();
        std::string msg, what;
        try {
            throw;
        } catch (const InputError& e) {
            bad(e.what());
        } catch (const OutputError& e) {
            results_.error(e.what(), ns_);
            fprintf(stderr, "%s\n", e.what());
            exit(1);
        } catch (const std::exception& e) {
            msg = type_name() + ": " + e.what();
            what = e.what();
        } catch (...) {
            msg = "exception of type " + type_name();
        }
        results_.error(msg, ns_);
        // As LeetCode shows an uncaught exception.
        fprintf(stderr, "terminate called after throwing an instance of '%s'\n", type_name().c_str());
        if (!what.empty()) fprintf(stderr, "  what():  %s\n", what.c_str());
        fflush(stderr);
        exit(1);
    }

    [[noreturn]] void bad(const std::string& msg) {
        fprintf(stderr, "verdict driver: test %d: %s\n", n_, msg.c_str());
        exit(3);
    }

  private:
    std::string in_;
    Parser* parser_;
    Json test_;
    Results results_;
    int n_ = 0;
    long long ns_ = 0;
    bool running_ = false;
    std::chrono::steady_clock::time_point t0_;

    static std::string type_name() {
        std::type_info* t = abi::__cxa_current_exception_type();
        if (!t) return "unknown";
        int st = 0;
        char* d = abi::__cxa_demangle(t->name(), nullptr, nullptr, &st);
        std::string s = st == 0 && d ? d : t->name();
        free(d);
        return s;
    }
};

} // namespace verdict_drv
