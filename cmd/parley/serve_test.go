package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestServe starts "parley serve" on a free port, asks it for its health
// and for events, and stops it as an interrupt would: it must finish and
// exit 0.
func TestServe(t *testing.T) {
	t.Setenv("PARLEY_TOKEN", "")
	db := filepath.Join(t.TempDir(), "s.db")
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	addr, done := startServe(t, ctx, "--db", db)
	for _, path := range []string{"/healthz", "/api/events"} {
		resp, err := http.Get(addr + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("GET %s: %d %s", path, resp.StatusCode, b)
		}
	}
	resp, err := http.Post(addr+"/api/documents", "application/json", strings.NewReader(`{"text":"x"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("POST without --token: %d, want 403", resp.StatusCode)
	}
	cancel()
	select {
	case code := <-done:
		if code != exitOK {
			t.Errorf("parley serve stopped with status %d, want 0", code)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("parley serve did not stop")
	}
}

// startServe runs "parley serve" with args on a free loopback port until
// ctx is done, and returns the address it listens on and the channel its
// exit status comes on.
func startServe(t *testing.T, ctx context.Context, args ...string) (string, <-chan int) {
	t.Helper()
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	go func() {
		done <- Run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...), Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: pw})
		pw.Close()
	}()
	addr := ""
	sc := bufio.NewScanner(pr)
	for sc.Scan() {
		if m := regexp.MustCompile(`addr=(http://\S+)`).FindStringSubmatch(sc.Text()); m != nil {
			addr = m[1]
			break
		}
	}
	go io.Copy(io.Discard, pr)
	if addr == "" {
		t.Fatalf("parley serve did not say where it listens (status %d)", <-done)
	}
	return addr, done
}
