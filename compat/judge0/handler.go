package judge0

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"
)

// ErrNotFound is returned by a Store for an unknown token.
var ErrNotFound = errors.New("judge0: no such submission")

// ErrQueueFull is returned by a Store that takes no more submissions.
var ErrQueueFull = errors.New("judge0: queue is full")

// Store keeps Judge0 submissions and queues them for the workers, which
// run each with Execute and save it back.
type Store interface {
	// Create stores new submissions and queues each one, all in one
	// transaction: either all are stored and queued or none is.
	Create(ctx context.Context, subs []*Submission) error
	// Get returns a submission; ErrNotFound when there is none.
	Get(ctx context.Context, token string) (*Submission, error)
	// List returns submissions newest first, and how many there are.
	List(ctx context.Context, offset, limit int) ([]*Submission, int, error)
	// Delete removes a submission.
	Delete(ctx context.Context, token string) error
	// Pending counts the submissions not yet finished.
	Pending(ctx context.Context) (int, error)
}

// Access says what a request may do: Authenticated for everything but
// the protected calls, Authorized for those too (list, delete,
// /authorize). Nil lets every request in.
type Access func(r *http.Request) (authenticated, authorized bool)

// Handler serves the Judge0 API. Mount it under a prefix with
// http.StripPrefix (Verdict serves it at /judge0/).
type Handler struct {
	store  Store
	langs  *Languages
	cfg    Config
	access Access
	log    *slog.Logger
	mux    *http.ServeMux
	// Workers reports the number of workers and how many are busy, for
	// GET /workers; nil reports none.
	Workers func() (total, busy int)
	// Wait is how long ?wait=true waits at most (default one minute).
	Wait time.Duration
}

// NewHandler returns the Judge0 API over a store.
func NewHandler(store Store, langs *Languages, cfg Config, access Access, log *slog.Logger) *Handler {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	h := &Handler{store: store, langs: langs, cfg: cfg, access: access, log: log, Wait: time.Minute}
	m := http.NewServeMux()
	m.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) })
	m.HandleFunc("POST /submissions", h.auth(false, h.create))
	m.HandleFunc("POST /submissions/batch", h.auth(false, h.createBatch))
	m.HandleFunc("GET /submissions/batch", h.auth(false, h.showBatch))
	m.HandleFunc("GET /submissions/{token}", h.auth(false, h.show))
	m.HandleFunc("GET /submissions", h.auth(true, h.index))
	m.HandleFunc("DELETE /submissions/{token}", h.auth(true, h.destroy))
	m.HandleFunc("GET /languages", h.auth(false, h.languages))
	m.HandleFunc("GET /languages/all", h.auth(false, h.allLanguages))
	m.HandleFunc("GET /languages/{id}", h.auth(false, h.language))
	m.HandleFunc("GET /statuses", h.auth(false, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, http.StatusOK, Statuses) }))
	m.HandleFunc("GET /config_info", h.auth(false, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, http.StatusOK, h.cfg) }))
	m.HandleFunc("GET /system_info", h.auth(false, h.systemInfo))
	m.HandleFunc("GET /about", h.auth(false, h.about))
	m.HandleFunc("GET /version", h.auth(false, textHandler(Version)))
	m.HandleFunc("GET /isolate", h.auth(false, textHandler("Verdict sandbox (namespaces, cgroups, seccomp); isolate is not used")))
	m.HandleFunc("GET /license", h.auth(false, textHandler("Verdict is open-source software; see its repository for the licence.")))
	m.HandleFunc("GET /workers", h.auth(false, h.workers))
	m.HandleFunc("POST /authenticate", h.auth(false, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) }))
	m.HandleFunc("POST /authorize", h.auth(true, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) }))
	h.mux = m
	return h
}

// Version is the Judge0 version this API follows; clients key their
// language tables on it.
const Version = "1.13.1"

// ServeHTTP serves the API.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) { h.mux.ServeHTTP(w, r) }

// auth wraps a handler with Judge0's authentication (401, empty body) and,
// for the protected calls, authorization (403, empty body).
func (h *Handler) auth(protected bool, f http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if h.access != nil {
			authn, authz := h.access(r)
			if !authn {
				w.WriteHeader(http.StatusUnauthorized)
				return
			}
			if protected && !authz {
				w.WriteHeader(http.StatusForbidden)
				return
			}
		}
		f(w, r)
	}
}

func textHandler(s string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, s)
	}
}

// maxBody caps a request: a batch of submissions with their files.
const maxBody = 32 << 20

// query reads base64_encoded and fields.
func (h *Handler) query(w http.ResponseWriter, r *http.Request) (b64 bool, fields []string, ok bool) {
	b64 = r.URL.Query().Get("base64_encoded") == "true"
	fields, err := parseFields(r.URL.Query().Get("fields"))
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return false, nil, false
	}
	return b64, fields, true
}

