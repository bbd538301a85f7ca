// Package api is Verdict's native HTTP API (docs/API.md): submissions,
// their events, runs, raw execution, problems, languages, health, metrics
// and the OpenAPI document. Handlers decode and check the request, call
// package service, and encode its answer; bad input of any kind is a 4xx
// that says what is wrong.
package api

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"golang.org/x/time/rate"

	"github.com/verdict-judge/verdict/service"
	"github.com/verdict-judge/verdict/store"
)

// Roles of API keys.
const (
	RoleAdmin  = "admin"
	RoleUser   = "user"
	RoleWorker = "worker"
)

// Config configures a Server.
type Config struct {
	// Anonymous lets requests without a key act as the user "anonymous".
	Anonymous bool
	// Rate and Burst limit each key's (or anonymous client's) submissions
	// and runs per second (default 10 and 20). Admin keys are not limited.
	Rate  float64
	Burst int
	// Registry gathers the metrics served at /metrics.
	Registry *prometheus.Registry
	// Web serves the web page at /, when set.
	Web http.Handler
	// Ready reports whether the service can judge (for /readyz); nil: the
	// database answers.
	Ready func(ctx context.Context) error
}

// Server serves the API.
type Server struct {
	S   *service.Service
	cfg Config
	log *slog.Logger
	mux *http.ServeMux

	mu       sync.Mutex
	limiters map[string]*limiter
	keys     map[string]cachedKey

	// stop ends event streams and waits when the server shuts down.
	stop     chan struct{}
	stopOnce sync.Once
}

// cachedKey is a key looked up recently (keys are checked on every request;
// the cache spares the database).
type cachedKey struct {
	key     *store.APIKey
	expires time.Time
}

// keyCacheTTL is how long a looked-up key is trusted without asking the
// database again.
const keyCacheTTL = 30 * time.Second

// Shutdown ends the event streams and waits in progress, so that an HTTP
// server's Shutdown need not wait for them (register it with
// http.Server.RegisterOnShutdown).
func (s *Server) Shutdown() { s.stopOnce.Do(func() { close(s.stop) }) }

// untilShutdown returns a context that ends with the request or when the
// server shuts down.
func (s *Server) untilShutdown(ctx context.Context) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(ctx)
	go func() {
		select {
		case <-s.stop:
			cancel()
		case <-ctx.Done():
		}
	}()
	return ctx, cancel
}

type limiter struct {
	l    *rate.Limiter
	seen time.Time
}

// New returns the API server.
func New(s *service.Service, cfg Config) *Server {
	if cfg.Rate <= 0 {
		cfg.Rate = 10
	}
	if cfg.Burst <= 0 {
		cfg.Burst = 20
	}
	srv := &Server{S: s, cfg: cfg, log: s.Log, mux: http.NewServeMux(), limiters: map[string]*limiter{},
		keys: map[string]cachedKey{}, stop: make(chan struct{})}
	srv.routes()
	return srv
}

// Handler returns the server's handler. Extra routes (compatibility APIs)
// may be added with Handle before it serves.
func (s *Server) Handler() http.Handler { return s.mux }

// Handle adds a route (a ServeMux pattern).
func (s *Server) Handle(pattern string, h http.Handler) { s.mux.Handle(pattern, h) }

func (s *Server) routes() {
	m := s.mux
	m.HandleFunc("POST /api/v1/submissions", s.auth(s.postSubmission))
	m.HandleFunc("GET /api/v1/submissions", s.auth(s.listSubmissions))
	m.HandleFunc("GET /api/v1/submissions/{id}", s.auth(s.getSubmission))
	m.HandleFunc("GET /api/v1/submissions/{id}/events", s.auth(s.events))
	m.HandleFunc("POST /api/v1/runs", s.auth(s.postRun))
	m.HandleFunc("POST /api/v1/exec", s.auth(s.postExec))
	m.HandleFunc("GET /api/v1/problems", s.auth(s.listProblems))
	m.HandleFunc("POST /api/v1/problems", s.auth(s.importProblem))
	m.HandleFunc("GET /api/v1/problems/{id}", s.auth(s.getProblem))
	m.HandleFunc("PUT /api/v1/problems/{id}", s.auth(s.updateProblem))
	m.HandleFunc("DELETE /api/v1/problems/{id}", s.auth(s.deleteProblem))
	m.HandleFunc("GET /api/v1/problems/{id}/stats", s.auth(s.problemStats))
	m.HandleFunc("GET /api/v1/languages", s.languages)
	m.HandleFunc("POST /api/v1/keys", s.auth(s.createKey))
	m.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		s.WriteError(w, r, &service.Error{Kind: service.NotFound, Message: "no such endpoint: " + r.Method + " " + r.URL.Path})
	})
	m.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		WriteJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	m.HandleFunc("GET /readyz", s.readyz)
	if s.cfg.Registry != nil {
		m.Handle("GET /metrics", promhttp.HandlerFor(s.cfg.Registry, promhttp.HandlerOpts{}))
	}
	m.HandleFunc("GET /openapi.json", s.openapi)
	m.HandleFunc("GET /docs", s.docs)
	if s.cfg.Web != nil {
		m.Handle("/", s.cfg.Web)
	}
}

