package function

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// goGen generates the Go driver. LeetCode's Go code has no package clause
// and no imports: solution.go is `package main`, the imports of the
// standard packages the code uses (found with go/parser: package names
// it uses and does not declare), a //line directive and the user's code,
// so that compile errors and panics name solution.go and its lines.
// main.go holds the driver, ListNode and TreeNode (when the signature
// uses them); its own names start with verdict, its imports are renamed.
// Design problems follow LeetCode's Go convention: a struct type named
// after the class, `func Constructor(...) Class` and methods with
// capitalised names.
type goGen struct{}

const goUserFile = "solution.go"

// goStdPackages maps the package names a LeetCode Go solution may use
// without importing them to their import paths.
var goStdPackages = map[string]string{
	"bits": "math/bits", "big": "math/big", "bufio": "bufio", "bytes": "bytes", "cmp": "cmp",
	"cmplx": "math/cmplx", "errors": "errors", "fmt": "fmt", "heap": "container/heap",
	"io": "io", "iter": "iter", "list": "container/list", "maps": "maps", "math": "math",
	"os": "os", "rand": "math/rand", "reflect": "reflect", "regexp": "regexp", "ring": "container/ring",
	"slices": "slices", "sort": "sort", "strconv": "strconv", "strings": "strings", "sync": "sync",
	"atomic": "sync/atomic", "time": "time", "unicode": "unicode", "utf8": "unicode/utf8",
	"utf16": "unicode/utf16",
}

func goType(t *Type) string {
	switch t.Kind {
	case Integer:
		return "int"
	case Long:
		return "int64"
	case Double:
		return "float64"
	case Boolean:
		return "bool"
	case Character:
		return "byte"
	case String:
		return "string"
	case ListNode:
		return "*ListNode"
	case TreeNode:
		return "*TreeNode"
	case Array:
		return "[]" + goType(t.Elem)
	}
	return ""
}

// goExported is a method's name in Go: its first letter capitalised.
func goExported(name string) string {
	r, n := utf8.DecodeRuneInString(name)
	return string(unicode.ToUpper(r)) + name[n:]
}

func goParams(ps []Param) string {
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = p.Name + " " + goType(p.T)
	}
	return strings.Join(s, ", ")
}

// Starter returns LeetCode's Go starter code.
func (goGen) Starter(sig *Signature) (string, error) {
	var b strings.Builder
	if sig.uses(ListNode) {
		b.WriteString("/**\n * Definition for singly-linked list.\n * type ListNode struct {\n *     Val int\n *     Next *ListNode\n * }\n */\n")
	}
	if sig.uses(TreeNode) {
		b.WriteString("/**\n * Definition for a binary tree node.\n * type TreeNode struct {\n *     Val int\n *     Left *TreeNode\n *     Right *TreeNode\n * }\n */\n")
	}
	ret := func(t *Type) string {
		if t.Kind == Void {
			return " "
		}
		return goType(t) + " "
	}
	if !sig.Design() {
		fmt.Fprintf(&b, "func %s(%s) %s{\n    \n}\n", sig.Name, goParams(sig.Params), ret(sig.Return.T))
		return b.String(), nil
	}
	c := sig.ClassName
	fmt.Fprintf(&b, "type %s struct {\n    \n}\n\n\n", c)
	fmt.Fprintf(&b, "func Constructor(%s) %s {\n    \n}\n\n\n", goParams(sig.Constructor.Params), c)
	for _, m := range sig.Methods {
		fmt.Fprintf(&b, "func (this *%s) %s(%s) %s{\n    \n}\n\n\n", c, goExported(m.Name), goParams(m.Params), ret(m.Return.T))
	}
	fmt.Fprintf(&b, "/**\n * Your %s object will be instantiated and called as such:\n", c)
	fmt.Fprintf(&b, " * obj := Constructor(%s);\n", paramNames(sig.Constructor.Params))
	for i, m := range sig.Methods {
		if m.Return.T.Kind == Void {
			fmt.Fprintf(&b, " * obj.%s(%s);\n", goExported(m.Name), paramNames(m.Params))
		} else {
			fmt.Fprintf(&b, " * param_%d := obj.%s(%s);\n", i+1, goExported(m.Name), paramNames(m.Params))
		}
	}
	b.WriteString(" */\n")
	return b.String(), nil
}

