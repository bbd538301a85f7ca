package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/verdict-judge/verdict/api"
	"github.com/verdict-judge/verdict/blob"
	"github.com/verdict-judge/verdict/demo"
	"github.com/verdict-judge/verdict/engine"
	"github.com/verdict-judge/verdict/queue"
	"github.com/verdict-judge/verdict/service"
	"github.com/verdict-judge/verdict/store"
	"github.com/verdict-judge/verdict/store/postgres"
	"github.com/verdict-judge/verdict/store/sqlite"
	"github.com/verdict-judge/verdict/web"
	"github.com/verdict-judge/verdict/worker"
)

// serviceFlags are the flags `verdict serve` and `verdict worker` share.
type serviceFlags struct {
	data, database, blobs, cache string
	workers                      int
	jobTimeout, rescueAfter      time.Duration
	langFiles                    languageFiles
	logJSON                      bool
}

func (f *serviceFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.data, "data", envOr("VERDICT_DATA", "/var/lib/verdict"), "the data directory (database, blobs, keys, caches)")
	fs.StringVar(&f.database, "database", os.Getenv("VERDICT_DATABASE"), "database URL: postgres://... or sqlite:PATH (default: SQLite in the data directory)")
	fs.StringVar(&f.blobs, "blobs", os.Getenv("VERDICT_BLOBS"), "blob store of problem packages: a directory, file:///DIR or s3://BUCKET?region=... (default: DATA/blobs)")
	fs.StringVar(&f.cache, "cache", defaultCacheDir(), "directory of the compile cache and warm toolchain caches")
	fs.IntVar(&f.workers, "workers", 2, "submissions judged at once in this process")
	fs.DurationVar(&f.jobTimeout, "job-timeout", 10*time.Minute, "the longest one judging may take")
	fs.DurationVar(&f.rescueAfter, "rescue-after", 0, "when a judging whose worker vanished is run again (default: job timeout + 1m)")
	fs.Var(&f.langFiles, "languages", "a languages file extending or overriding the built-in ones (repeatable)")
	fs.BoolVar(&f.logJSON, "log-json", false, "log JSON lines instead of text")
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// running is an open service: what serve and worker wire together.
type running struct {
	svc    *service.Service
	queue  queue.Queue
	compat *compat // the Judge0-compatible API's records and worker
	reg    *prometheus.Registry
	closer []func()
}

func (r *running) close() {
	for i := len(r.closer) - 1; i >= 0; i-- {
		r.closer[i]()
	}
}

// openStore opens the database a URL names.
func openStore(ctx context.Context, url, data string) (*store.Store, error) {
	switch {
	case url == "":
		return openSQLite(ctx, filepath.Join(data, "verdict.db"))
	case strings.HasPrefix(url, "postgres://"), strings.HasPrefix(url, "postgresql://"):
		b, err := postgres.Open(ctx, url)
		if err != nil {
			return nil, err
		}
		return store.New(b), nil
	case strings.HasPrefix(url, "sqlite:"):
		return openSQLite(ctx, strings.TrimPrefix(strings.TrimPrefix(url, "sqlite:"), "//"))
	}
	return nil, fmt.Errorf("--database %q: want postgres://... or sqlite:PATH", url)
}

func openSQLite(ctx context.Context, path string) (*store.Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	b, err := sqlite.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	return store.New(b), nil
}

