// Package worker judges queued submissions: it takes a judging job, fetches
// the problem package from the blob store (through a content-addressed cache
// on this machine), judges with package judge, records the progress and the
// result, and posts results to callback URLs.
package worker

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/verdict-judge/verdict/judge"
	"github.com/verdict-judge/verdict/queue"
	"github.com/verdict-judge/verdict/service"
	"github.com/verdict-judge/verdict/store"
)

// Worker does the queue's jobs with the service's parts.
type Worker struct {
	S *service.Service
	// CallbackSecret signs callback bodies (HMAC-SHA256).
	CallbackSecret []byte
	// HTTP posts callbacks (default: a client with a 10 s timeout).
	HTTP *http.Client
}

var _ queue.Handler = (*Worker)(nil)

// Judge judges one submission. A submission's own failures are results;
// an error is an internal failure, retried by the queue. On the last attempt
// the submission is recorded as a judge error before the error is returned
// (the job then stays as a discarded dead letter).
func (w *Worker) Judge(ctx context.Context, id string, job queue.Job) error {
	log := w.S.Log.With("submission", id, "attempt", job.Attempt)
	start := time.Now()
	defer func() {
		if m := w.S.Metrics; m != nil {
			m.Busy.Add(time.Since(start).Seconds())
		}
	}()
	sub, err := w.S.Store.StartJudging(ctx, id)
	if store.IsNotFound(err) {
		log.Warn("judging job of an unknown submission: dropped")
		return nil
	}
	if err != nil {
		return w.failed(ctx, log, id, job, err)
	}
	if sub.Status == store.StatusDone {
		log.Info("already judged")
		return nil
	}
	w.S.Hub.Notify(id)
	log.Info("judging", "problem", sub.Problem, "language", sub.Language)
	rep, err := w.judge(ctx, log, sub)
	if err != nil {
		var perm *permanent
		if errors.As(err, &perm) {
			return w.finishJE(ctx, log, sub, perm.Error())
		}
		return w.failed(ctx, log, id, job, err)
	}
	sub.Verdict, sub.Score, sub.Report = string(rep.Verdict), rep.Score, rep
	sub.TestsDone = len(rep.Tests)
	sub.Message = rep.Message
	service.FillTimes(sub)
	if err := w.finish(ctx, sub); err != nil {
		return w.failed(ctx, log, id, job, err)
	}
	took := time.Since(start)
	log.Info("judged", "verdict", sub.Verdict, "score", sub.Score, "took", took.Round(time.Millisecond))
	if m := w.S.Metrics; m != nil {
		m.Judged.WithLabelValues(sub.Verdict, sub.Language).Inc()
		m.JudgeTime.Observe(took.Seconds())
		m.Latency.WithLabelValues(sub.Language).Observe(time.Since(sub.CreatedAt).Seconds())
		m.SandboxRuns.WithLabelValues("test").Add(float64(len(rep.Tests)))
		if rep.Compile.Cached {
			m.CompileHits.Inc()
		} else {
			m.SandboxRuns.WithLabelValues("compile").Inc()
		}
	}
	return nil
}

// progressEvery is how often test results of a judging are written while
// it runs.
const progressEvery = 50 * time.Millisecond

// permanent is a failure that retrying cannot mend (the problem was
// deleted): the submission ends as a judge error at once.
type permanent struct{ msg string }

func (p *permanent) Error() string { return p.msg }

