package workers_test

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/casefile/casefile/pipeline"
	"github.com/casefile/casefile/schemas"
)

// checkOutcome checks what a handler's error tells the stage: nil (ack)
// when neither wantReason nor wantRetry is set, a dead letter with
// wantReason, or, with wantRetry, a redelivery (an error that is not
// Permanent).
func checkOutcome(t *testing.T, call string, err error, wantReason schemas.Reason, wantRetry bool) {
	t.Helper()
	var perm *pipeline.PermanentError
	isPerm := errors.As(err, &perm)
	switch {
	case wantReason != "":
		if !isPerm || perm.Reason != wantReason {
			t.Errorf("%s = %v, want Permanent(%s)", call, err, wantReason)
		}
	case wantRetry:
		if err == nil || isPerm {
			t.Errorf("%s = %v, want a retryable error", call, err)
		}
	case err != nil:
		t.Errorf("%s = %v, want nil", call, err)
	}
}

// sample reads a file of testdata/pdfs and returns its bytes and the
// Ingested message that would carry it.
func sample(t testing.TB, name string) ([]byte, pipeline.Ingested) {
	t.Helper()
	data, in, err := readSample(name)
	if err != nil {
		t.Fatal(err)
	}
	return data, in
}

func readSample(name string) ([]byte, pipeline.Ingested, error) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "pdfs", name))
	if err != nil {
		return nil, pipeline.Ingested{}, err
	}
	sum := sha256.Sum256(data)
	return data, pipeline.Ingested{
		ID: hex.EncodeToString(sum[:]), Source: "testdata/pdfs/" + name, Bytes: int64(len(data)),
		IngestedAt: time.Date(2026, 12, 1, 19, 48, 24, 0, time.UTC),
	}, nil
}
