package function

import (
	_ "embed"
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// javaGen generates the Java driver: the user's class in its own file
// (Solution.java, or the design class's name), with LeetCode's imports put
// on its first line so that its line numbers stay the user's, and a
// public class Main in Main.java, after ListNode, TreeNode and Pair
// (javafx.util.Pair, which LeetCode's Java has), holding a JSON parser and
// the generated calls.
type javaGen struct{}

//go:embed drivers/java/Main.java
var javaMain string

// javaImports is LeetCode's Java prelude, written on the user's first line.
const javaImports = "import java.util.*; import java.util.function.*; import java.util.stream.*; " +
	"import java.util.concurrent.*; import java.util.concurrent.atomic.*; import java.util.regex.*; " +
	"import java.math.*; import java.io.*; "

// javaPublicClass finds public type declarations, as the Java
// entry_pattern of lang/languages.yaml does (and interfaces, enums and
// records). The judge runs the first public class it finds, and javac
// wants a public type in a file of its name: the user's public types lose
// their public (the word becomes spaces: lines and columns stay).
var javaPublicClass = regexp.MustCompile(`(?m)^(\s*)public(\s+(?:final\s+|abstract\s+|sealed\s+|non-sealed\s+|strictfp\s+)*(?:class|interface|enum|record)\s+[A-Za-z_$][A-Za-z0-9_$]*)`)

// javaDefines says whether the user's code declares a class of that name
// (some paste LeetCode's ListNode or TreeNode, or write their own Pair):
// the driver's is then left out.
func javaDefines(user []byte, class string) bool {
	return regexp.MustCompile(`(?m)^\s*(?:public\s+|final\s+|abstract\s+)*(?:class|interface|record|enum)\s+` + class + `\b`).Match(user)
}

func (javaGen) Program(sig *Signature, user []byte) (*Program, error) {
	userFile := "Solution.java"
	if sig.Design() {
		userFile = sig.ClassName + ".java"
	}
	if userFile == "Main.java" || userFile == "ListNode.java" || userFile == "TreeNode.java" || userFile == "Pair.java" {
		return nil, fmt.Errorf("function: java: class name %s is the driver's", sig.ClassName)
	}
	src := javaPublicClass.ReplaceAll(user, []byte("${1}      ${2}"))
	var u strings.Builder
	u.WriteString(javaImports)
	u.Write(src)
	if len(src) > 0 && src[len(src)-1] != '\n' {
		u.WriteByte('\n')
	}

	g := &javaCode{done: map[string]bool{}}
	var run string
	if sig.Design() {
		run = g.design(sig)
	} else {
		run = g.function(sig)
	}
	main := javaMain
	for _, n := range []string{"ListNode", "TreeNode", "Pair"} {
		if javaDefines(user, n) {
			main = javaCut(main, "/*@@"+strings.ToUpper(n)+"@@*/", "/*@@END@@*/")
		}
	}
	var helpers []string
	for _, k := range g.order {
		helpers = append(helpers, g.code[k])
	}
	main = strings.NewReplacer(
		"@@USERFILE@@", userFile,
		"@@RESULTS@@", ResultsFile,
		"// @@GENERATED@@", run+"\n"+strings.Join(helpers, "\n"),
	).Replace(main)
	return &Program{
		Files:    []File{{Name: "Main.java", Data: []byte(main)}, {Name: userFile, Data: []byte(u.String())}},
		UserFile: userFile,
	}, nil
}

// javaCut removes the text from start to end (both included) of s.
func javaCut(s, start, end string) string {
	i := strings.Index(s, start)
	if i < 0 {
		return s
	}
	j := strings.Index(s[i:], end)
	if j < 0 {
		return s
	}
	return s[:i] + s[i+j+len(end):]
}

// javaType is t's Java type; boxed for type arguments.
func javaType(t *Type, boxed bool) string {
	switch t.Kind {
	case Integer:
		return javaPick(boxed, "Integer", "int")
	case Long:
		return javaPick(boxed, "Long", "long")
	case Double:
		return javaPick(boxed, "Double", "double")
	case Boolean:
		return javaPick(boxed, "Boolean", "boolean")
	case Character:
		return javaPick(boxed, "Character", "char")
	case String:
		return "String"
	case ListNode:
		return "ListNode"
	case TreeNode:
		return "TreeNode"
	case Array:
		if t.List {
			return "List<" + javaType(t.Elem, true) + ">"
		}
		return javaType(t.Elem, false) + "[]"
	}
	return "void"
}

func javaPick(b bool, yes, no string) string {
	if b {
		return yes
	}
	return no
}

// javaTypeKey names t in helper names: I, J, D, Z, C, S, LN, TN, A_x, L_x.
func javaTypeKey(t *Type) string {
	switch t.Kind {
	case Integer:
		return "I"
	case Long:
		return "J"
	case Double:
		return "D"
	case Boolean:
		return "Z"
	case Character:
		return "C"
	case String:
		return "S"
	case ListNode:
		return "LN"
	case TreeNode:
		return "TN"
	case Array:
		if t.List {
			return "L_" + javaTypeKey(t.Elem)
		}
		return "A_" + javaTypeKey(t.Elem)
	}
	return "V"
}

// javaCode collects the generated reader and writer of each array type.
type javaCode struct {
	done  map[string]bool
	code  map[string]string
	order []string
}

func (g *javaCode) add(name, code string) {
	if g.code == nil {
		g.code = map[string]string{}
	}
	g.code[name] = code
	g.order = append(g.order, name)
	sort.Strings(g.order)
}

// reader returns the name of the method reading a t from a parsed value.
func (g *javaCode) reader(t *Type) string {
	name := "p_" + javaTypeKey(t)
	if t.Kind != Array || g.done[name] {
		return name
	}
	g.done[name] = true
	elem := g.reader(t.Elem)
	jt := javaType(t, false)
	var b strings.Builder
	fmt.Fprintf(&b, "    static %s %s(Object o) {\n        if (o == null) return null;\n        List<Object> a = arr(o);\n", jt, name)
	if t.List {
		fmt.Fprintf(&b, "        %s r = new ArrayList<>(a.size());\n        for (Object e : a) r.add(%s(e));\n", jt, elem)
	} else {
		fmt.Fprintf(&b, "        %s r = %s;\n        for (int i = 0; i < r.length; i++) r[i] = %s(a.get(i));\n", jt, javaNewArray(t.Elem, "a.size()"), elem)
	}
	b.WriteString("        return r;\n    }\n")
	g.add(name, b.String())
	return name
}

// javaNewArray is the expression creating an array of n elements of elem.
func javaNewArray(elem *Type, n string) string {
	et := javaType(elem, false)
	if strings.Contains(et, "<") {
		return "(" + et + "[]) new List[" + n + "]"
	}
	i := strings.Index(et, "[")
	if i < 0 {
		return "new " + et + "[" + n + "]"
	}
	return "new " + et[:i] + "[" + n + "]" + et[i:]
}

// writer returns the name of the method writing a t as JSON.
func (g *javaCode) writer(t *Type) string {
	name := "w_" + javaTypeKey(t)
	if t.Kind != Array || g.done[name] {
		return name
	}
	g.done[name] = true
	elem := g.writer(t.Elem)
	var b strings.Builder
	if t.List {
		cast := javaType(t.Elem, true)
		if t.Elem.Kind == Array && t.Elem.List {
			cast = "List<?>"
		}
		fmt.Fprintf(&b, "    static void %s(StringBuilder b, List<?> v) {\n        if (v == null) { b.append(\"null\"); return; }\n        b.append('[');\n        boolean first = true;\n        for (Object e : v) {\n            if (!first) b.append(',');\n            first = false;\n            %s(b, (%s) e);\n        }\n        b.append(']');\n    }\n", name, elem, cast)
	} else {
		fmt.Fprintf(&b, "    static void %s(StringBuilder b, %s v) {\n        if (v == null) { b.append(\"null\"); return; }\n        b.append('[');\n        for (int i = 0; i < v.length; i++) {\n            if (i > 0) b.append(',');\n            %s(b, v[i]);\n        }\n        b.append(']');\n    }\n", name, javaType(t, false), elem)
	}
	g.add(name, b.String())
	return name
}

// args writes the reading of params from the list named list into locals
// prefix0, prefix1, ...; it returns the locals.
func (g *javaCode) args(b *strings.Builder, indent, list, prefix string, ps []Param) []string {
	var names []string
	for i, p := range ps {
		n := fmt.Sprintf("%s%d", prefix, i)
		fmt.Fprintf(b, "%s%s %s = %s(%s.get(%d));\n", indent, javaType(p.T, false), n, g.reader(p.T), list, i)
		names = append(names, n)
	}
	return names
}

func (g *javaCode) function(sig *Signature) string {
	var b strings.Builder
	b.WriteString("    static void run(Object in, StringBuilder b) {\n        List<Object> args = arr(in);\n")
	fmt.Fprintf(&b, "        nargs(args, %d, %q);\n", len(sig.Params), sig.Name)
	names := g.args(&b, "        ", "args", "a", sig.Params)
	call := fmt.Sprintf("new Solution().%s(%s)", sig.Name, strings.Join(names, ", "))
	b.WriteString("        start();\n")
	if sig.Output != nil {
		fmt.Fprintf(&b, "        %s;\n        stop();\n        %s(b, a%d);\n", call, g.writer(sig.Params[sig.Output.ParamIndex].T), sig.Output.ParamIndex)
	} else {
		fmt.Fprintf(&b, "        %s r = %s;\n        stop();\n        %s(b, r);\n", javaType(sig.Return.T, false), call, g.writer(sig.Return.T))
	}
	b.WriteString("    }\n")
	return b.String()
}

func (g *javaCode) design(sig *Signature) string {
	var b strings.Builder
	b.WriteString(`    static void run(Object in, StringBuilder b) {
        List<Object> top = arr(in);
        nargs(top, 2, "a design test ([names, arguments])");
        List<Object> names = arr(top.get(0)), argl = arr(top.get(1));
        if (names.isEmpty() || names.size() != argl.size()) throw bad("design test: " + names.size() + " names and " + argl.size() + " argument lists");
        List<Object> c = arr(argl.get(0));
`)
	fmt.Fprintf(&b, "        nargs(c, %d, %q);\n", len(sig.Constructor.Params), sig.ClassName)
	cn := g.args(&b, "        ", "c", "c", sig.Constructor.Params)
	fmt.Fprintf(&b, "        start();\n        %s obj = new %s(%s);\n        stop();\n", sig.ClassName, sig.ClassName, strings.Join(cn, ", "))
	b.WriteString(`        b.append("[null");
        for (int i = 1; i < names.size(); i++) {
            if (!(names.get(i) instanceof String)) throw bad("design test: method name " + desc(names.get(i)));
            String m = (String) names.get(i);
            List<Object> a = arr(argl.get(i));
            b.append(',');
            switch (m) {
`)
	for _, m := range sig.Methods {
		fmt.Fprintf(&b, "                case %q: {\n                    nargs(a, %d, m);\n", m.Name, len(m.Params))
		an := g.args(&b, "                    ", "a", "x", m.Params)
		call := fmt.Sprintf("obj.%s(%s)", m.Name, strings.Join(an, ", "))
		if m.Return.T.Kind == Void {
			fmt.Fprintf(&b, "                    start();\n                    %s;\n                    stop();\n                    b.append(\"null\");\n", call)
		} else {
			fmt.Fprintf(&b, "                    start();\n                    %s r = %s;\n                    stop();\n                    %s(b, r);\n", javaType(m.Return.T, false), call, g.writer(m.Return.T))
		}
		b.WriteString("                    break;\n                }\n")
	}
	b.WriteString(`                default:
                    throw bad("design test: unknown method " + m);
            }
        }
        b.append(']');
    }
`)
	return b.String()
}

func (javaGen) Starter(sig *Signature) (string, error) {
	var b strings.Builder
	uses := javaUsedNodes(sig)
	if uses[ListNode] {
		b.WriteString(`/**
 * Definition for singly-linked list.
 * public class ListNode {
 *     int val;
 *     ListNode next;
 *     ListNode() {}
 *     ListNode(int val) { this.val = val; }
 *     ListNode(int val, ListNode next) { this.val = val; this.next = next; }
 * }
 */
`)
	}
	if uses[TreeNode] {
		b.WriteString(`/**
 * Definition for a binary tree node.
 * public class TreeNode {
 *     int val;
 *     TreeNode left;
 *     TreeNode right;
 *     TreeNode() {}
 *     TreeNode(int val) { this.val = val; }
 *     TreeNode(int val, TreeNode left, TreeNode right) {
 *         this.val = val;
 *         this.left = left;
 *         this.right = right;
 *     }
 * }
 */
`)
	}
	params := func(ps []Param) string {
		var s []string
		for _, p := range ps {
			s = append(s, javaType(p.T, false)+" "+p.Name)
		}
		return strings.Join(s, ", ")
	}
	if !sig.Design() {
		fmt.Fprintf(&b, "class Solution {\n    public %s %s(%s) {\n        \n    }\n}\n", javaType(sig.Return.T, false), sig.Name, params(sig.Params))
		return b.String(), nil
	}
	c := sig.ClassName
	fmt.Fprintf(&b, "class %s {\n\n    public %s(%s) {\n        \n    }\n", c, c, params(sig.Constructor.Params))
	for _, m := range sig.Methods {
		fmt.Fprintf(&b, "    \n    public %s %s(%s) {\n        \n    }\n", javaType(m.Return.T, false), m.Name, params(m.Params))
	}
	fmt.Fprintf(&b, "}\n\n/**\n * Your %s object will be instantiated and called as such:\n * %s obj = new %s(%s);\n", c, c, c, javaArgNames(sig.Constructor.Params, ","))
	for i, m := range sig.Methods {
		if m.Return.T.Kind == Void {
			fmt.Fprintf(&b, " * obj.%s(%s);\n", m.Name, javaArgNames(m.Params, ","))
		} else {
			fmt.Fprintf(&b, " * %s param_%d = obj.%s(%s);\n", javaType(m.Return.T, false), i+1, m.Name, javaArgNames(m.Params, ","))
		}
	}
	b.WriteString(" */\n")
	return b.String(), nil
}

// javaArgNames joins the parameters' names.
func javaArgNames(ps []Param, sep string) string {
	var s []string
	for _, p := range ps {
		s = append(s, p.Name)
	}
	return strings.Join(s, sep)
}

// javaUsedNodes says which of ListNode and TreeNode the signature uses.
func javaUsedNodes(sig *Signature) map[Kind]bool {
	used := map[Kind]bool{}
	note := func(t *Type) {
		if t != nil {
			used[t.Base().Kind] = true
		}
	}
	for _, p := range sig.Params {
		note(p.T)
	}
	note(sig.Return.T)
	if sig.Constructor != nil {
		for _, p := range sig.Constructor.Params {
			note(p.T)
		}
	}
	for _, m := range sig.Methods {
		note(m.Return.T)
		for _, p := range m.Params {
			note(p.T)
		}
	}
	return used
}
