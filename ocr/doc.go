// Package ocr reads page images: [Tesseract] renders the pages of a PDF
// with poppler's pdftoppm and recognizes them with tesseract, after
// poppler's pdfimages has listed the page's images so that a page whose
// images declare too many pixels is refused unrendered
// ([ErrImagesTooLarge]). Each tool is a bounded child process
// (internal/proc: an argument list, never a shell; a time limit per page;
// an address-space limit; capped output). It implements doctext.Recognizer
// without importing doctext, so the text package stays free of child
// processes and this one can be swapped.
package ocr
