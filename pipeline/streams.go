package pipeline

import (
	"context"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// TopologyConfig sizes the streams and buckets. Zero values are defaults
// for a single embedded server.
type TopologyConfig struct {
	// Replicas for every stream and bucket. If zero, 1. A cluster uses 3.
	Replicas int
	// Memory keeps streams in memory instead of files (tests only: nothing
	// survives a restart).
	Memory bool
	// DedupWindow of the streams. If zero, 2 minutes (the server's default).
	DedupWindow time.Duration
}

// Bus is casefile's view of a JetStream deployment: the streams, the object
// stores and the ledger, created if missing.
type Bus struct {
	js     jetstream.JetStream
	docs   jetstream.ObjectStore
	blobs  jetstream.ObjectStore
	ledger jetstream.KeyValue
	// maxBody is the largest body published inline; larger ones spill.
	maxBody int
}

// Open creates or updates casefile's streams and buckets on js. It is
// idempotent and safe to call from every process of a deployment.
func Open(ctx context.Context, js jetstream.JetStream, cfg TopologyConfig) (*Bus, error) {
	replicas := cfg.Replicas
	if replicas == 0 {
		replicas = 1
	}
	storage := jetstream.FileStorage
	if cfg.Memory {
		storage = jetstream.MemoryStorage
	}
	dedup := cfg.DedupWindow
	if dedup == 0 {
		dedup = 2 * time.Minute
	}
	streams := []jetstream.StreamConfig{{
		Name:        StreamDocs,
		Description: "documents between stages; one durable consumer per stage",
		Subjects:    []string{SubjectIngested, SubjectExtracted},
		Retention:   jetstream.WorkQueuePolicy,
		Storage:     storage,
		Replicas:    replicas,
		Duplicates:  dedup,
	}, {
		Name:              StreamRecords,
		Description:       "casefile.record/v1 records; kept for replay into new stores",
		Subjects:          []string{SubjectRecords + ".*"},
		Retention:         jetstream.LimitsPolicy,
		MaxMsgsPerSubject: 1,
		Storage:           storage,
		Replicas:          replicas,
		Duplicates:        dedup,
	}, {
		Name:        StreamDLQ,
		Description: "casefile.deadletter/v1 entries, one per failed document",
		Subjects:    []string{SubjectDLQPrefix + ">"},
		Retention:   jetstream.LimitsPolicy,
		Storage:     storage,
		Replicas:    replicas,
		Duplicates:  dedup,
	}}
	for _, sc := range streams {
		if _, err := js.CreateOrUpdateStream(ctx, sc); err != nil {
			return nil, fmt.Errorf("pipeline: stream %s: %w", sc.Name, err)
		}
	}
	b := &Bus{js: js}
	var err error
	if b.docs, err = js.CreateOrUpdateObjectStore(ctx, jetstream.ObjectStoreConfig{
		Bucket: BucketDocs, Description: "source document bytes by SHA-256", Storage: storage, Replicas: replicas,
	}); err != nil {
		return nil, fmt.Errorf("pipeline: object store %s: %w", BucketDocs, err)
	}
	if b.blobs, err = js.CreateOrUpdateObjectStore(ctx, jetstream.ObjectStoreConfig{
		Bucket: BucketBlobs, Description: "message bodies over the payload limit", Storage: storage, Replicas: replicas,
	}); err != nil {
		return nil, fmt.Errorf("pipeline: object store %s: %w", BucketBlobs, err)
	}
	if b.ledger, err = js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{
		Bucket: BucketLedger, Description: "document id to terminal state", Storage: storage, Replicas: replicas, History: 1,
	}); err != nil {
		return nil, fmt.Errorf("pipeline: key-value %s: %w", BucketLedger, err)
	}
	// Leave room for headers under the connection's payload limit.
	b.maxBody = int(js.Conn().MaxPayload()) - 4<<10
	return b, nil
}
