package readingroom

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/casefile/casefile/schemas"
)

// reasonText explains each dead-letter reason to a reader; README's table
// says the same. A test keeps it in step with schemas.Reasons().
var reasonText = map[schemas.Reason]string{
	schemas.ReasonIngestEmpty:           "The file has zero bytes.",
	schemas.ReasonIngestUnreadable:      "The file could not be read (permissions, a vanished file, a disk error).",
	schemas.ReasonIngestTooLarge:        "The file is larger than the run's --max-bytes limit.",
	schemas.ReasonExtractEmpty:          "There were no bytes to read.",
	schemas.ReasonExtractNotPDF:         "The file is named .pdf but is not a PDF (often an HTML error page saved by a scraper).",
	schemas.ReasonExtractUnsupported:    "The file is neither a PDF nor plain text.",
	schemas.ReasonExtractEncrypted:      "The PDF needs a user password to open.",
	schemas.ReasonExtractMalformed:      "Nothing readable was found in the file, even after repair (a truncated or broken download).",
	schemas.ReasonExtractTooLarge:       "The file is larger than the run's --max-bytes limit.",
	schemas.ReasonExtractTooManyPages:   "The document has more pages than the run's --max-pages limit.",
	schemas.ReasonExtractTooMuchText:    "The document holds more characters of text than the run's --max-chars limit.",
	schemas.ReasonExtractCrashed:        "The isolated extraction process died on this file (a signal, out of memory).",
	schemas.ReasonExtractMissingBytes:   "The document's bytes were not in the object store, nor readable at its source path, when extraction asked for them.",
	schemas.ReasonExtractSourceChanged:  "The document was read from its file, which had changed since it was ingested.",
	schemas.ReasonAnnotateTooManyEnts:   "The text yields more entities than the run's --max-entities limit (a text of nothing but names).",
	schemas.ReasonAnnotateFailed:        "Annotation returned an error.",
	schemas.ReasonAnnotateInvalidRecord: "The record broke its schema or a span its text: a bug in casefile, please report it.",
}

// causeText explains the causes every consuming stage shares.
var causeText = map[string]string{
	schemas.CauseBadMessage:       "The pipeline message could not be decoded.",
	schemas.CauseTimeout:          "No result within the run's --timeout; the work was stopped.",
	schemas.CausePanic:            "The stage's code panicked on this document; the worker lived on.",
	schemas.CauseRetriesExhausted: "A transient failure (a store or server away) on every one of the run's --attempts.",
	schemas.CauseMaxDeliveries:    "Every delivery ended without an answer: workers died on it.",
}

// ReasonText explains a dead-letter reason code, or says it has no
// explanation (a code from a newer casefile).
func ReasonText(r schemas.Reason) string {
	if t, ok := reasonText[r]; ok {
		return t
	}
	_, cause, _ := strings.Cut(string(r), ".")
	if t, ok := causeText[cause]; ok && schemas.StageReason(r.Stage(), cause) == r {
		return t
	}
	return "No description: a reason this version of casefile does not know."
}

// maxDeadLetters is the page size of the dead-letters list.
const maxDeadLetters = 50

// DeadLetters is one page of the dead letters, with counts by reason.
type DeadLetters struct {
	Reason  string // the filter in force, or ""
	Page    int
	Reasons []ReasonCount
	Letters []DeadLetter
	Total   int
	// Prev and Next are the neighbouring pages' URLs, or "".
	Prev, Next string
}

// ReasonCount is how many dead letters have a reason.
type ReasonCount struct {
	Reason, Text, Stage, URL string
	N                        int
	Infrastructure           bool
}

// DeadLetter is one failed document.
type DeadLetter struct {
	ID, Source, Stage, Reason, Message, At string
	Attempts                               int
}

func deadLettersURL(reason string, page int) string {
	v := url.Values{}
	if reason != "" {
		v.Set("reason", reason)
	}
	if page > 1 {
		v.Set("page", strconv.Itoa(page))
	}
	if len(v) == 0 {
		return "/deadletters"
	}
	return "/deadletters?" + v.Encode()
}

// DeadLetters reads page (1-based) of the dead letters with reason, or
// of all when reason is "".
func (s *Store) DeadLetters(ctx context.Context, reason string, page int) (*DeadLetters, error) {
	page = min(max(page, 1), MaxPage)
	out := &DeadLetters{Reason: reason, Page: page}
	rows, err := s.query(ctx, `SELECT reason, stage, count(*) FROM dead_letters GROUP BY reason, stage ORDER BY 3 DESC, 1 LIMIT 200`)
	if err != nil {
		return nil, fmt.Errorf("readingroom: dead letters: %w", err)
	}
	for rows.Next() {
		var rc ReasonCount
		if err := rows.Scan(&rc.Reason, &rc.Stage, &rc.N); err != nil {
			rows.Close()
			return nil, fmt.Errorf("readingroom: dead letters: %w", err)
		}
		rc.Text = ReasonText(schemas.Reason(rc.Reason))
		rc.Infrastructure = schemas.Reason(rc.Reason).Infrastructure()
		rc.URL = deadLettersURL(rc.Reason, 1)
		if reason == "" || reason == rc.Reason {
			out.Total += rc.N
		}
		out.Reasons = append(out.Reasons, rc)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("readingroom: dead letters: %w", err)
	}

	where, args := "", []any{}
	if reason != "" {
		where, args = " WHERE reason = ?", append(args, reason)
	}
	args = append(args, maxDeadLetters, (page-1)*maxDeadLetters)
	rows, err = s.query(ctx, `SELECT id, source, stage, reason, message, attempts, `+s.text("at")+
		` FROM dead_letters`+where+` ORDER BY reason, source, id LIMIT ? OFFSET ?`, args...)
	if err != nil {
		return nil, fmt.Errorf("readingroom: dead letters: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var dl DeadLetter
		if err := rows.Scan(&dl.ID, &dl.Source, &dl.Stage, &dl.Reason, &dl.Message, &dl.Attempts, &dl.At); err != nil {
			return nil, fmt.Errorf("readingroom: dead letters: %w", err)
		}
		out.Letters = append(out.Letters, dl)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("readingroom: dead letters: %w", err)
	}
	if page > 1 {
		out.Prev = deadLettersURL(reason, page-1)
	}
	if page < MaxPage && page*maxDeadLetters < out.Total {
		out.Next = deadLettersURL(reason, page+1)
	}
	return out, nil
}
