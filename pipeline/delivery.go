package pipeline

import (
	"context"
	"fmt"

	"github.com/casefile/casefile/schemas"
	"github.com/nats-io/nats.go/jetstream"
)

// Delivery is one message handed to a Handler. A handler answers it only
// by the error it returns (see the package doc); the message itself stays
// with the stage.
type Delivery struct {
	Meta Meta
	// Attempt is 1 on first delivery.
	Attempt int
	// subject names the message in errors.
	subject string
	// body returns the message's JSON body.
	body func(ctx context.Context) ([]byte, error)
}

// NewDelivery returns a delivery of body, a JSON message about the document
// meta names, as its attempt-th delivery, for testing a Handler without a
// server, as httptest.NewRequest does for an http.Handler.
func NewDelivery(meta Meta, attempt int, body []byte) *Delivery {
	return &Delivery{Meta: meta, Attempt: attempt, subject: "test message",
		body: func(context.Context) ([]byte, error) { return body, nil }}
}

// newDelivery wraps a fetched message, whose body is inline or spilled to
// BucketBlobs.
func newDelivery(bus *Bus, msg jetstream.Msg) *Delivery {
	d := &Delivery{
		Meta:    metaOf(msg.Headers()),
		Attempt: 1,
		subject: msg.Subject(),
		body:    func(ctx context.Context) ([]byte, error) { return bus.body(ctx, msg) },
	}
	if md, err := msg.Metadata(); err == nil {
		d.Attempt = int(md.NumDelivered)
	}
	return d
}

// Decode unmarshals the message body (inline or spilled) into v. It
// returns the blob store's error when a spilled body cannot be read, or
// an error naming the subject when the body is not JSON for v.
func (d *Delivery) Decode(ctx context.Context, v any) error {
	body, err := d.body(ctx)
	if err != nil {
		return err
	}
	// Decoded where it lies; a Decoder would first copy it into its own
	// buffer, growing it a doubling at a time (a record runs to megabytes).
	if err := schemas.Decode(body, v); err != nil {
		return fmt.Errorf("pipeline: decode %s: %w", d.subject, err)
	}
	return nil
}