// readBody reads the request's JSON object (an empty body is an empty one).
func (h *Handler) readBody(w http.ResponseWriter, r *http.Request) (fields, bool) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body larger than %d bytes", mbe.Limit))
		} else {
			writeError(w, http.StatusBadRequest, "reading the request: "+err.Error())
		}
		return nil, false
	}
	var m fields
	if len(bytes.TrimSpace(body)) == 0 {
		return fields{}, true
	}
	if err := json.Unmarshal(body, &m); err != nil || m == nil {
		writeError(w, http.StatusBadRequest, "the request body is not a JSON object")
		return nil, false
	}
	return m, true
}

func (h *Handler) create(w http.ResponseWriter, r *http.Request) {
	b64, fields, ok := h.query(w, r)
	if !ok {
		return
	}
	wait := r.URL.Query().Get("wait") == "true"
	if wait && !h.cfg.EnableWaitResult {
		writeError(w, http.StatusBadRequest, "wait not allowed")
		return
	}
	if h.cfg.MaintenanceMode {
		writeError(w, http.StatusServiceUnavailable, "Judge0 is currently in maintenance.")
		return
	}
	body, ok := h.readBody(w, r)
	if !ok {
		return
	}
	s, errs := h.submissionFrom(body, b64)
	if errs != nil {
		writeJSON(w, http.StatusUnprocessableEntity, errs)
		return
	}
	if !h.enqueue(w, r.Context(), []*Submission{s}) {
		return
	}
	if !wait {
		writeJSON(w, http.StatusCreated, map[string]string{"token": s.Token})
		return
	}
	done, err := h.waitFor(r.Context(), s.Token)
	if err != nil {
		h.internal(w, r, err)
		return
	}
	kv, bad := done.render(fields, b64, h.langs)
	if bad {
		writeJSON(w, http.StatusCreated, map[string]string{"token": s.Token, "error": utf8Error})
		return
	}
	writeJSON(w, http.StatusCreated, object(kv))
}

const (
	utf8Error     = "some attributes for this submission cannot be converted to UTF-8, use base64_encoded=true query parameter"
	utf8ErrorMany = "some attributes for one or more submissions cannot be converted to UTF-8, use base64_encoded=true query parameter"
)

// enqueue stores and queues new submissions, or answers why not.
func (h *Handler) enqueue(w http.ResponseWriter, ctx context.Context, subs []*Submission) bool {
	n, err := h.store.Pending(ctx)
	if err != nil {
		h.internal(w, nil, err)
		return false
	}
	if n+len(subs) > h.cfg.MaxQueueSize {
		w.Header().Set("Retry-After", "5")
		writeError(w, http.StatusServiceUnavailable, "queue is full")
		return false
	}
	now := time.Now().UTC()
	for _, s := range subs {
		s.Token = newToken()
		s.CreatedAt = now
		s.StatusID = InQueue
	}
	if err := h.store.Create(ctx, subs); err != nil {
		if errors.Is(err, ErrQueueFull) {
			w.Header().Set("Retry-After", "5")
			writeError(w, http.StatusServiceUnavailable, "queue is full")
			return false
		}
		h.internal(w, nil, err)
		return false
	}
	return true
}

// waitFor polls a submission until it is finished or the wait runs out.
func (h *Handler) waitFor(ctx context.Context, token string) (*Submission, error) {
	deadline := time.Now().Add(h.Wait)
	delay := 10 * time.Millisecond
	for {
		s, err := h.store.Get(ctx, token)
		if err != nil {
			return nil, err
		}
		if s.StatusID >= firstFinalStatusID || time.Now().After(deadline) {
			return s, nil
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(delay):
		}
		delay = min(2*delay, 250*time.Millisecond)
	}
}

func (h *Handler) createBatch(w http.ResponseWriter, r *http.Request) {
	b64 := r.URL.Query().Get("base64_encoded") == "true"
	if !h.cfg.EnableBatchedSubmissions {
		writeError(w, http.StatusBadRequest, "batched submissions are not allowed")
		return
	}
	if h.cfg.MaintenanceMode {
		writeError(w, http.StatusServiceUnavailable, "Judge0 is currently in maintenance.")
		return
	}
	body, ok := h.readBody(w, r)
	if !ok {
		return
	}
	var raws []json.RawMessage
	if v, ok := body["submissions"]; ok {
		if err := json.Unmarshal(v, &raws); err != nil {
			writeError(w, http.StatusBadRequest, "submissions must be an array")
			return
		}
	}
	if len(raws) == 0 {
		writeError(w, http.StatusBadRequest, "there should be at least one submission in a batch")
		return
	}
	if len(raws) > h.cfg.MaxSubmissionBatchSize {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("number of submissions in a batch should be less than or equal to %d", h.cfg.MaxSubmissionBatchSize))
		return
	}
	answers := make([]any, len(raws))
	var good []*Submission
	var where []int
	for i, raw := range raws {
		s, errs := h.newSubmission(raw, b64)
		if errs != nil {
			answers[i] = errs
			continue
		}
		good = append(good, s)
		where = append(where, i)
	}
	if len(good) == 0 {
		writeJSON(w, http.StatusUnprocessableEntity, answers)
		return
	}
	if !h.enqueue(w, r.Context(), good) {
		return
	}
	for k, s := range good {
		answers[where[k]] = map[string]string{"token": s.Token}
	}
	writeJSON(w, http.StatusCreated, answers)
}

