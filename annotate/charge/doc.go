// Package charge finds CHARGE entities: offenses named in words (with
// their degree, "murder in the second degree", the grade or aggravation
// word that makes another offense of a head, "felony murder", "aggravated
// assault", and the tails that belong to their names, "robbery with a
// firearm", "conspiracy to commit money laundering"), the offense names of the section headings of title 18 of
// the U.S. Code (lexicon.txt, made by gen_lexicon.go: "forced labor",
// "theft of trade secrets") and the "sexual" forms of assault, battery,
// abuse and misconduct ("SEX ASSAULT", "second-degree sexual assault"),
// offense phrases introduced by court language ("convicted of capital
// murder", "charged with conspiracy, grand larceny, forgery") or named
// before "in violation of" a citation, gerund phrases of federal charging
// language next to a citation ("Section 922(a)(1)(A), engaging in the
// business of manufacturing firearms without a license"), and citations
// of the United States Code ("21 U.S.C. §§ 841(a)(1) and 846"), of the
// C.F.R. where a regulation defines an offense ("36 C.F.R. § 2.35(b)(2)")
// and of state penal and drug codes, normalized, with the offense a cited
// section defines (from the embedded statutes.tsv) and the COUNT heading
// a charge falls under. State codes are read in their local forms where
// codes.go lists them ("720 ILCS 5/9-1", "§ 18-3-102, C.R.S. 2024", "I.C.
// 35-42-1-1") and in the Bluebook forms of statecodes.tsv (made by
// gen_statecodes.go from Free Law Project's reporters-db: 52
// jurisdictions, D.C., territories and the Navajo Nation among them), the
// latter only in criminal context. State grading language is read around offense names: a class or level before
// or in apposition ("Level 3 felony armed robbery", "X, a Class 2 felony,
// and Y") is left out of the name, and initials defined after an offense
// ("aggravated unlawful use of a weapon (AUUW)") are mentions of it on
// the page. Where court language introduces an offense ("convicted of",
// "a jury convicted defendant of", "acquitted him of", "charged him
// with"), the offense names of the FBI's NIBRS codes (nibrs.txt, made by
// gen_nibrs.go) are read whole ("driving under the influence",
// "disorderly conduct"), and so are the shapes state offense names take
// past the words that end other phrases: "while ability impaired",
// "resisting arrest", "on a child", "failure to register as a sex
// offender". A release's charging list names each charge on a line of its
// own, read whole in title case to its felony class ("• 18 Counts Title
// Fraud 3rd Degree Felony"). [Finder] holds the statute table, loaded once;
// [ParseCitations] is the citation parser on its own.
package charge
