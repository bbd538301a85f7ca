package function

import (
	_ "embed" // the driver library
	"fmt"
	"strings"
)

// cppGen generates the C++ driver: LeetCode's prelude (bits/stdc++.h,
// using namespace std, ListNode and TreeNode), the driver library
// (drivers/cpp), the user's code under #line 1 "solution.cpp", then main.
type cppGen struct{}

var (
	//go:embed drivers/cpp/core.hpp
	cppCore string
	//go:embed drivers/cpp/listnode.hpp
	cppListConv string
	//go:embed drivers/cpp/treenode.hpp
	cppTreeConv string
)

// cppUserFile is the name the user's code has in compiler messages.
const cppUserFile = "solution.cpp"

// cppMainFile is the generated program's file.
const cppMainFile = "main.cpp"

// LeetCode's definitions, as its C++ starter code shows them.
const cppListNodeDef = `struct ListNode {
    int val;
    ListNode *next;
    ListNode() : val(0), next(nullptr) {}
    ListNode(int x) : val(x), next(nullptr) {}
    ListNode(int x, ListNode *next) : val(x), next(next) {}
};
`

const cppTreeNodeDef = `struct TreeNode {
    int val;
    TreeNode *left;
    TreeNode *right;
    TreeNode() : val(0), left(nullptr), right(nullptr) {}
    TreeNode(int x) : val(x), left(nullptr), right(nullptr) {}
    TreeNode(int x, TreeNode *left, TreeNode *right) : val(x), left(left), right(right) {}
};
`

// cppType is t as LeetCode's C++ code spells it.
func cppType(t *Type) string {
	switch t.Kind {
	case Void:
		return "void"
	case Integer:
		return "int"
	case Long:
		return "long long"
	case Double:
		return "double"
	case Boolean:
		return "bool"
	case Character:
		return "char"
	case String:
		return "string"
	case Array:
		return "vector<" + cppType(t.Elem) + ">"
	case ListNode:
		return "ListNode*"
	case TreeNode:
		return "TreeNode*"
	}
	return "void"
}

// cppParam is a parameter as LeetCode's starter code declares it: arrays
// by reference, the rest by value.
func cppParam(p Param) string {
	if p.T.Kind == Array {
		return cppType(p.T) + "& " + p.Name
	}
	return cppType(p.T) + " " + p.Name
}

// cfamNodes says which of ListNode and TreeNode the signature uses.
func cfamNodes(sig *Signature) (list, tree bool) {
	var walk func(t *Type)
	walk = func(t *Type) {
		if t == nil {
			return
		}
		b := t.Base()
		list = list || b.Kind == ListNode
		tree = tree || b.Kind == TreeNode
	}
	for _, p := range sig.Params {
		walk(p.T)
	}
	walk(sig.Return.T)
	if sig.Constructor != nil {
		for _, p := range sig.Constructor.Params {
			walk(p.T)
		}
	}
	for _, m := range sig.Methods {
		for _, p := range m.Params {
			walk(p.T)
		}
		walk(m.Return.T)
	}
	return list, tree
}

// cfamLines counts the lines of s: its newlines.
func cfamLines(s string) int { return strings.Count(s, "\n") }

// cfamUser returns the user's code ending in a newline, and its number of
// lines.
func cfamUser(user []byte) (string, int) {
	u := string(user)
	if u != "" && !strings.HasSuffix(u, "\n") {
		u += "\n"
	}
	return u, cfamLines(u)
}

// cppNodeComment is the commented definition LeetCode's starter code opens with.
func cppNodeComment(title, def string) string {
	var b strings.Builder
	b.WriteString("/**\n * " + title + "\n")
	for _, l := range strings.Split(strings.TrimSuffix(def, "\n"), "\n") {
		b.WriteString(" * " + l + "\n")
	}
	b.WriteString(" */\n")
	return b.String()
}

