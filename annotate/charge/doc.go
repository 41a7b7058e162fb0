// Package charge finds CHARGE entities: offenses named in words (with
// their degree, "murder in the second degree", and the tails that belong
// to their names, "robbery with a firearm", "conspiracy to commit money
// laundering"), the offense names of the section headings of title 18 of
// the U.S. Code (lexicon.txt, made by gen_lexicon.go: "forced labor",
// "theft of trade secrets") and the "sexual" forms of assault, battery,
// abuse and misconduct ("SEX ASSAULT", "second-degree sexual assault"),
// offense phrases introduced by court language ("convicted of capital
// murder", "charged with conspiracy, grand larceny, forgery") or named
// before "in violation of" a citation, gerund phrases of federal charging
// language next to a citation ("Section 922(a)(1)(A), engaging in the
// business of manufacturing firearms without a license"), and citations
// of the United States Code ("21 U.S.C. §§ 841(a)(1) and 846") and of
// state penal and drug codes, normalized, with the offense a cited
// section defines (from the embedded statutes.tsv) and the COUNT heading
// a charge falls under. [Finder] holds the statute table, loaded once;
// [ParseCitations] is the citation parser on its own.
package charge
