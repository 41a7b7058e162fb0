package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/casefile/casefile/pipeline"
	"github.com/casefile/casefile/pipeline/pipelinetest"
	"github.com/casefile/casefile/schemas"
)

// logRecorder is a slog handler that keeps the records at warn and above,
// each as its message and attributes, for a test to read.
type logRecorder struct {
	mu    sync.Mutex
	lines []string
	attrs []slog.Attr // those of With, carried by derived handlers
	root  *logRecorder
}

func (h *logRecorder) Enabled(_ context.Context, l slog.Level) bool { return l >= slog.LevelWarn }

func (h *logRecorder) Handle(_ context.Context, r slog.Record) error {
	var b strings.Builder
	b.WriteString(r.Message)
	for _, a := range h.attrs {
		fmt.Fprintf(&b, " %s=%v", a.Key, a.Value)
	}
	r.Attrs(func(a slog.Attr) bool {
		fmt.Fprintf(&b, " %s=%v", a.Key, a.Value)
		return true
	})
	root := h.rootOf()
	root.mu.Lock()
	defer root.mu.Unlock()
	root.lines = append(root.lines, b.String())
	return nil
}

func (h *logRecorder) WithAttrs(as []slog.Attr) slog.Handler {
	return &logRecorder{attrs: append(append([]slog.Attr(nil), h.attrs...), as...), root: h.rootOf()}
}

func (h *logRecorder) WithGroup(string) slog.Handler { return h }

func (h *logRecorder) rootOf() *logRecorder {
	if h.root != nil {
		return h.root
	}
	return h
}

// find returns the first line holding every one of parts.
func (h *logRecorder) find(parts ...string) (string, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
next:
	for _, l := range h.lines {
		for _, p := range parts {
			if !strings.Contains(l, p) {
				continue next
			}
		}
		return l, true
	}
	return "", false
}

func (h *logRecorder) all() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]string(nil), h.lines...)
}

// closingDeadLetterer writes the dead letter through the bus, then closes
// the connection, so that the term which follows fails for real.
type closingDeadLetterer struct {
	srv *pipelinetest.Server
}

func (c closingDeadLetterer) DeadLetter(ctx context.Context, dl schemas.DeadLetter, gen int) error {
	err := c.srv.Bus.DeadLetter(ctx, dl, gen)
	c.srv.Conn.Close()
	return err
}

// TestStageLogsFailedSettle: a nak or a term the server never gets
// (the connection closed under the stage) is logged at warn with the
// stage and the document, not dropped.
func TestStageLogsFailedSettle(t *testing.T) {
	tests := []struct {
		name string
		// handle returns the handler's outcome, after closing the
		// connection itself when the failure is to come before settling.
		handle    func(srv *pipelinetest.Server) error
		closingDL bool
		want      string
	}{
		{name: "nak of a retry", handle: func(srv *pipelinetest.Server) error {
			srv.Conn.Close()
			return errors.New("transient")
		}, want: "nak failed"},
		{name: "term of a dead letter", handle: func(*pipelinetest.Server) error {
			return pipeline.Permanent(schemas.ReasonExtractMalformed, errors.New("cannot"))
		}, closingDL: true, want: "term of a dead-lettered message failed"},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := pipelinetest.RunServer(t)
			rec := &logRecorder{}
			st := &pipeline.Stage{
				Name: pipeline.StageExtract, Stream: pipeline.StreamDocs, FilterSubject: pipeline.SubjectIngested,
				Logger: slog.New(rec),
				Handler: pipeline.HandlerFunc(func(context.Context, *pipeline.Delivery) error {
					return tt.handle(srv)
				}),
			}
			if tt.closingDL {
				pipeline.SetDeadLetterer(st, closingDeadLetterer{srv})
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			done := make(chan error, 1)
			go func() { done <- st.Run(ctx, srv.Bus) }()
			id := fmt.Sprintf("%064x", 900+i)
			if err := srv.Bus.Publish(ctx, pipeline.SubjectIngested, pipeline.Meta{ID: id, Source: "test/settle"}, map[string]string{"k": "v"}); err != nil {
				t.Fatal(err)
			}
			deadline := time.Now().Add(20 * time.Second)
			for {
				if _, ok := rec.find(tt.want, "stage="+pipeline.StageExtract, "id="+id, "err="); ok {
					break
				}
				if time.Now().After(deadline) {
					t.Fatalf("no warning %q with the stage, the id and the error; logged %q", tt.want, rec.all())
				}
				time.Sleep(20 * time.Millisecond)
			}
			cancel()
			select {
			case <-done:
			case <-time.After(20 * time.Second):
				t.Fatal("Run did not return after stop")
			}
		})
	}
}
