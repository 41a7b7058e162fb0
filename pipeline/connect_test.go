package pipeline_test

import (
	"strings"
	"testing"

	"github.com/casefile/casefile/pipeline"
)

// TestConnectErrorHidesCredentials dials servers that refuse at once and
// checks that no password or token in the URL list reaches the error.
func TestConnectErrorHidesCredentials(t *testing.T) {
	tests := []struct {
		name, url, server string
	}{
		{"one server", "nats://alice:s3cret@127.0.0.1:1", "127.0.0.1:1"},
		{"token", "nats://s3cret@127.0.0.1:1", "127.0.0.1:1"},
		{"second of a list", "nats://127.0.0.1:1,nats://alice:s3cret@127.0.0.1:2", "127.0.0.1:1"},
		{"every one of a list", "nats://alice:s3cret@127.0.0.1:1, nats://bob:s3cret@127.0.0.1:2", "127.0.0.1:1"},
		// A URL that does not parse: the parser's error quotes it.
		{"bad port", "nats://alice:s3cret@127.0.0.1:badport", "127.0.0.1:badport"},
		{"bad escape", "nats://alice:s3%ZZcret@127.0.0.1:1", "127.0.0.1:1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nc, err := pipeline.Connect(pipeline.ClientConfig{URL: tt.url})
			if err == nil {
				nc.Close()
				t.Fatalf("Connect(%q) = nil error, want a refusal", tt.url)
			}
			if strings.Contains(err.Error(), "s3") {
				t.Errorf("Connect(%q) = %v, want no credential in the error", tt.url, err)
			}
			if !strings.Contains(err.Error(), tt.server) {
				t.Errorf("Connect(%q) = %v, want the server named", tt.url, err)
			}
		})
	}
}
