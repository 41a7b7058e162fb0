// Package doctext turns a document's bytes into pages of text. It runs no
// programs, talks to no network and keeps no global mutable state: the
// pipeline's extract stage, the extract-child process and the casefile
// extract and annotate commands call it directly.
//
// [Extractor] sniffs the content and applies the limits; [PDF] reads a
// PDF's text layer page by page with github.com/ledongthuc/pdf, rebuilding
// lines and word spaces from glyph positions (content.go, layout.go);
// A page costs time and memory in proportion to its glyphs (at most
// 500,000 are read): about 80-150 bytes and a few hundred nanoseconds
// each, whatever the page's size (BenchmarkPageText). The pages of one
// document share what they can: fonts are loaded once per document, and
// glyph and layout storage is reused page after page
// (BenchmarkExtractCorpus reports pages/s over the corpus).
// [PlainText] splits a text file into pages at form feeds. [OCR] is the
// policy for pages without a usable text layer (which pages, what to keep
// when recognition fails); the recognizing itself is a [Recognizer] the
// caller supplies, ocr.Tesseract in casefile, so the child processes it
// runs live outside this package.
//
// Failures are the sentinel errors of errors.go and [PanicError], each
// mapped by [Reason] to a stable dead-letter reason code.
//
// What github.com/ledongthuc/pdf cannot do, and what casefile does about it.
// The library is vendored, patched, in third_party/pdf (see its
// encrypt_v5.go and repair.go); the rest is worked around here:
//
//   - It rejects anything but "%PDF-1.x" and a newline at byte 0: we find
//     the header within the first KiB, as poppler does, and the patched
//     reader takes any "%PDF-d.d".
//   - It looks for %%EOF only in the last 100 bytes: we cut trailing junk
//     (NUL padding, appended HTML) back to the last %%EOF.
//   - It cannot rebuild a missing or broken cross-reference table: the
//     patched reader scans for objects, as poppler and mutool do, and the
//     record says so in a warning.
//   - It has no AES-256 (security handler revisions 5 and 6): patched in,
//     for the empty user password; other passwords give extract.encrypted.
//   - Page.Content advances glyphs by byte instead of character code,
//     ignores word spacing and kerning, and skips Form XObjects and
//     annotation appearances: content.go interprets the stream itself.
//   - Interpret boxes every operand of a content stream in an interface
//     (an allocation per number): the patched reader adds Operators, which
//     reads the same tokens into typed operands (its content.go), and
//     recycles its zlib readers and token buffers; FuzzOperators checks
//     that Operators reads every stream as Interpret does.
//   - GetPlainText glues words: layout.go places words by position.
//   - It reports many errors by panicking: every call into it is recovered.
//
// Reason codes (errors.go, and extract.crashed from an isolated child) are
// a closed set: extract.empty, extract.not_pdf, extract.unsupported,
// extract.encrypted, extract.malformed, extract.too_large,
// extract.too_many_pages, extract.too_much_text, extract.panic,
// extract.timeout.
package doctext
