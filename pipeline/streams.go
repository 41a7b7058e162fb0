package pipeline

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// TopologyConfig sizes the streams and buckets. Zero values are defaults
// for a single embedded server.
type TopologyConfig struct {
	// Replicas for every stream and bucket. If zero, 1. A cluster uses 3.
	// Open refuses more replicas than the cluster has JetStream servers
	// (ErrReplicas).
	Replicas int
	// Memory keeps streams in memory instead of files (tests only: nothing
	// survives a restart).
	Memory bool
	// DedupWindow of the streams. If zero, 2 minutes (the server's default).
	DedupWindow time.Duration
	// MaxBody bounds a message body read back from BucketBlobs, where any
	// client of the deployment can put an object of any size. If zero,
	// DefaultMaxBody.
	MaxBody int64
}

// DefaultMaxBody is the largest spilled message body read: far above the
// largest record of the default limits (10 million characters of text and
// 100,000 entities come to under 100 MB of JSON).
const DefaultMaxBody = 512 << 20

// Bus is casefile's view of a JetStream deployment: the streams, the object
// stores and the ledger, created if missing.
type Bus struct {
	js     jetstream.JetStream
	docs   jetstream.ObjectStore
	blobs  jetstream.ObjectStore
	ledger jetstream.KeyValue
	// maxBody is the largest body published inline; larger ones spill.
	maxBody int
	// maxSpilled is the largest spilled body read (TopologyConfig.MaxBody).
	maxSpilled int64
}

// Open creates or updates casefile's streams and buckets on js; those
// already as asked are only read, so that opening an unchanged topology
// proposes nothing to the cluster and needs no stream leader's answer. It
// is idempotent and safe to call from every process of a deployment. Asked
// for more than one replica, it first checks them against the cluster
// (CheckReplicas) and returns an error wrapping ErrReplicas when the
// cluster cannot hold them.
func Open(ctx context.Context, js jetstream.JetStream, cfg TopologyConfig) (*Bus, error) {
	replicas := cfg.Replicas
	if replicas == 0 {
		replicas = 1
	}
	if replicas < 0 {
		return nil, fmt.Errorf("pipeline: %d stream replicas: want 1 or more", replicas)
	}
	if err := CheckReplicas(ctx, js, replicas); err != nil {
		return nil, err
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
		if err := ensureStream(ctx, js, sc); err != nil {
			if replicas > 1 && isPlacementError(err) {
				// The servers the check counted cannot all take a
				// replica now (one is down, or out of storage).
				return nil, fmt.Errorf("%w: stream %s at %d replicas: %w", ErrReplicas, sc.Name, replicas, err)
			}
			return nil, fmt.Errorf("pipeline: stream %s: %w", sc.Name, err)
		}
	}
	b := &Bus{js: js}
	var err error
	if b.docs, err = ensureObjectStore(ctx, js, jetstream.ObjectStoreConfig{
		Bucket: BucketDocs, Description: "source document bytes by SHA-256", Storage: storage, Replicas: replicas,
	}); err != nil {
		return nil, fmt.Errorf("pipeline: object store %s: %w", BucketDocs, err)
	}
	if b.blobs, err = ensureObjectStore(ctx, js, jetstream.ObjectStoreConfig{
		Bucket: BucketBlobs, Description: "message bodies over the payload limit", Storage: storage, Replicas: replicas,
	}); err != nil {
		return nil, fmt.Errorf("pipeline: object store %s: %w", BucketBlobs, err)
	}
	// Reads of either store are bounded per request (boundedReads).
	b.docs, b.blobs = boundedReads{b.docs}, boundedReads{b.blobs}
	if b.ledger, err = ensureKeyValue(ctx, js, jetstream.KeyValueConfig{
		Bucket: BucketLedger, Description: "document id to terminal state", Storage: storage, Replicas: replicas, History: 1,
	}); err != nil {
		return nil, fmt.Errorf("pipeline: key-value %s: %w", BucketLedger, err)
	}
	// Leave room for headers under the connection's payload limit.
	b.maxBody = int(js.Conn().MaxPayload()) - 4<<10
	b.maxSpilled = cmp.Or(cfg.MaxBody, DefaultMaxBody)
	return b, nil
}

