package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/verdict-judge/verdict/judge"
)

// Store is Verdict's records on one backend.
type Store struct {
	b Backend
}

// New returns a Store over a backend whose migrations have run.
func New(b Backend) *Store { return &Store{b: b} }

// Backend returns the store's backend.
func (s *Store) Backend() Backend { return s.b }

// Close closes the backend.
func (s *Store) Close() error { return s.b.Close() }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error {
	var n int
	return s.b.QueryRow(ctx, "SELECT 1").Scan(&n)
}

func ms(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

func fromMs(v int64) time.Time {
	if v == 0 {
		return time.Time{}
	}
	return time.UnixMilli(v).UTC()
}

// InTx runs f in a transaction, committed when f returns nil.
func (s *Store) InTx(ctx context.Context, f func(tx Tx) error) error {
	tx, err := s.b.Begin(ctx)
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	if err := f(tx); err != nil {
		tx.Rollback(context.WithoutCancel(ctx))
		return err
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	return nil
}

const subColumns = `id, problem, language, user_name, client, status, verdict, score, created_ms,
 finished_ms, time_ms, memory_kib, files, callback_url, report, test_count, tests_done, attempts, message`

// CreateSubmission records a new submission and, in the same transaction,
// runs enqueue (which inserts its job): both are written or neither.
func (s *Store) CreateSubmission(ctx context.Context, sub *Submission, enqueue func(tx Tx) error) error {
	files, err := json.Marshal(sub.Files)
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	if sub.Status == "" {
		sub.Status = StatusQueued
	}
	return s.InTx(ctx, func(tx Tx) error {
		_, err := tx.Exec(ctx, `INSERT INTO submissions (id, problem, language, user_name, client, status,
 created_ms, files, callback_url, test_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			sub.ID, sub.Problem, sub.Language, sub.User, sub.Client, sub.Status, ms(sub.CreatedAt),
			string(files), sub.CallbackURL, sub.TestCount)
		if err != nil {
			return fmt.Errorf("store: insert submission %s: %w", sub.ID, err)
		}
		if enqueue != nil {
			if err := enqueue(tx); err != nil {
				return fmt.Errorf("store: enqueue submission %s: %w", sub.ID, err)
			}
		}
		return nil
	})
}

func scanSubmission(r interface{ Scan(...any) error }) (*Submission, error) {
	var sub Submission
	var created, finished int64
	var files, report string
	err := r.Scan(&sub.ID, &sub.Problem, &sub.Language, &sub.User, &sub.Client, &sub.Status, &sub.Verdict,
		&sub.Score, &created, &finished, &sub.TimeMs, &sub.MemoryKiB, &files, &sub.CallbackURL, &report,
		&sub.TestCount, &sub.TestsDone, &sub.Attempts, &sub.Message)
	if err != nil {
		return nil, err
	}
	sub.CreatedAt, sub.FinishedAt = fromMs(created), fromMs(finished)
	if err := json.Unmarshal([]byte(files), &sub.Files); err != nil {
		return nil, fmt.Errorf("store: submission %s: files: %w", sub.ID, err)
	}
	if report != "" {
		sub.Report = new(judge.Report)
		if err := json.Unmarshal([]byte(report), sub.Report); err != nil {
			return nil, fmt.Errorf("store: submission %s: report: %w", sub.ID, err)
		}
	}
	return &sub, nil
}

// Submission returns one submission.
func (s *Store) Submission(ctx context.Context, id string) (*Submission, error) {
	sub, err := scanSubmission(s.b.QueryRow(ctx, "SELECT "+subColumns+" FROM submissions WHERE id = ?", id))
	if err != nil {
		return nil, fmt.Errorf("store: submission %s: %w", id, err)
	}
	return sub, nil
}

// Submissions lists submissions matching f, newest first.
func (s *Store) Submissions(ctx context.Context, f Filter) ([]*Submission, error) {
	var where []string
	var args []any
	add := func(col, v string) {
		if v != "" {
			where = append(where, col+" = ?")
			args = append(args, v)
		}
	}
	add("problem", f.Problem)
	add("language", f.Language)
	add("verdict", f.Verdict)
	add("user_name", f.User)
	add("client", f.Client)
	if f.Before != "" {
		where = append(where, "id < ?")
		args = append(args, f.Before)
	}
	q := "SELECT " + subColumns + " FROM submissions"
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 50
	}
	q += fmt.Sprintf(" ORDER BY id DESC LIMIT %d", limit)
	rows, err := s.b.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: list submissions: %w", err)
	}
	defer rows.Close()
	var out []*Submission
	for rows.Next() {
		sub, err := scanSubmission(rows)
		if err != nil {
			return nil, fmt.Errorf("store: list submissions: %w", err)
		}
		out = append(out, sub)
	}
	return out, rows.Err()
}

// StartJudging marks a submission as being compiled and counts the
// attempt. It returns the submission; done submissions are returned as they
// are (a job run again after its result was written).
func (s *Store) StartJudging(ctx context.Context, id string) (*Submission, error) {
	if _, err := s.b.Exec(ctx, `UPDATE submissions SET status = ?, attempts = attempts + 1, tests_done = 0, report = ''
 WHERE id = ? AND status <> ?`, StatusCompiling, id, StatusDone); err != nil {
		return nil, fmt.Errorf("store: start judging %s: %w", id, err)
	}
	return s.Submission(ctx, id)
}

// Progress records how far a judging has got; report holds the tests done
// so far (nil keeps the stored one).
func (s *Store) Progress(ctx context.Context, id, status string, testsDone, testCount int, report *judge.Report) error {
	q := "UPDATE submissions SET status = ?, tests_done = ?, test_count = ?"
	args := []any{status, testsDone, testCount}
	if report != nil {
		b, err := json.Marshal(report)
		if err != nil {
			return fmt.Errorf("store: %w", err)
		}
		q += ", report = ?"
		args = append(args, string(b))
	}
	q += " WHERE id = ? AND status <> ?"
	args = append(args, id, StatusDone)
	if _, err := s.b.Exec(ctx, q, args...); err != nil {
		return fmt.Errorf("store: progress of %s: %w", id, err)
	}
	return nil
}

// Finish writes a submission's result (Verdict, Score, TimeMs, MemoryKiB,
// Report, TestCount, Message; FinishedAt is set) and, in the same
// transaction, runs then (which may insert a callback job). It reports
// false when the submission was already done.
func (s *Store) Finish(ctx context.Context, sub *Submission, then func(tx Tx) error) (bool, error) {
	var report []byte
	if sub.Report != nil {
		var err error
		if report, err = json.Marshal(sub.Report); err != nil {
			return false, fmt.Errorf("store: %w", err)
		}
	}
	if sub.FinishedAt.IsZero() {
		sub.FinishedAt = time.Now().UTC()
	}
	sub.Status = StatusDone
	done := false
	err := s.InTx(ctx, func(tx Tx) error {
		n, err := tx.Exec(ctx, `UPDATE submissions SET status = ?, verdict = ?, score = ?, finished_ms = ?, time_ms = ?,
 memory_kib = ?, report = ?, test_count = ?, tests_done = ?, message = ? WHERE id = ? AND status <> ?`,
			StatusDone, sub.Verdict, sub.Score, ms(sub.FinishedAt), sub.TimeMs, sub.MemoryKiB, string(report),
			sub.TestCount, sub.TestsDone, sub.Message, sub.ID, StatusDone)
		if err != nil {
			return fmt.Errorf("store: finish %s: %w", sub.ID, err)
		}
		if n == 0 {
			return nil
		}
		done = true
		if then != nil {
			return then(tx)
		}
		return nil
	})
	return done, err
}

// Pending counts the submissions not yet done: of one user, or of everyone
// when user is "".
func (s *Store) Pending(ctx context.Context, user string) (int, error) {
	q := "SELECT COUNT(*) FROM submissions WHERE status <> ?"
	args := []any{StatusDone}
	if user != "" {
		q += " AND user_name = ?"
		args = append(args, user)
	}
	var n int
	if err := s.b.QueryRow(ctx, q, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: pending: %w", err)
	}
	return n, nil
}

// ProblemStatus returns, for each problem a user (or an anonymous client)
// submitted to, "solved" or "tried".
func (s *Store) ProblemStatus(ctx context.Context, user, client string) (map[string]string, error) {
	q := "SELECT problem, MAX(CASE WHEN verdict = 'AC' THEN 1 ELSE 0 END) FROM submissions WHERE user_name = ?"
	args := []any{user}
	if client != "" {
		q += " AND client = ?"
		args = append(args, client)
	}
	q += " GROUP BY problem"
	rows, err := s.b.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: problem status: %w", err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var p string
		var ac int
		if err := rows.Scan(&p, &ac); err != nil {
			return nil, fmt.Errorf("store: problem status: %w", err)
		}
		out[p] = "tried"
		if ac == 1 {
			out[p] = "solved"
		}
	}
	return out, rows.Err()
}

// Accepted returns the time (ms) and memory (KiB) of a problem's accepted
// submissions.
func (s *Store) Accepted(ctx context.Context, problem string) (timeMs []float64, memKiB []int64, err error) {
	rows, err := s.b.Query(ctx, "SELECT time_ms, memory_kib FROM submissions WHERE problem = ? AND verdict = 'AC'", problem)
	if err != nil {
		return nil, nil, fmt.Errorf("store: accepted: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var t float64
		var m int64
		if err := rows.Scan(&t, &m); err != nil {
			return nil, nil, fmt.Errorf("store: accepted: %w", err)
		}
		timeMs, memKiB = append(timeMs, t), append(memKiB, m)
	}
	return timeMs, memKiB, rows.Err()
}

// PutProblem creates or replaces a problem.
func (s *Store) PutProblem(ctx context.Context, p *Problem) error {
	now := time.Now().UTC()
	if p.CreatedAt.IsZero() {
		p.CreatedAt = now
	}
	p.UpdatedAt = now
	_, err := s.b.Exec(ctx, `INSERT INTO problems (id, title, kind, type, blob_key, info, created_ms, updated_ms)
 VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET title = excluded.title, kind = excluded.kind,
 type = excluded.type, blob_key = excluded.blob_key, info = excluded.info, updated_ms = excluded.updated_ms`,
		p.ID, p.Title, p.Kind, p.Type, p.BlobKey, string(p.Info), ms(p.CreatedAt), ms(p.UpdatedAt))
	if err != nil {
		return fmt.Errorf("store: put problem %s: %w", p.ID, err)
	}
	return nil
}

const problemColumns = "id, title, kind, type, blob_key, info, created_ms, updated_ms"

func scanProblem(r interface{ Scan(...any) error }) (*Problem, error) {
	var p Problem
	var info string
	var c, u int64
	if err := r.Scan(&p.ID, &p.Title, &p.Kind, &p.Type, &p.BlobKey, &info, &c, &u); err != nil {
		return nil, err
	}
	p.Info, p.CreatedAt, p.UpdatedAt = []byte(info), fromMs(c), fromMs(u)
	return &p, nil
}

// Problem returns one problem.
func (s *Store) Problem(ctx context.Context, id string) (*Problem, error) {
	p, err := scanProblem(s.b.QueryRow(ctx, "SELECT "+problemColumns+" FROM problems WHERE id = ?", id))
	if err != nil {
		return nil, fmt.Errorf("store: problem %s: %w", id, err)
	}
	return p, nil
}

// Problems lists every problem, by id.
func (s *Store) Problems(ctx context.Context) ([]*Problem, error) {
	rows, err := s.b.Query(ctx, "SELECT "+problemColumns+" FROM problems ORDER BY id")
	if err != nil {
		return nil, fmt.Errorf("store: problems: %w", err)
	}
	defer rows.Close()
	var out []*Problem
	for rows.Next() {
		p, err := scanProblem(rows)
		if err != nil {
			return nil, fmt.Errorf("store: problems: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// DeleteProblem removes a problem; ErrNotFound when there was none.
func (s *Store) DeleteProblem(ctx context.Context, id string) error {
	n, err := s.b.Exec(ctx, "DELETE FROM problems WHERE id = ?", id)
	if err != nil {
		return fmt.Errorf("store: delete problem %s: %w", id, err)
	}
	if n == 0 {
		return fmt.Errorf("store: problem %s: %w", id, ErrNotFound)
	}
	return nil
}

// PutKey records an API key (by its hash).
func (s *Store) PutKey(ctx context.Context, k *APIKey) error {
	_, err := s.b.Exec(ctx, `INSERT INTO api_keys (hash, user_name, role, created_ms) VALUES (?, ?, ?, ?)
 ON CONFLICT (hash) DO UPDATE SET user_name = excluded.user_name, role = excluded.role`,
		k.Hash, k.User, k.Role, ms(time.Now()))
	if err != nil {
		return fmt.Errorf("store: put key: %w", err)
	}
	return nil
}

// Key returns the API key with the given hash.
func (s *Store) Key(ctx context.Context, hash string) (*APIKey, error) {
	var k APIKey
	err := s.b.QueryRow(ctx, "SELECT hash, user_name, role FROM api_keys WHERE hash = ?", hash).Scan(&k.Hash, &k.User, &k.Role)
	if err != nil {
		return nil, fmt.Errorf("store: key: %w", err)
	}
	return &k, nil
}

// Setting returns a setting's value, setting it to def first when it has
// none (so that every process sharing the database agrees on it).
func (s *Store) Setting(ctx context.Context, name, def string) (string, error) {
	if _, err := s.b.Exec(ctx, "INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING", name, def); err != nil {
		return "", fmt.Errorf("store: setting %s: %w", name, err)
	}
	var v string
	if err := s.b.QueryRow(ctx, "SELECT value FROM settings WHERE name = ?", name).Scan(&v); err != nil {
		return "", fmt.Errorf("store: setting %s: %w", name, err)
	}
	return v, nil
}

// IsNotFound reports whether err means a record does not exist.
func IsNotFound(err error) bool { return errors.Is(err, ErrNotFound) }

// SetSetting sets a setting's value.
func (s *Store) SetSetting(ctx context.Context, name, value string) error {
	_, err := s.b.Exec(ctx, "INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value", name, value)
	if err != nil {
		return fmt.Errorf("store: setting %s: %w", name, err)
	}
	return nil
}

// Heartbeat records that a worker (by a name unique to its process) is
// alive now.
func (s *Store) Heartbeat(ctx context.Context, worker string) error {
	return s.SetSetting(ctx, "worker:"+worker, fmt.Sprint(time.Now().UnixMilli()))
}

// LiveWorkers counts the workers whose last heartbeat is after since.
func (s *Store) LiveWorkers(ctx context.Context, since time.Time) (int, error) {
	rows, err := s.b.Query(ctx, "SELECT value FROM settings WHERE name LIKE 'worker:%'")
	if err != nil {
		return 0, fmt.Errorf("store: workers: %w", err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return 0, fmt.Errorf("store: workers: %w", err)
		}
		var t int64
		if _, err := fmt.Sscan(v, &t); err == nil && t > since.UnixMilli() {
			n++
		}
	}
	return n, rows.Err()
}
