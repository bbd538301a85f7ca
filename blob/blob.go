// Package blob keeps problem packages in a blob store (a local directory by
// default, S3-compatible storage as an option) under content addresses, and
// caches them on each worker's disk.
package blob

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"gocloud.dev/blob"
	"gocloud.dev/blob/fileblob"
	_ "gocloud.dev/blob/s3blob" // s3:// URLs
	"gocloud.dev/gcerrors"
)

// Store is a blob store of content-addressed objects.
type Store struct {
	b *blob.Bucket
}

// Open opens the bucket at url: file:///DIR, s3://BUCKET?region=...
// (gocloud URLs), or a plain directory path.
func Open(ctx context.Context, url string) (*Store, error) {
	if !strings.Contains(url, "://") {
		if err := os.MkdirAll(url, 0o700); err != nil {
			return nil, fmt.Errorf("blob: %w", err)
		}
		b, err := fileblob.OpenBucket(url, &fileblob.Options{NoTempDir: true})
		if err != nil {
			return nil, fmt.Errorf("blob: %w", err)
		}
		return &Store{b: b}, nil
	}
	b, err := blob.OpenBucket(ctx, url)
	if err != nil {
		return nil, fmt.Errorf("blob: %w", err)
	}
	return &Store{b: b}, nil
}

// Close closes the bucket.
func (s *Store) Close() error { return s.b.Close() }

// Key returns the content address of data.
func Key(data []byte) string {
	h := sha256.Sum256(data)
	return "sha256-" + hex.EncodeToString(h[:])
}

var keyRE = regexp.MustCompile(`^sha256-[0-9a-f]{64}$`)

// Put stores data under its content address and returns the key.
func (s *Store) Put(ctx context.Context, data []byte) (string, error) {
	key := Key(data)
	if ok, err := s.b.Exists(ctx, key); err == nil && ok {
		return key, nil
	}
	if err := s.b.WriteAll(ctx, key, data, nil); err != nil {
		return "", fmt.Errorf("blob: put %s: %w", key, err)
	}
	return key, nil
}

// Get returns the object with the given key.
func (s *Store) Get(ctx context.Context, key string) ([]byte, error) {
	data, err := s.b.ReadAll(ctx, key)
	if err != nil {
		if gcerrors.Code(err) == gcerrors.NotFound {
			return nil, fmt.Errorf("blob: %s: %w", key, os.ErrNotExist)
		}
		return nil, fmt.Errorf("blob: get %s: %w", key, err)
	}
	return data, nil
}

// Cache is a directory of objects fetched from a Store, by key. Objects are
// checked against their key when fetched.
type Cache struct {
	Store *Store
	Dir   string
}

// Path returns the path of the object in the cache, fetching it first when
// it is not there.
func (c *Cache) Path(ctx context.Context, key, ext string) (string, error) {
	if !keyRE.MatchString(key) {
		return "", fmt.Errorf("blob: %q is not a content address", key)
	}
	path := filepath.Join(c.Dir, key+ext)
	if _, err := os.Stat(path); err == nil {
		return path, nil
	} else if !errors.Is(err, os.ErrNotExist) {
		return "", fmt.Errorf("blob: cache: %w", err)
	}
	data, err := c.Store.Get(ctx, key)
	if err != nil {
		return "", err
	}
	if Key(data) != key {
		return "", fmt.Errorf("blob: %s: content does not match its key", key)
	}
	if err := os.MkdirAll(c.Dir, 0o700); err != nil {
		return "", fmt.Errorf("blob: cache: %w", err)
	}
	f, err := os.CreateTemp(c.Dir, ".fetch-*")
	if err != nil {
		return "", fmt.Errorf("blob: cache: %w", err)
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
		return "", fmt.Errorf("blob: cache: %w", err)
	}
	return path, nil
}
