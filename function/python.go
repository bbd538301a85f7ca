package function

import (
	"encoding/json"
	"fmt"
	"strings"
)

// pythonGen generates the Python driver: main.py, which runs the user's
// solution.py (compiled with its own file name, so that errors and
// tracebacks name it) in a module whose globals hold LeetCode's prelude.
type pythonGen struct{}

// pythonUserFile is the name of the user's code in a Python program.
const pythonUserFile = "solution.py"

func pyType(t *Type) string {
	switch t.Kind {
	case Integer, Long:
		return "int"
	case Double:
		return "float"
	case Boolean:
		return "bool"
	case Character, String:
		return "str"
	case Void:
		return "None"
	case ListNode:
		return "Optional[ListNode]"
	case TreeNode:
		return "Optional[TreeNode]"
	case Array:
		return "List[" + pyType(t.Elem) + "]"
	}
	return "Any"
}

// Starter returns LeetCode's Python 3 starter code.
func (pythonGen) Starter(sig *Signature) (string, error) {
	var b strings.Builder
	b.WriteString(pyNodeComments(sig))
	params := func(ps []Param) string {
		var s strings.Builder
		s.WriteString("self")
		for _, p := range ps {
			fmt.Fprintf(&s, ", %s: %s", p.Name, pyType(p.T))
		}
		return s.String()
	}
	if !sig.Design() {
		fmt.Fprintf(&b, "class Solution:\n    def %s(%s) -> %s:\n        ", sig.Name, params(sig.Params), pyType(sig.Return.T))
		if sig.Return.T.Kind == Void {
			b.WriteString("\"\"\"\n        Do not return anything, modify " + sig.Params[sig.Output.ParamIndex].Name + " in-place instead.\n        \"\"\"\n        ")
		}
		b.WriteString("\n")
		return b.String(), nil
	}
	fmt.Fprintf(&b, "class %s:\n\n    def __init__(%s):\n        \n\n", sig.ClassName, params(sig.Constructor.Params))
	for _, m := range sig.Methods {
		fmt.Fprintf(&b, "    def %s(%s) -> %s:\n        \n\n", m.Name, params(m.Params), pyType(m.Return.T))
	}
	fmt.Fprintf(&b, "\n# Your %s object will be instantiated and called as such:\n", sig.ClassName)
	fmt.Fprintf(&b, "# obj = %s(%s)\n", sig.ClassName, paramNames(sig.Constructor.Params))
	for i, m := range sig.Methods {
		if m.Return.T.Kind == Void {
			fmt.Fprintf(&b, "# obj.%s(%s)\n", m.Name, paramNames(m.Params))
		} else {
			fmt.Fprintf(&b, "# param_%d = obj.%s(%s)\n", i+1, m.Name, paramNames(m.Params))
		}
	}
	return b.String(), nil
}

func paramNames(ps []Param) string {
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.Name
	}
	return strings.Join(names, ",")
}

func pyNodeComments(sig *Signature) string {
	list, tree := sig.uses(ListNode), sig.uses(TreeNode)
	var b strings.Builder
	if list {
		b.WriteString("# Definition for singly-linked list.\n# class ListNode:\n#     def __init__(self, val=0, next=None):\n#         self.val = val\n#         self.next = next\n")
	}
	if tree {
		b.WriteString("# Definition for a binary tree node.\n# class TreeNode:\n#     def __init__(self, val=0, left=None, right=None):\n#         self.val = val\n#         self.left = left\n#         self.right = right\n")
	}
	return b.String()
}

// uses reports whether any type of the signature contains kind k.
func (s *Signature) uses(k Kind) bool {
	has := func(t *Type) bool {
		for ; t != nil; t = t.Elem {
			if t.Kind == k {
				return true
			}
		}
		return false
	}
	for _, p := range s.Params {
		if has(p.T) {
			return true
		}
	}
	if has(s.Return.T) {
		return true
	}
	if s.Constructor != nil {
		for _, p := range s.Constructor.Params {
			if has(p.T) {
				return true
			}
		}
	}
	for _, m := range s.Methods {
		if has(m.Return.T) {
			return true
		}
		for _, p := range m.Params {
			if has(p.T) {
				return true
			}
		}
	}
	return false
}

// typeCode is a compact type description for the drivers' runtimes:
// i integer, l long, d double, b boolean, c character, s string, v void,
// N ListNode, T TreeNode, [X an array of X.
func typeCode(t *Type) string {
	switch t.Kind {
	case Integer:
		return "i"
	case Long:
		return "l"
	case Double:
		return "d"
	case Boolean:
		return "b"
	case Character:
		return "c"
	case String:
		return "s"
	case ListNode:
		return "N"
	case TreeNode:
		return "T"
	case Array:
		return "[" + typeCode(t.Elem)
	}
	return "v"
}

