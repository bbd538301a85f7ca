package function

import (
	_ "embed" // the driver library
	"fmt"
	"regexp"
	"strings"
)

// cGen generates the C driver in LeetCode's C conventions: arrays as a
// pointer and a size (2-D: sizes of the rows too), array results through
// returnSize and returnColumnSizes, design problems as a typedef'd struct
// with prefixCreate, prefixMethod and prefixFree functions.
type cGen struct{}

var (
	//go:embed drivers/c/core.h
	cCore string
	//go:embed drivers/c/listnode.h
	cListConv string
	//go:embed drivers/c/treenode.h
	cTreeConv string
	// uthash 2.3.0 (BSD licence, Troy D. Hanson), which LeetCode's C
	// includes by default: solutions use HASH_ADD_INT and the like
	// without including it.
	//go:embed drivers/c/uthash.h
	cUthash string
)

// cUserFile is the name the user's code has in compiler messages.
const cUserFile = "solution.c"

// cMainFile is the generated program's file.
const cMainFile = "main.c"

// cIncludes are the headers LeetCode's C compiles with.
const cIncludes = `#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>
#include <stdarg.h>
#include <limits.h>
#include <float.h>
#include <math.h>
#include <ctype.h>
#include <errno.h>
#include <assert.h>
#include <time.h>
#include <inttypes.h>
#include "uthash.h"
`

// LeetCode's definitions, as its C starter code shows them.
const cListNodeDef = `struct ListNode {
    int val;
    struct ListNode *next;
};
`

const cTreeNodeDef = `struct TreeNode {
    int val;
    struct TreeNode *left;
    struct TreeNode *right;
};
`

// cUthashAngle matches #include <uthash.h>, which names a system header:
// the program's own uthash.h is found by #include "uthash.h".
var cUthashAngle = regexp.MustCompile(`(?m)^([ \t]*#[ \t]*include[ \t]*)<uthash\.h>`)

// cMaxDepth is the deepest array LeetCode's C conventions express.
const cMaxDepth = 2

// cBase returns the C type of a scalar kind and the suffix of its driver
// functions (vd_get_int, vd_put_arr2_int...).
func cBase(k Kind) (ctype, suffix string) {
	switch k {
	case Integer:
		return "int", "int"
	case Long:
		return "long long", "long"
	case Double:
		return "double", "double"
	case Boolean:
		return "bool", "bool"
	case Character:
		return "char", "char"
	case String:
		return "char*", "string"
	case ListNode:
		return "struct ListNode*", "list"
	case TreeNode:
		return "struct TreeNode*", "tree"
	}
	return "void", ""
}

// cType is t as LeetCode's C spells it: int, char*, int**, struct TreeNode*.
func cType(t *Type) string {
	if t.Kind == Void {
		return "void"
	}
	base, _ := cBase(t.Base().Kind)
	return base + strings.Repeat("*", t.Depth())
}

// cCheck refuses the types that LeetCode's C cannot express.
func cCheck(sig *Signature) error {
	var bad *Type
	see := func(t *Type) {
		if t != nil && t.Depth() > cMaxDepth && bad == nil {
			bad = t
		}
	}
	for _, p := range sig.Params {
		see(p.T)
	}
	see(sig.Return.T)
	if sig.Constructor != nil {
		for _, p := range sig.Constructor.Params {
			see(p.T)
		}
	}
	for _, m := range sig.Methods {
		for _, p := range m.Params {
			see(p.T)
		}
		see(m.Return.T)
	}
	if bad != nil {
		return fmt.Errorf("function: C: type %s: LeetCode's C passes arrays of at most %d dimensions", bad, cMaxDepth)
	}
	return nil
}

// cParams declares parameters as LeetCode's C does: int* nums, int
// numsSize; int** grid, int gridSize, int* gridColSize.
func cParams(ps []Param) []string {
	var out []string
	for _, p := range ps {
		out = append(out, cType(p.T)+" "+p.Name)
		switch p.T.Depth() {
		case 1:
			out = append(out, "int "+p.Name+"Size")
		case 2:
			out = append(out, "int "+p.Name+"Size", "int* "+p.Name+"ColSize")
		}
	}
	return out
}

