// Package service is Verdict's engine as a service: submissions recorded and
// queued for judging, their progress and results, problems kept in the blob
// store, runs without judging and raw sandbox execution. The HTTP handlers
// (package api) and the compatibility adapters call it; it knows nothing of
// HTTP.
package service

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"time"

	"github.com/verdict-judge/verdict/blob"
	"github.com/verdict-judge/verdict/engine"
	"github.com/verdict-judge/verdict/judge"
	"github.com/verdict-judge/verdict/queue"
	"github.com/verdict-judge/verdict/store"
)

// Config holds the service's limits.
type Config struct {
	// MaxSource caps a submission's sources, in bytes (default 64 KiB).
	MaxSource int64
	// MaxPending caps the submissions not yet judged, in all (default
	// 10000): beyond it submissions are refused with ErrBusy.
	MaxPending int
	// MaxPendingPerUser caps one user's submissions not yet judged
	// (default 100).
	MaxPendingPerUser int
}

// Service is the engine as a service.
type Service struct {
	Store   *store.Store
	Queue   queue.Queue
	Blobs   *blob.Store
	Cache   *blob.Cache
	Engine  *engine.Engine
	Hub     *Hub
	Metrics *Metrics
	Log     *slog.Logger
	Config  Config
	// Problems caches loaded problem packages by content address.
	Problems *ProblemCache
}

// Error is a failure of the caller's request: its Kind says which (HTTP
// handlers map it to a status), Message what is wrong.
type Error struct {
	Kind    Kind
	Message string
	// RetryAfter is set on ErrBusy and ErrRate: when to try again.
	RetryAfter time.Duration
}

// Kind classifies an Error.
type Kind int

// The kinds of Error.
const (
	Invalid     Kind = iota // the request is malformed: 400
	NotFound                // 404
	TooLarge                // 413
	OutOfRange              // 422
	Busy                    // the queue is full: 503
	Rate                    // the caller's own cap: 429
	Forbidden               // 403
	Unavailable             // a language not installed here, or the like: 503
	Conflict                // 409
)

func (e *Error) Error() string { return e.Message }

func errorf(k Kind, format string, args ...any) error {
	return &Error{Kind: k, Message: fmt.Sprintf(format, args...)}
}

// AsError returns err's *Error, if it has one.
func AsError(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

// NewID returns a new submission id: 26 characters of Crockford base32,
// time-ordered (48 bits of milliseconds, 80 random bits), as ULIDs.
func NewID() string {
	const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
	var b [16]byte
	binary.BigEndian.PutUint64(b[:8], uint64(time.Now().UnixMilli())<<16)
	rand.Read(b[6:])
	var out [26]byte
	// 128 bits, 5 at a time, most significant first (2 leading zero bits).
	hi, lo := binary.BigEndian.Uint64(b[:8]), binary.BigEndian.Uint64(b[8:])
	for i := 25; i >= 0; i-- {
		out[i] = alphabet[lo&31]
		lo = lo>>5 | hi<<59
		hi >>= 5
	}
	return string(out[:])
}

// ValidID reports whether s has the form of a submission id.
func ValidID(s string) bool {
	if len(s) != 26 {
		return false
	}
	for _, c := range s {
		if !strings.ContainsRune("0123456789ABCDEFGHJKMNPQRSTVWXYZ", c) {
			return false
		}
	}
	return true
}

// SubmitRequest is a new submission.
type SubmitRequest struct {
	Problem, Language string
	Files             []store.File
	CallbackURL       string
	User, Client      string
}

func (s *Service) maxSource() int64 {
	if s.Config.MaxSource > 0 {
		return s.Config.MaxSource
	}
	return 64 << 10
}

// sources checks a submission's files and names a single file as its
// language wants it.
func (s *Service) sources(langID string, files []store.File) ([]store.File, error) {
	l, err := s.Engine.Language(langID)
	if err != nil {
		if _, known := s.Engine.Registry.Lookup(langID); known {
			return nil, &Error{Kind: Unavailable, Message: err.Error()}
		}
		return nil, errorf(Invalid, "%v", err)
	}
	if len(files) == 0 {
		return nil, errorf(Invalid, "no source given")
	}
	var total int64
	for _, f := range files {
		total += int64(len(f.Content))
	}
	if total > s.maxSource() {
		return nil, errorf(TooLarge, "source is %d bytes, more than the limit of %d", total, s.maxSource())
	}
	if len(files) == 1 && files[0].Name == "" {
		files = []store.File{{Name: l.SourceName([]byte(files[0].Content)), Content: files[0].Content}}
	}
	srcs := JudgeSources(files)
	if err := judge.CheckSources(srcs, s.maxSource()); err != nil {
		return nil, errorf(Invalid, "%v", err)
	}
	return files, nil
}

// JudgeSources turns a submission's stored files into the judge's sources.
func JudgeSources(files []store.File) []judge.Source {
	srcs := make([]judge.Source, len(files))
	for i, f := range files {
		srcs[i] = judge.Source{Name: f.Name, Data: []byte(f.Content)}
	}
	return srcs
}

// CheckCallbackURL checks that a callback URL is an absolute http(s) URL.
func CheckCallbackURL(u string) error {
	if u == "" {
		return nil
	}
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return errorf(Invalid, "callback_url %q: not an absolute http or https URL", u)
	}
	if len(u) > 2048 {
		return errorf(Invalid, "callback_url: longer than 2048 characters")
	}
	return nil
}