// Starter returns LeetCode's C++ starter code: class Solution with the
// method, or the design class with its constructor and methods.
func (cppGen) Starter(sig *Signature) (string, error) {
	var b strings.Builder
	list, tree := cfamNodes(sig)
	if list {
		b.WriteString(cppNodeComment("Definition for singly-linked list.", cppListNodeDef))
	}
	if tree {
		b.WriteString(cppNodeComment("Definition for a binary tree node.", cppTreeNodeDef))
	}
	params := func(ps []Param) string {
		s := make([]string, len(ps))
		for i, p := range ps {
			s[i] = cppParam(p)
		}
		return strings.Join(s, ", ")
	}
	names := func(ps []Param) string {
		s := make([]string, len(ps))
		for i, p := range ps {
			s[i] = p.Name
		}
		return strings.Join(s, ",")
	}
	if !sig.Design() {
		fmt.Fprintf(&b, "class Solution {\npublic:\n    %s %s(%s) {\n        \n    }\n};", cppType(sig.Return.T), sig.Name, params(sig.Params))
		return b.String(), nil
	}
	c := sig.ClassName
	fmt.Fprintf(&b, "class %s {\npublic:\n    %s(%s) {\n        \n    }\n", c, c, params(sig.Constructor.Params))
	for _, m := range sig.Methods {
		fmt.Fprintf(&b, "    \n    %s %s(%s) {\n        \n    }\n", cppType(m.Return.T), m.Name, params(m.Params))
	}
	b.WriteString("};\n\n/**\n")
	fmt.Fprintf(&b, " * Your %s object will be instantiated and called as such:\n", c)
	fmt.Fprintf(&b, " * %s* obj = new %s(%s);\n", c, c, names(sig.Constructor.Params))
	for i, m := range sig.Methods {
		if m.Return.T.Kind == Void {
			fmt.Fprintf(&b, " * obj->%s(%s);\n", m.Name, names(m.Params))
		} else {
			fmt.Fprintf(&b, " * %s param_%d = obj->%s(%s);\n", cppType(m.Return.T), i+1, m.Name, names(m.Params))
		}
	}
	b.WriteString(" */")
	return b.String(), nil
}

// Program returns main.cpp: the prelude and the driver library, the
// user's code as solution.cpp (#line), and main. Its first line is
// #include <bits/stdc++.h>, so that the precompiled header is used.
func (cppGen) Program(sig *Signature, user []byte) (*Program, error) {
	var b strings.Builder
	b.WriteString("#include <bits/stdc++.h>\n#include <cxxabi.h>\nusing namespace std;\n\n")
	list, tree := cfamNodes(sig)
	if list {
		b.WriteString(cppListNodeDef)
	}
	if tree {
		b.WriteString(cppTreeNodeDef)
	}
	b.WriteString(cppCore)
	if list {
		b.WriteString(cppListConv)
	}
	if tree {
		b.WriteString(cppTreeConv)
	}
	b.WriteString("#line 1 \"" + cppUserFile + "\"\n")
	start := cfamLines(b.String()) + 1
	u, n := cfamUser(user)
	b.WriteString(u)
	fmt.Fprintf(&b, "#line %d \"%s\"\n", cfamLines(b.String())+2, cppMainFile)
	if sig.Design() {
		cppDesignMain(&b, sig)
	} else {
		cppFunctionMain(&b, sig)
	}
	return &Program{
		Files:    []File{{Name: cppMainFile, Data: []byte(b.String())}},
		UserFile: cppUserFile,
		Maps:     []LineMap{{File: cppMainFile, Start: start, Count: n}},
	}, nil
}

// cppArgs writes the declarations of the arguments vd_a0... read from the
// JSON array vd_in, and returns their names.
func cppArgs(b *strings.Builder, indent string, ps []Param) string {
	names := make([]string, len(ps))
	for i, p := range ps {
		t := cppType(p.T)
		fmt.Fprintf(b, "%s%s vd_a%d = verdict_drv::Conv<%s>::from(vd_in.a[%d]);\n", indent, t, i, t, i)
		names[i] = fmt.Sprintf("vd_a%d", i)
	}
	return strings.Join(names, ", ")
}

