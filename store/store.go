// Package store keeps Verdict's records: submissions, problems, API keys and
// settings. One Store runs the same SQL on every backend (store/sqlite,
// store/postgres); a backend only opens the database, runs its migrations
// and passes queries through.
package store

import (
	"context"
	"errors"
	"time"

	"github.com/verdict-judge/verdict/judge"
)

// ErrNotFound is returned when a record does not exist.
var ErrNotFound = errors.New("not found")

// Submission statuses.
const (
	StatusQueued    = "queued"
	StatusCompiling = "compiling"
	StatusRunning   = "running"
	StatusDone      = "done"
)

// File is one source file of a submission.
type File struct {
	Name    string `json:"name"`
	Content string `json:"content"`
}

// Submission is one submission and, once judged, its result.
type Submission struct {
	ID       string
	Problem  string
	Language string
	// User is who submitted: an API key's user, or "anonymous".
	User string
	// Client is the anonymous browser's cookie id, or "".
	Client      string
	Status      string
	Verdict     string // "" until done
	Score       float64
	CreatedAt   time.Time
	FinishedAt  time.Time // zero until done
	TimeMs      float64   // the slowest test's CPU time
	MemoryKiB   int64     // the largest test's memory
	Files       []File
	CallbackURL string
	// Report is the judge's report; while running it holds the tests done
	// so far. Nil until compiling ends.
	Report *judge.Report
	// TestCount is the number of tests the problem has.
	TestCount int
	// TestsDone is the number of tests run so far.
	TestsDone int
	// Attempts counts the judgings started (retries after internal errors).
	Attempts int
	// Message is a judge error's explanation (shown to admins).
	Message string
}

// Problem is a problem known to the service: its package lives in the blob
// store under BlobKey; Info is what the API shows of it (JSON).
type Problem struct {
	ID        string
	Title     string
	Kind      string // stdio, interactive, function
	Type      string // pass-fail, scoring
	BlobKey   string
	Info      []byte
	CreatedAt time.Time
	UpdatedAt time.Time
}

// APIKey is an API key, stored by its hash.
type APIKey struct {
	Hash string
	User string
	Role string // admin, user
}

// Filter selects submissions to list.
type Filter struct {
	Problem, Language, Verdict, User, Client string
	// Before lists only submissions with an id below it (ids sort by time).
	Before string
	Limit  int
}

// Tx is a backend's transaction. Raw returns the driver's own transaction
// value (*sql.Tx, pgx.Tx) for the job queue to insert into.
type Tx interface {
	Querier
	Raw() any
	Commit(ctx context.Context) error
	Rollback(ctx context.Context) error
}

// Querier runs SQL written with ? placeholders.
type Querier interface {
	Exec(ctx context.Context, q string, args ...any) (int64, error)
	Query(ctx context.Context, q string, args ...any) (Rows, error)
	QueryRow(ctx context.Context, q string, args ...any) Row
}

// Rows iterates over a query's rows.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
	Close()
}

// Row is a single row; Scan returns ErrNotFound when there is none.
type Row interface {
	Scan(dest ...any) error
}

// Backend is a database: SQLite or PostgreSQL.
type Backend interface {
	Querier
	Begin(ctx context.Context) (Tx, error)
	// Name is "sqlite" or "postgres".
	Name() string
	// Raw returns the driver's own pool (*sql.DB, *pgxpool.Pool).
	Raw() any
	Close() error
}
