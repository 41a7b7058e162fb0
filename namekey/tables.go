package namekey

// honorifics are titles, ranks and roles written before a name; they are
// not part of it. Folded (no periods).
var honorifics = set(
	"mr", "mrs", "ms", "miss", "mx", "dr", "doctor", "prof", "professor",
	"hon", "honorable", "honourable", "judge", "justice", "chief", "magistrate",
	"associate", "senior", "district", "circuit", "presiding",
	"det", "detective", "officer", "ofc", "agent", "special", "sa", "task", "force", "tfo",
	"sgt", "sergeant", "lt", "lieutenant", "capt", "captain", "cpl", "corporal",
	"deputy", "dep", "trooper", "tpr", "inspector", "insp", "sheriff", "marshal",
	"investigator", "inv", "commissioner", "comm", "supt", "superintendent",
	"pvt", "private", "col", "colonel", "maj", "major", "gen", "general", "adm", "admiral",
	"rev", "reverend", "father", "fr", "sister", "brother", "pastor", "rabbi", "imam",
	"sen", "senator", "rep", "representative", "gov", "governor", "mayor", "president",
	"ausa", "attorney", "counsel",
)

// postNominals are degrees and styles written after a name ("Jane Roe,
// Esq."); they are not part of it.
var postNominals = set("esq", "esquire", "md", "phd", "jd", "dds", "rn", "cpa", "dmd")

// suffixes are generational suffixes, by their folded spellings, mapped
// to the one token the key keeps.
var suffixes = map[string]string{
	"jr": "jr", "junior": "jr",
	"sr": "sr", "senior": "sr",
	"ii": "ii", "2nd": "ii", "iii": "iii", "3rd": "iii", "iv": "iv", "4th": "iv",
}

// particles begin a surname of more than one word: "de la Cruz",
// "Van Dyke", "St. John".
var particles = set(
	"de", "del", "della", "la", "las", "los", "le", "da", "das", "do", "dos", "di",
	"du", "van", "von", "der", "den", "ten", "ter", "bin", "ibn", "al", "el", "st", "y",
)

// corporateForms are the legal-form words of a company's name, dropped
// from organization keys: "Acme Inc." and "ACME, INC" are one key.
var corporateForms = set(
	"inc", "incorporated", "llc", "llp", "lp", "ltd", "limited", "corp",
	"corporation", "co", "company", "plc", "pc", "pllc", "pa", "na", "gmbh",
	"ag", "sa", "srl", "bv", "nv", "pty", "lllp",
)

// orgStopwords carry no weight in an organization key once word order
// is gone: "Department of Justice" and "Justice Department".
var orgStopwords = set("the", "of", "and", "for", "a", "an", "in", "on", "at", "to")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// orgSpellings write one way the words court and agency names spell
// several ways.
var orgSpellings = map[string]string{
	"first": "1st", "second": "2nd", "third": "3rd", "fourth": "4th", "fifth": "5th",
	"sixth": "6th", "seventh": "7th", "eighth": "8th", "ninth": "9th", "tenth": "10th",
	"eleventh": "11th", "2d": "2nd", "3d": "3rd",
	"cir": "circuit", "ct": "court", "dept": "department", "dist": "district",
	"usa": "us",
}
