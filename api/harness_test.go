package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/verdict-judge/verdict/api"
	"github.com/verdict-judge/verdict/blob"
	"github.com/verdict-judge/verdict/demo"
	"github.com/verdict-judge/verdict/engine"
	"github.com/verdict-judge/verdict/queue"
	"github.com/verdict-judge/verdict/sandbox"
	"github.com/verdict-judge/verdict/service"
	"github.com/verdict-judge/verdict/store"
	"github.com/verdict-judge/verdict/store/postgres"
	"github.com/verdict-judge/verdict/store/sqlite"
	"github.com/verdict-judge/verdict/worker"
)

func TestMain(m *testing.M) {
	sandbox.Main()
	os.Exit(m.Run())
}

const (
	adminKey       = "test-admin-key-0123456789"
	callbackSecret = "test-callback-secret"
)

// options change the test server.
type options struct {
	workers        int
	anonymous      bool
	rate           float64
	burst          int
	maxPending     int
	maxPendingUser int
	postgres       string // a database URL; "" is SQLite in a temporary directory
	data           string // the data directory; "" is a temporary one
}

// harness is a real server: SQLite (or PostgreSQL), the River queue, the
// sandbox and the judge, the demo problems loaded.
type harness struct {
	t     *testing.T
	url   string
	svc   *service.Service
	data  string
	dbURL string
	cl    *http.Client
}

func cacheDir(t *testing.T) string {
	// The command tests' cache (warm toolchains), shared.
	d := filepath.Join(os.TempDir(), "verdict-test-cache", "cli")
	if err := os.MkdirAll(d, 0o700); err != nil {
		t.Fatal(err)
	}
	return d
}

func start(t *testing.T, o options) *harness {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("the service needs the sandbox, which needs root")
	}
	ctx := context.Background()
	data := o.data
	if data == "" {
		data = t.TempDir()
	}
	var st *store.Store
	if o.postgres != "" {
		b, err := postgres.Open(ctx, o.postgres)
		if err != nil {
			t.Fatal(err)
		}
		st = store.New(b)
	} else {
		b, err := sqlite.Open(ctx, filepath.Join(data, "verdict.db"))
		if err != nil {
			t.Fatal(err)
		}
		st = store.New(b)
	}
	t.Cleanup(func() { st.Close() })
	bs, err := blob.Open(ctx, filepath.Join(data, "blobs"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { bs.Close() })
	log := slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
	eng, err := engine.New(ctx, engine.Config{CacheDir: cacheDir(t), Boxes: 2*o.workers + 2, Warn: func(err error) { t.Log(err) }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { eng.Close() })
	cache := &blob.Cache{Store: bs, Dir: filepath.Join(data, "cache", "blobs")}
	problems := &service.ProblemCache{Cache: cache, Dir: filepath.Join(data, "cache", "problems")}
	t.Cleanup(problems.Close)
	reg := prometheus.NewRegistry()
	svc := &service.Service{Store: st, Blobs: bs, Cache: cache, Engine: eng, Hub: service.NewHub(), Metrics: service.NewMetrics(reg),
		Log: log, Problems: problems, Config: service.Config{MaxPending: o.maxPending, MaxPendingPerUser: o.maxPendingUser}}
	w := &worker.Worker{S: svc, CallbackSecret: []byte(callbackSecret)}
	q, err := queue.New(st.Backend(), queue.Config{Workers: o.workers, Handler: w, Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	svc.Queue = q
	if _, err := demo.Load(ctx, svc); err != nil {
		t.Fatal(err)
	}
	if err := st.PutKey(ctx, &store.APIKey{Hash: api.HashKey(adminKey), User: "admin", Role: api.RoleAdmin}); err != nil {
		t.Fatal(err)
	}
	srv := api.New(svc, api.Config{Anonymous: o.anonymous, Rate: o.rate, Burst: o.burst, Registry: reg})
	hs := httptest.NewServer(srv.Handler())
	if err := q.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		hs.Close()
		c, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		q.Stop(c)
	})
	jar, _ := cookiejar.New(nil)
	return &harness{t: t, url: hs.URL, svc: svc, data: data, dbURL: o.postgres, cl: &http.Client{Jar: jar, Timeout: 120 * time.Second}}
}

type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// response is an answer: status, headers, body.
type response struct {
	status int
	header http.Header
	body   []byte
}

func (r *response) json(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("answer %d is not JSON: %v\n%s", r.status, err, r.body)
	}
}