// ensureStream creates the stream cfg describes, or updates it when its
// stored config differs from cfg in a field casefile sets; a stream that
// matches is only read. An update is answered by the stream's leader
// alone: sent while the stream elects one (its leader's server died), it
// is never answered, and each retry is one more proposal to the cluster's
// meta leader. Every process opens the topology at start, so an unchanged
// stream must cost a read, which any replica answers once the stream
// has been leaderless a while.
func ensureStream(ctx context.Context, js jetstream.JetStream, cfg jetstream.StreamConfig) error {
	same, err := streamMatches(ctx, js, cfg)
	if err != nil || same {
		return err
	}
	return patiently(ctx, openAttempt, openPatience, func(ctx context.Context) error {
		_, err := js.CreateOrUpdateStream(ctx, cfg)
		return err
	})
}

// ensureObjectStore is ensureStream for an object store's stream.
func ensureObjectStore(ctx context.Context, js jetstream.JetStream, cfg jetstream.ObjectStoreConfig) (store jetstream.ObjectStore, err error) {
	same, err := streamMatches(ctx, js, jetstream.StreamConfig{
		Name: "OBJ_" + cfg.Bucket, Description: cfg.Description, Storage: cfg.Storage, Replicas: cfg.Replicas,
	})
	if err != nil {
		return nil, err
	}
	err = patiently(ctx, attemptFor(same), openPatience, func(ctx context.Context) (err error) {
		if same {
			store, err = js.ObjectStore(ctx, cfg.Bucket)
		} else {
			store, err = js.CreateOrUpdateObjectStore(ctx, cfg)
		}
		return err
	})
	return store, err
}

// ensureKeyValue is ensureStream for a key-value bucket's stream.
func ensureKeyValue(ctx context.Context, js jetstream.JetStream, cfg jetstream.KeyValueConfig) (kv jetstream.KeyValue, err error) {
	same, err := streamMatches(ctx, js, jetstream.StreamConfig{
		Name: "KV_" + cfg.Bucket, Description: cfg.Description, Storage: cfg.Storage, Replicas: cfg.Replicas,
		MaxMsgsPerSubject: int64(cfg.History),
	})
	if err != nil {
		return nil, err
	}
	err = patiently(ctx, attemptFor(same), openPatience, func(ctx context.Context) (err error) {
		if same {
			kv, err = js.KeyValue(ctx, cfg.Bucket)
		} else {
			kv, err = js.CreateOrUpdateKeyValue(ctx, cfg)
		}
		return err
	})
	return kv, err
}

// attemptFor bounds a request that binds to a stream found matching (a
// look-up) or creates or updates one.
func attemptFor(matches bool) time.Duration {
	if matches {
		return lookupAttempt
	}
	return openAttempt
}

// streamMatches reports whether the stream want.Name exists with want's
// description, storage and replicas, and, where want sets them, its
// subjects, retention, per-subject limit and duplicate window. A stream
// not found does not match.
func streamMatches(ctx context.Context, js jetstream.JetStream, want jetstream.StreamConfig) (bool, error) {
	var have jetstream.StreamConfig
	err := patiently(ctx, lookupAttempt, openPatience, func(ctx context.Context) error {
		s, err := js.Stream(ctx, want.Name)
		if err == nil {
			have = s.CachedInfo().Config
		}
		return err
	})
	if errors.Is(err, jetstream.ErrStreamNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return have.Description == want.Description &&
		have.Storage == want.Storage &&
		have.Replicas == max(want.Replicas, 1) &&
		have.Retention == want.Retention &&
		(want.Subjects == nil || slices.Equal(have.Subjects, want.Subjects)) &&
		(want.MaxMsgsPerSubject == 0 || have.MaxMsgsPerSubject == want.MaxMsgsPerSubject) &&
		(want.Duplicates == 0 || have.Duplicates == want.Duplicates), nil
}

// openPatience bounds how long Open retries a topology request that timed
// out: a cluster that is electing leaders, or placing the replicas of
// several processes' requests at once, answers late for a while.
const openPatience = 90 * time.Second

// openAttempt bounds one topology change, lookupAttempt one look-up: a
// request lost during a leader election is never answered, and is sent
// again after this. A look-up is answered at once when it is answered
// at all.
const (
	openAttempt   = 10 * time.Second
	lookupAttempt = 3 * time.Second
)

// patiently runs fn, each time with a deadline of attempt, until it
// returns something other than a timeout, no responders or JetStream's
// "temporarily unavailable", ctx ends or patience passes. fn must be
// idempotent (looking up, creating and updating streams; a publish with a
// message id; a ledger read or write), so that a retry of a request that
// took effect but whose answer was lost is harmless.
func patiently(ctx context.Context, attempt, patience time.Duration, fn func(context.Context) error) error {
	deadline := time.Now().Add(patience)
	for {
		actx, cancel := context.WithTimeout(ctx, attempt)
		err := fn(actx)
		cancel()
		if err == nil || !transient(err) || ctx.Err() != nil || time.Now().After(deadline) {
			return err
		}
		if errors.Is(err, context.DeadlineExceeded) {
			continue // the attempt waited already
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(500 * time.Millisecond):
		}
	}
}

// transient reports whether err is one a JetStream cluster gives while it
// settles: a request timeout, no responders yet (no stream leader), or 503
// "JetStream system temporarily unavailable".
func transient(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, nats.ErrTimeout) ||
		errors.Is(err, nats.ErrNoResponders) || errors.Is(err, jetstream.ErrNoStreamResponse) {
		return true
	}
	var apiErr *jetstream.APIError
	return errors.As(err, &apiErr) && apiErr.ErrorCode == 10008
}

