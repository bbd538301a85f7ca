package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"time"

	"github.com/verdict-judge/verdict/service"
	"github.com/verdict-judge/verdict/store"
)

// sourceBody is what a request may give as code: source or files.
type sourceBody struct {
	Source *string      `json:"source"`
	Files  []store.File `json:"files"`
}

func (b sourceBody) files() ([]store.File, error) {
	switch {
	case b.Source != nil && b.Files != nil:
		return nil, bad("give source or files, not both")
	case b.Source != nil:
		return []store.File{{Content: *b.Source}}, nil
	case len(b.Files) > 0:
		for i, f := range b.Files {
			if f.Name == "" {
				return nil, bad("files[%d].name: missing", i)
			}
		}
		return b.Files, nil
	}
	return nil, bad("give source (a string) or files (an array of {name, content})")
}

func required(name, v string) error {
	if v == "" {
		return bad("field %q: missing", name)
	}
	return nil
}

// bodyLimit is the most a JSON body carrying sources may weigh: the
// sources (escaped, up to 6 bytes a byte) and the rest.
func (s *Server) bodyLimit() int64 {
	max := s.S.Config.MaxSource
	if max <= 0 {
		max = 64 << 10
	}
	return 6*max + 64<<10
}

type submitBody struct {
	Problem  string `json:"problem"`
	Language string `json:"language"`
	sourceBody
	CallbackURL string `json:"callback_url"`
}

func (s *Server) who(c *Caller, sub *store.Submission) service.Who {
	owner := sub.User == c.User && (!c.Anonymous || sub.Client == c.Client)
	return service.Who{Owner: owner, Admin: c.Admin()}
}

func (s *Server) postSubmission(w http.ResponseWriter, r *http.Request) {
	c := CallerOf(r)
	wait, timeout, err := waitParams(r)
	if err != nil {
		s.WriteError(w, r, err)
		return
	}
	var b submitBody
	if err := DecodeJSON(w, r, &b, s.bodyLimit()); err != nil {
		s.WriteError(w, r, err)
		return
	}
	if err := errors.Join(required("problem", b.Problem), required("language", b.Language)); err != nil {
		s.WriteError(w, r, firstErr(err))
		return
	}
	files, err := b.files()
	if err != nil {
		s.WriteError(w, r, err)
		return
	}
	if err := s.Allow(r, c); err != nil {
		s.WriteError(w, r, err)
		return
	}
	sub, err := s.S.Submit(r.Context(), service.SubmitRequest{Problem: b.Problem, Language: b.Language, Files: files,
		CallbackURL: b.CallbackURL, User: c.User, Client: c.Client})
	if err != nil {
		s.WriteError(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/submissions/"+sub.ID)
	if !wait {
		WriteJSON(w, http.StatusAccepted, map[string]string{"id": sub.ID, "status": sub.Status})
		return
	}
	ctx, cancel := s.untilShutdown(r.Context())
	defer cancel()
	ctx, cancel2 := context.WithTimeout(ctx, timeout)
	defer cancel2()
	got, err := s.S.Wait(ctx, sub.ID)
	if err != nil {
		s.WriteError(w, r, err)
		return
	}
	status := http.StatusOK
	if got.Status != store.StatusDone {
		status = http.StatusAccepted
	}
	WriteJSON(w, status, s.S.View(r.Context(), got, s.who(c, got), true))
}

func firstErr(err error) error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()[0]
	}
	return err
}

func waitParams(r *http.Request) (bool, time.Duration, error) {
	q := r.URL.Query()
	wait := false
	if v := q.Get("wait"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return false, 0, bad("wait=%q: want true or false", v)
		}
		wait = b
	}
	timeout := 30 * time.Second
	if v := q.Get("timeout"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return false, 0, bad("timeout=%q: want a number of seconds", v)
		}
		if n < 1 || n > 60 {
			return false, 0, &service.Error{Kind: service.OutOfRange, Message: fmt.Sprintf("timeout=%d: must be between 1 and 60 seconds", n)}
		}
		timeout = time.Duration(n) * time.Second
	}
	return wait, timeout, nil
}

func (s *Server) getSubmission(w http.ResponseWriter, r *http.Request) {
	c := CallerOf(r)
	sub, err := s.S.Submission(r.Context(), r.PathValue("id"))
	if err != nil {
		s.WriteError(w, r, err)
		return
	}
	WriteJSON(w, http.StatusOK, s.S.View(r.Context(), sub, s.who(c, sub), true))
}

