// Package sqlite is the embedded backend of package store: SQLite (pure Go,
// modernc.org/sqlite) in one file, one connection, write-ahead logging. Its
// migrations, and River's, run when it is opened.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"

	"github.com/pressly/goose/v3"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"
	_ "modernc.org/sqlite" // the database/sql driver "sqlite"

	"github.com/verdict-judge/verdict/store"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Open opens (creating it if needed) the database file at path, runs the
// migrations and returns the backend.
func Open(ctx context.Context, path string) (*Backend, error) {
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "busy_timeout(10000)", "synchronous(NORMAL)", "foreign_keys(1)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	// SQLite allows one writer at a time; River and the store share one
	// connection rather than fail with SQLITE_BUSY.
	db.SetMaxOpenConns(1)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	if err := migrate(ctx, db); err != nil {
		db.Close()
		return nil, err
	}
	return &Backend{db: db}, nil
}

func migrate(ctx context.Context, db *sql.DB) error {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return err
	}
	p, err := goose.NewProvider(goose.DialectSQLite3, db, sub)
	if err != nil {
		return fmt.Errorf("sqlite: migrations: %w", err)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("sqlite: migrations: %w", err)
	}
	m, err := rivermigrate.New(riversqlite.New(db), nil)
	if err != nil {
		return fmt.Errorf("sqlite: river migrations: %w", err)
	}
	if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("sqlite: river migrations: %w", err)
	}
	return nil
}

// Backend is a SQLite database.
type Backend struct{ db *sql.DB }

var _ store.Backend = (*Backend)(nil)

// DB returns the database.
func (b *Backend) DB() *sql.DB { return b.db }

// Name implements store.Backend.
func (b *Backend) Name() string { return "sqlite" }

// Raw returns the *sql.DB.
func (b *Backend) Raw() any { return b.db }

// Close closes the database.
func (b *Backend) Close() error { return b.db.Close() }

// Begin starts a transaction.
func (b *Backend) Begin(ctx context.Context) (store.Tx, error) {
	tx, err := b.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	return &txn{q: q{tx}, tx: tx}, nil
}

// Exec implements store.Querier.
func (b *Backend) Exec(ctx context.Context, s string, args ...any) (int64, error) {
	return q{b.db}.Exec(ctx, s, args...)
}

// Query implements store.Querier.
func (b *Backend) Query(ctx context.Context, s string, args ...any) (store.Rows, error) {
	return q{b.db}.Query(ctx, s, args...)
}

// QueryRow implements store.Querier.
func (b *Backend) QueryRow(ctx context.Context, s string, args ...any) store.Row {
	return q{b.db}.QueryRow(ctx, s, args...)
}

type dbtx interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

type q struct{ d dbtx }

func (q q) Exec(ctx context.Context, s string, args ...any) (int64, error) {
	r, err := q.d.ExecContext(ctx, s, args...)
	if err != nil {
		return 0, err
	}
	return r.RowsAffected()
}

func (q q) Query(ctx context.Context, s string, args ...any) (store.Rows, error) {
	r, err := q.d.QueryContext(ctx, s, args...)
	if err != nil {
		return nil, err
	}
	return rows{r}, nil
}

func (q q) QueryRow(ctx context.Context, s string, args ...any) store.Row {
	return row{q.d.QueryRowContext(ctx, s, args...)}
}

type rows struct{ *sql.Rows }

func (r rows) Close() { r.Rows.Close() }

type row struct{ r *sql.Row }

func (r row) Scan(dest ...any) error {
	err := r.r.Scan(dest...)
	if errors.Is(err, sql.ErrNoRows) {
		return store.ErrNotFound
	}
	return err
}

type txn struct {
	q
	tx *sql.Tx
}

func (t *txn) Raw() any                           { return t.tx }
func (t *txn) Commit(ctx context.Context) error   { return t.tx.Commit() }
func (t *txn) Rollback(ctx context.Context) error { return t.tx.Rollback() }
