package checker

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
)

// This file is the default output validator of the problem package format,
// ported from problemtools' support/default_validator/default_validator.cc
// (the version that truncates long tokens in its messages). Verdicts and
// judge messages are meant to be byte for byte those of problemtools; the
// places where Go needs care to get there are commented where they happen.
// In short:
//
//   - Whitespace is exactly the C locale's isspace set: space, \t, \n, \v,
//     \f, \r. So CRLF files work (\r is whitespace), and bytes >= 0x80
//     (e.g. U+00A0) are token bytes.
//   - Tokens are compared as C strings, like problemtools' strcmp/strcasecmp
//     and sscanf on c_str(): a token's bytes from its first NUL on take no
//     part in the comparison or in float parsing, and messages stop at a NUL.
//     So "42\x00junk" is accepted for "42", as on Kattis and DOMjudge. Token
//     lengths (line/offset bookkeeping) still count every byte.
//   - Case-insensitive means ASCII only (strcasecmp in the C locale).
//   - Floats: a token is a float when glibc's sscanf("%lf%10s") reads the
//     whole C string as one number (decimal or hexadecimal, any exponent
//     form, plus glibc's quirks: see floatScanner) and its value is finite.
//     inf, infinity, nan and values that overflow a double are
//     not floats, for the answer token and the team token alike (problemtools'
//     isfloat). So with a tolerance, an "inf" answer is compared as a string
//     (an "inf" team output matches it, case-insensitively), and an "inf"
//     team token against a numeric answer gets "Expected float". DOMjudge's
//     fork instead compares nan==nan and inf==inf numerically; we follow
//     problemtools.
//
// Streaming: both inputs are read through fixed-size buffers and tokens are
// compared chunk by chunk as they stream by, so memory does not grow with
// the size of the files or of a single token (a 100 MB token costs no more
// memory than a 1 byte one). A token is never held whole: what the messages
// need (its first bytes, the bytes around the first difference, its length)
// is captured on the way, and floats are parsed incrementally (see
// floatScanner). Nothing is capped, so there is no token length beyond which
// behaviour differs from problemtools.

// defaultBufSize is the size of each input buffer of Default.
const defaultBufSize = 64 << 10

// Default runs the default output validator: it compares a submission's
// output with the answer file, token by token, following opt. It returns
// the verdict; the error is non-nil only when reading either input fails
// (never for anything an input contains), and then the Result is empty.
//
// Both readers are consumed only as far as needed for the verdict.
func Default(answer io.Reader, output io.Reader, opt DefaultOptions) (Result, error) {
	return defaultSized(answer, output, opt, defaultBufSize)
}

// defaultSized is Default with a chosen buffer size (tests use tiny buffers
// to exercise every chunk boundary).
func defaultSized(answer, output io.Reader, opt DefaultOptions, bufSize int) (Result, error) {
	c := &defaultChecker{
		opt:    opt,
		floats: opt.FloatsEnabled(),
		absTol: opt.absTol(),
		relTol: opt.relTol(),
		judge:  newStream(answer, bufSize),
		team:   newStream(output, bufSize),
	}
	res := c.run()
	if err := c.judge.err; err != nil {
		return Result{}, fmt.Errorf("checker: reading answer file: %w", err)
	}
	if err := c.team.err; err != nil {
		return Result{}, fmt.Errorf("checker: reading output: %w", err)
	}
	return res, nil
}

// isSpace is the C locale's isspace.
var isSpace = [256]bool{' ': true, '\t': true, '\n': true, '\v': true, '\f': true, '\r': true}

// lower is the C locale's tolower, for strcasecmp.
var lower = func() (t [256]byte) {
	for i := range t {
		t[i] = byte(i)
		if 'A' <= i && i <= 'Z' {
			t[i] = byte(i + 'a' - 'A')
		}
	}
	return t
}()

// stream is one input with the position bookkeeping of problemtools: line
// counts newlines met while skipping whitespace, pos counts whitespace
// skipped plus the length of every token compared so far.
//
// It has its own buffer rather than a bufio.Reader: the checker only ever
// looks at what is buffered and refills once all of it is consumed, so
// nothing is ever moved, and per-token overhead stays small.
type stream struct {
	r          io.Reader
	buf        []byte
	start, end int   // buf[start:end] is buffered and not consumed yet
	eof        bool  // r is exhausted (or failed)
	err        error // first read error other than io.EOF
	line       int
	pos        int64
}

