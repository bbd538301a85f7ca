package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/verdict-judge/verdict/service"
	"github.com/verdict-judge/verdict/store"
)

// errorBody is the body of every error answer.
type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

var kindStatus = map[service.Kind]struct {
	status int
	code   string
}{
	service.Invalid:     {http.StatusBadRequest, "bad_request"},
	service.NotFound:    {http.StatusNotFound, "not_found"},
	service.TooLarge:    {http.StatusRequestEntityTooLarge, "too_large"},
	service.OutOfRange:  {http.StatusUnprocessableEntity, "out_of_range"},
	service.Busy:        {http.StatusServiceUnavailable, "queue_full"},
	service.Rate:        {http.StatusTooManyRequests, "rate_limited"},
	service.Forbidden:   {http.StatusForbidden, "forbidden"},
	service.Unavailable: {http.StatusServiceUnavailable, "unavailable"},
	service.Conflict:    {http.StatusConflict, "conflict"},
}

// WriteJSON writes v as the JSON answer with the given status.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// WriteError writes an error answer: a *service.Error as its kind says, any
// other error as a 500 whose details go to the log only.
func (s *Server) WriteError(w http.ResponseWriter, r *http.Request, err error) {
	var b errorBody
	status := http.StatusInternalServerError
	if e, ok := service.AsError(err); ok {
		ks := kindStatus[e.Kind]
		status, b.Error.Code, b.Error.Message = ks.status, ks.code, e.Message
		if e.RetryAfter > 0 {
			w.Header().Set("Retry-After", strconv.Itoa(int((e.RetryAfter+time.Second-1)/time.Second)))
		}
	} else if store.Unavailable(err) {
		// The database is down, busy or out of disk: try again later.
		status, b.Error.Code = http.StatusServiceUnavailable, "unavailable"
		b.Error.Message = "the service cannot use its storage for now: try again later"
		w.Header().Set("Retry-After", "5")
		s.log.Warn("storage unavailable", "method", r.Method, "path", r.URL.Path, "err", err)
	} else {
		b.Error.Code, b.Error.Message = "internal", "internal error; it has been logged"
		s.log.Error("internal error", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	WriteJSON(w, status, b)
}

func bad(format string, args ...any) error {
	return &service.Error{Kind: service.Invalid, Message: fmt.Sprintf(format, args...)}
}

// DecodeJSON decodes the request body into v strictly: one JSON value (whatever the
// Content-Type says), no unknown fields, the right types, at most max bytes. Its errors say what is
// wrong, as *service.Error.
func DecodeJSON(w http.ResponseWriter, r *http.Request, v any, max int64) error {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, max))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonError(err, max)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return jsonError(err, max)
		}
		return bad("the body holds more than one JSON value")
	}
	return nil
}

func jsonError(err error, max int64) error {
	var mbe *http.MaxBytesError
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &mbe):
		return &service.Error{Kind: service.TooLarge, Message: fmt.Sprintf("the body is larger than %d bytes", max)}
	case errors.Is(err, io.EOF):
		return bad("the body is empty: send a JSON object")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return bad("the body ends in the middle of a JSON value")
	case errors.As(err, &se):
		return bad("malformed JSON at byte %d: %v", se.Offset, se)
	case errors.As(err, &te):
		field := te.Field
		if field == "" {
			return bad("the body must be a JSON object, not %s", te.Value)
		}
		return bad("field %q: want %s, got %s", field, typeName(te.Type.String()), te.Value)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return bad("field %s: unknown field", strings.TrimPrefix(err.Error(), "json: unknown field "))
	}
	return bad("bad JSON: %v", err)
}

func typeName(t string) string {
	switch {
	case strings.HasPrefix(t, "int"), strings.HasPrefix(t, "uint"):
		return "an integer"
	case strings.HasPrefix(t, "float"):
		return "a number"
	case t == "string":
		return "a string"
	case t == "bool":
		return "true or false"
	case strings.HasPrefix(t, "[]"):
		return "an array"
	case strings.HasPrefix(t, "map"), strings.Contains(t, "."):
		return "an object"
	}
	return t
}
