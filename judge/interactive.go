package judge

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/verdict-judge/verdict/problem"
	"github.com/verdict-judge/verdict/sandbox"
)

// An interactive test runs the submission and the problem's validator at
// once, in two boxes, the validator's standard output feeding the
// submission's standard input and the other way round.
//
// The two runs are connected through relays, not through pipes handed to
// both boxes: a pipe end passed to sandbox.Run as an *os.File stays open in
// this process until Run returns (the sandbox has no hook saying when the
// box has its own copy), and a write end held open here would keep the
// other side from ever seeing end of file when its peer exits. With a
// relay, every pipe end a program holds belongs to its own box, and the
// judge decides when each side sees end of file: right after the peer's
// run has ended.

// runInteractive runs the program on one test of an interactive problem,
// connected to the problem's validator.
func (j *Judge) runInteractive(ctx context.Context, p *problem.Problem, prog *Program, tc *TestCase, lim RunLimits, chk Checker) TestResult {
	val, ok := chk.(*programChecker)
	if !ok {
		return TestResult{Name: tc.Name, Group: tc.Group, Verdict: JE, Message: "interactive problem without an output validator"}
	}
	pr := j.interactivePass(ctx, prog, tc, lim, val, sandbox.File{Path: tc.Input}, nil)
	return pr.finish(val.scores)
}

// interactivePass runs the program once connected to the validator, which
// gets input as its input file and starts from the feedback directory fb
// (one pass of a multi-pass problem, or the whole test).
func (j *Judge) interactivePass(ctx context.Context, prog *Program, tc *TestCase, lim RunLimits, val *programChecker, input sandbox.File, fb map[string][]byte) passResult {
	var pr passResult
	tr := &pr.tr
	tr.Name, tr.Group = tc.Name, tc.Group
	if err := checkAnswer(tc); err != nil {
		tr.Verdict, tr.Message = JE, err.Error()
		return pr
	}
	files, err := runFiles(prog, tc)
	if err != nil {
		tr.Verdict, tr.Message = JE, err.Error()
		return pr
	}

	// Both boxes of a pair must be had at once: pairs that each hold one box
	// and wait for a second would wait for each other. One pair at a time
	// per Sandbox is enough for that (single runs always end on their own);
	// the Sandbox needs at least 2 boxes.
	release, err := pairSlot(ctx, j.SB)
	if err != nil {
		tr.Verdict, tr.Message = JE, err.Error()
		return pr
	}
	defer release()

	subLim := sandboxLimits(prog, lim) // wall 2×TL + 1 s
	valLim := val.lim
	if valLim.Wall <= 0 {
		valLim.Wall = 3 * valLim.CPU
	}
	// The validator waits for the submission: it may need its whole wall
	// time and then some.
	valLim.Wall = max(valLim.Wall, subLim.Wall+10*time.Second)

	toSub, toVal := newRelay(), newRelay()
	defer toSub.abort()
	defer toVal.abort()

	valFiles := append([]sandbox.File(nil), val.prog.Files...)
	input.Name = "judge/input"
	valFiles = append(valFiles, input, sandbox.File{Name: "judge/answer", Path: tc.Answer})
	valFiles = append(valFiles, feedbackFiles(fb)...)
	valSpec := &sandbox.Spec{
		Args:  append(append(val.prog.Args(val.lim.Memory), "judge/input", "judge/answer", "feedback/"), tc.CheckArgs...),
		Env:   val.prog.Lang.Env,
		Files: valFiles,
		Stdin: toVal, Stdout: toSub,
		Collect:      []string{feedbackDir},
		CollectLimit: maxFeedback,
		Limits:       valLim,
	}
	subSpec := &sandbox.Spec{
		Args:  append(prog.Args(lim.Memory), tc.Args...),
		Env:   prog.Lang.Env,
		Files: files,
		Stdin: toSub, Stdout: toVal,
		Limits: subLim,
	}

	valCtx, cancelVal := context.WithCancel(ctx)
	defer cancelVal()
	subCtx, cancelSub := context.WithCancel(ctx)
	defer cancelSub()

	type outcome struct {
		res *sandbox.Result
		err error
	}
	valDone, subDone := make(chan outcome, 1), make(chan outcome, 1)
	var orderMu sync.Mutex
	first := "" // the side whose run returned first
	ended := func(side string) {
		orderMu.Lock()
		if first == "" {
			first = side
		}
		orderMu.Unlock()
	}
	go func() {
		res, err := j.SB.Run(valCtx, valSpec)
		ended("validator")
		valDone <- outcome{res, err}
	}()
	go func() {
		res, err := j.SB.Run(subCtx, subSpec)
		ended("submission")
		subDone <- outcome{res, err}
	}()

	// Wait for both, telling each side of the end of the other as soon as
	// its run is over. The runs' returns are the order of the ends: a side
	// can only see its peer's end of file after the peer's run has
	// returned, so what one side did because of the other's end always
	// comes second.
	var vo, so outcome
	valFirst := false
	for got := 0; got < 2; got++ {
		select {
		case vo = <-valDone:
			orderMu.Lock()
			valFirst = first == "validator"
			orderMu.Unlock()
			toSub.closeWrite() // the submission reads end of file
			toVal.abort()      // and writes into nothing
			switch {
			case vo.err != nil:
				cancelSub()
			case !validatorExit(vo.res, 42) && !validatorExit(vo.res, 43):
				cancelSub() // a judge error whatever the submission does
			case validatorExit(vo.res, 43) && valFirst:
				cancelSub() // wrong answer whatever the submission does
			}
		case so = <-subDone:
			toVal.closeWrite()
			toSub.abort()
			if so.err != nil {
				cancelVal()
			}
		}
	}
	if ctx.Err() != nil {
		tr.Verdict, tr.Message = JE, ctx.Err().Error()
		return pr
	}

	// 1. The validator must accept or reject.
	if vo.err != nil {
		tr.Verdict, tr.Message = JE, fmt.Sprintf("judge: output validator: %v", vo.err)
		return pr
	}
	vr := vo.res
	accepted := validatorExit(vr, 42)
	if !accepted && !validatorExit(vr, 43) {
		tr.Verdict, tr.Message = JE, validatorFailure(vr, vr.Files[feedbackDir+judgeErrorFile]).Error()
		return pr
	}
	if pr.fb, err = feedbackOf(vr); err != nil {
		tr.Verdict, tr.Message = JE, err.Error()
		return pr
	}
	msg := strings.TrimSpace(string(pr.fb[judgeMessageFile]))
	// 2. The validator rejected before the submission ended: whatever
	// became of the submission after that was caused by it.
	if !accepted && valFirst {
		tr.Verdict, tr.Message = WA, msg
		if so.res != nil {
			setUsage(tr, so.res)
		}
		pr.byValidator = true
		return pr
	}
	if so.err != nil {
		tr.Verdict, tr.Message = JE, so.err.Error()
		return pr
	}
	sr := so.res
	setUsage(tr, sr)
	// 3. TLE, then 4. the other ways a run fails (RE, MLE, OLE).
	if v, m := runVerdict(sr); v != "" {
		tr.Verdict, tr.Message = v, m
		return pr
	}
	// 5. The validator's verdict.
	if accepted {
		tr.Verdict, tr.Message = AC, msg
	} else {
		tr.Verdict, tr.Message = WA, msg
	}
	pr.byValidator = true
	return pr
}