func newStream(r io.Reader, size int) *stream {
	return &stream{r: r, buf: make([]byte, size), line: 1}
}

// fill reads more input once the buffer is consumed. Afterwards the buffer
// is empty only at end of input. A read error ends the input; Default
// reports it.
func (s *stream) fill() {
	s.start, s.end = 0, 0
	for empty := 0; !s.eof && s.end == 0; {
		n, err := s.r.Read(s.buf)
		if n < 0 || n > len(s.buf) {
			n, err = 0, fmt.Errorf("invalid read count %d", n)
		}
		s.end = n
		switch {
		case err == nil && n == 0:
			if empty++; empty >= 100 {
				s.err, s.eof = io.ErrNoProgress, true
			}
		case errors.Is(err, io.EOF):
			s.eof = true
		case err != nil:
			s.err, s.eof = err, true
		}
	}
}

// buffered returns the buffered bytes, reading more when there are none.
// It returns an empty slice only at end of input.
func (s *stream) buffered() []byte {
	if s.start == s.end {
		s.fill()
	}
	return s.buf[s.start:s.end]
}

// peekByte returns the next byte without consuming it, or -1 at end of input.
func (s *stream) peekByte() int {
	if s.start == s.end {
		s.fill()
		if s.end == 0 {
			return -1
		}
	}
	return int(s.buf[s.start])
}

// discard consumes n buffered bytes.
func (s *stream) discard(n int) {
	s.start += n
}

// skipSpace skips whitespace, counting lines and positions.
func (s *stream) skipSpace() {
	for {
		b := s.buffered()
		if len(b) == 0 {
			return
		}
		i := 0
		for i < len(b) && isSpace[b[i]] {
			if b[i] == '\n' {
				s.line++
			}
			i++
		}
		s.pos += int64(i)
		s.start += i
		if i < len(b) {
			return
		}
	}
}

// chunk returns the bytes of the current token that are buffered now, and
// whether they are known to be the whole rest of the token (whitespace
// follows in the buffer). It returns an empty slice exactly when the token
// has ended (whitespace or end of input follows). The bytes are not
// consumed; call discard.
func (s *stream) chunk() ([]byte, bool) {
	b := s.buffered()
	for i, c := range b {
		if c <= ' ' && isSpace[c] {
			return b[:i], true
		}
	}
	return b, len(b) == 0
}

const (
	// headCap bytes of a token are kept for messages: truncate(tok, 30)
	// shows at most 34 bytes and needs to know whether there are more than 35.
	headCap = 35
	// winCap bytes from the first difference on are kept: truncate(rest, 15)
	// shows at most 19 bytes and needs to know whether there are more than 20.
	winCap = 20
)

// token is what is kept of one token while it streams by.
type token struct {
	n    int64         // length in bytes
	head [headCap]byte // first bytes
	win  [winCap]byte  // bytes from diffAt on, when a difference was found
	nul  int64         // offset of the first NUL byte, -1 if none yet
	// fs parses the C-string part of the token as a float, if wanted.
	fs     floatScanner
	floats bool
}

func (t *token) reset(floats bool) {
	t.n = 0
	t.nul = -1
	t.floats = floats
	if floats {
		t.fs.reset()
	}
}

// consume records the next bytes b of the token. diffAt is the offset of the
// first byte-wise difference with the other token, or -1 if not known yet.
func (t *token) consume(b []byte, diffAt int64) {
	off := t.n
	if off < headCap {
		copy(t.head[off:], b)
	}
	if diffAt >= 0 {
		lo, hi := max(diffAt, off), min(diffAt+winCap, off+int64(len(b)))
		if lo < hi {
			copy(t.win[lo-diffAt:], b[lo-off:hi-off])
		}
	}
	if t.nul < 0 {
		eff := b
		if i := bytes.IndexByte(b, 0); i >= 0 {
			t.nul = off + int64(i)
			eff = b[:i]
		}
		if t.floats {
			t.fs.feed(eff)
		}
	}
	t.n += int64(len(b))
}

// truncated is problemtools' truncate(token, 30).
func (t *token) truncated() []byte {
	return truncateBytes(t.head[:], t.n, 30)
}

