package queue

import (
	"context"

	"github.com/riverqueue/river"

	"github.com/verdict-judge/verdict/store"
)

// Judge0Args is the job of running one submission of the Judge0-compatible
// API (compat/judge0).
type Judge0Args struct {
	Token string `json:"token"`
}

// Kind implements river.JobArgs.
func (Judge0Args) Kind() string { return "judge0" }

// InsertOpts makes the job unique per submission.
func (Judge0Args) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: JudgeAttempts, UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

// Judge0CallbackArgs is the job of sending a Judge0 submission's result
// to its callback_url.
type Judge0CallbackArgs struct {
	Token string `json:"token"`
}

// Kind implements river.JobArgs.
func (Judge0CallbackArgs) Kind() string { return "judge0_callback" }

// InsertOpts implements river.JobArgsWithInsertOpts: Judge0 tries a
// callback three times.
func (Judge0CallbackArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: 3, UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

// Judge0Handler does the jobs of the Judge0-compatible API. An error is
// an internal failure, retried.
type Judge0Handler interface {
	Judge0(ctx context.Context, token string, job Job) error
	Judge0Callback(ctx context.Context, token string, job Job) error
}

func addJudge0Workers(ws *river.Workers, h Judge0Handler) {
	river.AddWorker(ws, &judge0Worker{h: h})
	river.AddWorker(ws, &judge0CallbackWorker{h: h})
}

type judge0Worker struct {
	river.WorkerDefaults[Judge0Args]
	h Judge0Handler
}

func (w *judge0Worker) Work(ctx context.Context, job *river.Job[Judge0Args]) error {
	return w.h.Judge0(ctx, job.Args.Token, Job{Attempt: job.Attempt, MaxAttempts: job.MaxAttempts})
}

type judge0CallbackWorker struct {
	river.WorkerDefaults[Judge0CallbackArgs]
	h Judge0Handler
}

func (w *judge0CallbackWorker) Work(ctx context.Context, job *river.Job[Judge0CallbackArgs]) error {
	return w.h.Judge0Callback(ctx, job.Args.Token, Job{Attempt: job.Attempt, MaxAttempts: job.MaxAttempts})
}

// InsertJudge0 inserts the job that runs a Judge0 submission, in tx.
func (q *riverQueue[TTx]) InsertJudge0(ctx context.Context, tx store.Tx, token string) error {
	return q.insert(ctx, tx, Judge0Args{Token: token})
}

// InsertJudge0Callback inserts the job that sends a Judge0 submission's
// result to its callback URL, in tx.
func (q *riverQueue[TTx]) InsertJudge0Callback(ctx context.Context, tx store.Tx, token string) error {
	return q.insert(ctx, tx, Judge0CallbackArgs{Token: token})
}
