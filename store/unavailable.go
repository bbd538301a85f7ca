package store

import (
	"errors"
	"net"
	"strings"
	"syscall"
)

// Unavailable reports whether err says that the database cannot be used
// for now (unreachable, shutting down, busy, out of disk) rather than that
// something is wrong: a caller should answer "try again later" (503), not
// an internal error. Both backends' drivers are recognised by their error
// values and, where they give nothing else, their messages.
func Unavailable(err error) bool {
	if err == nil {
		return false
	}
	var ne net.Error
	var op *net.OpError
	if errors.As(err, &op) || errors.As(err, &ne) ||
		errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) ||
		errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EPIPE) {
		return true
	}
	msg := strings.ToLower(err.Error())
	for _, s := range []string{
		"failed to connect", "connection refused", "conn closed", "closed pool", "unexpected eof",
		"the database system is shutting down", "terminating connection due to administrator command", // PostgreSQL 57P01/57P03
		"database or disk is full", "database is locked", "disk i/o error", // SQLite
		"no space left on device",
	} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}