// truncateBytes is problemtools' truncate(str, limit) for a string of n bytes
// of which b holds at least the first min(n, limit+5). If the string is
// longer than limit+5 bytes it is cut after limit bytes (moved forward by up
// to 3 bytes so as not to split a UTF-8 character) and "..." is appended.
func truncateBytes(b []byte, n int64, limit int) []byte {
	if n <= int64(limit+5) {
		return b[:n:n]
	}
	cut := limit
	for int64(cut) < n && cut < limit+4 && b[cut]&0xC0 == 0x80 {
		cut++
	}
	return append(b[:cut:cut], "..."...)
}

// cString cuts b at its first NUL, as printf's %s would.
func cString(b []byte) []byte {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return b[:i]
	}
	return b
}

type defaultChecker struct {
	opt            DefaultOptions
	floats         bool
	absTol, relTol float64
	judge, team    *stream
	jt, tt         token
}

// wrongAnswer builds a Wrong Answer result with problemtools' message.
func (c *defaultChecker) wrongAnswer(format string, args ...any) Result {
	msg := fmt.Sprintf("Wrong answer on line %d of output (corresponding to line %d in answer file)\n",
		c.team.line, c.judge.line) + fmt.Sprintf(format, args...) + "\n"
	return Result{
		Message:      msg,
		OutputLine:   c.team.line,
		AnswerLine:   c.judge.line,
		OutputOffset: c.team.pos,
		AnswerOffset: c.judge.pos,
	}
}

func (c *defaultChecker) run() Result {
	j, t := c.judge, c.team
	for tokenIndex := 0; ; tokenIndex++ {
		// Whitespace before the next token.
		if c.opt.SpaceChangeSensitive {
			for {
				ch := j.peekByte()
				if ch < 0 || !isSpace[ch] {
					break
				}
				j.discard(1)
				d := t.peekByte()
				if d >= 0 {
					t.discard(1)
				}
				if d != ch {
					// d is -1 at the end of the output, as cin.get() returns.
					return c.wrongAnswer("Space change error: got %d expected %d", d, ch)
				}
				if d == '\n' {
					t.line++
				}
				t.pos++
				if ch == '\n' {
					j.line++
				}
				j.pos++
			}
			if d := t.peekByte(); d >= 0 && isSpace[d] {
				return c.wrongAnswer("Space change error: judge out of space, got %d from user", d)
			}
		} else {
			j.skipSpace()
			t.skipSpace()
		}

		if j.peekByte() < 0 {
			break // The answer has no more tokens.
		}
		if t.peekByte() < 0 {
			c.readAlone(j, &c.jt)
			next := cString(c.jt.truncated())
			switch {
			case tokenIndex > 0:
				return c.wrongAnswer("User EOF while judge had more output\n(Next judge token: %s)", next)
			case t.pos == 0:
				return c.wrongAnswer("User EOF while judge had more output; user output was empty.\n(Next judge token: %s)", next)
			default:
				return c.wrongAnswer("User EOF while judge had more output; user output contained only whitespace.\n(Next judge token: %s)", next)
			}
		}

		if res, ok := c.compareTokens(); !ok {
			return res
		}
		j.pos += c.jt.n
		t.pos += c.tt.n
	}

	if t.peekByte() >= 0 {
		c.readAlone(t, &c.tt)
		return c.wrongAnswer("Trailing output:\n%s", cString(c.tt.truncated()))
	}
	return Result{Accepted: true}
}

// readAlone reads the current token of s into tok.
func (c *defaultChecker) readAlone(s *stream, tok *token) {
	tok.reset(false)
	for {
		b, _ := s.chunk()
		if len(b) == 0 {
			return
		}
		tok.consume(b, -1)
		s.discard(len(b))
	}
}

