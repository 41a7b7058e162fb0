// Package charge finds CHARGE entities: offenses named in words (with
// their degree, "murder in the second degree", and the tails that belong
// to their names, "robbery with a firearm", "conspiracy to commit money
// laundering"), offense phrases introduced by court language ("convicted
// of capital murder", "charged with conspiracy, grand larceny, forgery"),
// and citations of the United States Code ("21 U.S.C. §§ 841(a)(1) and
// 846") and of state penal and drug codes, normalized, with the offense a
// cited section defines (from the embedded statutes.tsv) and the COUNT
// heading a charge falls under. [Finder] holds the statute table, loaded
// once; [ParseCitations] is the citation parser on its own.
package charge