func (r *response) obj(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	r.json(t, &m)
	return m
}

// errMessage returns the message of an error answer, checking its shape.
func (r *response) errMessage(t *testing.T) string {
	t.Helper()
	var e struct {
		Error struct{ Code, Message string }
	}
	r.json(t, &e)
	if e.Error.Code == "" || e.Error.Message == "" {
		t.Fatalf("error answer without code or message: %s", r.body)
	}
	return e.Error.Message
}

// do sends a request; key "" is anonymous, body a string or a value to
// encode.
func (h *harness) do(method, path, key string, body any, header ...string) *response {
	h.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	case []byte:
		rd = bytes.NewReader(b)
	default:
		data, err := json.Marshal(b)
		if err != nil {
			h.t.Fatal(err)
		}
		rd = bytes.NewReader(data)
	}
	req, err := http.NewRequest(method, h.url+path, rd)
	if err != nil {
		h.t.Fatal(err)
	}
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := h.cl.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		h.t.Fatal(err)
	}
	return &response{status: resp.StatusCode, header: resp.Header, body: data}
}

func (h *harness) want(r *response, status int) *response {
	h.t.Helper()
	if r.status != status {
		h.t.Fatalf("status %d, want %d: %s", r.status, status, r.body)
	}
	return r
}

// submission is the parts of a Submission the tests look at.
type submission struct {
	ID        string  `json:"id"`
	Status    string  `json:"status"`
	Verdict   string  `json:"verdict"`
	Score     float64 `json:"score"`
	User      string  `json:"user"`
	Source    string  `json:"source"`
	Message   string  `json:"message"`
	Stdout    string  `json:"stdout"`
	TestCount int     `json:"test_count"`
	Attempts  int     `json:"attempts"`
	Compile   *struct {
		OK     bool   `json:"ok"`
		Output string `json:"output"`
	} `json:"compile"`
	Tests []struct {
		Name     string  `json:"name"`
		Group    string  `json:"group"`
		Verdict  string  `json:"verdict"`
		Message  string  `json:"message"`
		Input    *string `json:"input"`
		Expected *string `json:"expected"`
		Output   *string `json:"output"`
	} `json:"tests"`
}

// submit posts a submission and waits for its verdict.
func (h *harness) submit(key, problem, language, source string) *submission {
	h.t.Helper()
	r := h.want(h.do("POST", "/api/v1/submissions?wait=true&timeout=60", key,
		map[string]string{"problem": problem, "language": language, "source": source}), http.StatusOK)
	var s submission
	r.json(h.t, &s)
	return &s
}

// waitDone polls a submission until it is done.
func (h *harness) waitDone(key, id string, within time.Duration) *submission {
	h.t.Helper()
	deadline := time.Now().Add(within)
	for {
		var s submission
		h.want(h.do("GET", "/api/v1/submissions/"+id, key, nil), http.StatusOK).json(h.t, &s)
		if s.Status == "done" {
			return &s
		}
		if time.Now().After(deadline) {
			h.t.Fatalf("submission %s not done after %v: %+v", id, within, s)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// postgresURL returns a fresh database on the test PostgreSQL server, or
// skips the test when there is none.
func postgresURL(t *testing.T) string {
	t.Helper()
	base := os.Getenv("VERDICT_TEST_POSTGRES")
	if base == "" {
		t.Skip("VERDICT_TEST_POSTGRES is not set: no PostgreSQL to test with (.ci/run starts one)")
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("VERDICT_TEST_POSTGRES: %v", err)
	}
	defer conn.Close(ctx)
	name := fmt.Sprintf("verdict_test_%d", time.Now().UnixNano())
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		c, err := pgx.Connect(ctx, base)
		if err != nil {
			return
		}
		defer c.Close(ctx)
		c.Exec(ctx, "DROP DATABASE "+name+" WITH (FORCE)")
	})
	cfg, err := pgx.ParseConfig(base)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("postgres://%s:%s@%s:%d/%s", cfg.User, cfg.Password, cfg.Host, cfg.Port, name)
}
