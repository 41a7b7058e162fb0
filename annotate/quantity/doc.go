// Package quantity finds QUANTITY entities in a page of court text: money
// ("$1.2 million"), drug masses ("280 grams or more of cocaine base"),
// sentence lengths ("120 months", "life imprisonment") and counts of
// things ("four murders", "five counts of first-degree robbery"), each with
// typed attributes (schemas.QuantityAttrs) and a code-point span. [Find] is
// a pure function of the page.
package quantity
