
// ---- Verdict's driver (see package function, Generator). Everything
// below is the driver's; the user's code is above.

// LeetCode's prelude: globs, which the user's own imports override.
use std::rc::*;
use std::cell::*;
use std::collections::*;

/*@@LISTNODE@@*/// Definition for singly-linked list.
#[derive(PartialEq, Eq, Clone, Debug)]
pub struct ListNode {
  pub val: i32,
  pub next: Option<Box<ListNode>>
}

impl ListNode {
  #[inline]
  fn new(val: i32) -> Self {
    ListNode {
      next: None,
      val
    }
  }
}
/*@@END@@*/
/*@@TREENODE@@*/// Definition for a binary tree node.
#[derive(Debug, PartialEq, Eq)]
pub struct TreeNode {
  pub val: i32,
  pub left: Option<Rc<RefCell<TreeNode>>>,
  pub right: Option<Rc<RefCell<TreeNode>>>,
}

impl TreeNode {
  #[inline]
  pub fn new(val: i32) -> Self {
    TreeNode {
      val,
      left: None,
      right: None
    }
  }
}
/*@@END@@*/
/*@@SOLUTION@@*/pub struct Solution;
/*@@END@@*/
fn main() {
    __verdict::main()
}

mod __verdict {
    use super::{ListNode, TreeNode};
    use std::cell::{Cell, RefCell};
    use std::io::{BufRead, Write};
    use std::rc::Rc;
    use std::time::Instant;

    /// The number of lines of the user's code (lines 1.. of main.rs).
    const USER_LINES: u32 = @@USER_LINES@@;
    const USER_FILE: &str = "@@USERFILE@@";

    /// A parsed JSON value; numbers keep their text until their type is known.
    pub enum V {
        Null,
        Bool(bool),
        Num(String),
        Str(String),
        Arr(Vec<V>),
        Obj(Vec<(String, V)>),
    }

    /// A test the driver cannot read: the problem's fault, not the user's.
    pub struct Bad(pub String);

    pub type R<T> = Result<T, Bad>;

    fn bad<T>(m: impl Into<String>) -> R<T> {
        Err(Bad(m.into()))
    }

