package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// chromium returns the path of a Chromium or Chrome to drive, from
// $PARLEY_CHROMIUM or the PATH, or "".
func chromium() string {
	if p := os.Getenv("PARLEY_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestBrowser drives the web UI in a headless Chromium against "parley
// serve" on a loopback port, as issue 7 asks: the home page with an
// article coded and stored (the reference article when ../shared/data is
// here, else the demo article), a filter by actor, an event opened and its
// evidence checked, and screenshots saved in the test's directory.
func TestBrowser(t *testing.T) {
	chrome := chromium()
	switch {
	case chrome == "" && os.Getenv("PARLEY_REQUIRE_BROWSER") == "1":
		t.Fatal("PARLEY_REQUIRE_BROWSER is set but no chromium is on PATH (or $PARLEY_CHROMIUM)")
	case chrome == "":
		t.Skip("no chromium on PATH (or $PARLEY_CHROMIUM): the browser test needs one; CI installs Debian's chromium")
	}
	t.Setenv("PARLEY_TOKEN", "")
	dir := t.TempDir()
	db := filepath.Join(dir, "ui.db")
	article, published, actor := "demo/article.txt", "2026-03-03", "EGY"
	if ref := filepath.Join("..", "..", "..", "shared", "data", "articles", "istanbul-talks-2025-07-22.txt"); fileExists(ref) {
		article, published, actor = ref, "2025-07-22", "RUS"
	} else {
		t.Log("../shared/data absent: the demo article stands in for the reference article")
	}
	if code, _, errOut := run(t, "", "code", "--quiet", "--published", published, "--store", db, article); code != 0 {
		t.Fatalf("code --store %s: status %d, %s", article, code, errOut)
	}

	ctx, cancel := context.WithCancel(t.Context())
	addr, done := startServe(t, ctx, "--db", db)
	defer func() {
		cancel()
		<-done
	}()

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chrome), chromedp.NoSandbox,
		chromedp.DisableGPU, chromedp.WindowSize(1280, 1600))
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	defer acancel()
	bctx, bcancel := chromedp.NewContext(actx)
	defer bcancel()
	bctx, tcancel := context.WithTimeout(bctx, 90*time.Second)
	defer tcancel()

	step := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(bctx, steps...); err != nil {
			t.Fatalf("browser: %s: %v", what, err)
		}
	}
	// run returns what action a gives, failing the test on an error.
	run := func(what string, a chromedp.Action[string]) string {
		t.Helper()
		v, err := chromedp.Run(bctx, a)
		if err != nil {
			t.Fatalf("browser: %s: %v", what, err)
		}
		return v
	}
	step("the home page", chromedp.Navigate(addr+"/"), chromedp.WaitVisible(chromedp.CSS("table.events")),
		chromedp.WaitVisible(chromedp.CSS("svg path.country")))
	home, err := chromedp.Run(bctx, chromedp.FullScreenshot(80))
	if err != nil {
		t.Fatal(err)
	}
	// Filter by actor, through the form.
	step("typing the actor", chromedp.SetValue(chromedp.CSS(`input[name="actor"]`), actor))
	if _, err := chromedp.Run(bctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Submit(chromedp.CSS("form.filters")))); err != nil {
		t.Fatalf("browser: submitting the filter: %v", err)
	}
	step("the filtered page", chromedp.WaitVisible(chromedp.CSS("table.events")))
	location := run("location", chromedp.Location())
	rows, err := chromedp.Run(bctx, chromedp.Nodes(chromedp.CSSAll("table.events a")))
	if err != nil {
		t.Fatal(err)
	}
	dyads := run("the dyads", chromedp.Text(chromedp.CSS("table.dyads")))
	// Open the first event.
	if _, err := chromedp.Run(bctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Click(chromedp.CSS("table.events a")))); err != nil {
		t.Fatalf("browser: opening an event: %v", err)
	}
	step("the event page", chromedp.WaitVisible(chromedp.CSS("blockquote.sentence mark.trigger")))
	title := run("title", chromedp.Title())
	trigger := run("the trigger", chromedp.Text(chromedp.CSS("blockquote.sentence mark.trigger")))
	heading := run("the heading", chromedp.Text(chromedp.CSS("h1")))
	marks, err := chromedp.Run(bctx, chromedp.Nodes(chromedp.CSSAll("blockquote.sentence mark")))
	if err != nil {
		t.Fatal(err)
	}
	event, err := chromedp.Run(bctx, chromedp.FullScreenshot(80))
	if err != nil {
		t.Fatal(err)
	}

	if !strings.Contains(location, "actor="+actor) {
		t.Errorf("after filtering the page is %s, want actor=%s in it", location, actor)
	}
	if len(rows) == 0 || !strings.Contains(dyads, actor) {
		t.Errorf("filtering by %s: %d events, dyads %q", actor, len(rows), dyads)
	}
	if strings.TrimSpace(trigger) == "" || len(marks) < 2 || !strings.Contains(heading, "→") || !strings.Contains(heading, actor) || !strings.HasPrefix(title, "Event") {
		t.Errorf("event page: title %q, heading %q, trigger %q, %d marks", title, heading, trigger, len(marks))
	}
	for name, png := range map[string][]byte{"home.png": home, "event.png": event} {
		if len(png) < 1000 {
			t.Errorf("screenshot %s is %d bytes", name, len(png))
		}
		if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("screenshots in %s; %d events for %s; trigger %q", dir, len(rows), actor, trigger)
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