func (s *Server) listSubmissions(w http.ResponseWriter, r *http.Request) {
	c := CallerOf(r)
	q := r.URL.Query()
	for k := range q {
		switch k {
		case "problem", "language", "verdict", "user", "mine", "limit", "before":
		default:
			s.WriteError(w, r, bad("unknown parameter %q (known: problem, language, verdict, user, mine, limit, before)", k))
			return
		}
	}
	f := store.Filter{Problem: q.Get("problem"), Language: q.Get("language"), Verdict: q.Get("verdict"), User: q.Get("user"), Before: q.Get("before"), Limit: 50}
	if v := q.Get("verdict"); v != "" {
		switch v {
		case "AC", "WA", "TLE", "MLE", "OLE", "RE", "CE", "JE":
		default:
			s.WriteError(w, r, bad("verdict=%q: want one of AC, WA, TLE, MLE, OLE, RE, CE, JE", v))
			return
		}
	}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			s.WriteError(w, r, bad("limit=%q: want a number", v))
			return
		}
		if n < 1 || n > 200 {
			s.WriteError(w, r, &service.Error{Kind: service.OutOfRange, Message: fmt.Sprintf("limit=%d: must be between 1 and 200", n)})
			return
		}
		f.Limit = n
	}
	if v := q.Get("mine"); v != "" {
		mine, err := strconv.ParseBool(v)
		if err != nil {
			s.WriteError(w, r, bad("mine=%q: want true or false", v))
			return
		}
		if mine {
			f.User = c.User
			if c.Anonymous {
				f.Client = c.Client
			}
		}
	}
	subs, err := s.S.Submissions(r.Context(), f)
	if err != nil {
		s.WriteError(w, r, err)
		return
	}
	out := struct {
		Submissions []*service.SubmissionView `json:"submissions"`
		Next        string                    `json:"next,omitempty"`
	}{Submissions: []*service.SubmissionView{}}
	for _, sub := range subs {
		out.Submissions = append(out.Submissions, s.S.View(r.Context(), sub, s.who(c, sub), false))
	}
	if len(subs) == f.Limit {
		out.Next = subs[len(subs)-1].ID
	}
	WriteJSON(w, http.StatusOK, out)
}

// events streams a submission's progress as server-sent events.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	c := CallerOf(r)
	id := r.PathValue("id")
	if _, err := s.S.Submission(r.Context(), id); err != nil {
		s.WriteError(w, r, err)
		return
	}
	rc := http.NewResponseController(w)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	send := func(event string, v any) error {
		b, err := json.Marshal(v)
		if err != nil {
			return err
		}
		if _, err := fmt.Fprintf(w, "event: %s\ndata: %s\n\n", event, b); err != nil {
			return err
		}
		return rc.Flush()
	}
	ctx, cancel := s.untilShutdown(r.Context())
	defer cancel()
	lastStatus, sent, attempts := "", 0, -1
	err := s.S.Watch(ctx, id, func(sub *store.Submission) error {
		if sub.Attempts != attempts {
			attempts, sent = sub.Attempts, 0 // a retry starts the tests again
		}
		if sub.Status != lastStatus && sub.Status != store.StatusDone {
			lastStatus = sub.Status
			if err := send("status", map[string]string{"status": sub.Status}); err != nil {
				return err
			}
		}
		if sub.Status == store.StatusDone && lastStatus == "" {
			// A client that connects late gets the result at once.
			return send("done", s.S.View(r.Context(), sub, s.who(c, sub), true))
		}
		if sub.Report != nil {
			v := s.S.View(r.Context(), sub, s.who(c, sub), true)
			for ; sent < len(v.Tests); sent++ {
				ev := map[string]any{"test": sent + 1, "total": sub.TestCount, "result": v.Tests[sent]}
				if err := send("test", ev); err != nil {
					return err
				}
			}
		}
		if sub.Status == store.StatusDone {
			return send("done", s.S.View(r.Context(), sub, s.who(c, sub), true))
		}
		return nil
	})
	if err != nil && r.Context().Err() == nil {
		s.log.Warn("events", "submission", id, "err", err)
	}
}

type runBody struct {
	Language string `json:"language"`
	sourceBody
	Stdin   string            `json:"stdin"`
	Limits  service.RunLimits `json:"limits"`
	Problem string            `json:"problem"`
	Tests   []string          `json:"tests"`
}

