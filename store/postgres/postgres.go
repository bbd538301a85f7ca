// Package postgres is the scale-out backend of package store: PostgreSQL
// through pgx, shared by any number of servers and workers. Its migrations,
// and River's, run when it is opened.
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"

	"github.com/verdict-judge/verdict/store"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Open connects to the database at url (postgres://...), runs the
// migrations and returns the backend.
func Open(ctx context.Context, url string) (*Backend, error) {
	pool, err := pgxpool.New(ctx, url)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres: %w", err)
	}
	if err := migrate(ctx, pool); err != nil {
		pool.Close()
		return nil, err
	}
	return &Backend{pool: pool}, nil
}

func migrate(ctx context.Context, pool *pgxpool.Pool) error {
	db := stdlib.OpenDBFromPool(pool)
	defer db.Close()
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return err
	}
	p, err := goose.NewProvider(goose.DialectPostgres, db, sub)
	if err != nil {
		return fmt.Errorf("postgres: migrations: %w", err)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("postgres: migrations: %w", err)
	}
	m, err := rivermigrate.New(riverpgxv5.New(pool), nil)
	if err != nil {
		return fmt.Errorf("postgres: river migrations: %w", err)
	}
	if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("postgres: river migrations: %w", err)
	}
	return nil
}

// Backend is a PostgreSQL database.
type Backend struct{ pool *pgxpool.Pool }

var _ store.Backend = (*Backend)(nil)

// Pool returns the connection pool.
func (b *Backend) Pool() *pgxpool.Pool { return b.pool }

// Name implements store.Backend.
func (b *Backend) Name() string { return "postgres" }

// Raw returns the *pgxpool.Pool.
func (b *Backend) Raw() any { return b.pool }

// Close closes the pool.
func (b *Backend) Close() error { b.pool.Close(); return nil }

// Begin starts a transaction.
func (b *Backend) Begin(ctx context.Context) (store.Tx, error) {
	tx, err := b.pool.Begin(ctx)
	if err != nil {
		return nil, err
	}
	return &txn{q: q{tx}, tx: tx}, nil
}

// Exec implements store.Querier.
func (b *Backend) Exec(ctx context.Context, s string, args ...any) (int64, error) {
	return q{b.pool}.Exec(ctx, s, args...)
}

// Query implements store.Querier.
func (b *Backend) Query(ctx context.Context, s string, args ...any) (store.Rows, error) {
	return q{b.pool}.Query(ctx, s, args...)
}

// QueryRow implements store.Querier.
func (b *Backend) QueryRow(ctx context.Context, s string, args ...any) store.Row {
	return q{b.pool}.QueryRow(ctx, s, args...)
}

// placeholders rewrites ? placeholders as $1, $2... (the store's SQL has no
// ? anywhere else).
func placeholders(s string) string {
	if !strings.Contains(s, "?") {
		return s
	}
	var b strings.Builder
	n := 0
	for _, r := range s {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

type dbtx interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

type q struct{ d dbtx }

func (q q) Exec(ctx context.Context, s string, args ...any) (int64, error) {
	t, err := q.d.Exec(ctx, placeholders(s), args...)
	if err != nil {
		return 0, err
	}
	return t.RowsAffected(), nil
}

func (q q) Query(ctx context.Context, s string, args ...any) (store.Rows, error) {
	r, err := q.d.Query(ctx, placeholders(s), args...)
	if err != nil {
		return nil, err
	}
	return r, nil
}

func (q q) QueryRow(ctx context.Context, s string, args ...any) store.Row {
	return row{q.d.QueryRow(ctx, placeholders(s), args...)}
}

type row struct{ r pgx.Row }

func (r row) Scan(dest ...any) error {
	err := r.r.Scan(dest...)
	if errors.Is(err, pgx.ErrNoRows) {
		return store.ErrNotFound
	}
	return err
}

type txn struct {
	q
	tx pgx.Tx
}

func (t *txn) Raw() any                           { return t.tx }
func (t *txn) Commit(ctx context.Context) error   { return t.tx.Commit(ctx) }
func (t *txn) Rollback(ctx context.Context) error { return t.tx.Rollback(ctx) }
