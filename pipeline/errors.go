package pipeline

import (
	"errors"
	"fmt"
	"github.com/casefile/casefile/schemas"
	"time"
)

// RetryError asks for redelivery after a delay. Create it with Retry.
type RetryError struct {
	After time.Duration
	Err   error
}

func (e *RetryError) Error() string { return fmt.Sprintf("retry after %s: %v", e.After, e.Err) }
func (e *RetryError) Unwrap() error { return e.Err }

// Retry marks err as transient: redeliver after the delay (zero means the
// stage's backoff).
func Retry(err error, after time.Duration) error { return &RetryError{After: after, Err: err} }

// PermanentError says a document cannot be processed. Create it with Permanent.
type PermanentError struct {
	Reason schemas.Reason
	Err    error
}

func (e *PermanentError) Error() string { return fmt.Sprintf("%s: %v", e.Reason, e.Err) }
func (e *PermanentError) Unwrap() error { return e.Err }

// Permanent marks err as final for the document: it is dead-lettered with
// reason.
func Permanent(reason schemas.Reason, err error) error {
	return &PermanentError{Reason: reason, Err: err}
}

// ErrStopped is returned by Run functions after a graceful stop.
var ErrStopped = errors.New("pipeline: stopped")
