package pipeline_test

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/casefile/casefile/pipeline"
	"github.com/casefile/casefile/pipeline/pipelinetest"
)

// BenchmarkHop is what one document's pass through one stage costs the
// process beyond the handler's own work: a publish of its message, its
// delivery to a stage, the handler's ledger read, and the ack; plus the
// ledger write a document's outcome makes. The body is the size of an
// 18-page filing's text between extract and annotate. cpu-ms/op is the
// process's user and system time (server and client alike) per document.
func BenchmarkHop(b *testing.B) {
	for _, size := range []int{4 << 10, 64 << 10} {
		b.Run(fmt.Sprintf("body=%dKiB", size>>10), func(b *testing.B) {
			srv := pipelinetest.RunServer(b)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			var handled atomic.Int64
			done := make(chan struct{}, 1)
			want := int64(b.N)
			st := &pipeline.Stage{Name: pipeline.StageExtract, Stream: pipeline.StreamDocs, FilterSubject: pipeline.SubjectIngested,
				Workers: 2, Handler: pipeline.HandlerFunc(func(ctx context.Context, d *pipeline.Delivery) error {
					if _, _, err := srv.Bus.State(ctx, d.Meta.ID); err != nil {
						return err
					}
					if err := srv.Bus.MarkRecorded(ctx, d.Meta.ID, 0); err != nil {
						return err
					}
					if handled.Add(1) == want {
						done <- struct{}{}
					}
					return nil
				})}
			runErr := make(chan error, 1)
			go func() { runErr <- st.Run(ctx, srv.Bus) }()
			body := map[string]string{"text": strings.Repeat("x", size)}
			b.ResetTimer()
			cpu0 := cpuNow()
			for i := range b.N {
				id := fmt.Sprintf("%064x", i+1)
				if err := srv.Bus.Publish(ctx, pipeline.SubjectIngested, pipeline.Meta{ID: id}, body); err != nil {
					b.Fatal(err)
				}
			}
			select {
			case <-done:
			case err := <-runErr:
				b.Fatal(err)
			case <-time.After(time.Minute):
				b.Fatalf("%d of %d handled", handled.Load(), b.N)
			}
			b.ReportMetric(float64((cpuNow()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
	}
}

func cpuNow() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