// goSolution makes solution.go: the user's code as it is when it has a
// package clause; otherwise `package main`, the imports it needs and a
// //line directive before it.
func goSolution(user []byte) []byte {
	var s scanner.Scanner
	fset := token.NewFileSet()
	s.Init(fset.AddFile("", -1, len(user)), user, nil, 0)
	if _, tok, _ := s.Scan(); tok == token.PACKAGE {
		return user
	}
	src := append([]byte("package main;"), user...)
	f, _ := parser.ParseFile(token.NewFileSet(), goUserFile, src, parser.AllErrors)
	need := map[string]bool{}
	if f != nil {
		imported := map[string]bool{}
		for _, im := range f.Imports {
			path, _ := strconv.Unquote(im.Path.Value)
			name := path[strings.LastIndex(path, "/")+1:]
			if im.Name != nil {
				name = im.Name.Name
			}
			imported[name] = true
		}
		unresolved := map[*ast.Ident]bool{}
		for _, id := range f.Unresolved {
			unresolved[id] = true
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if id, ok := sel.X.(*ast.Ident); ok && unresolved[id] && !imported[id.Name] && goStdPackages[id.Name] != "" {
					need[id.Name] = true
				}
			}
			return true
		})
	}
	var paths []string
	for name := range need {
		paths = append(paths, goStdPackages[name])
	}
	sort.Strings(paths)
	var b bytes.Buffer
	b.WriteString("package main\n\n")
	for _, p := range paths {
		fmt.Fprintf(&b, "import %q\n", p)
	}
	b.WriteString("\n//line " + goUserFile + ":1:1\n")
	b.Write(user)
	return b.Bytes()
}

// goDec is a Go expression of a func(json.RawMessage) T decoding t.
func goDec(t *Type) string {
	switch t.Kind {
	case Character:
		return "verdictDecChar"
	case ListNode:
		return "verdictDecList"
	case TreeNode:
		return "verdictDecTree"
	case Array:
		if goNeedsCustom(t) {
			return "verdictDecSlice(" + goDec(t.Elem) + ")"
		}
	}
	return "verdictDec[" + goType(t) + "]"
}

func goNeedsCustom(t *Type) bool {
	for ; t != nil; t = t.Elem {
		switch t.Kind {
		case Character, ListNode, TreeNode:
			return true
		}
	}
	return false
}

// goEnc is a Go expression of a func([]byte, T) []byte encoding t.
func goEnc(t *Type) string {
	switch t.Kind {
	case Integer:
		return "verdictEncInt"
	case Long:
		return "verdictEncInt64"
	case Double:
		return "verdictEncFloat"
	case Boolean:
		return "verdictEncBool"
	case Character:
		return "verdictEncChar"
	case String:
		return "verdictEncString"
	case ListNode:
		return "verdictEncList"
	case TreeNode:
		return "verdictEncTree"
	case Array:
		return "verdictEncSlice(" + goEnc(t.Elem) + ")"
	}
	return ""
}