// ErrReplicas means the streams were asked for more replicas than the
// JetStream deployment has servers to hold them.
var ErrReplicas = errors.New("pipeline: more stream replicas than JetStream servers")

// clusterQuiet is how long CheckReplicas waits for one more server to
// answer its ping once one has; the first answer may take clusterWait.
const (
	clusterWait  = 2 * time.Second
	clusterQuiet = 300 * time.Millisecond
)

// CheckReplicas returns an error wrapping ErrReplicas when the deployment
// js is connected to has fewer JetStream servers than replicas. A server
// outside any cluster counts one. In a cluster the servers are those that
// answer the account ping every account may send
// ($SYS.REQ.ACCOUNT.PING.STATZ) with JetStream enabled and the connected
// server's cluster name, together with the peers that already hold
// casefile's streams (so a cluster with one server down still counts it,
// and a restarted worker starts). When neither says anything (a server
// without a system account), the check passes and the server's own
// placement error, wrapped in ErrReplicas by Open, is the answer.
//
// In a cluster the check is for placing streams: when casefile's streams
// exist already, or the server cannot say yet whether they do (a leader
// election after a server died), it passes, and the server answers any
// change of replicas itself. A worker restarted while a server is down
// must start.
func CheckReplicas(ctx context.Context, js jetstream.JetStream, replicas int) error {
	if replicas <= 1 {
		return nil
	}
	nc := js.Conn()
	cluster := nc.ConnectedClusterName()
	if cluster == "" {
		return fmt.Errorf("%w: %d replicas asked for, but %s runs JetStream on a single server, not in a cluster: use 1 replica, or a cluster of %d or more servers",
			ErrReplicas, replicas, nc.ConnectedUrlRedacted(), replicas)
	}
	// Whether the streams exist is asked of the meta leader (the stream
	// names bound to the ingest subject), in one bounded request: a stream
	// info goes to the stream's leader, and one sent to a leader that has
	// just died is never answered, which spent the caller's whole deadline
	// (minutes, for a worker waiting out an election).
	lctx, cancel := context.WithTimeout(ctx, lookupAttempt)
	_, err := js.StreamNameBySubject(lctx, SubjectIngested)
	cancel()
	if !errors.Is(err, jetstream.ErrStreamNotFound) {
		return nil
	}
	servers, err := clusterServers(ctx, nc, cluster)
	if err != nil {
		return err
	}
	for name := range streamPeers(ctx, js, cluster) {
		servers[name] = true
	}
	if len(servers) == 0 || len(servers) >= replicas {
		return nil
	}
	names := make([]string, 0, len(servers))
	for name := range servers {
		names = append(names, name)
	}
	slices.Sort(names)
	return fmt.Errorf("%w: %d replicas asked for, but cluster %q reports %d JetStream server(s) (%s): use at most %d replicas, or add servers",
		ErrReplicas, replicas, cluster, len(servers), strings.Join(names, ", "), len(servers))
}

// statzReply is the part of a server's answer to an account STATZ ping
// that says which server it is.
type statzReply struct {
	Server struct {
		Name      string `json:"name"`
		Cluster   string `json:"cluster"`
		JetStream bool   `json:"jetstream"`
		Flags     uint64 `json:"flags"`
	} `json:"server"`
}

// statzJetStreamFlag is the server capability bit for JetStream.
const statzJetStreamFlag = 1

