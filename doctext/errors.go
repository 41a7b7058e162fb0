package doctext

import (
	"context"
	"errors"
	"fmt"
	"github.com/casefile/casefile/schemas"
)

// Errors returned by Extract. Match them with errors.Is; [Reason]
// maps them to dead-letter reason codes.
var (
	ErrEmpty        = errors.New("doctext: empty document")
	ErrNotPDF       = errors.New("doctext: not a PDF")
	ErrUnsupported  = errors.New("doctext: unsupported content type")
	ErrEncrypted    = errors.New("doctext: encrypted and no empty user password")
	ErrMalformed    = errors.New("doctext: malformed PDF")
	ErrTooLarge     = errors.New("doctext: document too large")
	ErrTooManyPages = errors.New("doctext: too many pages")
	ErrTooMuchText  = errors.New("doctext: too much text")
)

// PanicError is a panic inside a third-party parser, contained at our
// boundary. Page is 0 when the panic happened outside any one page.
type PanicError struct {
	Page  int
	Value any
}

func (e *PanicError) Error() string {
	if e.Page > 0 {
		return fmt.Sprintf("doctext: parser panic on page %d: %v", e.Page, e.Value)
	}
	return fmt.Sprintf("doctext: parser panic: %v", e.Value)
}

// Reason returns the dead-letter reason code for an extraction error.
func Reason(err error) schemas.Reason {
	var pe *PanicError
	switch {
	case errors.As(err, &pe):
		return schemas.StageReason(schemas.StageExtract, schemas.CausePanic)
	case errors.Is(err, ErrEmpty):
		return schemas.ReasonExtractEmpty
	case errors.Is(err, ErrNotPDF):
		return schemas.ReasonExtractNotPDF
	case errors.Is(err, ErrUnsupported):
		return schemas.ReasonExtractUnsupported
	case errors.Is(err, ErrEncrypted):
		return schemas.ReasonExtractEncrypted
	case errors.Is(err, ErrTooLarge):
		return schemas.ReasonExtractTooLarge
	case errors.Is(err, ErrTooMuchText):
		return schemas.ReasonExtractTooMuchText
	case errors.Is(err, ErrTooManyPages):
		return schemas.ReasonExtractTooManyPages
	case errors.Is(err, context.DeadlineExceeded):
		return schemas.StageReason(schemas.StageExtract, schemas.CauseTimeout)
	default:
		return schemas.ReasonExtractMalformed
	}
}