// compareTokens reads the current answer token and output token side by side
// and compares them. It returns ok=false and the Wrong Answer result when
// they do not match.
func (c *defaultChecker) compareTokens() (Result, bool) {
	j, t := c.judge, c.team
	jt, tt := &c.jt, &c.tt
	a, aWhole := j.chunk()
	b, bWhole := t.chunk()
	if aWhole && bWhole && c.quickMatch(a, b) {
		jt.n, tt.n = int64(len(a)), int64(len(b))
		j.discard(len(a))
		t.discard(len(b))
		return Result{}, true
	}
	jt.reset(c.floats)
	tt.reset(c.floats)

	diffAt := int64(-1) // first byte-wise difference (truncate_pair's diff_idx)
	differ := false     // the C strings differ (strcmp or strcasecmp)
	for ; ; a, b = nextChunk(j), nextChunk(t) {
		if len(a) == 0 || len(b) == 0 {
			// One token ended at offset jt.n == tt.n.
			if len(a) == 0 && len(b) == 0 {
				break
			}
			if diffAt < 0 {
				diffAt = jt.n
			}
			longer, rest, lt := j, a, jt
			if len(a) == 0 {
				longer, rest, lt = t, b, tt
			}
			// If neither C string has ended, the shorter one ends here and
			// the longer one goes on unless a NUL follows.
			if jt.nul < 0 && tt.nul < 0 && rest[0] != 0 {
				differ = true
			}
			for len(rest) > 0 {
				lt.consume(rest, diffAt)
				longer.discard(len(rest))
				rest = nextChunk(longer)
			}
			break
		}

		n := min(len(a), len(b))
		a, b = a[:n], b[:n]
		if diffAt < 0 {
			if i := firstDiff(a, b); i >= 0 {
				diffAt = jt.n + int64(i)
			}
		}
		if !differ && jt.nul < 0 && tt.nul < 0 {
			// Compare up to the first NUL of either token.
			m, ia, ib := n, bytes.IndexByte(a, 0), bytes.IndexByte(b, 0)
			if ia >= 0 {
				m = ia
			}
			if ib >= 0 && ib < m {
				m = ib
			}
			switch {
			case !c.equal(a[:m], b[:m]):
				differ = true
			case m < n && ia != ib:
				// One C string ends at m, the other goes on.
				differ = true
			}
		}
		jt.consume(a, diffAt)
		tt.consume(b, diffAt)
		j.discard(n)
		t.discard(n)
	}

	if c.floats {
		if jval, ok := jt.fs.value(); ok {
			tval, ok := tt.fs.value()
			if !ok {
				return c.wrongAnswer("Expected float, got: %s", cString(tt.truncated())), false
			}
			if !c.withinTolerance(jval, tval) {
				return c.wrongAnswer("Too large difference.\n Judge: %s\n User: %s\n Difference: %s\n (abs tol %s rel tol %s)",
					cString(jt.truncated()), cString(tt.truncated()), formatE(float64(jval-tval)), formatE(c.absTol), formatE(c.relTol)), false
			}
			return Result{}, true
		}
	}
	if differ {
		jm, tm := c.truncatePair(diffAt)
		return c.wrongAnswer("String tokens mismatch\nJudge: \"%s\"\nUser: \"%s\"", jm, tm), false
	}
	return Result{}, true
}

// quickMatch is the fast path of compareTokens for two whole tokens a and b
// in the buffers: it reports whether they match. When they do not, the slow
// path reads them again to build the message.
func (c *defaultChecker) quickMatch(a, b []byte) bool {
	if bytes.Equal(a, b) {
		// Identical tokens always match: as strings, and as floats (same
		// value, and a difference of 0 is within any tolerance that is on).
		return true
	}
	if c.floats {
		fs := &c.jt.fs
		fs.reset()
		fs.feed(cString(a))
		if jval, ok := fs.value(); ok {
			fs.reset()
			fs.feed(cString(b))
			tval, ok := fs.value()
			return ok && c.withinTolerance(jval, tval)
		}
	}
	a, b = cString(a), cString(b)
	return len(a) == len(b) && c.equal(a, b)
}

// withinTolerance is problemtools' float test: |j−t| ≤ abs or |j−t| ≤ rel·|j|.
func (c *defaultChecker) withinTolerance(jval, tval float64) bool {
	// float64() conversions keep the compiler from fusing operations, so
	// the arithmetic is exactly problemtools' double arithmetic.
	diff := math.Abs(float64(jval - tval))
	return diff <= c.absTol || diff <= float64(c.relTol*math.Abs(jval))
}

// nextChunk is s.chunk() without the second result.
func nextChunk(s *stream) []byte {
	b, _ := s.chunk()
	return b
}

