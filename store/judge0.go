package store

import (
	"context"
	"fmt"
	"time"
)

// Judge0Record is a submission made through the Judge0-compatible API:
// Data is the submission itself (JSON, written and read by compat/judge0);
// the other fields are what the API queries by.
type Judge0Record struct {
	Token     string
	StatusID  int
	CreatedAt time.Time
	Data      []byte
}

// Judge0 statuses below this one are not finished (In Queue, Processing).
const judge0FirstFinal = 3

// CreateJudge0 records new Judge0 submissions and, in the same
// transaction, runs enqueue for each (which inserts its job): all are
// written or none.
func (s *Store) CreateJudge0(ctx context.Context, recs []*Judge0Record, enqueue func(tx Tx, r *Judge0Record) error) error {
	return s.InTx(ctx, func(tx Tx) error {
		for _, r := range recs {
			if _, err := tx.Exec(ctx, `INSERT INTO judge0_submissions (token, status_id, created_ms, data) VALUES (?, ?, ?, ?)`,
				r.Token, r.StatusID, ms(r.CreatedAt), string(r.Data)); err != nil {
				return fmt.Errorf("store: judge0 submission: %w", err)
			}
			if err := enqueue(tx, r); err != nil {
				return err
			}
		}
		return nil
	})
}

// Judge0 returns a Judge0 submission by token.
func (s *Store) Judge0(ctx context.Context, token string) (*Judge0Record, error) {
	r := &Judge0Record{}
	var created int64
	var data string
	err := s.b.QueryRow(ctx, `SELECT token, status_id, created_ms, data FROM judge0_submissions WHERE token = ?`, token).
		Scan(&r.Token, &r.StatusID, &created, &data)
	if err != nil {
		return nil, fmt.Errorf("store: judge0 submission %s: %w", token, err)
	}
	r.CreatedAt, r.Data = fromMs(created), []byte(data)
	return r, nil
}

// Judge0List returns Judge0 submissions newest first, and their total.
func (s *Store) Judge0List(ctx context.Context, offset, limit int) ([]*Judge0Record, int, error) {
	var total int
	if err := s.b.QueryRow(ctx, `SELECT COUNT(*) FROM judge0_submissions`).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("store: judge0 submissions: %w", err)
	}
	rows, err := s.b.Query(ctx, `SELECT token, status_id, created_ms, data FROM judge0_submissions
 ORDER BY created_ms DESC, token DESC LIMIT ? OFFSET ?`, limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("store: judge0 submissions: %w", err)
	}
	defer rows.Close()
	var out []*Judge0Record
	for rows.Next() {
		r := &Judge0Record{}
		var created int64
		var data string
		if err := rows.Scan(&r.Token, &r.StatusID, &created, &data); err != nil {
			return nil, 0, fmt.Errorf("store: judge0 submissions: %w", err)
		}
		r.CreatedAt, r.Data = fromMs(created), []byte(data)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("store: judge0 submissions: %w", err)
	}
	return out, total, nil
}

// SaveJudge0 writes a Judge0 submission's new state and, in the same
// transaction, runs then when it is not nil (which may insert a job).
func (s *Store) SaveJudge0(ctx context.Context, r *Judge0Record, then func(tx Tx) error) error {
	return s.InTx(ctx, func(tx Tx) error {
		n, err := tx.Exec(ctx, `UPDATE judge0_submissions SET status_id = ?, data = ? WHERE token = ?`, r.StatusID, string(r.Data), r.Token)
		if err != nil {
			return fmt.Errorf("store: judge0 submission %s: %w", r.Token, err)
		}
		if n == 0 {
			return fmt.Errorf("store: judge0 submission %s: %w", r.Token, ErrNotFound)
		}
		if then != nil {
			return then(tx)
		}
		return nil
	})
}

// DeleteJudge0 removes a Judge0 submission.
func (s *Store) DeleteJudge0(ctx context.Context, token string) error {
	if _, err := s.b.Exec(ctx, `DELETE FROM judge0_submissions WHERE token = ?`, token); err != nil {
		return fmt.Errorf("store: judge0 submission %s: %w", token, err)
	}
	return nil
}

// PendingJudge0 counts the Judge0 submissions not yet finished.
func (s *Store) PendingJudge0(ctx context.Context) (int, error) {
	var n int
	if err := s.b.QueryRow(ctx, `SELECT COUNT(*) FROM judge0_submissions WHERE status_id < ?`, judge0FirstFinal).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: judge0 submissions: %w", err)
	}
	return n, nil
}

// ProcessingJudge0 counts the Judge0 submissions being run.
func (s *Store) ProcessingJudge0(ctx context.Context) (int, error) {
	var n int
	if err := s.b.QueryRow(ctx, `SELECT COUNT(*) FROM judge0_submissions WHERE status_id = ?`, judge0FirstFinal-1).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: judge0 submissions: %w", err)
	}
	return n, nil
}