func (h *Handler) show(w http.ResponseWriter, r *http.Request) {
	b64, fields, ok := h.query(w, r)
	if !ok {
		return
	}
	s, ok := h.get(w, r)
	if !ok {
		return
	}
	kv, bad := s.render(fields, b64, h.langs)
	if bad {
		writeError(w, http.StatusBadRequest, utf8Error)
		return
	}
	writeJSON(w, http.StatusOK, object(kv))
}

func (h *Handler) showBatch(w http.ResponseWriter, r *http.Request) {
	b64, fields, ok := h.query(w, r)
	if !ok {
		return
	}
	list := r.URL.Query().Get("tokens")
	if list == "" {
		list = r.Header.Get("tokens")
	}
	var tokens []string
	for _, t := range strings.Split(list, ",") {
		if t = strings.TrimSpace(t); t != "" {
			tokens = append(tokens, t)
		}
	}
	if len(tokens) == 0 {
		writeError(w, http.StatusBadRequest, "there should be at least one submission in a batch")
		return
	}
	if len(tokens) > h.cfg.MaxSubmissionBatchSize {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("number of submissions in a batch should be less than or equal to %d", h.cfg.MaxSubmissionBatchSize))
		return
	}
	out := make([]any, len(tokens))
	for i, t := range tokens {
		s, err := h.store.Get(r.Context(), t)
		if errors.Is(err, ErrNotFound) {
			continue // null
		}
		if err != nil {
			h.internal(w, r, err)
			return
		}
		kv, bad := s.render(fields, b64, h.langs)
		if bad {
			writeError(w, http.StatusBadRequest, utf8ErrorMany)
			return
		}
		out[i] = object(kv)
	}
	writeJSON(w, http.StatusOK, map[string]any{"submissions": out})
}

func (h *Handler) index(w http.ResponseWriter, r *http.Request) {
	b64, fields, ok := h.query(w, r)
	if !ok {
		return
	}
	page, perPage := 1, 20
	for _, p := range []struct {
		name string
		v    *int
	}{{"page", &page}, {"per_page", &perPage}} {
		if s := r.URL.Query().Get(p.name); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil || n < 1 {
				writeError(w, http.StatusBadRequest, fmt.Sprintf("invalid %s: %s", p.name, s))
				return
			}
			*p.v = n
		}
	}
	perPage = min(perPage, 1000)
	subs, total, err := h.store.List(r.Context(), (page-1)*perPage, perPage)
	if err != nil {
		h.internal(w, r, err)
		return
	}
	out := []any{}
	for _, s := range subs {
		kv, bad := s.render(fields, b64, h.langs)
		if bad {
			writeError(w, http.StatusBadRequest, utf8ErrorMany)
			return
		}
		out = append(out, object(kv))
	}
	pages := (total + perPage - 1) / perPage
	meta := map[string]any{"current_page": page, "next_page": nil, "prev_page": nil, "total_pages": pages, "total_count": total}
	if page < pages {
		meta["next_page"] = page + 1
	}
	if page > 1 {
		meta["prev_page"] = page - 1
	}
	writeJSON(w, http.StatusOK, map[string]any{"submissions": out, "meta": meta})
}

func (h *Handler) destroy(w http.ResponseWriter, r *http.Request) {
	if !h.cfg.EnableSubmissionDelete {
		writeError(w, http.StatusBadRequest, "delete not allowed")
		return
	}
	_, fields, ok := h.query(w, r)
	if !ok {
		return
	}
	s, ok := h.get(w, r)
	if !ok {
		return
	}
	if s.StatusID < firstFinalStatusID {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("submission cannot be deleted because its status is %d (%s)", s.StatusID, statusOf(s.StatusID).Description))
		return
	}
	if err := h.store.Delete(r.Context(), s.Token); err != nil {
		h.internal(w, r, err)
		return
	}
	kv, _ := s.render(fields, true, h.langs) // DELETE always answers in base64
	writeJSON(w, http.StatusOK, object(kv))
}