// truncatePair is problemtools' truncate_pair for the current tokens: the
// common prefix (up to the first byte-wise difference diffAt) truncated to
// 15 bytes, followed by each token's rest truncated to 15 bytes, each cut at
// its first NUL for printing.
func (c *defaultChecker) truncatePair(diffAt int64) (judge, team []byte) {
	prefix := truncateBytes(c.jt.head[:], diffAt, 15)
	judge = append(append([]byte(nil), prefix...), truncateBytes(c.jt.win[:], c.jt.n-diffAt, 15)...)
	team = append(append([]byte(nil), prefix...), truncateBytes(c.tt.win[:], c.tt.n-diffAt, 15)...)
	return cString(judge), cString(team)
}

// equal compares two byte strings of the same length as strcmp (or, unless
// case-sensitive, strcasecmp) would, given they contain no NUL.
func (c *defaultChecker) equal(a, b []byte) bool {
	if bytes.Equal(a, b) {
		return true
	}
	if c.opt.CaseSensitive {
		return false
	}
	for i := range a {
		if lower[a[i]] != lower[b[i]] {
			return false
		}
	}
	return true
}

// firstDiff returns the index of the first differing byte of a and b (of the
// same length), or -1 if they are equal.
func firstDiff(a, b []byte) int {
	if bytes.Equal(a, b) {
		return -1
	}
	for i := range a {
		if a[i] != b[i] {
			return i
		}
	}
	return -1
}

// formatE formats x like C's printf("%le", x).
func formatE(x float64) string {
	switch {
	case math.IsNaN(x):
		if math.Signbit(x) {
			return "-nan"
		}
		return "nan"
	case math.IsInf(x, 1):
		return "inf"
	case math.IsInf(x, -1):
		return "-inf"
	}
	return strconv.FormatFloat(x, 'e', 6, 64)
}

// floatScanner recognises, incrementally, a token that problemtools' isfloat
// accepts, i.e. for which glibc's sscanf(token, "%lf%10s") returns 1, and
// computes its value. glibc's scanf reads the longest run of characters that
// can start a number, then converts the longest prefix of that run that
// strtod accepts; the conversion fails only if that prefix is empty. For
// isfloat the run must be the whole token (otherwise %10s matches the rest),
// which makes the accepted tokens
//
//	decimal:     [+-] (D+ [. D*] | . D+) [(e|E) [+-] D*]
//	hexadecimal: [+-] 0(x|X) ((H+ [. H*] | . H+) [(p|P) [+-] D*] | .)
//
// and the value must be finite (inf, infinity, nan and overflowing values are
// not floats). Note the glibc quirks this includes, checked against glibc:
// a dangling exponent is ignored ("1.5e", "1e+" and "0x1p-" are floats, 1.5,
// 1 and 1) and "0x." is 0 (strtod reads just the "0"), while "0x", "." and
// "1e5e" are not floats.
//
// The scanner keeps only the first significant digits plus a sticky "more
// non-zero digits" bit and the exponent, which rounds exactly like the full
// string does, so memory stays constant whatever the token's length.
type floatScanner struct {
	floatState
	// digits holds the significant digits kept: for a hexadecimal all nd of
	// them, for a decimal those after the first mantDigits (held in mant).
	digits [maxDigits]byte
}

// floatState is the part of floatScanner reset for each token.
type floatState struct {
	state    uint8
	neg      bool
	hex      bool
	sawSig   bool  // a non-zero mantissa digit was seen
	sticky   bool  // non-zero digits were dropped after maxDigits
	nd       int   // digits kept
	intSig   int64 // significant digits before the point
	fracZero int64 // zeros after the point before the first significant digit
	exp      int64 // explicit exponent (saturated)
	expNeg   bool
	mant     uint64 // a decimal's first min(nd, mantDigits) significant digits
}

// mantDigits decimal digits always fit in a uint64.
const mantDigits = 19

// pow10 are the powers of ten that are exact doubles.
var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// maxDigits significant digits are kept. For decimals, 800 is more than the
// 767 digits that can matter for rounding to a double; for hexadecimals,
// 800 hex digits are far more than the 14 that can.
const maxDigits = 800