// cRetParams are the out-parameters of an array result: returnSize and
// returnColumnSizes (design methods: retSize, retColSize).
func cRetParams(t *Type, design bool) []string {
	size, cols := "returnSize", "returnColumnSizes"
	if design {
		size, cols = "retSize", "retColSize"
	}
	switch t.Depth() {
	case 1:
		return []string{"int* " + size}
	case 2:
		return []string{"int* " + size, "int** " + cols}
	}
	return nil
}

// cPrefix is the prefix of a design class's functions: the class name
// with its first letter lower-cased (LRUCache: lRUCacheCreate).
func cPrefix(class string) string {
	return strings.ToLower(class[:1]) + class[1:]
}

// cMethod is the C function of a design method: prefix + Name.
func cMethod(class, method string) string {
	return cPrefix(class) + strings.ToUpper(method[:1]) + method[1:]
}

// cReturnNote is LeetCode's comment above a function returning an array.
func cReturnNote(t *Type) string {
	switch t.Depth() {
	case 1:
		return "/**\n * Note: The returned array must be malloced, assume caller calls free().\n */\n"
	case 2:
		return "/**\n * Return an array of arrays of size *returnSize.\n * The sizes of the arrays are returned as *returnColumnSizes array.\n" +
			" * Note: Both returned array and *columnSizes array must be malloced, assume caller calls free().\n */\n"
	}
	return ""
}

func cNodeComment(title, def string) string {
	var b strings.Builder
	b.WriteString("/**\n * " + title + "\n")
	for _, l := range strings.Split(strings.TrimSuffix(def, "\n"), "\n") {
		b.WriteString(" * " + l + "\n")
	}
	b.WriteString(" */\n")
	return b.String()
}

// Starter returns LeetCode's C starter code.
func (cGen) Starter(sig *Signature) (string, error) {
	if err := cCheck(sig); err != nil {
		return "", err
	}
	var b strings.Builder
	list, tree := cfamNodes(sig)
	if list {
		b.WriteString(cNodeComment("Definition for singly-linked list.", cListNodeDef))
	}
	if tree {
		b.WriteString(cNodeComment("Definition for a binary tree node.", cTreeNodeDef))
	}
	if !sig.Design() {
		b.WriteString(cReturnNote(sig.Return.T))
		ps := append(cParams(sig.Params), cRetParams(sig.Return.T, false)...)
		fmt.Fprintf(&b, "%s %s(%s) {\n    \n}", cType(sig.Return.T), sig.Name, strings.Join(ps, ", "))
		return b.String(), nil
	}
	c := sig.ClassName
	fmt.Fprintf(&b, "\n\n\ntypedef struct {\n    \n} %s;\n\n\n", c)
	fmt.Fprintf(&b, "%s* %s(%s) {\n    \n}\n\n", c, cMethod(c, "create"), strings.Join(cParams(sig.Constructor.Params), ", "))
	self := c + "* obj"
	for _, m := range sig.Methods {
		ps := append(append([]string{self}, cParams(m.Params)...), cRetParams(m.Return.T, true)...)
		fmt.Fprintf(&b, "%s %s(%s) {\n    \n}\n\n", cType(m.Return.T), cMethod(c, m.Name), strings.Join(ps, ", "))
	}
	fmt.Fprintf(&b, "void %s(%s) {\n    \n}\n\n", cMethod(c, "free"), self)
	fmt.Fprintf(&b, "/**\n * Your %s struct will be instantiated and called as such:\n", c)
	names := func(ps []Param, t *Type) string {
		var s []string
		for _, p := range ps {
			s = append(s, p.Name)
			switch p.T.Depth() {
			case 1:
				s = append(s, p.Name+"Size")
			case 2:
				s = append(s, p.Name+"Size", p.Name+"ColSize")
			}
		}
		switch t.Depth() {
		case 1:
			s = append(s, "&retSize")
		case 2:
			s = append(s, "&retSize", "&retColSize")
		}
		return strings.Join(s, ", ")
	}
	fmt.Fprintf(&b, " * %s* obj = %s(%s);\n", c, cMethod(c, "create"), names(sig.Constructor.Params, &Type{Kind: Void}))
	for i, m := range sig.Methods {
		args := names(m.Params, m.Return.T)
		if args != "" {
			args = "obj, " + args
		} else {
			args = "obj"
		}
		if i > 0 {
			b.WriteString(" \n")
		}
		if m.Return.T.Kind == Void {
			fmt.Fprintf(&b, " * %s(%s);\n", cMethod(c, m.Name), args)
		} else {
			fmt.Fprintf(&b, " * %s param_%d = %s(%s);\n", cType(m.Return.T), i+1, cMethod(c, m.Name), args)
		}
	}
	fmt.Fprintf(&b, " \n * %s(obj);\n*/", cMethod(c, "free"))
	return b.String(), nil
}

