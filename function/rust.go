package function

import (
	"bytes"
	_ "embed"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// rustGen generates the Rust driver: one crate root main.rs (rustc takes
// a single file) holding, on its first line, the crate's allow attributes,
// then the user's code from that same line on (so that its lines keep
// their numbers), then the std imports (globs: the user's own `use
// std::rc::Rc;` of LeetCode's starter code does not clash), ListNode,
// TreeNode, `struct Solution;`, a JSON parser and the generated calls in a
// module of their own. Messages naming main.rs within the user's lines are mapped to
// solution.rs (Program.Maps).
type rustGen struct{}

//go:embed drivers/rust/driver.rs
var rustDriver string

// rustUserFile is the name the user's code is shown as.
const rustUserFile = "solution.rs"

// rustPrelude goes before the user's first line: an inner attribute, which
// the user's own inner attributes may follow. The std imports are in the
// driver, after the user's code (a use may be anywhere in a module).
const rustPrelude = "#![allow(dead_code, unused_imports, unused_variables, unused_mut, unused_assignments, unused_parens, " +
	"non_snake_case, non_camel_case_types, non_upper_case_globals, unreachable_code, unused_must_use)] "

// rustDefines says whether the user's code declares a struct of that name.
func rustDefines(user []byte, name string) bool {
	return regexp.MustCompile(`(?m)^\s*(?:pub(?:\([^)]*\))?\s+)?struct\s+` + name + `\b`).Match(user)
}

func (rustGen) Program(sig *Signature, user []byte) (*Program, error) {
	var b strings.Builder
	b.WriteString(rustPrelude)
	b.Write(user)
	if len(user) > 0 && user[len(user)-1] != '\n' {
		b.WriteByte('\n')
	}
	lines := bytes.Count(user, []byte("\n"))
	if len(user) > 0 && user[len(user)-1] != '\n' {
		lines++
	}
	lines = max(lines, 1)

	drv := rustDriver
	for _, n := range []string{"ListNode", "TreeNode", "Solution"} {
		if rustDefines(user, n) || (n == "Solution" && sig.Design()) {
			drv = javaCut(drv, "/*@@"+strings.ToUpper(n)+"@@*/", "/*@@END@@*/")
		}
	}
	var run string
	if sig.Design() {
		run = rustDesign(sig)
	} else {
		run = rustFunction(sig)
	}
	drv = strings.NewReplacer(
		"@@USER_LINES@@", strconv.Itoa(lines),
		"@@USERFILE@@", rustUserFile,
		"@@RESULTS@@", ResultsFile,
		"// @@GENERATED@@", run,
	).Replace(drv)
	b.WriteString(drv)
	return &Program{
		Files:    []File{{Name: "main.rs", Data: []byte(b.String())}},
		UserFile: rustUserFile,
		Maps:     []LineMap{{File: "main.rs", Start: 1, Count: lines}},
	}, nil
}

// rustType is t's Rust type, as LeetCode's Rust signatures write it.
func rustType(t *Type) string {
	switch t.Kind {
	case Integer:
		return "i32"
	case Long:
		return "i64"
	case Double:
		return "f64"
	case Boolean:
		return "bool"
	case Character:
		return "char"
	case String:
		return "String"
	case ListNode:
		return "Option<Box<ListNode>>"
	case TreeNode:
		return "Option<Rc<RefCell<TreeNode>>>"
	case Array:
		return "Vec<" + rustType(t.Elem) + ">"
	}
	return "()"
}

// rustKeywords are Rust's reserved words: such a name is written r#name.
var rustKeywords = map[string]bool{}

func init() {
	for _, k := range strings.Fields("as break const continue crate else enum extern false fn for if impl in let loop match mod move mut pub ref return self Self static struct super trait true type unsafe use where while async await dyn abstract become box do final macro override priv typeof unsized virtual yield try gen") {
		rustKeywords[k] = true
	}
}

// rustName is LeetCode's Rust name of a camelCase name: snake_case
// (twoSum → two_sum, getLRUValue → get_lru_value), r# before a keyword.
func rustName(s string) string {
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		if unicode.IsUpper(r) {
			if i > 0 && rs[i-1] != '_' {
				prevLower := unicode.IsLower(rs[i-1]) || unicode.IsDigit(rs[i-1])
				nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
				if prevLower || (unicode.IsUpper(rs[i-1]) && nextLower) {
					b.WriteByte('_')
				}
			}
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		b.WriteRune(r)
	}
	n := b.String()
	if rustKeywords[n] && n != "self" && n != "Self" && n != "super" && n != "crate" {
		return "r#" + n
	}
	return n
}

// rustArgs writes the reading of params from the slice named list into
// locals prefix0, prefix1, ...; it returns the locals.
func rustArgs(b *strings.Builder, indent, list, prefix string, ps []Param) []string {
	var names []string
	for i, p := range ps {
		n := fmt.Sprintf("%s%d", prefix, i)
		fmt.Fprintf(b, "%slet mut %s: %s = FromJson::from_json(&%s[%d])?;\n", indent, n, rustType(p.T), list, i)
		names = append(names, n)
	}
	return names
}

func rustFunction(sig *Signature) string {
	var b strings.Builder
	b.WriteString("    fn run(v: &V, b: &mut String) -> R<()> {\n        let args = arr(v)?;\n")
	fmt.Fprintf(&b, "        nargs(args, %d, %q)?;\n", len(sig.Params), sig.Name)
	names := rustArgs(&b, "        ", "args", "a", sig.Params)
	if sig.Output != nil {
		k := sig.Output.ParamIndex
		names[k] = "&mut " + names[k]
	}
	call := fmt.Sprintf("super::Solution::%s(%s)", rustName(sig.Name), strings.Join(names, ", "))
	fmt.Fprintf(&b, "        start();\n        let r = %s;\n        stop();\n", call)
	if sig.Output != nil {
		fmt.Fprintf(&b, "        a%d.to_json(b);\n", sig.Output.ParamIndex)
	} else {
		b.WriteString("        r.to_json(b);\n")
	}
	b.WriteString("        Ok(())\n    }\n")
	return b.String()
}

func rustDesign(sig *Signature) string {
	var b strings.Builder
	b.WriteString(`    fn run(v: &V, b: &mut String) -> R<()> {
        let top = arr(v)?;
        nargs(top, 2, "a design test ([names, arguments])")?;
        let (names, argl) = (arr(&top[0])?, arr(&top[1])?);
        if names.is_empty() || names.len() != argl.len() {
            return Err(Bad(format!("design test: {} names and {} argument lists", names.len(), argl.len())));
        }
        let c = arr(&argl[0])?;
`)
	fmt.Fprintf(&b, "        nargs(c, %d, %q)?;\n", len(sig.Constructor.Params), sig.ClassName)
	cn := rustArgs(&b, "        ", "c", "c", sig.Constructor.Params)
	fmt.Fprintf(&b, "        start();\n        let mut obj = super::%s::new(%s);\n        stop();\n", sig.ClassName, strings.Join(cn, ", "))
	b.WriteString(`        b.push_str("[null");
        for i in 1..names.len() {
            let m = match &names[i] {
                V::Str(s) => s.as_str(),
                other => return Err(Bad(format!("design test: method name {}", desc(other)))),
            };
            let a = arr(&argl[i])?;
            b.push(',');
            match m {
`)
	for _, m := range sig.Methods {
		fmt.Fprintf(&b, "                %q => {\n                    nargs(a, %d, m)?;\n", m.Name, len(m.Params))
		an := rustArgs(&b, "                    ", "a", "x", m.Params)
		fmt.Fprintf(&b, "                    start();\n                    let r = obj.%s(%s);\n                    stop();\n", rustName(m.Name), strings.Join(an, ", "))
		if m.Return.T.Kind == Void {
			b.WriteString("                    let _ = r;\n                    b.push_str(\"null\");\n")
		} else {
			b.WriteString("                    r.to_json(b);\n")
		}
		b.WriteString("                }\n")
	}
	b.WriteString(`                _ => return Err(Bad(format!("design test: unknown method {}", m))),
            }
        }
        b.push(']');
        Ok(())
    }
`)
	return b.String()
}

func (rustGen) Starter(sig *Signature) (string, error) {
	var b strings.Builder
	uses := javaUsedNodes(sig)
	if uses[ListNode] {
		b.WriteString(`// Definition for singly-linked list.
// #[derive(PartialEq, Eq, Clone, Debug)]
// pub struct ListNode {
//   pub val: i32,
//   pub next: Option<Box<ListNode>>
// }
//
// impl ListNode {
//   #[inline]
//   fn new(val: i32) -> Self {
//     ListNode {
//       next: None,
//       val
//     }
//   }
// }
`)
	}
	if uses[TreeNode] {
		b.WriteString(`// Definition for a binary tree node.
// #[derive(Debug, PartialEq, Eq)]
// pub struct TreeNode {
//   pub val: i32,
//   pub left: Option<Rc<RefCell<TreeNode>>>,
//   pub right: Option<Rc<RefCell<TreeNode>>>,
// }
//
// impl TreeNode {
//   #[inline]
//   pub fn new(val: i32) -> Self {
//     TreeNode {
//       val,
//       left: None,
//       right: None
//     }
//   }
// }
use std::rc::Rc;
use std::cell::RefCell;
`)
	}
	params := func(ps []Param, mut int) string {
		var s []string
		for i, p := range ps {
			t := rustType(p.T)
			if i == mut {
				t = "&mut " + t
			}
			s = append(s, rustName(p.Name)+": "+t)
		}
		return strings.Join(s, ", ")
	}
	ret := func(t *Type) string {
		if t.Kind == Void {
			return ""
		}
		return " -> " + rustType(t)
	}
	if !sig.Design() {
		mut := -1
		if sig.Output != nil {
			mut = sig.Output.ParamIndex
		}
		fmt.Fprintf(&b, "impl Solution {\n    pub fn %s(%s)%s {\n        \n    }\n}\n", rustName(sig.Name), params(sig.Params, mut), ret(sig.Return.T))
		return b.String(), nil
	}
	c := sig.ClassName
	fmt.Fprintf(&b, "struct %s {\n\n}\n\n\n/** \n * `&self` means the method takes an immutable reference.\n * If you need a mutable reference, change it to `&mut self` instead.\n */\nimpl %s {\n\n    fn new(%s) -> Self {\n        \n    }\n", c, c, params(sig.Constructor.Params, -1))
	for _, m := range sig.Methods {
		ps := "&self"
		if len(m.Params) > 0 {
			ps += ", " + params(m.Params, -1)
		}
		fmt.Fprintf(&b, "    \n    fn %s(%s)%s {\n        \n    }\n", rustName(m.Name), ps, ret(m.Return.T))
	}
	var cargs []string
	for _, p := range sig.Constructor.Params {
		cargs = append(cargs, rustName(p.Name))
	}
	fmt.Fprintf(&b, "}\n\n/**\n * Your %s object will be instantiated and called as such:\n * let obj = %s::new(%s);\n", c, c, strings.Join(cargs, ", "))
	for i, m := range sig.Methods {
		var as []string
		for _, p := range m.Params {
			as = append(as, rustName(p.Name))
		}
		if m.Return.T.Kind == Void {
			fmt.Fprintf(&b, " * obj.%s(%s);\n", rustName(m.Name), strings.Join(as, ", "))
		} else {
			fmt.Fprintf(&b, " * let ret_%d: %s = obj.%s(%s);\n", i+1, rustType(m.Return.T), rustName(m.Name), strings.Join(as, ", "))
		}
	}
	b.WriteString(" */\n")
	return b.String(), nil
}
