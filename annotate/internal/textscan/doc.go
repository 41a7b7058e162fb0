// Package textscan is what the annotation rules share to read text: lazily
// compiled patterns run anchored at candidate words ([FindAt]), byte to
// code-point offsets ([ByteToRune]), numbers written in digits or words
// ([ParseNumber]), and the one lexicon of months, weekdays, number words
// and name suffixes, so no rule family keeps its own copy.
package textscan