func (w *Worker) judge(ctx context.Context, log *slog.Logger, sub *store.Submission) (*judge.Report, error) {
	row, err := w.S.Store.Problem(ctx, sub.Problem)
	if store.IsNotFound(err) {
		return nil, &permanent{fmt.Sprintf("problem %s was deleted before the submission was judged", sub.Problem)}
	}
	if err != nil {
		return nil, err
	}
	p, err := w.S.Problems.Load(ctx, row.BlobKey)
	if err != nil {
		return nil, fmt.Errorf("problem %s: %w", sub.Problem, err)
	}
	l, err := w.S.Engine.Language(sub.Language)
	if err != nil {
		return nil, err // not installed on this worker: another may have it
	}
	total := len(p.Cases())
	partial := &judge.Report{Language: l.ID}
	srcs := service.JudgeSources(sub.Files)
	// Progress is written to the submission's row (watchers in any process
	// read it there): every change of stage at once, test results at most
	// every progressEvery (the final result carries them all anyway).
	var lastStatus string
	var lastWrite time.Time
	progress := func(pr judge.Progress) {
		status := store.StatusRunning
		switch pr.Stage {
		case judge.StageCompiling:
			status = store.StatusCompiling
		}
		if pr.Result != nil {
			partial.Tests = append(partial.Tests, *pr.Result)
		}
		if pr.Total > 0 {
			total = pr.Total
		}
		if status == lastStatus && time.Since(lastWrite) < progressEvery {
			return
		}
		lastStatus, lastWrite = status, time.Now()
		if err := w.S.Store.Progress(ctx, sub.ID, status, len(partial.Tests), total, partial); err != nil {
			log.Warn("recording progress", "err", err)
		}
		w.S.Hub.Notify(sub.ID)
	}
	rep, err := w.S.Engine.Judge.Submit(ctx, p, l, srcs, judge.Options{Progress: progress})
	var se *judge.SourceError
	if errors.As(err, &se) {
		// Checked when submitted; a source the judge still refuses is the
		// submission's fault: a compile error, never retried.
		return &judge.Report{Verdict: judge.CE, Language: l.ID, Compile: judge.CompileReport{OK: false, Output: se.Error()}}, nil
	}
	if err != nil {
		return nil, err
	}
	sub.TestCount = total
	return rep, nil
}

func (w *Worker) finish(ctx context.Context, sub *store.Submission) error {
	_, err := w.S.Store.Finish(ctx, sub, func(tx store.Tx) error {
		if sub.CallbackURL == "" {
			return nil
		}
		return w.S.Queue.InsertCallback(ctx, tx, sub.ID)
	})
	w.S.Hub.Notify(sub.ID)
	return err
}

func (w *Worker) finishJE(ctx context.Context, log *slog.Logger, sub *store.Submission, msg string) error {
	log.Error("judge error", "err", msg)
	sub.Verdict, sub.Message, sub.Score = string(judge.JE), msg, 0
	if m := w.S.Metrics; m != nil {
		m.Judged.WithLabelValues(sub.Verdict, sub.Language).Inc()
	}
	return w.finish(ctx, sub)
}

// failed handles an internal failure: retried by the queue, or, on the last
// attempt, recorded as a judge error (and the job discarded).
func (w *Worker) failed(ctx context.Context, log *slog.Logger, id string, job queue.Job, err error) error {
	if m := w.S.Metrics; m != nil {
		m.Retries.Inc()
	}
	if ctx.Err() != nil {
		log.Warn("judging interrupted; handed back to the queue", "err", err)
		return err
	}
	if !job.Last() {
		log.Warn("internal error; will retry", "err", err)
		return err
	}
	sub, gerr := w.S.Store.Submission(ctx, id)
	if gerr == nil {
		if ferr := w.finishJE(ctx, log, sub, fmt.Sprintf("internal error after %d attempts: %v", job.Attempt, err)); ferr != nil {
			log.Error("recording judge error", "err", ferr)
		}
	}
	return err
}

// Callback posts a submission's result to its callback URL, signed with
// X-Verdict-Signature: sha256=HEX (HMAC-SHA256 of the body). Any answer but
// a 2xx is retried by the queue with backoff.
func (w *Worker) Callback(ctx context.Context, id string, job queue.Job) error {
	log := w.S.Log.With("submission", id, "attempt", job.Attempt)
	sub, err := w.S.Store.Submission(ctx, id)
	if store.IsNotFound(err) || (err == nil && sub.CallbackURL == "") {
		return nil
	}
	if err != nil {
		return err
	}
	body, err := json.Marshal(w.S.View(ctx, sub, service.Who{Owner: true}, true))
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, sub.CallbackURL, bytes.NewReader(body))
	if err != nil {
		log.Warn("callback URL refused", "err", err)
		return nil
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "verdict")
	req.Header.Set("X-Verdict-Signature", Sign(w.CallbackSecret, body))
	c := w.HTTP
	if c == nil {
		c = &http.Client{Timeout: 10 * time.Second}
	}
	resp, err := c.Do(req)
	if err != nil {
		log.Warn("callback failed", "err", err)
		return fmt.Errorf("callback: %w", err)
	}
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		log.Warn("callback refused", "status", resp.StatusCode)
		return fmt.Errorf("callback: %s answered %s", sub.CallbackURL, resp.Status)
	}
	log.Info("callback delivered")
	return nil
}

// Sign returns the X-Verdict-Signature of a body.
func Sign(secret, body []byte) string {
	m := hmac.New(sha256.New, secret)
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}