// driverSig is the signature as the drivers' runtimes read it (JSON).
type driverSig struct {
	Design bool   `json:"design"`
	Name   string `json:"name"`
	// Params are the type codes of the parameters (function problem).
	Params []string `json:"params"`
	// Return is the type code of the result; Out the index of the
	// parameter holding it (void in-place), or -1.
	Return string `json:"ret"`
	Out    int    `json:"out"`
	// Class, Ctor and Methods describe a design problem.
	Class   string                `json:"class,omitempty"`
	Ctor    []string              `json:"ctor"`
	Methods map[string]driverFunc `json:"methods,omitempty"`
}

type driverFunc struct {
	Params []string `json:"params"`
	Return string   `json:"ret"`
}

func codes(ps []Param) []string {
	cs := make([]string, len(ps))
	for i, p := range ps {
		cs[i] = typeCode(p.T)
	}
	return cs
}

func (s *Signature) driverSig() driverSig {
	d := driverSig{Design: s.Design(), Name: s.Name, Params: codes(s.Params), Out: -1, Return: typeCode(s.Return.T)}
	if s.Output != nil {
		d.Out = s.Output.ParamIndex
		d.Return = typeCode(s.ResultType())
	}
	if s.Design() {
		d.Class, d.Ctor, d.Methods = s.ClassName, codes(s.Constructor.Params), map[string]driverFunc{}
		for _, m := range s.Methods {
			d.Methods[m.Name] = driverFunc{Params: codes(m.Params), Return: typeCode(m.Return.T)}
		}
	}
	return d
}

func (s *Signature) driverSigJSON() string {
	b, err := json.Marshal(s.driverSig())
	if err != nil {
		panic(err) // plain strings and ints: cannot fail
	}
	return string(b)
}

// Program returns main.py (the driver) and solution.py (the user's code,
// unchanged).
func (pythonGen) Program(sig *Signature, user []byte) (*Program, error) {
	main := strings.Replace(pythonDriver, "@SIG@", fmt.Sprintf("%q", sig.driverSigJSON()), 1)
	main = strings.Replace(main, "@RESULTS@", fmt.Sprintf("%q", ResultsFile), 1)
	main = strings.Replace(main, "@USER@", fmt.Sprintf("%q", pythonUserFile), 1)
	return &Program{
		Files: []File{
			{Name: "main.py", Data: []byte(main)},
			{Name: pythonUserFile, Data: user},
		},
		UserFile: pythonUserFile,
	}, nil
}