    struct Parser<'a> {
        s: &'a [u8],
        i: usize,
    }

    impl<'a> Parser<'a> {
        fn ws(&mut self) {
            while self.i < self.s.len() && matches!(self.s[self.i], b' ' | b'\t' | b'\n' | b'\r') {
                self.i += 1;
            }
        }

        fn peek(&self) -> Option<u8> {
            self.s.get(self.i).copied()
        }

        fn value(&mut self, depth: u32) -> R<V> {
            if depth > 10000 {
                return bad("JSON: nested too deep");
            }
            self.ws();
            match self.peek() {
                None => bad("JSON: unexpected end"),
                Some(b'[') => {
                    self.i += 1;
                    let mut a = Vec::new();
                    self.ws();
                    if self.peek() == Some(b']') {
                        self.i += 1;
                        return Ok(V::Arr(a));
                    }
                    loop {
                        a.push(self.value(depth + 1)?);
                        self.ws();
                        match self.peek() {
                            Some(b',') => self.i += 1,
                            Some(b']') => {
                                self.i += 1;
                                return Ok(V::Arr(a));
                            }
                            _ => return bad(format!("JSON: expected , or ] at offset {}", self.i)),
                        }
                    }
                }
                Some(b'{') => {
                    self.i += 1;
                    let mut m = Vec::new();
                    self.ws();
                    if self.peek() == Some(b'}') {
                        self.i += 1;
                        return Ok(V::Obj(m));
                    }
                    loop {
                        self.ws();
                        if self.peek() != Some(b'"') {
                            return bad(format!("JSON: expected a key at offset {}", self.i));
                        }
                        let k = self.string()?;
                        self.ws();
                        if self.peek() != Some(b':') {
                            return bad(format!("JSON: expected : at offset {}", self.i));
                        }
                        self.i += 1;
                        let v = self.value(depth + 1)?;
                        m.push((k, v));
                        self.ws();
                        match self.peek() {
                            Some(b',') => self.i += 1,
                            Some(b'}') => {
                                self.i += 1;
                                return Ok(V::Obj(m));
                            }
                            _ => return bad(format!("JSON: expected , or }} at offset {}", self.i)),
                        }
                    }
                }
                Some(b'"') => Ok(V::Str(self.string()?)),
                Some(b't') => self.lit("true", V::Bool(true)),
                Some(b'f') => self.lit("false", V::Bool(false)),
                Some(b'n') => self.lit("null", V::Null),
                _ => self.number(),
            }
        }

        fn lit(&mut self, w: &str, v: V) -> R<V> {
            if self.s[self.i..].starts_with(w.as_bytes()) {
                self.i += w.len();
                Ok(v)
            } else {
                bad(format!("JSON: unexpected character at offset {}", self.i))
            }
        }

        fn digits(&mut self) -> bool {
            let st = self.i;
            while matches!(self.peek(), Some(b'0'..=b'9')) {
                self.i += 1;
            }
            self.i > st
        }

        fn number(&mut self) -> R<V> {
            let st = self.i;
            if self.peek() == Some(b'-') {
                self.i += 1;
            }
            if self.peek() == Some(b'0') {
                self.i += 1;
            } else if !self.digits() {
                return bad(format!("JSON: bad value at offset {}", st));
            }
            if self.peek() == Some(b'.') {
                self.i += 1;
                if !self.digits() {
                    return bad(format!("JSON: bad number at offset {}", st));
                }
            }
            if matches!(self.peek(), Some(b'e' | b'E')) {
                self.i += 1;
                if matches!(self.peek(), Some(b'+' | b'-')) {
                    self.i += 1;
                }
                if !self.digits() {
                    return bad(format!("JSON: bad number at offset {}", st));
                }
            }
            Ok(V::Num(String::from_utf8_lossy(&self.s[st..self.i]).into_owned()))
        }

        fn hex4(&mut self) -> R<u32> {
            if self.i + 4 > self.s.len() {
                return bad("JSON: short \\u escape");
            }
            let mut v = 0u32;
            for _ in 0..4 {
                let d = (self.s[self.i] as char).to_digit(16);
                self.i += 1;
                match d {
                    Some(d) => v = v * 16 + d,
                    None => return bad("JSON: bad \\u escape"),
                }
            }
            Ok(v)
        }

        fn string(&mut self) -> R<String> {
            self.i += 1; // the opening quote
            let mut b: Vec<u8> = Vec::new();
            loop {
                let c = match self.peek() {
                    None => return bad("JSON: unterminated string"),
                    Some(c) => c,
                };
                self.i += 1;
                match c {
                    b'"' => return String::from_utf8(b).or_else(|_| bad("JSON: string is not UTF-8")),
                    0..=0x1f => return bad("JSON: control character in string"),
                    b'\\' => {
                        let e = match self.peek() {
                            None => return bad("JSON: unterminated string"),
                            Some(e) => e,
                        };
                        self.i += 1;
                        let ch: char = match e {
                            b'"' => '"',
                            b'\\' => '\\',
                            b'/' => '/',
                            b'b' => '\u{8}',
                            b'f' => '\u{c}',
                            b'n' => '\n',
                            b'r' => '\r',
                            b't' => '\t',
                            b'u' => {
                                let u = self.hex4()?;
                                let mut code = u;
                                if (0xD800..0xDC00).contains(&u) && self.s[self.i..].starts_with(b"\\u") {
                                    let save = self.i;
                                    self.i += 2;
                                    let lo = self.hex4()?;
                                    if (0xDC00..0xE000).contains(&lo) {
                                        code = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                                    } else {
                                        self.i = save;
                                    }
                                }
                                char::from_u32(code).unwrap_or('\u{FFFD}')
                            }
                            _ => return bad(format!("JSON: bad escape \\{}", e as char)),
                        };
                        let mut buf = [0u8; 4];
                        b.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                    }
                    _ => b.push(c),
                }
            }
        }
    }

    pub fn parse(s: &str) -> R<V> {
        let mut p = Parser { s: s.as_bytes(), i: 0 };
        let v = p.value(0)?;
        p.ws();
        if p.i != p.s.len() {
            return bad(format!("JSON: trailing text at offset {}", p.i));
        }
        Ok(v)
    }

    fn desc(v: &V) -> String {
        match v {
            V::Null => "null".into(),
            V::Bool(b) => b.to_string(),
            V::Num(t) => format!("number {}", t),
            V::Str(_) => "a string".into(),
            V::Arr(_) => "an array".into(),
            V::Obj(_) => "an object".into(),
        }
    }

    pub fn arr(v: &V) -> R<&Vec<V>> {
        match v {
            V::Arr(a) => Ok(a),
            _ => bad(format!("want an array, got {}", desc(v))),
        }
    }

    pub fn nargs(a: &[V], n: usize, what: &str) -> R<()> {
        if a.len() != n {
            return bad(format!("{}: want {} arguments, got {}", what, n, a.len()));
        }
        Ok(())
    }

    fn integral(v: &V, min: i64, max: i64, what: &str) -> R<i64> {
        let t = match v {
            V::Num(t) => t,
            _ => return bad(format!("want {}, got {}", what, desc(v))),
        };
        let n = match t.parse::<i64>() {
            Ok(n) => n,
            Err(_) => match t.parse::<f64>() {
                Ok(f) if f.fract() == 0.0 && f >= -9.3e18 && f <= 9.3e18 => f as i64,
                _ => return bad(format!("want {}, got {}", what, t)),
            },
        };
        if n < min || n > max {
            return bad(format!("{} out of range: {}", what, t));
        }
        Ok(n)
    }

    /// Reading a value of a LeetCode type from JSON.
    pub trait FromJson: Sized {
        fn from_json(v: &V) -> R<Self>;
    }

    impl FromJson for i32 {
        fn from_json(v: &V) -> R<Self> {
            Ok(integral(v, i32::MIN as i64, i32::MAX as i64, "an integer")? as i32)
        }
    }

    impl FromJson for i64 {
        fn from_json(v: &V) -> R<Self> {
            integral(v, i64::MIN, i64::MAX, "a long")
        }
    }

    impl FromJson for f64 {
        fn from_json(v: &V) -> R<Self> {
            match v {
                V::Num(t) => t.parse::<f64>().or_else(|_| bad(format!("bad double {}", t))),
                _ => bad(format!("want a double, got {}", desc(v))),
            }
        }
    }

    impl FromJson for bool {
        fn from_json(v: &V) -> R<Self> {
            match v {
                V::Bool(b) => Ok(*b),
                _ => bad(format!("want a boolean, got {}", desc(v))),
            }
        }
    }

    impl FromJson for char {
        fn from_json(v: &V) -> R<Self> {
            if let V::Str(s) = v {
                let mut it = s.chars();
                if let (Some(c), None) = (it.next(), it.next()) {
                    return Ok(c);
                }
            }
            bad(format!("want a character (a string of one character), got {}", desc(v)))
        }
    }

    impl FromJson for String {
        fn from_json(v: &V) -> R<Self> {
            match v {
                V::Str(s) => Ok(s.clone()),
                _ => bad(format!("want a string, got {}", desc(v))),
            }
        }
    }

    impl<T: FromJson> FromJson for Vec<T> {
        fn from_json(v: &V) -> R<Self> {
            arr(v)?.iter().map(T::from_json).collect()
        }
    }

    impl FromJson for Option<Box<ListNode>> {
        fn from_json(v: &V) -> R<Self> {
            if let V::Null = v {
                return Ok(None);
            }
            let mut head: Option<Box<ListNode>> = None;
            for e in arr(v)?.iter().rev() {
                head = Some(Box::new(ListNode { val: i32::from_json(e)?, next: head }));
            }
            Ok(head)
        }
    }

    impl FromJson for Option<Rc<RefCell<TreeNode>>> {
        fn from_json(v: &V) -> R<Self> {
            if let V::Null = v {
                return Ok(None);
            }
            let a = arr(v)?;
            if a.is_empty() || matches!(a[0], V::Null) {
                return Ok(None);
            }
            let node = |e: &V| -> R<Option<Rc<RefCell<TreeNode>>>> {
                if let V::Null = e {
                    return Ok(None);
                }
                Ok(Some(Rc::new(RefCell::new(TreeNode { val: i32::from_json(e)?, left: None, right: None }))))
            };
            let root = node(&a[0])?;
            let mut q = std::collections::VecDeque::new();
            q.push_back(root.clone().unwrap());
            let mut k = 1;
            while k < a.len() {
                let n = match q.pop_front() {
                    Some(n) => n,
                    None => return bad("tree: values after the last node's children"),
                };
                let l = node(&a[k])?;
                k += 1;
                if let Some(l) = &l {
                    q.push_back(l.clone());
                }
                n.borrow_mut().left = l;
                if k < a.len() {
                    let r = node(&a[k])?;
                    k += 1;
                    if let Some(r) = &r {
                        q.push_back(r.clone());
                    }
                    n.borrow_mut().right = r;
                }
            }
            Ok(root)
        }
    }

    /// Writing a value as JSON.
    pub trait ToJson {
        fn to_json(&self, out: &mut String);
    }

    impl ToJson for i32 {
        fn to_json(&self, out: &mut String) {
            out.push_str(&self.to_string());
        }
    }

    impl ToJson for i64 {
        fn to_json(&self, out: &mut String) {
            out.push_str(&self.to_string());
        }
    }

    impl ToJson for f64 {
        fn to_json(&self, out: &mut String) {
            // {:?} is the shortest text that reads back as the same double
            // (1e-7, 2.5, 3.0); JSON has no NaN or infinities.
            if self.is_finite() {
                out.push_str(&format!("{:?}", self));
            } else {
                out.push_str("null");
            }
        }
    }

    impl ToJson for bool {
        fn to_json(&self, out: &mut String) {
            out.push_str(if *self { "true" } else { "false" });
        }
    }

    pub fn quote(s: &str, out: &mut String) {
        out.push('"');
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                '\u{8}' => out.push_str("\\b"),
                '\u{c}' => out.push_str("\\f"),
                c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
                c => out.push(c),
            }
        }
        out.push('"');
    }

    impl ToJson for char {
        fn to_json(&self, out: &mut String) {
            let mut b = [0u8; 4];
            quote(self.encode_utf8(&mut b), out);
        }
    }

    impl ToJson for String {
        fn to_json(&self, out: &mut String) {
            quote(self, out);
        }
    }

    impl ToJson for &str {
        fn to_json(&self, out: &mut String) {
            quote(self, out);
        }
    }

    impl<T: ToJson> ToJson for Vec<T> {
        fn to_json(&self, out: &mut String) {
            out.push('[');
            for (i, e) in self.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                e.to_json(out);
            }
            out.push(']');
        }
    }

    impl ToJson for () {
        fn to_json(&self, out: &mut String) {
            out.push_str("null");
        }
    }

    impl ToJson for Option<Box<ListNode>> {
        fn to_json(&self, out: &mut String) {
            out.push('[');
            let mut p = self;
            let mut first = true;
            while let Some(n) = p {
                if !first {
                    out.push(',');
                }
                first = false;
                out.push_str(&n.val.to_string());
                p = &n.next;
            }
            out.push(']');
        }
    }

    impl ToJson for Option<Rc<RefCell<TreeNode>>> {
        fn to_json(&self, out: &mut String) {
            out.push('[');
            if let Some(root) = self {
                let mut seen = std::collections::HashSet::new();
                let mut level: Vec<Option<Rc<RefCell<TreeNode>>>> = vec![Some(root.clone())];
                let mut pending = 0usize;
                let mut first = true;
                let mut k = 0;
                while k < level.len() {
                    let n = level[k].clone();
                    k += 1;
                    match n {
                        None => pending += 1,
                        Some(n) => {
                            if !seen.insert(Rc::as_ptr(&n) as usize) {
                                panic!("the tree has a cycle or a shared node");
                            }
                            for _ in 0..pending {
                                out.push_str(",null");
                            }
                            pending = 0;
                            if !first {
                                out.push(',');
                            }
                            first = false;
                            let b = n.borrow();
                            out.push_str(&b.val.to_string());
                            level.push(b.left.clone());
                            level.push(b.right.clone());
                        }
                    }
                }
            }
            out.push(']');
        }
    }

    // ---- The run.

    thread_local! {
        static T0: Cell<Option<Instant>> = Cell::new(None);
        static SPENT: Cell<u128> = Cell::new(0);
        static PANIC: RefCell<Option<String>> = RefCell::new(None);
    }

    #[inline(always)]
    pub fn start() {
        T0.with(|t| t.set(Some(Instant::now())));
    }

    #[inline(always)]
    pub fn stop() {
        let now = Instant::now();
        if let Some(t0) = T0.with(|t| t.take()) {
            SPENT.with(|s| s.set(s.get() + now.duration_since(t0).as_nanos()));
        }
    }

    /// Where a panic happened, as the user's file when it is in the user's lines.
    fn place(file: &str, line: u32, col: u32) -> String {
        if file.ends_with("main.rs") && line >= 1 && line <= USER_LINES {
            format!("{}:{}:{}", USER_FILE, line, col)
        } else {
            format!("{}:{}:{}", file, line, col)
        }
    }

    fn hook(info: &std::panic::PanicHookInfo<'_>) {
        stop(); // the user's time ends at the panic, not after this hook
        let p = info.payload();
        let msg = if let Some(s) = p.downcast_ref::<&str>() {
            s.to_string()
        } else if let Some(s) = p.downcast_ref::<String>() {
            s.clone()
        } else {
            "Box<dyn Any>".to_string()
        };
        let at = match info.location() {
            Some(l) => format!("panicked at {}: ", place(l.file(), l.line(), l.column())),
            None => "panicked: ".to_string(),
        };
        let full = format!("{}{}", at, msg);
        let _ = std::io::stdout().flush();
        let mut err = std::io::stderr();
        let _ = writeln!(err, "{}", full);
        // The user's frames (names only: the program has no debug information).
        let bt = std::backtrace::Backtrace::force_capture().to_string();
        for l in bt.lines() {
            let t = l.trim_start();
            if let Some((_, name)) = t.split_once(": ") {
                if name.starts_with("main::") && !name.starts_with("main::__verdict") && name != "main::main" {
                    let _ = writeln!(err, "  at {}", name);
                }
            }
        }
        PANIC.with(|m| *m.borrow_mut() = Some(full));
    }

    pub fn main() {
        std::panic::set_hook(Box::new(hook));
        let file = match std::fs::File::create("@@RESULTS@@") {
            Ok(f) => f,
            Err(e) => {
                eprintln!("verdict driver: {}: {}", "@@RESULTS@@", e);
                std::process::exit(2);
            }
        };
        let mut out = std::io::BufWriter::new(file);
        let stdin = std::io::stdin();
        let mut test = 0;
        for line in stdin.lock().lines() {
            let line = match line {
                Ok(l) => l,
                Err(e) => {
                    eprintln!("verdict driver: reading the tests: {}", e);
                    std::process::exit(2);
                }
            };
            if line.trim().is_empty() {
                continue;
            }
            test += 1;
            SPENT.with(|s| s.set(0));
            T0.with(|t| t.set(None));
            let mut b = String::with_capacity(64);
            b.push_str("{\"ok\":true,\"value\":");
            let res = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| -> R<()> {
                let v = parse(&line)?;
                run(&v, &mut b)
            }));
            match res {
                Ok(Ok(())) => {
                    let ns = SPENT.with(|s| s.get());
                    b.push_str(&format!(",\"ns\":{}}}\n", ns));
                    let _ = out.write_all(b.as_bytes());
                    let _ = out.flush();
                }
                Ok(Err(Bad(m))) => {
                    let _ = std::io::stdout().flush();
                    eprintln!("verdict driver: test {}: {}", test, m);
                    let _ = out.flush();
                    std::process::exit(2);
                }
                Err(_) => {
                    stop();
                    let ns = SPENT.with(|s| s.get());
                    let msg = PANIC.with(|m| m.borrow_mut().take()).unwrap_or_else(|| "panic".to_string());
                    let mut e = String::from("{\"ok\":false,\"error\":");
                    quote(&msg, &mut e);
                    e.push_str(&format!(",\"ns\":{}}}\n", ns));
                    let _ = out.write_all(e.as_bytes());
                    let _ = out.flush();
                    let _ = std::io::stdout().flush();
                    std::process::exit(1);
                }
            }
        }
        let _ = out.flush();
        let _ = std::io::stdout().flush();
    }

    // @@GENERATED@@
}