// validatorExit reports whether the validator exited normally with code.
func validatorExit(r *sandbox.Result, code int) bool {
	return r != nil && r.Status == sandbox.StatusRE && r.Signal == 0 && r.ExitCode == code
}

func setUsage(tr *TestResult, r *sandbox.Result) {
	tr.CPUMs = float64(r.CPU.Microseconds()) / 1000
	tr.WallMs = float64(r.Wall.Microseconds()) / 1000
	tr.MemoryKiB = r.Memory >> 10
}

// pairSlots holds, per Sandbox, the right to start an interactive pair.
var pairSlots sync.Map // *sandbox.Sandbox -> chan struct{}

func pairSlot(ctx context.Context, sb *sandbox.Sandbox) (func(), error) {
	v, _ := pairSlots.LoadOrStore(sb, make(chan struct{}, 1))
	ch := v.(chan struct{})
	select {
	case ch <- struct{}{}:
		return func() { <-ch }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// relay carries one direction of an interaction. The producer's run
// writes the program's output into it (Spec.Stdout); the consumer's run
// copies it into its program's standard input (Spec.Stdin: io.Copy uses
// WriteTo). Writes never block: what the consumer has not taken yet waits
// here, bounded by the producer's output cap, so that a run never waits
// for the other one to end. closeWrite gives the consumer end of file once
// everything queued is delivered; abort drops what is queued, discards
// what comes, and ends the copy into the consumer at once.
type relay struct {
	mu      sync.Mutex
	cond    *sync.Cond
	buf     []byte
	spare   []byte
	eof     bool
	aborted bool
}

var errRelayAborted = errors.New("judge: interaction over")

func newRelay() *relay {
	r := &relay{}
	r.cond = sync.NewCond(&r.mu)
	return r
}

func (r *relay) Write(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.aborted || r.eof {
		return len(p), nil
	}
	r.buf = append(r.buf, p...)
	r.cond.Broadcast()
	return len(p), nil
}

func (r *relay) closeWrite() {
	r.mu.Lock()
	r.eof = true
	r.cond.Broadcast()
	r.mu.Unlock()
}

func (r *relay) abort() {
	r.mu.Lock()
	r.aborted = true
	r.buf = nil
	r.cond.Broadcast()
	r.mu.Unlock()
}

// take waits for data and hands over the queued bytes.
func (r *relay) take() ([]byte, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for len(r.buf) == 0 && !r.eof && !r.aborted {
		r.cond.Wait()
	}
	switch {
	case r.aborted:
		return nil, errRelayAborted
	case len(r.buf) == 0:
		return nil, io.EOF
	}
	b := r.buf
	r.buf, r.spare = r.spare[:0], nil
	return b, nil
}

// give returns a buffer take handed over, for reuse.
func (r *relay) give(b []byte) {
	r.mu.Lock()
	if r.spare == nil && cap(b) <= 1<<20 {
		r.spare = b[:0]
	}
	r.mu.Unlock()
}

func (r *relay) WriteTo(w io.Writer) (int64, error) {
	var n int64
	for {
		b, err := r.take()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		m, err := w.Write(b)
		n += int64(m)
		r.give(b)
		if err != nil {
			// The consumer is gone: nothing more is delivered.
			r.abort()
			return n, err
		}
	}
}

// Read is for readers that do not use WriteTo.
func (r *relay) Read(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for len(r.buf) == 0 && !r.eof && !r.aborted {
		r.cond.Wait()
	}
	if r.aborted {
		return 0, errRelayAborted
	}
	if len(r.buf) == 0 {
		return 0, io.EOF
	}
	n := copy(p, r.buf)
	r.buf = r.buf[n:]
	return n, nil
}
