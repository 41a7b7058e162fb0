// Package quantity finds QUANTITY entities in a page of court text: money
// ("$1.2 million"), drug masses and strengths ("280 grams or more of
// cocaine base", "30 mg"), sentence lengths with their ranges and
// fractions ("120 months", "8 1/3 to 25 years", "15 years to life in
// prison", "life imprisonment"), hours of community service ("200 hours
// of community service"), counts of counts ("five counts of
// first-degree robbery", "two-count indictment") and counts of people,
// things and events in general ("three co-conspirators", "two or more
// bogus checks", "four of the five stolen watches", "one drug test"), each
// with typed attributes (schemas.QuantityAttrs: a range's lower bound is
// the value and its upper end the qualifier, "to 25") and a code-point
// span. What a number counts is told by the form of the phrase (a plural
// head noun), not by a list of nouns; guards keep out labels ("Count 2",
// "Rule 11"), line numbers, years, dates, ages and gangs named by numbers.
// [Find] is a pure function of the page.
package quantity