// clusterServers pings every server for the connection's account and
// returns the names of those in cluster with JetStream enabled. Servers
// answer at once; it stops clusterQuiet after the last answer.
func clusterServers(ctx context.Context, nc *nats.Conn, cluster string) (map[string]bool, error) {
	servers := map[string]bool{}
	inbox := nc.NewRespInbox()
	sub, err := nc.SubscribeSync(inbox)
	if err != nil {
		return nil, fmt.Errorf("pipeline: count cluster servers: %w", err)
	}
	defer sub.Unsubscribe()
	if err := nc.PublishRequest("$SYS.REQ.ACCOUNT.PING.STATZ", inbox, []byte(`{"include_unused":true}`)); err != nil {
		return nil, fmt.Errorf("pipeline: count cluster servers: %w", err)
	}
	wait := clusterWait
	for {
		wctx, cancel := context.WithTimeout(ctx, wait)
		msg, err := sub.NextMsgWithContext(wctx)
		cancel()
		if err != nil {
			if ctx.Err() != nil {
				return nil, fmt.Errorf("pipeline: count cluster servers: %w", ctx.Err())
			}
			return servers, nil // quiet: every server that will answer has
		}
		wait = clusterQuiet
		var r statzReply
		if json.Unmarshal(msg.Data, &r) != nil || r.Server.Name == "" {
			continue
		}
		if r.Server.Cluster == cluster && (r.Server.JetStream || r.Server.Flags&statzJetStreamFlag != 0) {
			servers[r.Server.Name] = true
		}
	}
}

// streamPeers returns the servers of cluster that hold a replica of one of
// casefile's streams (online or not), or none before the streams exist.
func streamPeers(ctx context.Context, js jetstream.JetStream, cluster string) map[string]bool {
	peers := map[string]bool{}
	for _, name := range []string{StreamDocs, StreamRecords, StreamDLQ} {
		lctx, cancel := context.WithTimeout(ctx, lookupAttempt)
		s, err := js.Stream(lctx, name)
		cancel()
		if err != nil {
			continue
		}
		ci := s.CachedInfo().Cluster
		if ci == nil || ci.Name != cluster {
			continue
		}
		if ci.Leader != "" {
			peers[ci.Leader] = true
		}
		for _, p := range ci.Replicas {
			peers[p.Name] = true
		}
	}
	return peers
}

// isPlacementError reports whether err is the server's refusal to place a
// replicated stream: replicas on a server outside a cluster, no suitable
// peers, or insufficient resources.
func isPlacementError(err error) bool {
	var apiErr *jetstream.APIError
	if !errors.As(err, &apiErr) {
		return false
	}
	switch apiErr.ErrorCode {
	case 10074, // replicas > 1 not supported in non-clustered mode
		10005, // no suitable peers for placement
		10023: // insufficient resources
		return true
	}
	return false
}

// objectLookupTimeout bounds one look-up of an object's info; objectReadRate
// is the slowest read rate a Get is allowed before it is given up, on top
// of objectLookupTimeout.
const (
	objectLookupTimeout = 10 * time.Second
	objectReadRate      = 1 << 20 // bytes per second
)

// boundedReads bounds each GetInfo and Get of an object store by its own
// deadline, shorter than a stage's time limit. A Get creates an ordered
// consumer on the bucket's stream; when the server that request went to
// dies, or the stream is electing a leader, the request is never answered
// and nats.go waits for the caller's whole deadline, so that a document
// would time out as a permanent failure instead of being retried. With its
// own deadline the read fails early with a plain error, which a stage
// retries. Reads are idempotent.
type boundedReads struct {
	jetstream.ObjectStore
}

// GetInfo implements jetstream.ObjectStore: a look-up not answered within
// requestAttempt is sent again, for up to requestPatience.
func (s boundedReads) GetInfo(ctx context.Context, name string, opts ...jetstream.GetObjectInfoOpt) (info *jetstream.ObjectInfo, err error) {
	err = patiently(ctx, requestAttempt, requestPatience, func(ctx context.Context) (err error) {
		info, err = s.ObjectStore.GetInfo(ctx, name, opts...)
		return err
	})
	return info, err
}

// Get implements jetstream.ObjectStore: the object must be read and closed
// within objectLookupTimeout plus its size at objectReadRate.
func (s boundedReads) Get(ctx context.Context, name string, opts ...jetstream.GetObjectOpt) (jetstream.ObjectResult, error) {
	info, err := s.GetInfo(ctx, name)
	if err != nil {
		return nil, err
	}
	limit := objectLookupTimeout + time.Duration(info.Size/objectReadRate)*time.Second
	ctx, cancel := context.WithTimeout(ctx, limit)
	r, err := s.ObjectStore.Get(ctx, name, opts...)
	if err != nil {
		cancel()
		return nil, err
	}
	return cancelOnClose{r, cancel}, nil
}

// cancelOnClose releases a Get's deadline when its result is closed.
type cancelOnClose struct {
	jetstream.ObjectResult
	cancel context.CancelFunc
}

// Close implements io.Closer.
func (r cancelOnClose) Close() error {
	defer r.cancel()
	return r.ObjectResult.Close()
}