// Program returns main.go (the driver) and solution.go.
func (goGen) Program(sig *Signature, user []byte) (*Program, error) {
	var b strings.Builder
	b.WriteString(goDriver)
	if sig.uses(ListNode) {
		b.WriteString(goListCode)
	}
	if sig.uses(TreeNode) {
		b.WriteString(goTreeCode)
	}
	b.WriteString("\nfunc verdictRun(line []byte) []byte {\n")
	if !sig.Design() {
		b.WriteString("\targs := verdictSplit(line)\n")
		var names []string
		for i, p := range sig.Params {
			fmt.Fprintf(&b, "\ta%d := %s(args[%d])\n", i, goDec(p.T), i)
			names = append(names, fmt.Sprintf("a%d", i))
		}
		call := fmt.Sprintf("%s(%s)", sig.Name, strings.Join(names, ", "))
		b.WriteString("\tverdictStart()\n")
		if sig.Output != nil {
			fmt.Fprintf(&b, "\t%s\n\tverdictStop()\n", call)
			fmt.Fprintf(&b, "\treturn %s(nil, a%d)\n", goEnc(sig.ResultType()), sig.Output.ParamIndex)
		} else {
			fmt.Fprintf(&b, "\tr := %s\n\tverdictStop()\n", call)
			fmt.Fprintf(&b, "\treturn %s(nil, r)\n", goEnc(sig.Return.T))
		}
		b.WriteString("}\n")
		return goProgram(b.String(), user), nil
	}
	b.WriteString("\tnames, argss := verdictSplitDesign(line)\n")
	var cargs []string
	for i, p := range sig.Constructor.Params {
		fmt.Fprintf(&b, "\tc%d := %s(argss[0][%d])\n", i, goDec(p.T), i)
		cargs = append(cargs, fmt.Sprintf("c%d", i))
	}
	fmt.Fprintf(&b, "\tverdictStart()\n\tobj := Constructor(%s)\n\tverdictStop()\n", strings.Join(cargs, ", "))
	b.WriteString("\tout := []byte(\"[null\")\n\tfor k := 1; k < len(names); k++ {\n\t\targs := argss[k]\n\t\t_ = args\n\t\tout = append(out, ',')\n\t\tswitch names[k] {\n")
	for _, m := range sig.Methods {
		fmt.Fprintf(&b, "\t\tcase %q:\n", m.Name)
		var as []string
		for i, p := range m.Params {
			fmt.Fprintf(&b, "\t\t\ta%d := %s(args[%d])\n", i, goDec(p.T), i)
			as = append(as, fmt.Sprintf("a%d", i))
		}
		call := fmt.Sprintf("obj.%s(%s)", goExported(m.Name), strings.Join(as, ", "))
		if m.Return.T.Kind == Void {
			fmt.Fprintf(&b, "\t\t\tverdictStart()\n\t\t\t%s\n\t\t\tverdictStop()\n\t\t\tout = append(out, \"null\"...)\n", call)
		} else {
			fmt.Fprintf(&b, "\t\t\tverdictStart()\n\t\t\tr := %s\n\t\t\tverdictStop()\n\t\t\tout = %s(out, r)\n", call, goEnc(m.Return.T))
		}
	}
	b.WriteString("\t\tdefault:\n\t\t\tpanic(\"no method \" + names[k])\n\t\t}\n\t}\n\treturn append(out, ']')\n}\n")
	return goProgram(b.String(), user), nil
}

func goProgram(main string, user []byte) *Program {
	return &Program{
		Files: []File{
			{Name: "main.go", Data: []byte(main)},
			{Name: goUserFile, Data: goSolution(user)},
		},
		UserFile: goUserFile,
	}
}

