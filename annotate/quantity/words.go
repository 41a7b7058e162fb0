package quantity

import "github.com/casefile/casefile/annotate/internal/textscan"

// The closed word classes the count rule reads phrases with. They are
// English grammar and the numbering habits of court papers (what labels a
// count, a rule, a page), not nouns of any one filing: what is counted is
// never listed, it is told by the form of the phrase.

// labelWords are words after which a number labels rather than counts:
// "Count 2", "Rule 11", "Exhibit 4", "No. 3", "page 12", "at 5", "age 23".
var labelWords = textscan.Set(
	"count", "counts", "ct", "cts", "no", "nos", "number", "numbers", "rule", "rules", "section", "sections", "sec", "secs",
	"exhibit", "exhibits", "ex", "exh", "page", "pages", "p", "pp", "paragraph", "paragraphs", "para", "paras",
	"line", "lines", "footnote", "footnotes", "fn", "n", "nn", "note", "notes", "chapter", "chapters", "ch",
	"title", "titles", "article", "articles", "art", "amendment", "volume", "vol", "dkt", "ecf", "doc", "docket",
	"item", "items", "level", "levels", "category", "grade", "step", "tier", "phase", "version", "claim", "claims",
	"ground", "question", "issue", "box", "room", "apt", "apartment", "suite", "floor", "unit", "route", "highway",
	"interstate", "precinct", "ward", "district", "zone", "cell", "case", "cases", "tab", "appendix", "app",
	"schedule", "table", "figure", "fig", "id", "v", "vs", "age", "aged", "ages", "part", "parts",
	"subsection", "subdivision", "clause", "division", "stage", "day", "week", "year", "month", "session",
	"defendant", "witness", "juror", "jurors", "plaintiff", "doe", "exhibits", "attachment", "annex", "form",
	"circuit", "cir", "district", "grade", "pl", "pub", "stat", "supp", "cong", "reg", "fed", "u.s.c", "usc",
	"minus", "plus", "through", "thru",
)

