package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/casefile/casefile/pipeline"
)

func TestNewDelivery(t *testing.T) {
	meta := pipeline.Meta{ID: fmt.Sprintf("%064x", 3), Source: "a.pdf"}
	tests := []struct {
		name    string
		body    string
		want    string
		wantErr bool
	}{
		{"object", `{"k": "v"}`, "v", false},
		{"not JSON", `{"k": `, "", true},
		{"wrong type", `["v"]`, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := pipeline.NewDelivery(meta, 2, []byte(tt.body))
			if d.Meta != meta || d.Attempt != 2 {
				t.Errorf("NewDelivery(%+v, 2, …) = %+v, want its meta and attempt", meta, d)
			}
			var got struct{ K string }
			err := d.Decode(context.Background(), &got)
			if (err != nil) != tt.wantErr || got.K != tt.want {
				t.Errorf("Decode(%q) = %q, %v; want %q, error %v", tt.body, got.K, err, tt.want, tt.wantErr)
			}
		})
	}
}

// ExampleNewDelivery tests a handler's decision without a server.
func ExampleNewDelivery() {
	h := pipeline.HandlerFunc(func(ctx context.Context, d *pipeline.Delivery) error {
		var body struct{ Pages int }
		if err := d.Decode(ctx, &body); err != nil {
			return pipeline.Permanent("extract.bad_message", err)
		}
		return nil
	})
	err := h.Handle(context.Background(), pipeline.NewDelivery(pipeline.Meta{ID: "id"}, 1, []byte(`{"pages": "two"}`)))
	var perm *pipeline.PermanentError
	fmt.Println(errors.As(err, &perm), perm.Reason)
	// Output: true extract.bad_message
}
