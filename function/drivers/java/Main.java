// Single-type imports: they win over the user's classes of the same
// package (a user's class List would hide java.util.* here).
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

// Verdict's driver for a function problem (see package function, Generator).
// The generated part follows the marker near the end of class Main.

/*@@LISTNODE@@*/class ListNode {
    int val;
    ListNode next;
    ListNode() {}
    ListNode(int val) { this.val = val; }
    ListNode(int val, ListNode next) { this.val = val; this.next = next; }
}/*@@END@@*/

/*@@TREENODE@@*/class TreeNode {
    int val;
    TreeNode left;
    TreeNode right;
    TreeNode() {}
    TreeNode(int val) { this.val = val; }
    TreeNode(int val, TreeNode left, TreeNode right) {
        this.val = val;
        this.left = left;
        this.right = right;
    }
}/*@@END@@*/

/*@@PAIR@@*/// javafx.util.Pair, which LeetCode's Java has.
class Pair<K, V> {
    private final K key;
    private final V value;
    public Pair(K key, V value) { this.key = key; this.value = value; }
    public K getKey() { return key; }
    public V getValue() { return value; }
    @Override public String toString() { return key + "=" + value; }
    @Override public int hashCode() { return java.util.Objects.hashCode(key) * 13 + java.util.Objects.hashCode(value); }
    @Override public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Pair)) return false;
        Pair<?, ?> p = (Pair<?, ?>) o;
        return java.util.Objects.equals(key, p.key) && java.util.Objects.equals(value, p.value);
    }
}/*@@END@@*/

@SuppressWarnings({"unchecked", "rawtypes"})
public class Main {
    /** The file the user's code is in: its stack frames are shown. */
    static final String USER_FILE = "@@USERFILE@@";

    /** A test the driver cannot read: the problem's fault, not the user's. */
    static final class BadInput extends RuntimeException {
        BadInput(String m) { super(m); }
    }

    static BadInput bad(String m) { return new BadInput(m); }

    /** A JSON number, kept as its text until its type is known. */
    static final class Num {
        final String text;
        Num(String t) { text = t; }
    }

    /** A JSON parser: every escape, \\u with surrogate pairs, exponents. */
    static final class Parser {
        final String s;
        int i;

        Parser(String s) { this.s = s; }

        Object parseAll() {
            Object v = value(0);
            ws();
            if (i != s.length()) throw bad("JSON: trailing text at offset " + i);
            return v;
        }

        void ws() {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') i++;
                else break;
            }
        }

        Object value(int depth) {
            if (depth > 10000) throw bad("JSON: nested too deep");
            ws();
            if (i >= s.length()) throw bad("JSON: unexpected end");
            char c = s.charAt(i);
            switch (c) {
                case '[': {
                    i++;
                    ArrayList<Object> a = new ArrayList<>();
                    ws();
                    if (i < s.length() && s.charAt(i) == ']') { i++; return a; }
                    while (true) {
                        a.add(value(depth + 1));
                        ws();
                        if (i >= s.length()) throw bad("JSON: unexpected end in array");
                        char d = s.charAt(i++);
                        if (d == ']') return a;
                        if (d != ',') throw bad("JSON: expected , or ] at offset " + (i - 1));
                    }
                }
                case '{': {
                    i++;
                    LinkedHashMap<String, Object> m = new LinkedHashMap<>();
                    ws();
                    if (i < s.length() && s.charAt(i) == '}') { i++; return m; }
                    while (true) {
                        ws();
                        if (i >= s.length() || s.charAt(i) != '"') throw bad("JSON: expected a key at offset " + i);
                        String k = string();
                        ws();
                        if (i >= s.length() || s.charAt(i) != ':') throw bad("JSON: expected : at offset " + i);
                        i++;
                        m.put(k, value(depth + 1));
                        ws();
                        if (i >= s.length()) throw bad("JSON: unexpected end in object");
                        char d = s.charAt(i++);
                        if (d == '}') return m;
                        if (d != ',') throw bad("JSON: expected , or } at offset " + (i - 1));
                    }
                }
                case '"':
                    return string();
                case 't': lit("true"); return Boolean.TRUE;
                case 'f': lit("false"); return Boolean.FALSE;
                case 'n': lit("null"); return null;
                default:
                    return number();
            }
        }

