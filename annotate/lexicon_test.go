package annotate

import (
	"strings"
	"sync"
	"testing"

	"github.com/casefile/casefile/schemas"
)

var (
	lexOnce   sync.Once
	lexModels *Models
	lexErr    error
)

func lexiconModels(t testing.TB) *Models {
	t.Helper()
	lexOnce.Do(func() { lexModels, lexErr = LoadModels() })
	if lexErr != nil {
		t.Fatal(lexErr)
	}
	return lexModels
}

// placesAndOrgs runs the organization then the place rules on text, as
// annotatePage does, and returns the texts found of each type.
func placesAndOrgs(m *Models, text string) (places, orgs []string) {
	runes := []rune(text)
	ws := splitWords(runes)
	taken := make([]bool, len(ws))
	os := findOrganizations(ws, m.gaz)
	for _, s := range os {
		for k := s.from; k < s.to; k++ {
			taken[k] = true
		}
		orgs = append(orgs, string(runes[ws[s.from].start:ws[s.to-1].end]))
	}
	for _, s := range findPlaces(ws, m.gaz, taken, m.firstNames) {
		places = append(places, string(runes[ws[s.from].start:ws[s.to-1].end]))
	}
	return places, orgs
}

func TestGeneratedPlaces(t *testing.T) {
	m := lexiconModels(t)
	tests := []struct {
		name, in string
		want     []string
	}{
		{"large city alone", "A Temecula man was sentenced.", []string{"Temecula"}},
		{"ambiguous large city alone", "He flew to Dallas on Friday.", []string{"Dallas"}},
		{"word city with its state", "He lives in Reading, Pennsylvania, now.", []string{"Reading", "Pennsylvania"}},
		{"word city with a USPS code", "Temple, TX 76501", []string{"Temple", "TX"}},
		{"word city alone", "Reading the statute, we agree.", nil},
		{"surname city alone", "Warren testified next.", nil},
		{"city of, span includes it", "the City of Santa Ana and others", []string{"City of Santa Ana"}},
		{"lower-case city of", "a shop in the city of La Habra today", []string{"La Habra"}},
		{"small city after in", "an apartment in Channahon after the fight", []string{"Channahon"}},
		{"small city alone", "Channahon argued otherwise.", nil},
		{"city inside a company name", "Whitaker v. Hartford Life & Accident Ins. Co.", nil},
		{"city after of a name", "See Bank of Jacksonville v. FDIC.", nil},
		{"church of a town", "The Rock Church of Bangor filed suit.", nil},
		{"person party of a case", "Tollett v. Henderson, 411 U.S. 258", nil},
		{"short cite of a person", "Chandler, 940 F.2d at 366", nil},
		{"residence in parentheses", "Justin Warren, 20, (Mount Vernon)", []string{"Mount Vernon"}},
		{"title before a country", "Officer Jordan arrived.", nil},
		{"country inside a person's name", "Jose Luis Montenegro testified.", nil},
		{"country alone", "They traveled to Malta.", []string{"Malta"}},
	}
	for _, tt := range tests {
		got, _ := placesAndOrgs(m, tt.in)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: places in %q = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestGeneratedCourts(t *testing.T) {
	m := lexiconModels(t)
	tests := []struct {
		name, in string
		want     []string
	}{
		{"full district court", "the United States District Court for the Eastern District of California held", []string{"United States District Court for the Eastern District of California"}},
		{"district alone", "filed in the Eastern District of California today", []string{"Eastern District of California"}},
		{"citation", "2019 WL 1 (E.D. Cal. 2019)", []string{"E.D. Cal."}},
		{"circuit", "as the Tenth Circuit held", []string{"Tenth Circuit"}},
		{"circuit court of appeals", "the Court of Appeals for the Tenth Circuit", []string{"Court of Appeals for the Tenth Circuit"}},
		{"circuit citation", "940 F.2d 363 (8th Cir. 1991)", []string{"8th Cir."}},
		{"caption lines", "UNITED STATES DISTRICT COURT\nEASTERN DISTRICT OF CALIFORNIA\n", []string{"UNITED STATES DISTRICT COURT", "EASTERN DISTRICT OF CALIFORNIA"}},
		{"state court citation", "992 P.2d 911 (Okla. Crim. App. 1999)", []string{"Okla. Crim. App."}},
		{"bare head with an of-name", "forwarded to the Court of Criminal Appeals.", []string{"Court of Criminal Appeals"}},
		{"office of", "supervision of the Office of Juvenile Affairs for", []string{"Office of Juvenile Affairs"}},
		{"board of directors is no name", "members of the Board of Directors met", nil},
		{"bare court", "the Court finds", nil},
	}
	for _, tt := range tests {
		_, got := placesAndOrgs(m, tt.in)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: organizations in %q = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestGeneratedCompanies(t *testing.T) {
	m := lexiconModels(t)
	tests := []struct {
		name, in string
		want     []string
	}{
		{"company alone", "He worked at Walmart for years.", []string{"Walmart"}},
		{"party in a citation", "See Ashley County v. Pfizer, 552 F.3d 659.", []string{"Pfizer"}},
		{"mixed case name", "his MetLife policy lapsed", []string{"MetLife"}},
		{"capitals line", "PFIZER INC.\n", []string{"PFIZER INC."}},
		{"sentence opener before it", "The Pfizer plant closed.", []string{"Pfizer"}},
		{"corporate suffix", "Pfizer Inc. agreed", []string{"Pfizer Inc."}},
		{"suffix at a sentence end", "a contract with Walmart Corp.", []string{"Walmart Corp."}},
		{"comma then suffix", "Citibank, N.A., 614 F.3d 400", []string{"Citibank"}},
		{"lower case is no name", "a walmart bag", nil},
		{"word of a longer name", "an account at Deutsche Bank", []string{"Deutsche Bank"}},
		{"word of a place", "flew to Buenos Aires", nil},
		{"English word", "a Target store and an Apple watch", []string{"Apple"}}, // Apple: hand list
		{"surname", "Kroger testified", nil},
		{"state", "in Texas", nil},
		{"people", "a Brazilian national", nil},
		{"ticker", "AAPL rose", nil},
	}
	for _, tt := range tests {
		_, got := placesAndOrgs(m, tt.in)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: organizations in %q = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestNameLists(t *testing.T) {
	m := lexiconModels(t)
	for _, w := range []string{"jordan", "maria", "deshawn", "guadalupe", "aaliyah"} {
		if !m.firstNames[w] {
			t.Errorf("firstNames[%q] = false, want true", w)
		}
	}
	// English words that are rare given names stay out.
	for _, w := range []string{"justice", "king", "major", "judge", "court"} {
		if m.firstNames[w] {
			t.Errorf("firstNames[%q] = true, want false", w)
		}
	}
	for _, w := range []string{"garcia", "nguyen", "smith", "okafor"} {
		if w != "okafor" && !m.surnames[w] {
			t.Errorf("surnames[%q] = false, want true", w)
		}
	}
	if len(m.firstNames) < 5000 || len(m.surnames) < 20000 {
		t.Errorf("len(firstNames), len(surnames) = %d, %d; want >= 5000, 20000", len(m.firstNames), len(m.surnames))
	}
}

// FuzzFindPlacesAndOrgs runs the place and organization rules on any text:
// no panic, and every span within the page.
func FuzzFindPlacesAndOrgs(f *testing.F) {
	for _, s := range []string{"A Temecula man", "Reading, PA", "City of", "UNITED STATES DISTRICT COURT\nEASTERN DISTRICT OF CALIFORNIA",
		"(Mount Vernon)", "Tollett v. Henderson, 411", "Court of", "Office of the", "of El Paso", ", ", "St. Louis, MO",
		"Shaw v. Dig.\n\nEquip. Corp., 82", "Servs., Inc.", "Dep’t of Corr.", "Ctr.", ", Inc.", "Major Frauds Section",
		"Office of Juvenile\nAffairs for", "from Pomona Police\n\nDepartment.", "Loma Linda University Health to"} {
		f.Add(s)
	}
	m := lexiconModels(f)
	f.Fuzz(func(t *testing.T, text string) {
		runes := []rune(text)
		ws := splitWords(runes)
		taken := make([]bool, len(ws))
		spans := append(findOrganizations(ws, m.gaz), findPlaces(ws, m.gaz, taken, m.firstNames)...)
		for _, s := range spans {
			if s.from < 0 || s.to > len(ws) || s.from >= s.to {
				t.Fatalf("span %d..%d of %d words in %q", s.from, s.to, len(ws), text)
			}
			if s.typ != schemas.Place && s.typ != schemas.Organization {
				t.Fatalf("type %s", s.typ)
			}
		}
	})
}