// Submit records a submission and queues its judging (in one transaction).
func (s *Service) Submit(ctx context.Context, r SubmitRequest) (*store.Submission, error) {
	info, err := s.bodyProblem(ctx, r.Problem)
	if err != nil {
		return nil, err
	}
	if len(info.Languages) > 0 && !contains(info.Languages, r.Language) {
		if _, err := s.Engine.Language(r.Language); err != nil {
			return nil, errorf(Invalid, "%v", err)
		}
		return nil, errorf(Invalid, "problem %s does not accept language %s (it accepts %s)", r.Problem, r.Language, strings.Join(info.Languages, ", "))
	}
	files, err := s.sources(r.Language, r.Files)
	if err != nil {
		return nil, err
	}
	if err := CheckCallbackURL(r.CallbackURL); err != nil {
		return nil, err
	}
	if err := s.checkPending(ctx, r.User); err != nil {
		return nil, err
	}
	sub := &store.Submission{
		ID: NewID(), Problem: r.Problem, Language: r.Language, User: r.User, Client: r.Client,
		Status: store.StatusQueued, CreatedAt: time.Now().UTC(), Files: files, CallbackURL: r.CallbackURL,
		TestCount: info.TestCount,
	}
	err = s.Store.CreateSubmission(ctx, sub, func(tx store.Tx) error {
		return s.Queue.InsertJudge(ctx, tx, sub.ID)
	})
	if err != nil {
		return nil, err
	}
	s.Log.Info("submission queued", "submission", sub.ID, "problem", sub.Problem, "language", sub.Language, "user", sub.User)
	if s.Metrics != nil {
		s.Metrics.Submitted.WithLabelValues(sub.Language).Inc()
	}
	return sub, nil
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func (s *Service) checkPending(ctx context.Context, user string) error {
	maxAll, maxUser := s.Config.MaxPending, s.Config.MaxPendingPerUser
	if maxAll <= 0 {
		maxAll = 10000
	}
	if maxUser <= 0 {
		maxUser = 100
	}
	n, err := s.Store.Pending(ctx, "")
	if err != nil {
		return err
	}
	if n >= maxAll {
		return &Error{Kind: Busy, Message: fmt.Sprintf("the queue is full (%d submissions waiting); try again later", n), RetryAfter: 5 * time.Second}
	}
	n, err = s.Store.Pending(ctx, user)
	if err != nil {
		return err
	}
	if n >= maxUser {
		return &Error{Kind: Rate, Message: fmt.Sprintf("%d of your submissions are still waiting (the limit is %d); try again when they are judged", n, maxUser), RetryAfter: 2 * time.Second}
	}
	return nil
}

// Submission returns one submission.
func (s *Service) Submission(ctx context.Context, id string) (*store.Submission, error) {
	if !ValidID(id) {
		return nil, errorf(NotFound, "no submission %q (not a submission id)", id)
	}
	sub, err := s.Store.Submission(ctx, id)
	if store.IsNotFound(err) {
		return nil, errorf(NotFound, "no submission %s", id)
	}
	return sub, err
}

// Submissions lists submissions.
func (s *Service) Submissions(ctx context.Context, f store.Filter) ([]*store.Submission, error) {
	if f.Before != "" && !ValidID(f.Before) {
		return nil, errorf(Invalid, "before=%q: not a submission id", f.Before)
	}
	if f.Limit < 0 || f.Limit > 200 {
		return nil, errorf(OutOfRange, "limit=%d: must be between 1 and 200", f.Limit)
	}
	return s.Store.Submissions(ctx, f)
}

// Wait waits until the submission is done or ctx ends, and returns it as it
// is then.
func (s *Service) Wait(ctx context.Context, id string) (*store.Submission, error) {
	ch, cancel := s.Hub.Subscribe(id)
	defer cancel()
	tick := time.NewTicker(250 * time.Millisecond)
	defer tick.Stop()
	for {
		sub, err := s.Submission(ctx, id)
		if err != nil {
			return nil, err
		}
		if sub.Status == store.StatusDone {
			return sub, nil
		}
		select {
		case <-ctx.Done():
			return s.Submission(context.WithoutCancel(ctx), id)
		case <-ch:
		case <-tick.C:
		}
	}
}

// Watch calls f with the submission every time it changes, until it is
// done (f is called with it done) or ctx ends.
func (s *Service) Watch(ctx context.Context, id string, f func(*store.Submission) error) error {
	ch, cancel := s.Hub.Subscribe(id)
	defer cancel()
	tick := time.NewTicker(250 * time.Millisecond)
	defer tick.Stop()
	var last string
	for {
		sub, err := s.Submission(ctx, id)
		if err != nil {
			return err
		}
		key := fmt.Sprintf("%s/%d/%d", sub.Status, sub.TestsDone, sub.Attempts)
		if key != last {
			last = key
			if err := f(sub); err != nil {
				return err
			}
		}
		if sub.Status == store.StatusDone {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-ch:
		case <-tick.C:
		}
	}
}

// bodyProblem returns the problem a request body names: an unknown one is
// the body's fault (400), not a missing resource.
func (s *Service) bodyProblem(ctx context.Context, id string) (*ProblemInfo, error) {
	info, err := s.ProblemInfo(ctx, id)
	if e, ok := AsError(err); ok && e.Kind == NotFound {
		return nil, errorf(Invalid, "unknown problem %q (see GET /api/v1/problems)", id)
	}
	return info, err
}
