package pipeline

import (
	"context"

	"github.com/casefile/casefile/schemas"
)

// SetDeadLetterer makes s write its dead letters through dl instead of the
// bus, so that a test can make the write fail.
func SetDeadLetterer(s *Stage, dl interface {
	DeadLetter(ctx context.Context, dl schemas.DeadLetter, gen int) error
}) {
	s.deadLetters = dl
}