func (s *Server) postRun(w http.ResponseWriter, r *http.Request) {
	c := CallerOf(r)
	var b runBody
	if err := DecodeJSON(w, r, &b, s.bodyLimit()+2<<20); err != nil {
		s.WriteError(w, r, err)
		return
	}
	if err := required("language", b.Language); err != nil {
		s.WriteError(w, r, err)
		return
	}
	files, err := b.files()
	if err != nil {
		s.WriteError(w, r, err)
		return
	}
	if b.Problem == "" && b.Tests != nil {
		s.WriteError(w, r, bad("tests need a problem; without one give stdin"))
		return
	}
	if err := s.Allow(r, c); err != nil {
		s.WriteError(w, r, err)
		return
	}
	if b.Problem != "" {
		if b.Stdin != "" {
			s.WriteError(w, r, bad("with a problem give tests, not stdin"))
			return
		}
		v, err := s.S.ProblemRun(r.Context(), service.ProblemRunRequest{Problem: b.Problem, Language: b.Language, Files: files, Tests: b.Tests})
		if err != nil {
			s.WriteError(w, r, err)
			return
		}
		WriteJSON(w, http.StatusOK, v)
		return
	}
	res, err := s.S.Run(r.Context(), service.RunRequest{Language: b.Language, Files: files, Stdin: b.Stdin, Limits: b.Limits})
	if err != nil {
		s.WriteError(w, r, err)
		return
	}
	WriteJSON(w, http.StatusOK, res)
}

func (s *Server) postExec(w http.ResponseWriter, r *http.Request) {
	c := CallerOf(r)
	if !c.Admin() && c.Role != RoleWorker {
		s.WriteError(w, r, &service.Error{Kind: service.Forbidden, Message: "exec needs an admin or worker key"})
		return
	}
	var b service.ExecRequest
	if err := DecodeJSON(w, r, &b, 100<<20); err != nil {
		s.WriteError(w, r, err)
		return
	}
	res, err := s.S.Exec(r.Context(), b)
	if err != nil {
		s.WriteError(w, r, err)
		return
	}
	WriteJSON(w, http.StatusOK, res)
}

func (s *Server) listProblems(w http.ResponseWriter, r *http.Request) {
	c := CallerOf(r)
	client := ""
	if c.Anonymous {
		client = c.Client
	}
	ps, err := s.S.ListProblems(r.Context(), c.User, client)
	if err != nil {
		s.WriteError(w, r, err)
		return
	}
	WriteJSON(w, http.StatusOK, map[string]any{"problems": ps})
}

func (s *Server) getProblem(w http.ResponseWriter, r *http.Request) {
	c := CallerOf(r)
	info, err := s.S.ProblemInfo(r.Context(), r.PathValue("id"))
	if err != nil {
		s.WriteError(w, r, err)
		return
	}
	client := ""
	if c.Anonymous {
		client = c.Client
	}
	if st, err := s.S.Store.ProblemStatus(r.Context(), c.User, client); err == nil {
		info.Status = st[info.ID]
	}
	WriteJSON(w, http.StatusOK, info)
}

func (s *Server) admin(w http.ResponseWriter, r *http.Request) bool {
	if !CallerOf(r).Admin() {
		s.WriteError(w, r, &service.Error{Kind: service.Forbidden, Message: "this needs an admin key"})
		return false
	}
	return true
}

func (s *Server) readZip(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	if ct := r.Header.Get("Content-Type"); ct != "application/zip" && ct != "application/octet-stream" {
		return nil, bad("Content-Type %q: send the package as application/zip", ct)
	}
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, service.MaxPackageSize))
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return nil, &service.Error{Kind: service.TooLarge, Message: fmt.Sprintf("the package is larger than %d bytes", service.MaxPackageSize)}
	}
	if err != nil {
		return nil, bad("reading the body: %v", err)
	}
	if len(data) == 0 {
		return nil, bad("the body is empty: send a zip of the problem package")
	}
	return data, nil
}