// Caller is who makes a request.
type Caller struct {
	User string
	Role string
	// Client is an anonymous caller's cookie id.
	Client string
	// Anonymous is set for requests without a key.
	Anonymous bool
}

// Admin reports whether the caller is an admin.
func (c *Caller) Admin() bool { return c.Role == RoleAdmin }

type callerKey struct{}

// CallerOf returns the caller of a request that went through the server's
// authentication.
func CallerOf(r *http.Request) *Caller {
	c, _ := r.Context().Value(callerKey{}).(*Caller)
	return c
}

// HashKey returns how an API key is stored.
func HashKey(key string) string {
	h := sha256.Sum256([]byte(key))
	return hex.EncodeToString(h[:])
}

// NewKey returns a new random API key.
func NewKey() string {
	var b [24]byte
	rand.Read(b[:])
	return "vk_" + hex.EncodeToString(b[:])
}

const clientCookie = "verdict_client"

// Authenticate finds the caller of a request: by its key, or anonymous
// (with a client cookie, set when missing) when the server allows it.
func (s *Server) Authenticate(w http.ResponseWriter, r *http.Request) (*Caller, error) {
	key := r.Header.Get("X-API-Key")
	if a := r.Header.Get("Authorization"); a != "" {
		k, ok := strings.CutPrefix(a, "Bearer ")
		if !ok {
			return nil, &service.Error{Kind: service.Forbidden, Message: "Authorization: use Bearer KEY"}
		}
		key = strings.TrimSpace(k)
	}
	if key != "" {
		k, err := s.lookupKey(r.Context(), HashKey(key))
		if store.IsNotFound(err) {
			return nil, errUnauthorized
		}
		if err != nil {
			return nil, err
		}
		return &Caller{User: k.User, Role: k.Role}, nil
	}
	if !s.cfg.Anonymous {
		return nil, errUnauthorized
	}
	c := &Caller{User: "anonymous", Role: RoleUser, Anonymous: true}
	if ck, err := r.Cookie(clientCookie); err == nil && validClient(ck.Value) {
		c.Client = ck.Value
	} else {
		var b [16]byte
		rand.Read(b[:])
		c.Client = hex.EncodeToString(b[:])
		http.SetCookie(w, &http.Cookie{Name: clientCookie, Value: c.Client, Path: "/", MaxAge: 365 * 24 * 3600,
			HttpOnly: true, SameSite: http.SameSiteLaxMode})
	}
	return c, nil
}

func (s *Server) lookupKey(ctx context.Context, hash string) (*store.APIKey, error) {
	now := time.Now()
	s.mu.Lock()
	c, ok := s.keys[hash]
	s.mu.Unlock()
	if ok && now.Before(c.expires) {
		return c.key, nil
	}
	k, err := s.S.Store.Key(ctx, hash)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	if len(s.keys) > 10000 {
		clear(s.keys)
	}
	s.keys[hash] = cachedKey{key: k, expires: now.Add(keyCacheTTL)}
	s.mu.Unlock()
	return k, nil
}

func validClient(s string) bool {
	if len(s) != 32 {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil
}

var errUnauthorized = &service.Error{Kind: service.Forbidden, Message: "unauthorized: give an API key (Authorization: Bearer KEY)"}

func (s *Server) auth(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c, err := s.Authenticate(w, r)
		if err != nil {
			if err == errUnauthorized {
				w.Header().Set("WWW-Authenticate", "Bearer")
				b := errorBody{}
				b.Error.Code, b.Error.Message = "unauthorized", err.Error()
				WriteJSON(w, http.StatusUnauthorized, b)
				return
			}
			s.WriteError(w, r, err)
			return
		}
		h(w, r.WithContext(context.WithValue(r.Context(), callerKey{}, c)))
	}
}

// Allow applies the caller's rate limit; it returns a Rate error when the
// caller must wait.
func (s *Server) Allow(r *http.Request, c *Caller) error {
	if c.Admin() || c.Role == RoleWorker {
		return nil
	}
	id := "user:" + c.User
	if c.Anonymous {
		id = "anon:" + c.Client
		if host, _, err := net.SplitHostPort(r.RemoteAddr); err == nil {
			id = "anon:" + host // cookies are free: limit by address
		}
	}
	now := time.Now()
	s.mu.Lock()
	l := s.limiters[id]
	if l == nil {
		if len(s.limiters) > 10000 {
			for k, v := range s.limiters {
				if now.Sub(v.seen) > 10*time.Minute {
					delete(s.limiters, k)
				}
			}
		}
		l = &limiter{l: rate.NewLimiter(rate.Limit(s.cfg.Rate), s.cfg.Burst)}
		s.limiters[id] = l
	}
	l.seen = now
	res := l.l.ReserveN(now, 1)
	s.mu.Unlock()
	if d := res.DelayFrom(now); d > 0 {
		res.CancelAt(now)
		return &service.Error{Kind: service.Rate, Message: "too many requests; slow down", RetryAfter: d}
	}
	return nil
}

func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
	defer cancel()
	check := s.cfg.Ready
	if check == nil {
		check = s.S.Store.Ping
	}
	if err := check(ctx); err != nil {
		WriteJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "not ready", "reason": err.Error()})
		return
	}
	WriteJSON(w, http.StatusOK, map[string]string{"status": "ready"})
}
