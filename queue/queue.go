// Package queue is Verdict's durable job queue: River on the store's own
// database (SQLite or PostgreSQL), so that a submission and its judging job
// are written in one transaction. Two kinds of jobs: judging a submission
// and posting its result to a callback URL.
//
// Retries: a handler's error is an internal failure and is retried with a
// short backoff, up to MaxAttempts; after the last attempt River keeps the job
// as discarded (a dead letter). A submission's own failures (CE, WA, TLE...)
// are results, never errors, and are never retried.
package queue

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivertype"

	"github.com/verdict-judge/verdict/store"
)

// Attempts of each kind of job.
const (
	JudgeAttempts    = 3
	CallbackAttempts = 8
)

// JudgeArgs is the job of judging one submission.
type JudgeArgs struct {
	Submission string `json:"submission"`
}

// Kind implements river.JobArgs.
func (JudgeArgs) Kind() string { return "judge" }

// InsertOpts makes a submission's judging job unique: inserting it twice
// gives one job.
func (JudgeArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: JudgeAttempts, UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

// CallbackArgs is the job of posting a submission's result to its callback
// URL.
type CallbackArgs struct {
	Submission string `json:"submission"`
}

// Kind implements river.JobArgs.
func (CallbackArgs) Kind() string { return "callback" }

// InsertOpts implements river.JobArgsWithInsertOpts.
func (CallbackArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: CallbackAttempts, UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

// Job tells a handler which attempt it is running.
type Job struct {
	Attempt, MaxAttempts int
}

// Last reports whether this is the last attempt.
func (j Job) Last() bool { return j.Attempt >= j.MaxAttempts }

// Handler does the work of the jobs. An error is an internal failure,
// retried.
type Handler interface {
	Judge(ctx context.Context, id string, job Job) error
	Callback(ctx context.Context, id string, job Job) error
}

// Config configures a Queue.
type Config struct {
	// Workers is the number of submissions judged at once; 0 makes an
	// insert-only queue (a server whose judging runs elsewhere).
	Workers int
	// Handler does the jobs; required when Workers > 0.
	Handler Handler
	// Judge0 does the jobs of the Judge0-compatible API; nil: this
	// process does not work them.
	Judge0 Judge0Handler
	// JobTimeout bounds one judging (default 10 minutes).
	JobTimeout time.Duration
	// RescueAfter is when a job whose worker vanished (killed) is run
	// again (default JobTimeout + 1 minute).
	RescueAfter time.Duration
	Logger      *slog.Logger
}

// Queue inserts and works jobs.
type Queue interface {
	// InsertJudge inserts the judging job of a submission in tx.
	InsertJudge(ctx context.Context, tx store.Tx, id string) error
	// InsertCallback inserts the callback job of a submission in tx.
	InsertCallback(ctx context.Context, tx store.Tx, id string) error
	// InsertJudge0 and InsertJudge0Callback insert the jobs of a
	// submission of the Judge0-compatible API in tx.
	InsertJudge0(ctx context.Context, tx store.Tx, token string) error
	InsertJudge0Callback(ctx context.Context, tx store.Tx, token string) error
	// Start starts working jobs (nothing for an insert-only queue).
	Start(ctx context.Context) error
	// Stop stops fetching jobs and waits for those running to finish
	// until ctx ends, then cancels them (they are handed back and run
	// again).
	Stop(ctx context.Context) error
}

// New returns the queue on the backend's database.
func New(b store.Backend, cfg Config) (Queue, error) {
	switch db := b.Raw().(type) {
	case *sql.DB:
		return newQueue[*sql.Tx](riversqlite.New(db), cfg, 10*time.Millisecond)
	case *pgxpool.Pool:
		return newQueue[pgx.Tx](riverpgxv5.New(db), cfg, 10*time.Millisecond)
	}
	return nil, fmt.Errorf("queue: unknown backend %s", b.Name())
}

type retryPolicy struct{}

func (retryPolicy) NextRetry(job *rivertype.JobRow) time.Time {
	d := time.Duration(math.Pow(2, float64(job.Attempt-1))) * time.Second
	return time.Now().Add(min(d, 5*time.Minute))
}

type riverQueue[TTx any] struct {
	client *river.Client[TTx]
	work   bool
}

func newQueue[TTx any](driver riverdriver.Driver[TTx], cfg Config, cooldown time.Duration) (Queue, error) {
	if cfg.JobTimeout <= 0 {
		cfg.JobTimeout = 10 * time.Minute
	}
	if cfg.RescueAfter <= cfg.JobTimeout {
		cfg.RescueAfter = cfg.JobTimeout + time.Minute
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	rc := &river.Config{
		Logger:               cfg.Logger,
		FetchCooldown:        cooldown,
		FetchPollInterval:    100 * time.Millisecond,
		JobTimeout:           cfg.JobTimeout,
		RescueStuckJobsAfter: cfg.RescueAfter,
		RetryPolicy:          retryPolicy{},
		Workers:              river.NewWorkers(),
	}
	if cfg.Workers > 0 {
		if cfg.Handler == nil {
			return nil, errors.New("queue: workers need a handler")
		}
		river.AddWorker(rc.Workers, &judgeWorker{h: cfg.Handler})
		river.AddWorker(rc.Workers, &callbackWorker{h: cfg.Handler})
		if cfg.Judge0 != nil {
			addJudge0Workers(rc.Workers, cfg.Judge0)
		}
		rc.Queues = map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: cfg.Workers}}
	} else {
		rc.Workers = nil
	}
	c, err := river.NewClient(driver, rc)
	if err != nil {
		return nil, fmt.Errorf("queue: %w", err)
	}
	return &riverQueue[TTx]{client: c, work: cfg.Workers > 0}, nil
}

func (q *riverQueue[TTx]) insert(ctx context.Context, tx store.Tx, args river.JobArgs) error {
	t, ok := tx.Raw().(TTx)
	if !ok {
		return fmt.Errorf("queue: a transaction of type %T is not this queue's", tx.Raw())
	}
	_, err := q.client.InsertTx(ctx, t, args, nil)
	return err
}

func (q *riverQueue[TTx]) InsertJudge(ctx context.Context, tx store.Tx, id string) error {
	return q.insert(ctx, tx, JudgeArgs{Submission: id})
}

func (q *riverQueue[TTx]) InsertCallback(ctx context.Context, tx store.Tx, id string) error {
	return q.insert(ctx, tx, CallbackArgs{Submission: id})
}

func (q *riverQueue[TTx]) Start(ctx context.Context) error {
	if !q.work {
		return nil
	}
	return q.client.Start(ctx)
}

func (q *riverQueue[TTx]) Stop(ctx context.Context) error {
	if !q.work {
		return nil
	}
	err := q.client.Stop(ctx)
	if ctx.Err() != nil {
		c, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer cancel()
		return q.client.StopAndCancel(c)
	}
	return err
}

type judgeWorker struct {
	river.WorkerDefaults[JudgeArgs]
	h Handler
}

func (w *judgeWorker) Work(ctx context.Context, job *river.Job[JudgeArgs]) error {
	return w.h.Judge(ctx, job.Args.Submission, Job{Attempt: job.Attempt, MaxAttempts: job.MaxAttempts})
}

type callbackWorker struct {
	river.WorkerDefaults[CallbackArgs]
	h Handler
}

func (w *callbackWorker) Work(ctx context.Context, job *river.Job[CallbackArgs]) error {
	return w.h.Callback(ctx, job.Args.Submission, Job{Attempt: job.Attempt, MaxAttempts: job.MaxAttempts})
}