// floatScanner states. feed relies on their order: sign states first, then
// decimal, exponent, and hexadecimal mantissa states, then fsDead.
const (
	fsStart     = iota // nothing yet
	fsSign             // after the sign
	fsZero             // after a leading 0: maybe a hex prefix (accepting)
	fsInt              // in the integer part (accepting)
	fsDot              // "." with no integer digit before it
	fsFrac             // in the fraction (accepting)
	fsExpStart         // after e or p (accepting: glibc ignores a dangling exponent)
	fsExpSign          // after the exponent's sign (accepting, likewise)
	fsExp              // in the exponent (accepting)
	fsHexPrefix        // after 0x
	fsHexInt           // hex integer part (accepting)
	fsHexDot           // "0x." with no hex digit before the point (accepting: it is 0)
	fsHexFrac          // hex fraction (accepting)
	fsDead             // not a float
)

// reset prepares f for a new token. The digits array is not cleared: only
// digits[:nd] is ever read.
func (f *floatScanner) reset() {
	f.floatState = floatState{}
}

// isDigit and isHexDigit classify bytes for floatScanner.
var isDigit, isHexDigit = func() (d, h [256]bool) {
	for c := '0'; c <= '9'; c++ {
		d[c], h[c] = true, true
	}
	for c := 'a'; c <= 'f'; c++ {
		h[c], h[c-'a'+'A'] = true, true
	}
	return d, h
}()

// digits records a run of mantissa digits; inInt tells whether they are
// before the point.
func (f *floatScanner) addDigits(run []byte, inInt bool) {
	if !f.sawSig {
		k := 0
		for k < len(run) && run[k] == '0' {
			k++
		}
		if !inInt {
			f.fracZero += int64(k)
		}
		run = run[k:]
		if len(run) == 0 {
			return
		}
		f.sawSig = true
	}
	if inInt {
		f.intSig += int64(len(run))
	}
	off := 0 // where the digits beyond mant go in f.digits
	if !f.hex {
		if f.nd < mantDigits {
			k := min(len(run), mantDigits-f.nd)
			m := f.mant
			for _, c := range run[:k] {
				m = m*10 + uint64(c-'0')
			}
			f.mant = m
			f.nd += k
			run = run[k:]
			if len(run) == 0 {
				return
			}
		}
		off = mantDigits
	}
	k := copy(f.digits[f.nd-off:maxDigits-off], run)
	f.nd += k
	if !f.sticky {
		for _, c := range run[k:] {
			if c != '0' {
				f.sticky = true
				break
			}
		}
	}
}

// feed scans the next bytes of the token.
func (f *floatScanner) feed(b []byte) {
	for i := 0; i < len(b); {
		c := b[i]
		if f.state <= fsSign && '1' <= c && c <= '9' {
			f.state = fsInt // and the digit run starts here
		}
		if fsZero <= f.state && f.state < fsDead {
			// Runs of digits, the bulk of any number, in one go.
			class := &isDigit
			if f.state >= fsHexPrefix {
				class = &isHexDigit
			}
			if class[c] {
				j := i + 1
				for j < len(b) && class[b[j]] {
					j++
				}
				f.digitRun(b[i:j])
				i = j
				continue
			}
		}
		f.step(c)
		if f.state == fsDead {
			return
		}
		i++
	}
}

// digitRun handles a run of digits (hex digits in a hex mantissa).
func (f *floatScanner) digitRun(run []byte) {
	switch f.state {
	case fsZero, fsInt, fsHexPrefix, fsHexInt:
		f.addDigits(run, true)
		if f.hex {
			f.state = fsHexInt
		} else {
			f.state = fsInt
		}
	case fsDot, fsFrac, fsHexDot, fsHexFrac:
		f.addDigits(run, false)
		if f.hex {
			f.state = fsHexFrac
		} else {
			f.state = fsFrac
		}
	default: // exponent
		for _, c := range run {
			if f.exp < 1e12 {
				f.exp = f.exp*10 + int64(c-'0')
			}
		}
		f.state = fsExp
	}
}