// Program returns main.c: the headers and the driver library, the user's
// code as solution.c (#line), and main; and uthash.h, which main.c
// includes (and so may the user's code, as on LeetCode). The user's code
// is unchanged but for #include <uthash.h>, which becomes
// #include "uthash.h" on the same line.
func (cGen) Program(sig *Signature, user []byte) (*Program, error) {
	if err := cCheck(sig); err != nil {
		return nil, err
	}
	var b strings.Builder
	b.WriteString(cIncludes + "\n")
	list, tree := cfamNodes(sig)
	if list {
		b.WriteString(cListNodeDef)
	}
	if tree {
		b.WriteString(cTreeNodeDef)
	}
	b.WriteString(cCore)
	if list {
		b.WriteString(cListConv)
	}
	if tree {
		b.WriteString(cTreeConv)
	}
	b.WriteString("#line 1 \"" + cUserFile + "\"\n")
	start := cfamLines(b.String()) + 1
	u, n := cfamUser(user)
	b.WriteString(cUthashAngle.ReplaceAllString(u, `$1"uthash.h"`))
	fmt.Fprintf(&b, "#line %d \"%s\"\n", cfamLines(b.String())+2, cMainFile)
	if sig.Design() {
		cDesignMain(&b, sig)
	} else {
		cFunctionMain(&b, sig)
	}
	return &Program{
		Files:    []File{{Name: cMainFile, Data: []byte(b.String())}, {Name: "uthash.h", Data: []byte(cUthash)}},
		UserFile: cUserFile,
		Maps:     []LineMap{{File: cMainFile, Start: start, Count: n}},
	}, nil
}

// cArgs writes the declarations of the arguments vd_a0... (with their
// sizes vd_a0_n and vd_a0_cols) read from the JSON array vd_in, and
// returns the call's arguments.
func cArgs(b *strings.Builder, indent string, ps []Param) []string {
	var args []string
	for i, p := range ps {
		_, s := cBase(p.T.Base().Kind)
		v := fmt.Sprintf("vd_a%d", i)
		switch p.T.Depth() {
		case 0:
			fmt.Fprintf(b, "%s%s %s = vd_get_%s(&vd_in->a[%d]);\n", indent, cType(p.T), v, s, i)
			args = append(args, v)
		case 1:
			fmt.Fprintf(b, "%sint %s_n;\n%s%s %s = vd_get_arr_%s(&vd_in->a[%d], &%s_n);\n", indent, v, indent, cType(p.T), v, s, i, v)
			args = append(args, v, v+"_n")
		case 2:
			fmt.Fprintf(b, "%sint %s_n;\n%sint* %s_cols;\n%s%s %s = vd_get_arr2_%s(&vd_in->a[%d], &%s_n, &%s_cols);\n",
				indent, v, indent, v, indent, cType(p.T), v, s, i, v, v)
			args = append(args, v, v+"_n", v+"_cols")
		}
	}
	b.WriteString(indent + "(void)vd_in;\n")
	return args
}

// cPut is the statement writing value v of type t (sizes n, cols) to vd_out.
func cPut(t *Type, v, n, cols string) string {
	_, s := cBase(t.Base().Kind)
	switch t.Depth() {
	case 1:
		return fmt.Sprintf("vd_put_arr_%s(&vd_out, %s, %s);", s, v, n)
	case 2:
		return fmt.Sprintf("vd_put_arr2_%s(&vd_out, %s, %s, %s);", s, v, n, cols)
	}
	return fmt.Sprintf("vd_put_%s(&vd_out, %s);", s, v)
}