func (s *Server) importProblem(w http.ResponseWriter, r *http.Request) {
	if !s.admin(w, r) {
		return
	}
	for k := range r.URL.Query() {
		if k != "id" {
			s.WriteError(w, r, bad("unknown parameter %q (known: id)", k))
			return
		}
	}
	data, err := s.readZip(w, r)
	if err != nil {
		s.WriteError(w, r, err)
		return
	}
	info, err := s.S.ImportProblem(r.Context(), r.URL.Query().Get("id"), data, false)
	if err != nil {
		s.WriteError(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/problems/"+info.ID)
	WriteJSON(w, http.StatusCreated, info)
}

func (s *Server) updateProblem(w http.ResponseWriter, r *http.Request) {
	if !s.admin(w, r) {
		return
	}
	data, err := s.readZip(w, r)
	if err != nil {
		s.WriteError(w, r, err)
		return
	}
	id := r.PathValue("id")
	if !service.ValidProblemID(id) {
		s.WriteError(w, r, &service.Error{Kind: service.NotFound, Message: fmt.Sprintf("no problem %q", id)})
		return
	}
	info, err := s.S.ImportProblem(r.Context(), id, data, true)
	if err != nil {
		s.WriteError(w, r, err)
		return
	}
	WriteJSON(w, http.StatusOK, info)
}

func (s *Server) deleteProblem(w http.ResponseWriter, r *http.Request) {
	if !s.admin(w, r) {
		return
	}
	if err := s.S.DeleteProblem(r.Context(), r.PathValue("id")); err != nil {
		s.WriteError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

type bucket struct {
	Le    float64 `json:"le"`
	Count int     `json:"count"`
}

func histogram(edges []float64, values []float64) map[string][]bucket {
	bs := make([]bucket, len(edges))
	for i, e := range edges {
		bs[i].Le = e
	}
	for _, v := range values {
		i := 0
		for i < len(edges)-1 && v > edges[i] {
			i++
		}
		bs[i].Count++
	}
	return map[string][]bucket{"buckets": bs}
}

func (s *Server) problemStats(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if _, err := s.S.ProblemInfo(r.Context(), id); err != nil {
		s.WriteError(w, r, err)
		return
	}
	times, mems, err := s.S.Store.Accepted(r.Context(), id)
	if err != nil {
		s.WriteError(w, r, err)
		return
	}
	memf := make([]float64, len(mems))
	for i, m := range mems {
		memf[i] = float64(m)
	}
	WriteJSON(w, http.StatusOK, map[string]any{
		"accepted":   len(times),
		"runtime_ms": histogram([]float64{1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000}, times),
		"memory_kib": histogram([]float64{1024, 2048, 4096, 8192, 16384, 32768, 65536, 131072, 262144, 524288, 1048576, 2097152}, memf),
	})
}

// Language is a language as the API lists it.
type Language struct {
	ID         string   `json:"id"`
	Name       string   `json:"name"`
	Version    string   `json:"version"`
	Extensions []string `json:"extensions"`
}

func (s *Server) languages(w http.ResponseWriter, r *http.Request) {
	out := []Language{}
	for _, l := range s.S.Engine.Available {
		out = append(out, Language{ID: l.ID, Name: l.Name, Version: l.Version, Extensions: l.Extensions})
	}
	WriteJSON(w, http.StatusOK, map[string]any{"languages": out})
}

var userNameRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$`)

// createKey makes a new API key for a user (admin only). The key is shown
// once; the store keeps its hash.
func (s *Server) createKey(w http.ResponseWriter, r *http.Request) {
	if !s.admin(w, r) {
		return
	}
	var b struct {
		User string `json:"user"`
		Role string `json:"role"`
	}
	if err := DecodeJSON(w, r, &b, 4<<10); err != nil {
		s.WriteError(w, r, err)
		return
	}
	if !userNameRE.MatchString(b.User) || b.User == "anonymous" {
		s.WriteError(w, r, bad("user %q: use 1 to 64 letters, digits, . _ @ - (not \"anonymous\")", b.User))
		return
	}
	if b.Role == "" {
		b.Role = RoleUser
	}
	if b.Role != RoleUser && b.Role != RoleAdmin && b.Role != RoleWorker {
		s.WriteError(w, r, bad("role %q: want user, admin or worker", b.Role))
		return
	}
	key := NewKey()
	if err := s.S.Store.PutKey(r.Context(), &store.APIKey{Hash: HashKey(key), User: b.User, Role: b.Role}); err != nil {
		s.WriteError(w, r, err)
		return
	}
	s.log.Info("API key created", "user", b.User, "role", b.Role)
	WriteJSON(w, http.StatusCreated, map[string]string{"key": key, "user": b.User, "role": b.Role})
}