func (h *Handler) languages(w http.ResponseWriter, r *http.Request) {
	out := []ref{}
	for _, l := range h.langs.list {
		out = append(out, ref{ID: l.ID, Name: l.Name})
	}
	writeJSON(w, http.StatusOK, out)
}

func (h *Handler) allLanguages(w http.ResponseWriter, r *http.Request) {
	type entry struct {
		ID         int    `json:"id"`
		Name       string `json:"name"`
		IsArchived bool   `json:"is_archived"`
	}
	out := []entry{}
	for _, l := range h.langs.list {
		out = append(out, entry{l.ID, l.Name, false})
	}
	writeJSON(w, http.StatusOK, out)
}

func (h *Handler) language(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.Atoi(r.PathValue("id"))
	l, ok := h.langs.Lookup(id)
	if err != nil || !ok {
		notFound(w)
		return
	}
	c := *l
	c.ID = id
	writeJSON(w, http.StatusOK, c)
}

func (h *Handler) about(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{
		"version": Version, "homepage": "https://github.com/verdict-judge/verdict",
		"source_code": "https://github.com/verdict-judge/verdict", "maintainer": "Verdict (a Judge0-compatible API)",
	})
}

func (h *Handler) workers(w http.ResponseWriter, r *http.Request) {
	n, err := h.store.Pending(r.Context())
	if err != nil {
		h.internal(w, r, err)
		return
	}
	total, busy := 0, 0
	if h.Workers != nil {
		total, busy = h.Workers()
	}
	writeJSON(w, http.StatusOK, []map[string]any{{
		"queue": Version, "size": n, "available": total, "idle": total - busy, "working": busy, "paused": 0, "failed": 0,
	}})
}

// systemInfo answers as lscpu and free -h would, from /proc (no command
// is run).
func (h *Handler) systemInfo(w http.ResponseWriter, r *http.Request) {
	info := map[string]string{"Architecture": goarch()}
	cpus, model := 0, ""
	if f, err := os.Open("/proc/cpuinfo"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			k, v, ok := strings.Cut(sc.Text(), ":")
			k = strings.TrimSpace(k)
			if !ok {
				continue
			}
			switch k {
			case "processor":
				cpus++
			case "model name":
				model = strings.TrimSpace(v)
			}
		}
		f.Close()
	}
	info["CPU(s)"] = strconv.Itoa(cpus)
	info["Model name"] = model
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			k, v, _ := strings.Cut(line, ":")
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			switch k {
			case "MemTotal":
				info["Mem"] = human(kb << 10)
			case "SwapTotal":
				info["Swap"] = human(kb << 10)
			}
		}
	}
	writeJSON(w, http.StatusOK, info)
}

// human prints a size as free -h does ("7.7G").
func human(b int64) string {
	units := []string{"B", "K", "M", "G", "T"}
	f, i := float64(b), 0
	for f >= 1024 && i < len(units)-1 {
		f /= 1024
		i++
	}
	if f < 10 && i > 0 {
		return strconv.FormatFloat(f, 'f', 1, 64) + units[i]
	}
	return strconv.FormatFloat(f, 'f', 0, 64) + units[i]
}

func (h *Handler) internal(w http.ResponseWriter, r *http.Request, err error) {
	if r != nil && r.Context().Err() != nil {
		return
	}
	h.log.Error("judge0 api", "err", err)
	writeError(w, http.StatusInternalServerError, "internal error")
}

// newToken is a random UUID v4, as Judge0's tokens.
func newToken() string {
	var b [16]byte
	rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// pair is one key of an ordered JSON object.
type pair struct {
	k string
	v any
}

// object is a JSON object that keeps its keys' order.
type object []pair

// MarshalJSON writes the keys in order.
func (o object) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, p := range o {
		if i > 0 {
			buf.WriteByte(',')
		}
		k, _ := json.Marshal(p.k)
		buf.Write(k)
		buf.WriteByte(':')
		v, err := marshal(p.v)
		if err != nil {
			return nil, err
		}
		buf.Write(v)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	b, err := marshal(v)
	if err != nil {
		code, b = http.StatusInternalServerError, []byte(`{"error":"internal error"}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	w.Write(b)
}

func writeError(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, map[string]string{"error": msg})
}

// get loads the submission of the path's token, or answers why not.
func (h *Handler) get(w http.ResponseWriter, r *http.Request) (*Submission, bool) {
	s, err := h.store.Get(r.Context(), r.PathValue("token"))
	if errors.Is(err, ErrNotFound) {
		notFound(w)
		return nil, false
	}
	if err != nil {
		h.internal(w, r, err)
		return nil, false
	}
	return s, true
}

// notFound is Rails' JSON answer for a record not found.
func notFound(w http.ResponseWriter) {
	writeJSON(w, http.StatusNotFound, object{{"status", 404}, {"error", "Not Found"}})
}