// pythonDriver is main.py. @SIG@ is the driverSig JSON as a Python
// string literal.
const pythonDriver = `# Generated by Verdict: runs solution.py on the tests (see package function).
import sys, json, builtins, types
from time import perf_counter_ns

PRELUDE = """
from typing import *
from collections import *
from heapq import *
from bisect import *
from itertools import *
from functools import *
from math import *
import collections, heapq, bisect, itertools, functools, math, random, copy, string, re, operator, array
pow = __builtins__['pow'] if isinstance(__builtins__, dict) else __builtins__.pow
try:
    from sortedcontainers import SortedList, SortedDict, SortedSet
except ImportError:
    pass

class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next

class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right
"""

SIG = json.loads(@SIG@)
USER = @USER@
sys.setrecursionlimit(100000)


def fail(e, ns):
    import traceback
    frames = [f for f in traceback.extract_tb(e.__traceback__) if f.filename == USER]
    msg = "".join(traceback.format_exception_only(type(e), e)).strip()
    sys.stdout.flush()
    sys.stderr.write("Traceback (most recent call last):\n" + "".join(traceback.format_list(frames)) + msg + "\n")
    sys.stderr.flush()
    return msg


def make_in(code, ns):
    """A function turning a parsed JSON value into the argument, or None when it is the value itself."""
    if code == "d":
        return float
    if code == "N":
        ListNode = ns["ListNode"]
        def f(v):
            head = None
            for x in reversed(v):
                head = ListNode(x, head)
            return head
        return f
    if code == "T":
        TreeNode = ns["TreeNode"]
        def f(v):
            if not v:
                return None
            root = TreeNode(v[0])
            q, i, n = [root], 1, len(v)
            for node in q:
                if i >= n:
                    break
                if v[i] is not None:
                    node.left = TreeNode(v[i])
                    q.append(node.left)
                i += 1
                if i < n and v[i] is not None:
                    node.right = TreeNode(v[i])
                    q.append(node.right)
                i += 1
            return root
        return f
    if code[0] == "[":
        g = make_in(code[1:], ns)
        if g is None:
            return None
        return lambda v: [g(x) for x in v]
    return None


class ResultError(Exception):
    pass


def make_out(code):
    """A function turning a result into a JSON-ready value."""
    if code in ("i", "l"):
        def f(v):
            if isinstance(v, float) and v.is_integer():
                return int(v)
            if isinstance(v, bool):
                return int(v)
            return v
        return f
    if code == "d":
        def f(v):
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                v = float(v)
                if v != v:
                    return "NaN"
                if v in (float("inf"), float("-inf")):
                    return "Infinity" if v > 0 else "-Infinity"
            return v
        return f
    if code == "b":
        return lambda v: bool(v) if isinstance(v, int) and v in (0, 1) else v
    if code == "N":
        def f(v):
            out, seen = [], set()
            while v is not None:
                if id(v) in seen:
                    raise ResultError("the returned linked list has a cycle")
                seen.add(id(v))
                out.append(v.val)
                v = v.next
            return out
        return f
    if code == "T":
        def f(v):
            if v is None:
                return []
            out, q, seen = [], [v], set()
            for node in q:
                if node is None:
                    out.append(None)
                    continue
                if id(node) in seen:
                    raise ResultError("the returned tree has a cycle or a shared node")
                seen.add(id(node))
                out.append(node.val)
                q.append(node.left)
                q.append(node.right)
            while out and out[-1] is None:
                out.pop()
            return out
        return f
    if code[0] == "[":
        g = make_out(code[1:])
        def f(v):
            if v is None or isinstance(v, (str, bytes)):
                return v
            return [g(x) for x in v]
        return f
    if code == "v":
        return lambda v: None
    return lambda v: v


def dump(v):
    return json.dumps(v, ensure_ascii=True, allow_nan=False, separators=(",", ":"))


def main():
    data = sys.stdin.buffer.read().decode("utf-8").split("\n")
    out = open(@RESULTS@, "w", encoding="utf-8")
    mod = types.ModuleType("solution")
    mod.__file__ = USER
    sys.modules["solution"] = mod
    ns = mod.__dict__
    exec(PRELUDE, ns)
    elapsed = 0
    try:
        with open(USER, encoding="utf-8") as f:
            src = f.read()
        t0 = perf_counter_ns()
        try:
            exec(compile(src, USER, "exec"), ns)
        finally:
            elapsed = perf_counter_ns() - t0
        if SIG["design"]:
            cls = ns.get(SIG["class"])
            if not isinstance(cls, type):
                raise NameError(USER + " defines no class " + SIG["class"])
            ctor_in = [make_in(c, ns) for c in SIG["ctor"]]
            methods = {}
            for name, m in SIG["methods"].items():
                methods[name] = ([make_in(c, ns) for c in m["params"]], make_out(m["ret"]))
        else:
            cls = ns.get("Solution")
            if not isinstance(cls, type):
                raise NameError(USER + " defines no class Solution")
            if not hasattr(cls, SIG["name"]):
                raise AttributeError("class Solution has no method " + SIG["name"])
            ins = [make_in(c, ns) for c in SIG["params"]]
            res_out = make_out(SIG["ret"])
    except Exception as e:
        out.write('{"ok":false,"error":%s,"ns":%d}\n' % (dump(fail(e, ns)), elapsed))
        out.flush()
        sys.exit(1)

    def conv(fs, args):
        return [v if g is None else g(v) for g, v in zip(fs, args)]

    for line in data:
        if not line.strip():
            continue
        test = json.loads(line)
        elapsed = 0
        try:
            if SIG["design"]:
                names, argss = test
                args = conv(ctor_in, argss[0])
                t0 = perf_counter_ns()
                try:
                    obj = cls(*args)
                finally:
                    elapsed += perf_counter_ns() - t0
                value = [None]
                for name, a in zip(names[1:], argss[1:]):
                    fs, res_out = methods[name]
                    args = conv(fs, a)
                    meth = getattr(obj, name)
                    t0 = perf_counter_ns()
                    try:
                        r = meth(*args)
                    finally:
                        elapsed += perf_counter_ns() - t0
                    value.append(res_out(r))
            else:
                args = conv(ins, test)
                t0 = perf_counter_ns()
                try:
                    r = getattr(cls(), SIG["name"])(*args)
                finally:
                    elapsed = perf_counter_ns() - t0
                if SIG["out"] >= 0:
                    r = args[SIG["out"]]
                value = res_out(r)
            try:
                text = dump(value)
            except (TypeError, ValueError) as e:
                raise ResultError("the result cannot be written as JSON: " + str(e)) from None
        except Exception as e:
            out.write('{"ok":false,"error":%s,"ns":%d}\n' % (dump(fail(e, ns)), elapsed))
            out.flush()
            sys.exit(1)
        out.write('{"ok":true,"value":%s,"ns":%d}\n' % (text, elapsed))
        out.flush()
    out.close()


main()
`
