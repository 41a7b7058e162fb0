package workers

import "errors"

// ErrChildStart is returned, wrapped, by Isolated.Extract and Pool.Extract
// when no extraction child could be started (the binary gone, no
// processes or memory left): the machine's fault, not the document's, so
// the extract stage retries it, and after every attempt the dead letter
// is extract.retries_exhausted, which trips the circuit breakers.
var ErrChildStart = errors.New("workers: extraction child could not start")
