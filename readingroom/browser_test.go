package readingroom

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// EnvScreenshots names the folder the browser test saves its screenshots
// in (a CI artefact); without it they go to the test's temporary folder.
const EnvScreenshots = "CASEFILE_SCREENSHOTS"

var updateDocs = flag.Bool("update-docs", false, "write the document view's and entity page's screenshots to ../docs for README")

// chromium finds a Chromium or Chrome binary: $CASEFILE_CHROMIUM, else
// Debian's chromium on PATH.
func chromium() string {
	if p := os.Getenv("CASEFILE_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// mentionJS lists every highlighted mention of the document view as the
// browser lays it out: its type, page, the joined text of its fragments,
// and its start counted in code points from the start of the page text.
const mentionJS = `(() => {
  const text = {};
  document.querySelectorAll('pre.text mark[data-seq]').forEach(m => {
    text[m.dataset.seq] = (text[m.dataset.seq] || '') + m.textContent;
  });
  return Array.from(document.querySelectorAll('pre.text mark[id^="e-"]')).map(m => {
    const pre = m.closest('pre');
    const r = document.createRange();
    r.setStart(pre, 0);
    r.setEnd(m, 0);
    return {seq: +m.dataset.seq, type: m.dataset.type, page: +m.closest('section.page').dataset.page,
      start: Array.from(r.toString()).length, text: text[m.dataset.seq]};
  });
})()`

type domMention struct {
	Seq   int    `json:"seq"`
	Type  string `json:"type"`
	Page  int    `json:"page"`
	Start int    `json:"start"`
	Text  string `json:"text"`
}

// TestBrowser drives a real headless Chromium through the reading room over
// the sample store: search for a phrase and a defendant with the keyboard,
// open a filing and compare every highlighted span with the record, follow
// the defendant from the filing's side list to his who-is-who page and on
// to another filing (landing on his mention), back to him by clicking and
// by keyboard on a highlighted mention, to a co-defendant and that
// co-defendant's filing, open the dead letters, and read the hostile filing
// without a script running. Screenshots of each page are
// saved in $CASEFILE_SCREENSHOTS (default: the test's temporary folder).
func TestBrowser(t *testing.T) {
	bin := chromium()
	if bin == "" {
		t.Skip("no chromium binary found (apt-get install chromium, or set CASEFILE_CHROMIUM): browser tests skipped")
	}
	db, recs := sampleStore(t)
	_, srv := serveStore(t, "sqlite:"+db)
	shots := os.Getenv(EnvScreenshots)
	if shots == "" {
		shots = t.TempDir()
	} else if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin),
		chromedp.NoSandbox, // CI runs as root, where Chromium's sandbox cannot start
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-dev-shm-usage", true),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()

	// A dialog (alert) would mean a filing's text ran as script; a CSP
	// report would mean a page needs what the policy forbids.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	var mu sync.Mutex
	var dialogs, violations []string
	dialogEvents := chromedp.Events(ctx, page.JavascriptDialogOpening)
	go func() {
		for ev, err := range dialogEvents {
			if err != nil {
				return
			}
			mu.Lock()
			dialogs = append(dialogs, ev.Message)
			mu.Unlock()
			chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	logEvents := chromedp.Events(ctx, log.EntryAdded)
	go func() {
		for ev, err := range logEvents {
			if err != nil {
				return
			}
			if ev.Entry != nil && strings.Contains(ev.Entry.Text, "Content Security Policy") {
				mu.Lock()
				violations = append(violations, ev.Entry.Text)
				mu.Unlock()
			}
		}
	}()
	if _, err := chromedp.Call(ctx, log.Enable, cdp.Empty{}); err != nil {
		t.Fatalf("log.enable: %v", err)
	}

	do := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	eval := func(step, js string, v any) {
		t.Helper()
		raw, err := chromedp.Run(ctx, chromedp.Evaluate[json.RawMessage](js))
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		if err := json.Unmarshal(raw, v); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	// waitFor polls js until it is true, across the navigation a key
	// press starts.
	waitFor := func(step, js string) {
		t.Helper()
		var err error
		for range 100 {
			var ok bool
			if ok, err = chromedp.Run(ctx, chromedp.Evaluate[bool](js)); err == nil && ok {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Fatalf("%s: %s never held (%v)", step, js, err)
	}
	shot := func(name string) {
		t.Helper()
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(shots, name+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("read %s: %v", sel, err)
		}
		return s
	}

	// Search for a phrase, typed after "/" focused the box.
	var focused string
	do("open search", chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(chromedp.ID("q")), chromedp.KeyEvent("/"))
	eval("focus", `document.activeElement.id`, &focused)
	if focused != "q" {
		t.Fatalf(`after "/", the focused element is %q, want the search box`, focused)
	}
	do("search phrase", chromedp.SendKeys(chromedp.ID("q"), `"second degree"`+kb.Enter),
		chromedp.WaitVisible(chromedp.CSS(".hit mark.hl")))
	if s := text(".results"); !strings.Contains(s, pressRelease) || !strings.Contains(s, "1 page in 1 filing") {
		t.Errorf("phrase search shows %q", s)
	}
	shot("search-phrase")

	// Search for a defendant; j moves to a hit, Enter opens it.
	// "/" selects what the box holds, so typing replaces it.
	do("search defendant", chromedp.KeyEvent("/"), chromedp.KeyEvent("Avenatti"+kb.Enter))
	waitFor("defendant search", `(document.getElementById('summary') || {textContent: ''}).textContent.includes('3 pages')`)
	shot("search-defendant")
	var hrefs []string
	eval("hits", `Array.from(document.querySelectorAll('.hit a.doclink')).map(a => a.getAttribute('href'))`, &hrefs)
	notice := recs[avenattiNotice]
	k := -1
	for i, h := range hrefs {
		if strings.Contains(h, notice.ID) {
			k = i
		}
	}
	if k < 0 {
		t.Fatalf("defendant search lists %v, not %s", hrefs, avenattiNotice)
	}
	for range k + 1 {
		do("j", chromedp.KeyEvent("j"))
	}
	var current string
	eval("current hit", `document.querySelector('.hit.current a').getAttribute('href')`, &current)
	if !strings.Contains(current, notice.ID) {
		t.Fatalf("after j×%d the current hit is %s", k+1, current)
	}
	do("open hit", chromedp.KeyEvent(kb.Enter), chromedp.WaitVisible(chromedp.CSS("section.page")))

	// Every highlighted span is the record's: type, page, start, text.
	var marks []domMention
	eval("mentions", mentionJS, &marks)
	bySeq := map[int]domMention{}
	for _, m := range marks {
		bySeq[m.Seq] = m
	}
	if len(notice.Entities) == 0 || len(marks) != len(notice.Entities) {
		t.Errorf("document view highlights %d mentions, record has %d", len(marks), len(notice.Entities))
	}
	for i, e := range notice.Entities {
		want := domMention{Seq: i, Type: string(e.Type), Page: e.Page, Start: e.Start, Text: e.Text}
		if got := bySeq[i]; got != want {
			t.Errorf("mention %d in the browser = %+v, want %+v", i, got, want)
		}
	}
	shot("document")
	if *updateDocs {
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("../docs/reading-room-document.png", png, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// Follow the defendant from the filing's side list to his who-is-who
	// page, and from there to another filing that names him.
	var clusterURL string
	eval("side list", `Array.from(document.querySelectorAll('.side a.name')).filter(a => a.textContent === 'Michael John Avenatti').map(a => a.getAttribute('href'))[0] || ''`, &clusterURL)
	if !strings.HasPrefix(clusterURL, "/entity/p-") {
		t.Fatalf("the side list links Michael John Avenatti to %q, want his cluster page", clusterURL)
	}
	do("cluster", chromedp.Click(chromedp.CSS(`.side a.name[href="`+clusterURL+`"]`)),
		chromedp.WaitVisible(chromedp.CSS("article.cluster")))
	if s := text("article.cluster"); !strings.Contains(s, avenattiRelated) || !strings.Contains(s, avenattiNotice) ||
		!strings.Contains(s, "wire fraud") || !strings.Contains(s, "People in the same filings") {
		t.Errorf("cluster page shows %q", s)
	}
	shot("cluster")
	if *updateDocs {
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("../docs/reading-room-entity.png", png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	related := recs[avenattiRelated]
	do("other filing", chromedp.Click(chromedp.CSS(`a.doclink[href*="`+related.ID+`"]`)),
		chromedp.WaitVisible(chromedp.CSS("section.page")))
	if loc, err := chromedp.Run(ctx, chromedp.Location()); err != nil || !strings.Contains(loc, related.ID) {
		t.Errorf("followed the entity to %s (%v), want %s", loc, err, related.ID)
	}
	// The link lands on the quoted mention: the target mark is his.
	var target string
	eval("target", `(document.querySelector('mark:target') || {dataset: {}}).dataset.entity || ''`, &target)
	if target != clusterURL {
		t.Errorf("the filing opens on a mention of %q, want one of %s", target, clusterURL)
	}
	shot("cluster-filing")

	// A highlighted mention leads back to its entity, by click and by
	// keyboard (j to a mention, Enter).
	do("mention click", chromedp.Click(chromedp.CSS(`mark[data-entity="`+clusterURL+`"][id]`)),
		chromedp.WaitVisible(chromedp.CSS("article.cluster")))
	if loc, err := chromedp.Run(ctx, chromedp.Location()); err != nil || !strings.HasSuffix(loc, clusterURL) {
		t.Errorf("clicking a mention opened %s (%v), want %s", loc, err, clusterURL)
	}
	do("reopen", chromedp.Navigate(srv.URL+"/doc/"+related.ID), chromedp.WaitVisible(chromedp.CSS("section.page")))
	var firstPerson int
	eval("first person", `Array.from(document.querySelectorAll('[data-nav]')).findIndex(m => m.dataset.entity === '`+clusterURL+`')`, &firstPerson)
	if firstPerson < 0 {
		t.Fatal("no navigable mention of the defendant")
	}
	for range firstPerson + 1 {
		do("j", chromedp.KeyEvent("j"))
	}
	do("mention enter", chromedp.KeyEvent(kb.Enter), chromedp.WaitVisible(chromedp.CSS("article.cluster")))

	// On to a co-defendant named in one of his filings, and to that filing.
	omalley := recs[hostileText]
	do("co-mentioned", chromedp.Click(chromedp.CSS(`.co a[href^="/entity/p-"]`)), chromedp.WaitVisible(chromedp.CSS("article.cluster")))
	if s := text("article.cluster h1"); !strings.Contains(s, "O'Malley") {
		t.Errorf("the first person of his filings is %q, want John O'Malley", s)
	}
	do("co-mentioned filing", chromedp.Click(chromedp.CSS(`a.doclink[href*="`+omalley.ID+`"]`)), chromedp.WaitVisible(chromedp.CSS("section.page")))

	// Dead letters, from the header.
	do("dead letters", chromedp.Click(chromedp.CSS(`nav.links a[href="/deadletters"]`)),
		chromedp.WaitVisible(chromedp.CSS("table.reasons")))
	if s := text("table.reasons"); !strings.Contains(s, "extract.not_pdf") || !strings.Contains(s, "not a PDF") {
		t.Errorf("dead letters show %q", s)
	}
	shot("deadletters")

	// The hostile filing: its markup is text, nothing runs.
	var elements int
	do("hostile", chromedp.Navigate(srv.URL+"/doc/"+recs[hostileText].ID), chromedp.WaitVisible(chromedp.CSS("section.page")))
	eval("hostile elements", `document.scripts.length + document.querySelectorAll('pre img, pre style, pre script, pre textarea').length`, &elements)
	if s := text("section.page pre"); !strings.Contains(s, "<script>alert(1)</script>") {
		t.Errorf("hostile page text = %q, want the script tag as text", s)
	}
	if elements != 1 {
		t.Errorf("hostile page has %d script, img, style or textarea elements, want 1 (app.js)", elements)
	}
	shot("hostile")

	// A phone's width: the document view does not scroll sideways.
	var overflow bool
	do("phone", chromedp.EmulateViewport(390, 844), chromedp.Navigate(srv.URL+"/doc/"+notice.ID),
		chromedp.WaitVisible(chromedp.CSS("section.page")))
	eval("overflow", `document.documentElement.scrollWidth > window.innerWidth + 1`, &overflow)
	if overflow {
		t.Error("the document view is wider than a phone's screen")
	}
	shot("document-phone")

	mu.Lock()
	defer mu.Unlock()
	if len(dialogs) > 0 {
		t.Errorf("pages opened dialogs (script ran): %q", dialogs)
	}
	if len(violations) > 0 {
		t.Errorf("Content-Security-Policy violations: %q", violations)
	}
	t.Logf("screenshots in %s", shots)
}