// step handles one byte that does not start a digit run.
func (f *floatScanner) step(c byte) {
	switch f.state {
	case fsStart, fsSign:
		switch {
		case (c == '+' || c == '-') && f.state == fsStart:
			f.neg = c == '-'
			f.state = fsSign
		case c == '0':
			f.state = fsZero
		case c == '.':
			f.state = fsDot
		default:
			f.state = fsDead
		}
	case fsZero, fsInt:
		switch {
		case c == '.':
			f.state = fsFrac
		case c == 'e' || c == 'E':
			f.state = fsExpStart
		case (c == 'x' || c == 'X') && f.state == fsZero:
			f.hex = true
			f.state = fsHexPrefix
		default:
			f.state = fsDead
		}
	case fsFrac:
		if c == 'e' || c == 'E' {
			f.state = fsExpStart
		} else {
			f.state = fsDead
		}
	case fsExpStart:
		if c == '+' || c == '-' {
			f.expNeg = c == '-'
			f.state = fsExpSign
		} else {
			f.state = fsDead
		}
	case fsHexPrefix:
		if c == '.' {
			f.state = fsHexDot
		} else {
			f.state = fsDead
		}
	case fsHexInt:
		switch c {
		case '.':
			f.state = fsHexFrac
		case 'p', 'P':
			f.state = fsExpStart
		default:
			f.state = fsDead
		}
	case fsHexFrac:
		if c == 'p' || c == 'P' {
			f.state = fsExpStart
		} else {
			f.state = fsDead
		}
	default: // fsDot, fsHexDot, fsExpSign, fsExp, fsDead
		f.state = fsDead
	}
}

// value reports whether the scanned token is a float for problemtools, and
// its value, rounded to nearest like strtod.
func (f *floatScanner) value() (float64, bool) {
	switch f.state {
	case fsZero, fsInt, fsFrac, fsExpStart, fsExpSign, fsExp, fsHexDot, fsHexInt, fsHexFrac:
	default:
		return 0, false
	}
	zero := 0.0
	if f.neg {
		zero = math.Copysign(0, -1)
	}
	if !f.sawSig {
		return zero, true
	}
	exp := f.exp
	if f.expNeg {
		exp = -exp
	}
	// The point sits before the first significant digit, shifted by point.
	point := f.intSig
	if point == 0 {
		point = -f.fracZero
	}
	if !f.hex && f.nd <= mantDigits && f.mant <= 1<<53 {
		// Clinger's fast path: the digits and the power of ten are exact
		// doubles, so one multiplication or division rounds correctly.
		e := point + exp - int64(f.nd)
		if -22 <= e && e <= 22 {
			v := float64(f.mant)
			if e >= 0 {
				v = float64(v * pow10[e])
			} else {
				v = float64(v / pow10[-e])
			}
			if f.neg {
				v = -v
			}
			return v, true
		}
	}
	var small [64]byte
	buf := small[:0]
	if f.neg {
		buf = append(buf, '-')
	}
	nd := int64(f.nd)
	if f.sticky {
		nd++
	}
	if f.hex {
		// value = 0x0.DIGITS * 16^point * 2^exp = 0xDIGITS * 2^(4*(point-nd)+exp)
		// and 0xDIGITS is in [16^(nd-1), 16^nd).
		e := 4*(point-nd) + exp
		if e+4*(nd-1) > 1100 { // at least 2^1100: overflows
			return 0, false
		}
		if e+4*nd < -1100 { // below 2^-1100: rounds to zero
			return zero, true
		}
		buf = append(buf, "0x"...)
		buf = append(buf, f.digits[:f.nd]...)
		if f.sticky {
			buf = append(buf, '1')
		}
		buf = append(buf, 'p')
		buf = strconv.AppendInt(buf, e, 10)
	} else {
		// value = 0.DIGITS * 10^(point+exp), in [10^(e-1), 10^e)
		e := point + exp
		if e > 310 { // at least 1e310: overflows
			return 0, false
		}
		if e < -330 { // below 1e-330: rounds to zero
			return zero, true
		}
		buf = append(buf, "0."...)
		buf = strconv.AppendUint(buf, f.mant, 10) // its first digit is not 0
		if f.nd > mantDigits {
			buf = append(buf, f.digits[:f.nd-mantDigits]...)
		}
		if f.sticky {
			buf = append(buf, '1')
		}
		buf = append(buf, 'e')
		buf = strconv.AppendInt(buf, e, 10)
	}
	v, err := strconv.ParseFloat(string(buf), 64)
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false
	}
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		// Cannot happen: buf is well-formed.
		return 0, false
	}
	return v, true
}
