package store

import (
	"errors"
	"fmt"
	"net"
	"syscall"
	"testing"
)

func TestUnavailable(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want bool
	}{
		{nil, false},
		{errors.New("store: submission x: not found"), false},
		{fmt.Errorf("store: begin: %w", &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}), true},
		{fmt.Errorf("store: commit: %w", errors.New("database or disk is full (13)")), true},
		{errors.New("failed to connect to `user=verdict database=x`: dial error"), true},
		{errors.New("FATAL: the database system is shutting down (SQLSTATE 57P03)"), true},
		{fmt.Errorf("write: %w", syscall.ENOSPC), true},
		{errors.New("UNIQUE constraint failed: submissions.id"), false},
	} {
		if got := Unavailable(tt.err); got != tt.want {
			t.Errorf("Unavailable(%v) = %v, want %v", tt.err, got, tt.want)
		}
	}
}