// months and their abbreviations: "June 5" is a date.
var months = func() map[string]bool {
	m := textscan.Set("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
	for _, w := range textscan.Months {
		m[w] = true
	}
	return m
}()

// stopWords are function words: they end a noun phrase. Articles,
// prepositions, conjunctions, pronouns, auxiliaries and modals, and the
// adverbs that follow a bare number ("two ago", "five apart").
var stopWords = textscan.Set(
	"the", "a", "an", "of", "and", "or", "nor", "but", "to", "in", "on", "at", "by", "for", "with", "from", "into",
	"onto", "upon", "as", "than", "that", "which", "who", "whom", "whose", "what", "this", "these", "those",
	"is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having", "do", "does", "did",
	"will", "would", "shall", "should", "may", "might", "must", "can", "could", "cannot", "not", "no", "so",
	"if", "then", "when", "where", "while", "because", "after", "before", "during", "since", "until", "about",
	"over", "under", "between", "among", "through", "throughout", "per", "each", "every", "all", "any", "some",
	"his", "her", "hers", "their", "theirs", "its", "our", "ours", "my", "mine", "your", "yours", "he", "she",
	"they", "it", "we", "you", "i", "him", "them", "us", "me", "there", "here", "also", "just", "even", "very",
	"too", "ago", "later", "earlier", "apart", "away", "out", "up", "down", "off", "again", "against", "within",
	"without", "via", "whether", "though", "although", "unless", "against", "toward", "towards", "across",
	"behind", "beyond", "near", "both", "either", "neither", "such", "own", "same", "another", "other's",
	"yet", "still", "only", "hereby", "herein", "thereof", "therein", "whereas", "why", "how", "says", "said",
	"below", "above", "beneath", "inside", "outside", "around", "along", "beside", "past", "like", "unlike",
	"despite", "except", "regarding", "concerning", "including", "old", "years-old", "year-old", "percent", "o'clock", "usc", "cfr", "ilcs", "stat", "supp",
)

// qualifierWords may stand capitalized before a number that counts:
// "Approximately 30 members", "Only 2 people".
var qualifierWords = textscan.Set("about", "approximately", "roughly", "nearly", "almost", "over", "only", "all",
	"some", "least", "most", "than", "exceed", "excess", "between", "and", "or", "to", "with", "of", "by", "for",
	"another", "other", "those", "these", "the", "his", "her", "their", "its", "our", "those")

// oneDeterminers before "one" make it a pronoun: "the one person in",
// "no one", "any one", "each one".
var oneDeterminers = textscan.Set("the", "this", "that", "no", "any", "each", "every", "which", "no-one",
	"someone", "anyone", "everyone", "some", "what", "whichever", "which")

// oneIdioms are nouns after "one" in set phrases that count nothing: "one
// way or another", "on one hand", "at one point", "one side".
var oneIdioms = textscan.Set("another", "way", "hand", "side", "point", "time", "moment", "respect", "sense",
	"end", "half", "third", "quarter", "fourth", "fifth", "tenth", "hundredth", "thousandth", "kind", "sort",
	"thing", "day", "night", "morning", "evening", "afternoon", "occasion's", "step", "more", "less", "least",
	"most", "last", "first", "second", "other", "single", "same", "hundred", "thousand", "million", "one",
	"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen")

// partitiveDeterminers follow "of" in a partitive count: "three of the
// defendants", "four of these statements".
var partitiveDeterminers = textscan.Set("the", "these", "those", "his", "her", "their", "its", "our", "my", "your")

// timeUnits make a number a duration, read by the duration rule: "two
// years", "three days of classes".
var timeUnits = textscan.Set("year", "years", "yr", "yrs", "month", "months", "mo", "mos", "week", "weeks", "wk",
	"wks", "day", "days", "hour", "hours", "hr", "hrs", "minute", "minutes", "min", "mins", "second", "seconds",
	"sec", "secs", "decade", "decades", "century", "centuries", "year's", "years'", "months'", "days'", "weeks'",
	"a.m", "p.m", "am", "pm", "o'clock", "night", "nights", "weekend", "weekends", "term", "terms")

// measureUnits make a number a measure (mass, money, length, share), not a
// count.
var measureUnits = textscan.Set("kilogram", "kilograms", "kilo", "kilos", "kg", "kgs", "gram", "grams", "g", "pound",
	"pounds", "lb", "lbs", "ounce", "ounces", "oz", "milligram", "milligrams", "mg", "microgram", "micrograms",
	"mcg", "ton", "tons", "dollar", "dollars", "cent", "cents", "usd", "percent", "per", "pct", "feet", "foot",
	"ft", "inch", "inches", "in", "mile", "miles", "mi", "yard", "yards", "yds", "meter", "meters", "metres",
	"kilometer", "kilometers", "km", "liter", "liters", "ml", "gallon", "gallons", "mph", "degree", "degrees",
	"points", "point", "mm", "cm", "millimeter", "millimeters", "caliber", "cal", "acre", "acres")

// strengthUnits are the units of a dose's strength: "30 mg oxycodone".
var strengthUnits = textscan.Set("mg", "milligram", "milligrams", "mcg", "microgram", "micrograms", "g", "gram", "grams")

// drugNames are the substances a count of pills or bags may name:
// "30 oxycodone tablets". The same substances as the mass rule's drugPat.
var drugNames = textscan.Set("cocaine", "crack", "heroin", "fentanyl", "methamphetamine", "meth", "marijuana",
	"cannabis", "oxycodone", "hydrocodone", "mdma", "ecstasy", "pcp", "lsd", "ketamine", "opium", "morphine",
	"codeine", "xanax", "alprazolam", "oxycontin", "percocet", "adderall", "suboxone", "buprenorphine", "tramadol")

// irregularPlurals are the plurals without -s that court papers count.
var irregularPlurals = textscan.Set("men", "women", "children", "people", "persons", "teeth", "feet", "mice",
	"geese", "criteria", "phenomena", "alumni", "data", "policemen", "policewomen", "gentlemen", "businessmen",
	"firemen", "chairmen", "congressmen", "spokesmen", "gunmen", "middlemen", "henchmen", "kinsmen", "clergymen",
	"servicemen", "patrolmen", "jurymen", "noblemen", "linemen", "fishermen", "workmen", "craftsmen", "police")

// notPlurals are common words in -s that are not plural nouns.
var notPlurals = textscan.Set("was", "has", "does", "his", "hers", "its", "this", "thus", "yes", "always",
	"perhaps", "sometimes", "besides", "towards", "afterwards", "unless", "across", "plus", "whereas", "news",
	"ours", "yours", "theirs", "whereas", "various", "numerous", "previous", "serious", "obvious", "nevertheless",
	"regardless", "alias", "aids", "chaos", "bus", "gas", "lens", "atlas", "bias", "canvas", "texas", "kansas",
	"arkansas", "illinois", "st. louis", "los", "las", "des", "vs", "pls", "says", "goes", "was", "seems", "needs",
	"means", "lbs", "hrs", "yrs", "mos", "mins", "secs", "kgs", "cts", "pcs", "ms", "mrs", "ps", "ts")

// pastVerbs are irregular past forms that end a singular noun phrase:
// "one man shot", "one witness saw".
var pastVerbs = textscan.Set("shot", "ran", "took", "got", "made", "said", "told", "went", "came", "saw", "fled",
	"left", "met", "kept", "held", "brought", "bought", "sold", "found", "gave", "knew", "thought", "stood", "sat",
	"fell", "hit", "put", "set", "let", "cut", "stole", "drove", "wrote", "spoke", "began", "became", "paid",
	"sent", "spent", "won", "lost", "led", "heard", "felt", "struck", "threw", "broke", "chose", "rode", "hid",
	"swore", "shook", "beat", "bit", "forgot", "understood", "meant", "read", "ate", "drank", "grew", "fought")

// partitiveNouns name a portion, container, kind or instance of something; their
// "of" complement is part of what is counted: "two cans of mace", "one
// piece of evidence", "three sets of agent notes". (The class English
// grammars call partitive, measure or quantifying nouns.) After any other
// noun an "of" phrase is left out: "eight searches of apartments".
var partitiveNouns = textscan.Set("piece", "pieces", "bit", "bits", "item", "items", "bag", "bags", "baggie",
	"baggies", "box", "boxes", "bottle", "bottles", "can", "cans", "jar", "jars", "cup", "cups", "packet", "packets",
	"package", "packages", "pack", "packs", "bundle", "bundles", "brick", "bricks", "block", "blocks", "vial",
	"vials", "set", "sets", "pair", "pairs", "kind", "kinds", "type", "types", "sort", "sorts", "category",
	"categories", "form", "forms", "instance", "instances", "example", "examples", "sheet", "sheets", "page",
	"pages", "roll", "rolls", "stack", "stacks", "load", "loads", "batch", "batches", "round", "rounds", "dose",
	"doses", "pill", "pills", "tablet", "tablets", "capsule", "capsules", "unit", "units", "count", "counts",
	"rounds", "magazine", "magazines", "box", "crate", "crates", "case", "cases", "carton", "cartons", "sack",
	"sacks", "container", "containers", "envelope", "envelopes", "stick", "sticks", "strip", "strips", "gallon",
	"gallons", "bar", "bars", "brick", "ream", "reams", "quantity", "quantities", "amount", "amounts", "lot", "lots",
	"theory", "theories", "count", "group", "groups", "series", "string", "strings", "volume", "volumes",
	"incident", "incidents", "episode", "episodes", "act", "acts", "occurrence", "occurrences")