        void lit(String w) {
            if (!s.startsWith(w, i)) throw bad("JSON: unexpected character at offset " + i);
            i += w.length();
        }

        Num number() {
            int st = i;
            if (i < s.length() && s.charAt(i) == '-') i++;
            if (i < s.length() && s.charAt(i) == '0') i++;
            else if (!digits()) throw bad("JSON: bad value at offset " + st);
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
                if (!digits()) throw bad("JSON: bad number at offset " + st);
            }
            if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                i++;
                if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
                if (!digits()) throw bad("JSON: bad number at offset " + st);
            }
            return new Num(s.substring(st, i));
        }

        boolean digits() {
            int st = i;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
            return i > st;
        }

        int hex4() {
            if (i + 4 > s.length()) throw bad("JSON: short \\u escape");
            int v = 0;
            for (int k = 0; k < 4; k++) {
                int d = Character.digit(s.charAt(i++), 16);
                if (d < 0) throw bad("JSON: bad \\u escape");
                v = v * 16 + d;
            }
            return v;
        }

        String string() {
            i++; // the opening quote
            StringBuilder b = new StringBuilder();
            while (true) {
                if (i >= s.length()) throw bad("JSON: unterminated string");
                char c = s.charAt(i++);
                if (c == '"') return b.toString();
                if (c < 0x20) throw bad("JSON: control character in string");
                if (c != '\\') { b.append(c); continue; }
                if (i >= s.length()) throw bad("JSON: unterminated string");
                char e = s.charAt(i++);
                switch (e) {
                    case '"': b.append('"'); break;
                    case '\\': b.append('\\'); break;
                    case '/': b.append('/'); break;
                    case 'b': b.append('\b'); break;
                    case 'f': b.append('\f'); break;
                    case 'n': b.append('\n'); break;
                    case 'r': b.append('\r'); break;
                    case 't': b.append('\t'); break;
                    case 'u': {
                        int u = hex4();
                        if (u >= 0xD800 && u <= 0xDBFF && i + 1 < s.length() && s.charAt(i) == '\\' && s.charAt(i + 1) == 'u') {
                            int save = i;
                            i += 2;
                            int lo = hex4();
                            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                                b.append((char) u).append((char) lo);
                                break;
                            }
                            i = save;
                        }
                        if (u >= 0xD800 && u <= 0xDFFF) u = 0xFFFD; // a lone surrogate
                        b.append((char) u);
                        break;
                    }
                    default:
                        throw bad("JSON: bad escape \\" + e);
                }
            }
        }
    }

    // ---- Reading values of each type.

    static String desc(Object o) {
        if (o == null) return "null";
        if (o instanceof Num) return "number " + ((Num) o).text;
        if (o instanceof String) return "a string";
        if (o instanceof Boolean) return o.toString();
        if (o instanceof List) return "an array";
        return "an object";
    }

    static List<Object> arr(Object o) {
        if (!(o instanceof List)) throw bad("want an array, got " + desc(o));
        return (List<Object>) o;
    }

    static long integral(Object o, long min, long max, String what) {
        if (!(o instanceof Num)) throw bad("want " + what + ", got " + desc(o));
        String t = ((Num) o).text;
        long v;
        try {
            v = Long.parseLong(t);
        } catch (NumberFormatException e) {
            try {
                v = new BigDecimal(t).longValueExact();
            } catch (ArithmeticException | NumberFormatException e2) {
                throw bad("want " + what + ", got " + t);
            }
        }
        if (v < min || v > max) throw bad(what + " out of range: " + t);
        return v;
    }

    static int p_I(Object o) { return (int) integral(o, Integer.MIN_VALUE, Integer.MAX_VALUE, "an integer"); }

    static long p_J(Object o) { return integral(o, Long.MIN_VALUE, Long.MAX_VALUE, "a long"); }

    static double p_D(Object o) {
        if (!(o instanceof Num)) throw bad("want a double, got " + desc(o));
        return Double.parseDouble(((Num) o).text);
    }

    static boolean p_Z(Object o) {
        if (!(o instanceof Boolean)) throw bad("want a boolean, got " + desc(o));
        return (Boolean) o;
    }

    static char p_C(Object o) {
        if (!(o instanceof String) || ((String) o).length() != 1) throw bad("want a character (a string of one character), got " + desc(o));
        return ((String) o).charAt(0);
    }

    static String p_S(Object o) {
        if (o == null) return null;
        if (!(o instanceof String)) throw bad("want a string, got " + desc(o));
        return (String) o;
    }

    static ListNode p_LN(Object o) {
        if (o == null) return null;
        List<Object> a = arr(o);
        ListNode head = new ListNode(), t = head;
        for (Object e : a) {
            t.next = new ListNode(p_I(e));
            t = t.next;
        }
        return head.next;
    }

    static TreeNode p_TN(Object o) {
        if (o == null) return null;
        List<Object> a = arr(o);
        if (a.isEmpty() || a.get(0) == null) return null;
        TreeNode root = new TreeNode(p_I(a.get(0)));
        ArrayDeque<TreeNode> q = new ArrayDeque<>();
        q.add(root);
        int k = 1;
        while (k < a.size()) {
            TreeNode n = q.poll();
            if (n == null) throw bad("tree: values after the last node's children");
            Object l = a.get(k++);
            if (l != null) { n.left = new TreeNode(p_I(l)); q.add(n.left); }
            if (k < a.size()) {
                Object r = a.get(k++);
                if (r != null) { n.right = new TreeNode(p_I(r)); q.add(n.right); }
            }
        }
        return root;
    }

    static void nargs(List<Object> a, int n, String what) {
        if (a.size() != n) throw bad(what + ": want " + n + " arguments, got " + a.size());
    }

    // ---- Writing values as JSON.

    static void w_I(StringBuilder b, int v) { b.append(v); }

    static void w_I(StringBuilder b, Integer v) { if (v == null) b.append("null"); else b.append(v.intValue()); }

    static void w_J(StringBuilder b, long v) { b.append(v); }

    static void w_J(StringBuilder b, Long v) { if (v == null) b.append("null"); else b.append(v.longValue()); }

    static void w_D(StringBuilder b, double v) {
        // Double.toString reads back as the same double; JSON has no NaN or infinities.
        if (Double.isNaN(v) || Double.isInfinite(v)) b.append("null");
        else b.append(Double.toString(v));
    }

    static void w_D(StringBuilder b, Double v) { if (v == null) b.append("null"); else w_D(b, v.doubleValue()); }

    static void w_Z(StringBuilder b, boolean v) { b.append(v); }

    static void w_Z(StringBuilder b, Boolean v) { if (v == null) b.append("null"); else b.append(v.booleanValue()); }

    static void w_C(StringBuilder b, char v) { w_S(b, String.valueOf(v)); }

    static void w_C(StringBuilder b, Character v) { if (v == null) b.append("null"); else w_C(b, v.charValue()); }

    static final char[] HEX = "0123456789abcdef".toCharArray();

    static void u4(StringBuilder b, char c) {
        b.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 15]).append(HEX[(c >> 4) & 15]).append(HEX[c & 15]);
    }

    static void w_S(StringBuilder b, String s) {
        if (s == null) { b.append("null"); return; }
        b.append('"');
        for (int k = 0, n = s.length(); k < n; k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"': b.append("\\\""); break;
                case '\\': b.append("\\\\"); break;
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                case '\t': b.append("\\t"); break;
                case '\b': b.append("\\b"); break;
                case '\f': b.append("\\f"); break;
                default:
                    if (c < 0x20) {
                        u4(b, c);
                    } else if (Character.isHighSurrogate(c) && k + 1 < n && Character.isLowSurrogate(s.charAt(k + 1))) {
                        b.append(c).append(s.charAt(++k));
                    } else if (Character.isSurrogate(c)) {
                        u4(b, c); // a lone surrogate has no UTF-8 form
                    } else {
                        b.append(c);
                    }
            }
        }
        b.append('"');
    }

    static void w_LN(StringBuilder b, ListNode h) {
        b.append('[');
        ListNode slow = h;
        int n = 0;
        for (ListNode p = h; p != null; p = p.next) {
            if (n > 0) b.append(',');
            b.append(p.val);
            if ((++n & 1) == 0) {
                slow = slow.next;
                if (slow == p.next && slow != null) throw new IllegalStateException("the linked list has a cycle");
            }
        }
        b.append(']');
    }

    static void w_TN(StringBuilder b, TreeNode root) {
        b.append('[');
        if (root != null) {
            ArrayList<TreeNode> level = new ArrayList<>();
            IdentityHashMap<TreeNode, Boolean> seen = new IdentityHashMap<>();
            level.add(root);
            // Level order with null holes, trailing nulls trimmed.
            StringBuilder pending = new StringBuilder();
            boolean first = true;
            for (int k = 0; k < level.size(); k++) {
                TreeNode n = level.get(k);
                if (n == null) {
                    pending.append(first ? "null" : ",null");
                    first = false;
                    continue;
                }
                if (seen.put(n, Boolean.TRUE) != null) throw new IllegalStateException("the tree has a cycle or a shared node");
                b.append(pending);
                pending.setLength(0);
                if (!first) b.append(',');
                first = false;
                b.append(n.val);
                level.add(n.left);
                level.add(n.right);
            }
        }
        b.append(']');
    }

    // ---- The run.

    static long t0, spent;
    static boolean timing;

    static void start() { timing = true; t0 = System.nanoTime(); }

    static void stop() { spent += System.nanoTime() - t0; timing = false; }

    static void frames(Throwable t, PrintStream err) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (boolean first = true; t != null && seen.add(t); t = t.getCause(), first = false) {
            err.println(first ? t.toString() : "Caused by: " + t);
            int shown = 0, skipped = 0;
            for (StackTraceElement f : t.getStackTrace()) {
                if (!USER_FILE.equals(f.getFileName())) continue;
                if (shown < 30) { err.println("\tat " + f); shown++; }
                else skipped++;
            }
            if (skipped > 0) err.println("\t... " + skipped + " more");
        }
    }

    public static void main(String[] argv) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
        Writer out = new BufferedWriter(new OutputStreamWriter(new FileOutputStream("@@RESULTS@@"), StandardCharsets.UTF_8), 1 << 16);
        String line;
        int test = 0;
        while ((line = in.readLine()) != null) {
            if (line.trim().isEmpty()) continue;
            test++;
            spent = 0;
            timing = false;
            StringBuilder b = new StringBuilder(64);
            b.append("{\"ok\":true,\"value\":");
            try {
                run(new Parser(line).parseAll(), b);
            } catch (BadInput e) {
                System.out.flush();
                System.err.println("verdict driver: test " + test + ": " + e.getMessage());
                out.flush();
                System.exit(2);
            } catch (Throwable e) {
                if (timing) stop();
                System.out.flush();
                StringBuilder eb = new StringBuilder("{\"ok\":false,\"error\":");
                w_S(eb, e.toString());
                eb.append(",\"ns\":").append(spent).append("}\n");
                out.write(eb.toString());
                out.flush();
                frames(e, System.err);
                System.err.flush();
                System.exit(1);
            }
            b.append(",\"ns\":").append(spent).append("}\n");
            out.write(b.toString());
            out.flush();
        }
        out.close();
        System.out.flush();
        System.exit(0);
    }

    // @@GENERATED@@
}