// cCall writes a timed call of fn and the writing of its result: the
// returned value, or (out >= 0) argument out after the call.
func cCall(b *strings.Builder, indent, fn string, args []string, ret *Type, out int, outType *Type) {
	switch ret.Depth() {
	case 1:
		fmt.Fprintf(b, "%sint vd_rn = 0;\n", indent)
		args = append(args, "&vd_rn")
	case 2:
		fmt.Fprintf(b, "%sint vd_rn = 0;\n%sint* vd_rcols = NULL;\n", indent, indent)
		args = append(args, "&vd_rn", "&vd_rcols")
	}
	call := fn + "(" + strings.Join(args, ", ") + ")"
	b.WriteString(indent + "vd_start();\n")
	switch {
	case ret.Kind != Void:
		fmt.Fprintf(b, "%s%s vd_res = %s;\n%svd_stop();\n", indent, cType(ret), call, indent)
		fmt.Fprintf(b, "%s%s\n", indent, cPut(ret, "vd_res", "vd_rn", "vd_rcols"))
	case out >= 0:
		fmt.Fprintf(b, "%s%s;\n%svd_stop();\n", indent, call, indent)
		v := fmt.Sprintf("vd_a%d", out)
		fmt.Fprintf(b, "%s%s\n", indent, cPut(outType, v, v+"_n", v+"_cols"))
	default:
		fmt.Fprintf(b, "%s%s;\n%svd_stop();\n%svd_puts(&vd_out, \"null\");\n", indent, call, indent, indent)
	}
}

func cFunctionMain(b *strings.Builder, sig *Signature) {
	b.WriteString("int main(void) {\n    vd_init();\n    while (vd_next()) {\n")
	fmt.Fprintf(b, "        const vd_json* vd_in = vd_args(%d);\n", len(sig.Params))
	args := cArgs(b, "        ", sig.Params)
	out, outType := -1, (*Type)(nil)
	if sig.Output != nil && sig.Return.T.Kind == Void {
		out = sig.Output.ParamIndex
		outType = sig.Params[out].T
	}
	cCall(b, "        ", sig.Name, args, sig.Return.T, out, outType)
	b.WriteString("        vd_ok();\n    }\n    return 0;\n}\n")
}

func cDesignMain(b *strings.Builder, sig *Signature) {
	c := sig.ClassName
	b.WriteString("int main(void) {\n    vd_init();\n    while (vd_next()) {\n")
	fmt.Fprintf(b, "        size_t vd_n = vd_design(%q);\n", c)
	fmt.Fprintf(b, "        vd_puts(&vd_out, \"[null\");\n        %s* vd_obj;\n        {\n", c)
	fmt.Fprintf(b, "            const vd_json* vd_in = vd_call(0, %d);\n", len(sig.Constructor.Params))
	args := cArgs(b, "            ", sig.Constructor.Params)
	fmt.Fprintf(b, "            vd_start();\n            vd_obj = %s(%s);\n            vd_stop();\n        }\n", cMethod(c, "create"), strings.Join(args, ", "))
	b.WriteString("        for (size_t vd_i = 1; vd_i < vd_n; vd_i++) {\n")
	b.WriteString("            const char* vd_m = vd_name(vd_i);\n            vd_putc(&vd_out, ',');\n            ")
	for _, m := range sig.Methods {
		fmt.Fprintf(b, "if (strcmp(vd_m, %q) == 0) {\n", m.Name)
		fmt.Fprintf(b, "                const vd_json* vd_in = vd_call(vd_i, %d);\n", len(m.Params))
		args := cArgs(b, "                ", m.Params)
		cCall(b, "                ", cMethod(c, m.Name), append([]string{"vd_obj"}, args...), m.Return.T, -1, nil)
		b.WriteString("            } else ")
	}
	b.WriteString("{\n                vd_bad(\"unknown method %s\", vd_m);\n            }\n        }\n")
	fmt.Fprintf(b, "        vd_start();\n        %s(vd_obj);\n        vd_stop();\n", cMethod(c, "free"))
	b.WriteString("        vd_putc(&vd_out, ']');\n        vd_ok();\n    }\n    return 0;\n}\n")
}
