// Package extractors turns document bytes into pages of text and pages of
// text into entities. It is pure: no NATS, no files other than those it is
// handed, no global mutable state. The pipeline's workers and the casefile
// annotate and extract commands call it directly.
//
// Text: [PDF] reads a PDF's text layer page by page with
// github.com/ledongthuc/pdf, rebuilding lines and word spaces from glyph
// positions; [PlainText] splits a text file into pages at form feeds.
// Failures are errors from the closed set in errors.go, each with a stable
// reason code ([Reason]) that dead letters carry.
//
// Entities: [Models] holds the prose model, loaded once per process by
// [LoadModels] and shared read-only; [Annotator] finds people, places and
// organizations and pins each to its page and code-point span.
//
// What github.com/ledongthuc/pdf cannot do, and what this package does about it:
//
//   - It rejects anything but "%PDF-1.x" followed by a newline at byte 0; we
//     find the header within the first KiB and hand the library a view that
//     starts there.
//   - It looks for %%EOF only in the last 100 bytes; we cut trailing junk
//     back to the last %%EOF.
//   - It cannot rebuild a missing or broken cross-reference table, and has no
//     AES-256 support: such files fail with extract.malformed or
//     extract.encrypted.
//   - It reports many errors by panicking; every call into it is recovered.
//   - GetPlainText glues words; we place glyphs by position instead.
package extractors