// cppCall writes a timed call and the writing of its result to vd_out:
// the returned value, or (out >= 0) argument out after the call.
func cppCall(b *strings.Builder, indent, call string, ret *Type, out int, outType *Type) {
	b.WriteString(indent + "vd_run.start();\n")
	switch {
	case ret.Kind != Void:
		t := cppType(ret)
		fmt.Fprintf(b, "%s%s vd_res = %s;\n%svd_run.stop();\n", indent, t, call, indent)
		fmt.Fprintf(b, "%sverdict_drv::Conv<%s>::to(vd_out, vd_res);\n", indent, t)
	case out >= 0:
		fmt.Fprintf(b, "%s%s;\n%svd_run.stop();\n", indent, call, indent)
		fmt.Fprintf(b, "%sverdict_drv::Conv<%s>::to(vd_out, vd_a%d);\n", indent, cppType(outType), out)
	default:
		fmt.Fprintf(b, "%s%s;\n%svd_run.stop();\n%svd_out += \"null\";\n", indent, call, indent, indent)
	}
}

func cppFunctionMain(b *strings.Builder, sig *Signature) {
	b.WriteString("signed main() {\n    verdict_drv::Runner vd_run;\n    while (vd_run.next()) {\n")
	b.WriteString("        std::string vd_out;\n        try {\n")
	fmt.Fprintf(b, "            const verdict_drv::Json& vd_in = vd_run.args(%d);\n", len(sig.Params))
	args := cppArgs(b, "            ", sig.Params)
	b.WriteString("            Solution* vd_sol = new Solution();\n")
	out, outType := -1, (*Type)(nil)
	if sig.Output != nil && sig.Return.T.Kind == Void {
		out = sig.Output.ParamIndex
		outType = sig.Params[out].T
	}
	cppCall(b, "            ", fmt.Sprintf("vd_sol->%s(%s)", sig.Name, args), sig.Return.T, out, outType)
	b.WriteString("            delete vd_sol;\n")
	b.WriteString("        } catch (...) {\n            vd_run.fail();\n        }\n")
	b.WriteString("        vd_run.ok(vd_out);\n    }\n    return 0;\n}\n")
}

func cppDesignMain(b *strings.Builder, sig *Signature) {
	c := sig.ClassName
	b.WriteString("signed main() {\n    verdict_drv::Runner vd_run;\n    while (vd_run.next()) {\n")
	b.WriteString("        std::string vd_out = \"[null\";\n        try {\n")
	fmt.Fprintf(b, "            size_t vd_n = vd_run.design(%q);\n", c)
	fmt.Fprintf(b, "            %s* vd_obj;\n            {\n", c)
	fmt.Fprintf(b, "                const verdict_drv::Json& vd_in = vd_run.call(0, %d);\n", len(sig.Constructor.Params))
	args := cppArgs(b, "                ", sig.Constructor.Params)
	fmt.Fprintf(b, "                vd_run.start();\n                vd_obj = new %s(%s);\n                vd_run.stop();\n            }\n", c, args)
	b.WriteString("            for (size_t vd_i = 1; vd_i < vd_n; vd_i++) {\n")
	b.WriteString("                const std::string& vd_m = vd_run.name(vd_i);\n                vd_out += ',';\n                ")
	for _, m := range sig.Methods {
		fmt.Fprintf(b, "if (vd_m == %q) {\n", m.Name)
		fmt.Fprintf(b, "                    const verdict_drv::Json& vd_in = vd_run.call(vd_i, %d);\n", len(m.Params))
		args := cppArgs(b, "                    ", m.Params)
		cppCall(b, "                    ", fmt.Sprintf("vd_obj->%s(%s)", m.Name, args), m.Return.T, -1, nil)
		b.WriteString("                } else ")
	}
	b.WriteString("{\n                    throw verdict_drv::InputError(\"unknown method \" + vd_m);\n                }\n")
	b.WriteString("            }\n            delete vd_obj;\n")
	b.WriteString("        } catch (...) {\n            vd_run.fail();\n        }\n")
	b.WriteString("        vd_out += ']';\n        vd_run.ok(vd_out);\n    }\n    return 0;\n}\n")
}