// goDriver is main.go's fixed part; verdictRun is generated after it.
const goDriver = `// Generated by Verdict: runs solution.go on the tests (see package function).
package main

import (
	verdictbytes "bytes"
	verdictjson "encoding/json"
	verdictfmt "fmt"
	verdictio "io"
	verdictmath "math"
	verdictos "os"
	verdictdebug "runtime/debug"
	verdictstrconv "strconv"
	verdictstrings "strings"
	verdicttime "time"
	verdictutf8 "unicode/utf8"
)

var (
	verdictNS    int64
	verdictT0    verdicttime.Time
	verdictTimed bool
)

func verdictStart() { verdictT0, verdictTimed = verdicttime.Now(), true }

func verdictStop() {
	verdictNS += verdicttime.Since(verdictT0).Nanoseconds()
	verdictTimed = false
}

func main() {
	out, err := verdictos.Create("results.jsonl")
	if err != nil {
		verdictfmt.Fprintln(verdictos.Stderr, err)
		verdictos.Exit(1)
	}
	data, err := verdictio.ReadAll(verdictos.Stdin)
	if err != nil {
		verdictfmt.Fprintln(verdictos.Stderr, err)
		verdictos.Exit(1)
	}
	for _, line := range verdictbytes.Split(data, []byte("\n")) {
		if len(verdictbytes.TrimSpace(line)) == 0 {
			continue
		}
		verdictTest(out, line)
	}
	out.Close()
}

// verdictTest runs one test and writes its result line.
func verdictTest(out *verdictos.File, line []byte) {
	verdictNS, verdictTimed = 0, false
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		if verdictTimed {
			verdictStop()
		}
		msg := "panic: " + verdictfmt.Sprint(r)
		if e, ok := r.(error); ok {
			msg = "panic: " + e.Error()
		}
		if len(msg) > 4000 {
			msg = msg[:4000] + "..."
		}
		var frames []string
		st := verdictstrings.Split(string(verdictdebug.Stack()), "\n")
		for i := 1; i+1 < len(st); i++ {
			if verdictstrings.HasPrefix(st[i+1], "\t") && verdictstrings.Contains(st[i+1], "solution.go:") {
				loc := verdictstrings.TrimSpace(st[i+1])
				if k := verdictstrings.LastIndex(loc, " +0x"); k >= 0 {
					loc = loc[:k]
				}
				frames = append(frames, st[i]+"\n\t"+loc)
				i++
			}
		}
		b := append([]byte(` + "`" + `{"ok":false,"error":` + "`" + `), verdictEncString(nil, msg)...)
		b = append(b, ` + "`" + `,"ns":` + "`" + `...)
		b = verdictstrconv.AppendInt(b, verdictNS, 10)
		b = append(b, "}\n"...)
		out.Write(b)
		verdictos.Stdout.Sync()
		verdictfmt.Fprintln(verdictos.Stderr, msg+"\n\n"+verdictstrings.Join(frames, "\n"))
		verdictos.Exit(1)
	}()
	v := verdictRun(line)
	b := append([]byte(` + "`" + `{"ok":true,"value":` + "`" + `), v...)
	b = append(b, ` + "`" + `,"ns":` + "`" + `...)
	b = verdictstrconv.AppendInt(b, verdictNS, 10)
	b = append(b, "}\n"...)
	out.Write(b)
}

func verdictSplit(line []byte) []verdictjson.RawMessage {
	var args []verdictjson.RawMessage
	if err := verdictjson.Unmarshal(line, &args); err != nil {
		panic("verdict: bad test line: " + err.Error())
	}
	return args
}

func verdictSplitDesign(line []byte) ([]string, [][]verdictjson.RawMessage) {
	var pair []verdictjson.RawMessage
	var names []string
	var argss [][]verdictjson.RawMessage
	if err := verdictjson.Unmarshal(line, &pair); err != nil || len(pair) != 2 {
		panic("verdict: bad test line")
	}
	if err := verdictjson.Unmarshal(pair[0], &names); err != nil {
		panic("verdict: bad test line: " + err.Error())
	}
	if err := verdictjson.Unmarshal(pair[1], &argss); err != nil {
		panic("verdict: bad test line: " + err.Error())
	}
	return names, argss
}

func verdictDec[T any](r verdictjson.RawMessage) T {
	var v T
	if err := verdictjson.Unmarshal(r, &v); err != nil {
		panic("verdict: bad test value: " + err.Error())
	}
	return v
}

func verdictDecSlice[T any](elem func(verdictjson.RawMessage) T) func(verdictjson.RawMessage) []T {
	return func(r verdictjson.RawMessage) []T {
		raws := verdictDec[[]verdictjson.RawMessage](r)
		out := make([]T, len(raws))
		for i, x := range raws {
			out[i] = elem(x)
		}
		return out
	}
}

func verdictDecChar(r verdictjson.RawMessage) byte {
	s := verdictDec[string](r)
	if len(s) == 0 {
		return 0
	}
	return s[0]
}

func verdictEncInt(b []byte, v int) []byte     { return verdictstrconv.AppendInt(b, int64(v), 10) }
func verdictEncInt64(b []byte, v int64) []byte { return verdictstrconv.AppendInt(b, v, 10) }

func verdictEncFloat(b []byte, v float64) []byte {
	switch {
	case verdictmath.IsNaN(v):
		return append(b, ` + "`" + `"NaN"` + "`" + `...)
	case verdictmath.IsInf(v, 1):
		return append(b, ` + "`" + `"Infinity"` + "`" + `...)
	case verdictmath.IsInf(v, -1):
		return append(b, ` + "`" + `"-Infinity"` + "`" + `...)
	}
	return verdictstrconv.AppendFloat(b, v, 'g', -1, 64)
}

func verdictEncBool(b []byte, v bool) []byte { return verdictstrconv.AppendBool(b, v) }

func verdictEncChar(b []byte, v byte) []byte { return verdictEncString(b, string([]byte{v})) }

const verdictHex = "0123456789abcdef"

// verdictEncString writes s as a JSON string: valid UTF-8 as it is,
// control characters escaped, invalid bytes as U+FFFD.
func verdictEncString(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < verdictutf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c == '\t':
				b = append(b, '\\', 't')
			case c < 0x20 || c == 0x7f:
				b = append(b, '\\', 'u', '0', '0', verdictHex[c>>4], verdictHex[c&15])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, n := verdictutf8.DecodeRuneInString(s[i:])
		if r == verdictutf8.RuneError && n == 1 {
			b = append(b, ` + "`" + `\ufffd` + "`" + `...)
		} else {
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return append(b, '"')
}

func verdictEncSlice[T any](elem func([]byte, T) []byte) func([]byte, []T) []byte {
	return func(b []byte, v []T) []byte {
		b = append(b, '[')
		for i, x := range v {
			if i > 0 {
				b = append(b, ',')
			}
			b = elem(b, x)
		}
		return append(b, ']')
	}
}
`

