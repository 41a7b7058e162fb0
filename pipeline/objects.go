package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// ErrTooLarge is returned when a stored object exceeds the caller's limit.
var ErrTooLarge = errors.New("pipeline: object too large")

// ErrNotFound is returned when a document's bytes are not in the store.
var ErrNotFound = errors.New("pipeline: not found")

// PutDocument stores a document's bytes under its id unless they are
// already there. It reports whether it stored them.
func (b *Bus) PutDocument(ctx context.Context, id string, r io.Reader) (bool, error) {
	if _, err := b.docs.GetInfo(ctx, id); err == nil {
		return false, nil
	} else if !errors.Is(err, jetstream.ErrObjectNotFound) {
		return false, fmt.Errorf("pipeline: look up %s: %w", id, err)
	}
	if _, err := b.docs.Put(ctx, jetstream.ObjectMeta{Name: id}, r); err != nil {
		return false, fmt.Errorf("pipeline: store %s: %w", id, err)
	}
	return true, nil
}

// Document returns a document's bytes, refusing more than limit bytes
// (ErrTooLarge) before reading them.
func (b *Bus) Document(ctx context.Context, id string, limit int64) ([]byte, error) {
	return getBounded(ctx, b.docs, id, limit)
}

func getBounded(ctx context.Context, store jetstream.ObjectStore, key string, limit int64) ([]byte, error) {
	info, err := store.GetInfo(ctx, key)
	if errors.Is(err, jetstream.ErrObjectNotFound) {
		return nil, fmt.Errorf("%w: %s", ErrNotFound, key)
	}
	if err != nil {
		return nil, fmt.Errorf("pipeline: look up %s: %w", key, err)
	}
	if limit > 0 && int64(info.Size) > limit {
		return nil, fmt.Errorf("%w: %s is %d bytes, limit %d", ErrTooLarge, key, info.Size, limit)
	}
	// A read whose server died under it is never finished: it is started
	// again after requestAttempt and the time the object takes to read.
	attempt := requestAttempt + time.Duration(info.Size/objectReadRate)*time.Second
	var data []byte
	err = patiently(ctx, attempt, requestPatience, func(ctx context.Context) error {
		obj, err := store.Get(ctx, key)
		if err != nil {
			return fmt.Errorf("pipeline: get %s: %w", key, err)
		}
		defer obj.Close()
		if data, err = io.ReadAll(io.LimitReader(obj, int64(info.Size)+1)); err != nil {
			return fmt.Errorf("pipeline: read %s: %w", key, err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return data, nil
}

// Meta identifies the document a message is about.
type Meta struct {
	ID     string
	Source string
	// InFile marks an ingested document whose bytes were not stored: the
	// extract stage reads them from Path, or Source when Path is empty
	// (HeaderBytes: BytesInFile).
	InFile bool
	// Path is the absolute path of an InFile document (HeaderPath).
	Path string
	// Generation is the document's replay generation (HeaderGeneration):
	// 0 until a dead letter of it is replayed.
	Generation int
}

// msgID is the Nats-Msg-Id of a message about m's document on subject:
// the same for every copy of one generation's message, so that the stream
// drops a republish, and another for each replay.
func (m Meta) msgID(subject string) string {
	if m.Generation == 0 {
		return subject + "." + m.ID
	}
	return subject + "." + m.ID + "." + strconv.Itoa(m.Generation)
}

// setHeaders writes m into a message's headers.
func (m Meta) setHeaders(h nats.Header) {
	h.Set(HeaderDocID, m.ID)
	h.Set(HeaderSource, m.Source)
	if m.InFile {
		h.Set(HeaderBytes, BytesInFile)
		if m.Path != "" {
			h.Set(HeaderPath, m.Path)
		}
	}
	if m.Generation > 0 {
		h.Set(HeaderGeneration, strconv.Itoa(m.Generation))
	}
}

// metaOf reads a message's headers. A generation that is not a
// non-negative number (a foreign publisher's) counts as 0.
func metaOf(h nats.Header) Meta {
	m := Meta{
		ID:     h.Get(HeaderDocID),
		Source: h.Get(HeaderSource),
		InFile: h.Get(HeaderBytes) == BytesInFile,
		Path:   h.Get(HeaderPath),
	}
	if g, err := strconv.Atoi(h.Get(HeaderGeneration)); err == nil && g > 0 {
		m.Generation = g
	}
	return m
}

// Publish sends v as JSON on subject; see [Bus.PublishJSON].
func (b *Bus) Publish(ctx context.Context, subject string, m Meta, v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("pipeline: encode for %s: %w", subject, err)
	}
	return b.PublishJSON(ctx, subject, m, body)
}

// DocumentSize returns the size of a document's stored bytes, or an error
// wrapping ErrNotFound.
func (b *Bus) DocumentSize(ctx context.Context, id string) (int64, error) {
	info, err := b.docs.GetInfo(ctx, id)
	if errors.Is(err, jetstream.ErrObjectNotFound) {
		return 0, fmt.Errorf("%w: %s", ErrNotFound, id)
	}
	if err != nil {
		return 0, fmt.Errorf("pipeline: look up %s: %w", id, err)
	}
	return int64(info.Size), nil
}

// Resubmit publishes a document's ingested message again as generation
// gen, for a replay of a dead letter of generation gen-1: under a message
// id of its own, so the stream's duplicate window does not drop it as the
// earlier generation's twin, while a replay run again after a crash
// (the same generation) is dropped as this one's.
func (b *Bus) Resubmit(ctx context.Context, in Ingested, gen int) error {
	m := MetaOf(in)
	m.Generation = gen
	return b.Publish(ctx, SubjectIngested, m, in)
}

// PublishJSON sends an encoded JSON body on subject, with the document's
// headers and its id (and generation, after a replay) as Nats-Msg-Id so
// that a republish within the dedup window is dropped. A body over the
// payload limit is stored in BucketBlobs and the message carries its key
// instead. PublishJSON returns once the stream has stored it.
func (b *Bus) PublishJSON(ctx context.Context, subject string, m Meta, body []byte) error {
	msg := nats.NewMsg(subject)
	m.setHeaders(msg.Header)
	msgID := m.msgID(subject)
	if len(body) > b.maxBody {
		key := subject + "." + m.ID
		if _, err := b.blobs.PutBytes(ctx, key, body); err != nil {
			return fmt.Errorf("pipeline: spill %s: %w", key, err)
		}
		msg.Header.Set(HeaderBlob, key)
	} else {
		msg.Data = body
	}
	// A publish whose acknowledgement is lost (its server died, or the
	// stream's leader with it) is never answered: it is sent again after
	// requestAttempt, the message id making the copy harmless, for up to
	// requestPatience; then it fails as transient and the delivery is
	// retried, instead of waiting out the stage's time limit and
	// dead-lettering a good document as <stage>.timeout.
	err := patiently(ctx, requestAttempt, requestPatience, func(ctx context.Context) error {
		_, err := b.js.PublishMsg(ctx, msg, jetstream.WithMsgID(msgID))
		return err
	})
	if err != nil {
		return fmt.Errorf("pipeline: publish %s: %w", subject, err)
	}
	return nil
}

// requestAttempt bounds one attempt of a publish or a ledger request,
// requestPatience all of them. A request whose server dies with it, or
// that reaches a stream leader as it dies, is never answered; one answered
// takes milliseconds, even on a loaded machine.
const (
	requestAttempt  = 5 * time.Second
	requestPatience = 30 * time.Second
)

// body returns a message's JSON body, fetching it from BucketBlobs when it
// was spilled.
func (b *Bus) body(ctx context.Context, msg jetstream.Msg) ([]byte, error) {
	key := msg.Headers().Get(HeaderBlob)
	if key == "" {
		return msg.Data(), nil
	}
	return getBounded(ctx, b.blobs, key, b.maxSpilled)
}
