package main

import (
	"io"
	"os"
	"sync"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/schollz/progressbar/v3"
)

// progress shows documents settled out of the total: a bar on a terminal,
// a log line every few seconds otherwise.
type progress struct {
	mu      sync.Mutex
	bar     *progressbar.ProgressBar
	e       *env
	mode    string
	n       int
	settled int
	last    time.Time
	start   time.Time
}

func newProgress(mode string, e *env, total int) *progress {
	p := &progress{e: e, mode: mode, n: total, start: time.Now(), last: time.Now()}
	if mode == "auto" {
		p.mode = "log"
		if f, ok := e.stderr.(*os.File); ok && isatty.IsTerminal(f.Fd()) {
			p.mode = "bar"
		}
	}
	if p.mode == "bar" {
		p.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(e.stderr),
			progressbar.OptionSetDescription("documents"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("docs"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionOnCompletion(func() { io.WriteString(e.stderr, "\n") }),
		)
	}
	return p
}

// total sets the number of distinct documents once ingest has seen them all.
func (p *progress) total(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n = n
	if p.bar != nil {
		p.bar.ChangeMax(n)
	}
}

// dedup notes a file whose bytes were already submitted under another name.
func (p *progress) dedup() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n--
	if p.bar != nil {
		p.bar.ChangeMax(p.n)
	}
}

func (p *progress) done(records, dead int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.settled = records + dead
	switch p.mode {
	case "bar":
		p.bar.Set(p.settled)
	case "log":
		if time.Since(p.last) >= 5*time.Second || p.settled == p.n {
			p.last = time.Now()
			rate := float64(p.settled) / time.Since(p.start).Seconds()
			p.e.log.Info("progress", "done", p.settled, "total", p.n, "records", records, "dead", dead, "docs_per_s", round1(rate))
		}
	}
}

func (p *progress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		p.bar.Exit()
	}
}

func round1(f float64) float64 { return float64(int(f*10+0.5)) / 10 }