// openService opens the database, the blob store, the judging engine and
// the queue (working with f.workers workers).
func openService(ctx context.Context, f *serviceFlags, boxes int, log *slog.Logger) (*running, error) {
	r := &running{reg: prometheus.NewRegistry()}
	ok := false
	defer func() {
		if !ok {
			r.close()
		}
	}()
	if err := os.MkdirAll(f.data, 0o700); err != nil {
		return nil, fmt.Errorf("data directory: %w", err)
	}
	st, err := openStore(ctx, f.database, f.data)
	if err != nil {
		return nil, err
	}
	r.closer = append(r.closer, func() { st.Close() })
	blobURL := f.blobs
	if blobURL == "" {
		blobURL = filepath.Join(f.data, "blobs")
	}
	bs, err := blob.Open(ctx, blobURL)
	if err != nil {
		return nil, err
	}
	r.closer = append(r.closer, func() { bs.Close() })
	eng, err := engine.New(ctx, engine.Config{LangFiles: f.langFiles, CacheDir: f.cache, Boxes: boxes,
		Warn: func(err error) { log.Warn("toolchain cache", "err", err) }})
	if err != nil {
		return nil, fmt.Errorf("sandbox: %w", err)
	}
	r.closer = append(r.closer, func() { eng.Close() })
	cache := &blob.Cache{Store: bs, Dir: filepath.Join(f.data, "cache", "blobs")}
	problems := &service.ProblemCache{Cache: cache, Dir: filepath.Join(f.data, "cache", "problems")}
	r.closer = append(r.closer, problems.Close)
	r.reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	r.svc = &service.Service{Store: st, Blobs: bs, Cache: cache, Engine: eng, Hub: service.NewHub(),
		Metrics: service.NewMetrics(r.reg), Log: log, Problems: problems}
	secret := os.Getenv("VERDICT_CALLBACK_SECRET")
	if secret == "" {
		if secret, err = st.Setting(ctx, "callback_secret", randomHex(32)); err != nil {
			return nil, err
		}
	}
	w := &worker.Worker{S: r.svc, CallbackSecret: []byte(secret)}
	r.compat = newCompat(st, eng, func() queue.Queue { return r.queue })
	q, err := queue.New(st.Backend(), queue.Config{Workers: f.workers, Handler: w, Judge0: r.compat.worker, JobTimeout: f.jobTimeout, RescueAfter: f.rescueAfter, Logger: log.With("component", "river")})
	if err != nil {
		return nil, err
	}
	r.svc.Queue, r.queue = q, q
	r.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "verdict_queue_depth", Help: "Submissions not yet judged."}, func() float64 {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		n, _ := st.Pending(ctx, "")
		return float64(n)
	}))
	ok = true
	return r, nil
}

