package main

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/verdict-judge/verdict/api"
	"github.com/verdict-judge/verdict/compat/judge0"
	"github.com/verdict-judge/verdict/compat/piston"
	"github.com/verdict-judge/verdict/engine"
	"github.com/verdict-judge/verdict/judge"
	"github.com/verdict-judge/verdict/lang"
	"github.com/verdict-judge/verdict/queue"
	"github.com/verdict-judge/verdict/service"
	"github.com/verdict-judge/verdict/store"
)

// engineRunner runs code on this process's engine, for the compatible
// APIs.
type engineRunner struct{ e *engine.Engine }

func (r engineRunner) Languages() []*lang.Language { return r.e.Available }
func (r engineRunner) RunCode(ctx context.Context, c *judge.CodeRun) (*judge.CodeResult, error) {
	return r.e.Judge.RunCode(ctx, c)
}

// compat is the Judge0 side of a running service: its records in the
// store, queued on the service's queue, and the worker that runs them.
type compat struct {
	records *judge0.Records
	worker  *judge0.Worker
	langs   *judge0.Languages
	runner  engineRunner
}

// newCompat sets up the Judge0 records and worker; q returns the queue,
// which is made after the worker (it needs it).
func newCompat(st *store.Store, eng *engine.Engine, q func() queue.Queue) *compat {
	c := &compat{langs: judge0.NewLanguages(eng.Available), runner: engineRunner{eng}}
	c.records = &judge0.Records{
		DB: st,
		Enqueue: func(ctx context.Context, tx store.Tx, token string) error {
			return q().InsertJudge0(ctx, tx, token)
		},
		EnqueueCallback: func(ctx context.Context, tx store.Tx, token string) error {
			return q().InsertJudge0Callback(ctx, tx, token)
		},
	}
	maxExtract := int64(judge0.DefaultConfig.MaxExtractSize) << 10
	c.worker = &judge0.Worker{Records: c.records, Runner: c.runner, Langs: c.langs, MaxExtract: maxExtract}
	return c
}

// mount serves the Judge0 API under /judge0/ and the Piston API at
// /api/v2/ on the service's server, with its keys (Judge0's X-Auth-Token
// header carries one too), its anonymous access and its rate limits.
func (c *compat) mount(srv *api.Server, workers int, log *slog.Logger) {
	access := func(r *http.Request) (bool, bool) {
		caller, err := srv.Authenticate(discard{}, withKey(r))
		if err != nil {
			return false, false
		}
		return true, caller.Admin()
	}
	j0 := judge0.NewHandler(c.records, c.langs, judge0.DefaultConfig, access, log.With("api", "judge0"))
	j0.Workers = func() (int, int) {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		busy, err := c.records.DB.ProcessingJudge0(ctx)
		if err != nil {
			log.Warn("judge0 workers", "err", err)
		}
		return workers, min(busy, workers)
	}
	// Judge0 answers a caller it does not know itself (401, empty body).
	srv.Handle("/judge0/", http.StripPrefix("/judge0", gate(srv, j0, "error", false)))
	ps := piston.NewHandler(c.runner, piston.Config{}, log.With("api", "piston"))
	srv.Handle("/api/v2/", gate(srv, ps, "message", true))
}

// withKey returns r with Judge0's X-Auth-Token header as the service's
// key, when it carries no other key.
func withKey(r *http.Request) *http.Request {
	tok := r.Header.Get("X-Auth-Token")
	if tok == "" || r.Header.Get("Authorization") != "" || r.Header.Get("X-API-Key") != "" {
		return r
	}
	r = r.Clone(r.Context())
	r.Header.Set("X-API-Key", tok)
	return r
}

// gate lets a compatible API's requests in as the service would: with the
// caller authenticated once, refused (401) when required and unknown
// (Piston has no keys of its own: anonymous callers where the service
// allows them, and keys), and rate-limited on the requests that run code
// (POST): 429 with Retry-After in the API's own error shape ({key:
// message}).
func gate(srv *api.Server, h http.Handler, key string, required bool) http.Handler {
	answer := func(w http.ResponseWriter, status int, msg string) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(status)
		json.NewEncoder(w).Encode(map[string]string{key: msg})
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		caller, err := srv.Authenticate(w, withKey(r))
		if err != nil {
			if required {
				answer(w, http.StatusUnauthorized, "unauthorized: give an API key (Authorization: Bearer KEY)")
				return
			}
		} else if r.Method == http.MethodPost {
			if err := srv.Allow(r, caller); err != nil {
				if e, ok := service.AsError(err); ok && e.RetryAfter > 0 {
					w.Header().Set("Retry-After", strconv.Itoa(int((e.RetryAfter+time.Second-1)/time.Second)))
				}
				answer(w, http.StatusTooManyRequests, "too many requests; slow down")
				return
			}
		}
		h.ServeHTTP(w, r)
	})
}

// discard is a ResponseWriter for authentication checks whose cookie is
// not wanted.
type discard struct{}

func (discard) Header() http.Header         { return http.Header{} }
func (discard) Write(b []byte) (int, error) { return len(b), nil }
func (discard) WriteHeader(int)             {}
