// Package workers binds casefile's extractors and sinks to pipeline stages.
// Each worker is a thin pipeline.Handler: decode the message, call pure
// code, publish the result, and classify failures for the pipeline (retry
// or dead letter). Any number of processes may run any of them.
package workers