// heartbeat records every 10 s, until ctx ends, that this process's
// workers are alive (for /readyz).
func heartbeat(ctx context.Context, st *store.Store, log *slog.Logger) {
	host, _ := os.Hostname()
	name := fmt.Sprintf("%s/%d", host, os.Getpid())
	go func() {
		t := time.NewTicker(10 * time.Second)
		defer t.Stop()
		for {
			if err := st.Heartbeat(ctx, name); err != nil && ctx.Err() == nil {
				log.Warn("heartbeat", "err", err)
			}
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
	}()
}

// ready reports whether the service can judge: the database answers and a
// worker (of any process) was alive in the last 30 s.
func ready(st *store.Store) func(ctx context.Context) error {
	return func(ctx context.Context) error {
		if err := st.Ping(ctx); err != nil {
			return fmt.Errorf("database: %w", err)
		}
		n, err := st.LiveWorkers(ctx, time.Now().Add(-30*time.Second))
		if err != nil {
			return err
		}
		if n == 0 {
			return errors.New("no worker has been seen in the last 30 s")
		}
		return nil
	}
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func newLogger(w io.Writer, json bool) *slog.Logger {
	if json {
		return slog.New(slog.NewJSONHandler(w, nil))
	}
	return slog.New(slog.NewTextHandler(w, nil))
}

// adminKey makes sure the admin key is known: VERDICT_ADMIN_KEY, or the key
// in DATA/admin.key, generated at first start.
func adminKey(ctx context.Context, st *store.Store, data string, log *slog.Logger) error {
	key := os.Getenv("VERDICT_ADMIN_KEY")
	if key == "" {
		path := filepath.Join(data, "admin.key")
		b, err := os.ReadFile(path)
		switch {
		case err == nil:
			key = strings.TrimSpace(string(b))
		case errors.Is(err, os.ErrNotExist):
			key = api.NewKey()
			if err := os.WriteFile(path, []byte(key+"\n"), 0o600); err != nil {
				return fmt.Errorf("admin key: %w", err)
			}
			log.Info("admin key generated", "file", path)
		default:
			return fmt.Errorf("admin key: %w", err)
		}
	}
	if len(key) < 16 {
		return errors.New("admin key: at least 16 characters")
	}
	return st.PutKey(ctx, &store.APIKey{Hash: api.HashKey(key), User: "admin", Role: api.RoleAdmin})
}

func isLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: verdict serve [flags]\n\nRuns the HTTP API, the web page and judging workers. With SQLite (the default) nothing else\nis needed; with --database postgres://... any number of `verdict serve` and `verdict worker`\nprocesses share the work.\n\nFlags:")
		fs.PrintDefaults()
	}
	var f serviceFlags
	f.register(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	anonymous := fs.Bool("anonymous", false, "let requests without an API key act as the user \"anonymous\" (default: on when listening on a loopback address)")
	rateLimit := fs.Float64("rate", 10, "submissions and runs per second per key (admin keys are not limited)")
	maxSource := fs.Int64("max-source", 64<<10, "the most bytes a submission's sources may have")
	maxPending := fs.Int("max-pending", 10000, "the most submissions waiting in all; beyond it submissions get 503")
	maxPendingUser := fs.Int("max-pending-per-key", 100, "the most submissions of one key waiting; beyond it 429")
	loadDemo := fs.Bool("demo", true, "load the demo problems on the first start")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "verdict serve: unexpected arguments %q\n", fs.Args())
		return 2
	}
	anonSet := false
	fs.Visit(func(fl *flag.Flag) { anonSet = anonSet || fl.Name == "anonymous" })
	if !anonSet {
		*anonymous = isLoopback(*addr)
	}
	log := newLogger(stderr, f.logJSON)
	r, err := openService(ctx, &f, 2*f.workers+2, log) // an interactive judging holds two boxes
	if err != nil {
		fmt.Fprintf(stderr, "verdict serve: %v\n", err)
		return 1
	}
	defer r.close()
	r.svc.Config = service.Config{MaxSource: *maxSource, MaxPending: *maxPending, MaxPendingPerUser: *maxPendingUser}
	if err := adminKey(ctx, r.svc.Store, f.data, log); err != nil {
		fmt.Fprintf(stderr, "verdict serve: %v\n", err)
		return 1
	}
	if *loadDemo {
		n, err := demo.Load(ctx, r.svc)
		if err != nil {
			fmt.Fprintf(stderr, "verdict serve: demo problems: %v\n", err)
			return 1
		}
		if n > 0 {
			log.Info("demo problems loaded", "count", n)
		}
	}
	srv := api.New(r.svc, api.Config{Anonymous: *anonymous, Rate: *rateLimit, Registry: r.reg, Web: web.Handler(), Ready: ready(r.svc.Store)})
	r.compat.mount(srv, f.workers, log)
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "verdict serve: %v\n", err)
		return 1
	}
	if f.workers > 0 {
		heartbeat(ctx, r.svc.Store, log)
	}
	// Not the signal context: on SIGTERM, queue.Stop lets running judgings
	// finish (within its grace period) before handing them back.
	if err := r.queue.Start(context.WithoutCancel(ctx)); err != nil {
		ln.Close()
		fmt.Fprintf(stderr, "verdict serve: queue: %v\n", err)
		return 1
	}
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute,
		BaseContext: func(net.Listener) context.Context { return context.WithoutCancel(ctx) }}
	hs.RegisterOnShutdown(srv.Shutdown)
	log.Info("serving", "addr", ln.Addr().String(), "database", r.svc.Store.Backend().Name(), "workers", f.workers, "anonymous", *anonymous)
	fmt.Fprintf(stdout, "verdict: serving on http://%s\n", ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		fmt.Fprintf(stderr, "verdict serve: %v\n", err)
		return 1
	case <-ctx.Done():
	}
	log.Info("shutting down: draining HTTP, finishing or handing back running judgings")
	sctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	done := make(chan struct{})
	go func() {
		if err := r.queue.Stop(sctx); err != nil {
			log.Warn("queue stop", "err", err)
		}
		close(done)
	}()
	if err := hs.Shutdown(sctx); err != nil {
		log.Warn("http shutdown", "err", err)
	}
	<-done
	return 0
}