const goListCode = `
// ListNode is LeetCode's singly-linked list.
type ListNode struct {
	Val  int
	Next *ListNode
}

func verdictDecList(r verdictjson.RawMessage) *ListNode {
	vals := verdictDec[[]int](r)
	var head *ListNode
	for i := len(vals) - 1; i >= 0; i-- {
		head = &ListNode{Val: vals[i], Next: head}
	}
	return head
}

func verdictEncList(b []byte, v *ListNode) []byte {
	seen := map[*ListNode]bool{}
	b = append(b, '[')
	for n := v; n != nil; n = n.Next {
		if seen[n] {
			panic("the returned linked list has a cycle")
		}
		seen[n] = true
		if n != v {
			b = append(b, ',')
		}
		b = verdictstrconv.AppendInt(b, int64(n.Val), 10)
	}
	return append(b, ']')
}
`

const goTreeCode = `
// TreeNode is LeetCode's binary tree node.
type TreeNode struct {
	Val   int
	Left  *TreeNode
	Right *TreeNode
}

func verdictDecTree(r verdictjson.RawMessage) *TreeNode {
	vals := verdictDec[[]*int](r)
	if len(vals) == 0 || vals[0] == nil {
		return nil
	}
	root := &TreeNode{Val: *vals[0]}
	q := []*TreeNode{root}
	i := 1
	for h := 0; h < len(q) && i < len(vals); h++ {
		n := q[h]
		if vals[i] != nil {
			n.Left = &TreeNode{Val: *vals[i]}
			q = append(q, n.Left)
		}
		i++
		if i < len(vals) && vals[i] != nil {
			n.Right = &TreeNode{Val: *vals[i]}
			q = append(q, n.Right)
		}
		i++
	}
	return root
}

func verdictEncTree(b []byte, v *TreeNode) []byte {
	if v == nil {
		return append(b, "[]"...)
	}
	seen := map[*TreeNode]bool{}
	q := []*TreeNode{v}
	var parts [][]byte
	for h := 0; h < len(q); h++ {
		n := q[h]
		if n == nil {
			parts = append(parts, nil)
			continue
		}
		if seen[n] {
			panic("the returned tree has a cycle or a shared node")
		}
		seen[n] = true
		parts = append(parts, verdictstrconv.AppendInt(nil, int64(n.Val), 10))
		q = append(q, n.Left, n.Right)
	}
	for len(parts) > 0 && parts[len(parts)-1] == nil {
		parts = parts[:len(parts)-1]
	}
	b = append(b, '[')
	for i, p := range parts {
		if i > 0 {
			b = append(b, ',')
		}
		if p == nil {
			b = append(b, "null"...)
		} else {
			b = append(b, p...)
		}
	}
	return append(b, ']')
}
`
