package casemeta

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/casefile/casefile/schemas"
)

func TestStateNumbers(t *testing.T) {
	tests := []struct {
		name, in   string
		want, role string // role "" for unlabelled forms
	}{
		{"missouri circuit", "State v. Doe, 2216-CR00123", "2216-CR00123", ""},
		{"missouri county", "Cause 22SL-CR01234-01 filed", "22SL-CR01234-01", ""},
		{"new york indictment number", "Ind. No. 12345/2019", "Ind. No. 12345/2019", ""},
		{"new york IND", "IND-12345-23", "IND-12345-23", ""},
		{"new york index", "Index No. 150123/2021", "150123/2021", schemas.RoleOwn},
		{"illinois", "Case 2019 CF 1234 is set", "2019 CF 1234", ""},
		{"illinois appellate", "No. 1-19-1234", "1-19-1234", schemas.RoleOwn},
		{"texas dallas", "Cause F-1234567", "F-1234567", ""},
		{"texas letter", "F19-12345-X", "F19-12345-X", ""},
		{"florida", "CASE NO.: 2019-CF-001234-A", "2019-CF-001234-A", ""},
		{"florida county", "52-2019-CF-001234-A", "52-2019-CF-001234-A", ""},
		{"california trial", "Case BA123456", "BA123456", ""},
		{"los angeles superior court", "was charged in case 26VWCF01097 with one count", "26VWCF01097", ""},
		{"california appellate", "THE PEOPLE,                 B123456\n", "B123456", ""},
		{"california supreme", "\n      S123456\n", "S123456", ""},
		{"california lower", "(San Mateo County Super. Ct.\n No. 20NF012926A)", "20NF012926A", schemas.RoleLowerCourt},
		{"pennsylvania", "CP-51-CR-0001234-2019", "CP-51-CR-0001234-2019", ""},
		{"ohio", "Case No. CR-19-123456-A", "CR-19-123456-A", ""},
		{"arizona trial", "CR2019-123456-001", "CR2019-123456-001", ""},
		{"arizona supreme", "No. CV-24-0079-PR", "CV-24-0079-PR", ""},
		{"arizona appeals", "1 CA-CR 19-0123", "1 CA-CR 19-0123", ""},
		{"georgia", "S19A1234", "S19A1234", ""},
		{"new jersey appellate division", "DOCKET NO. A-1234-19", "A-1234-19", ""},
		{"connecticut", "(SC 20726)", "SC 20726", ""},
		{"kentucky supreme", "Opinion\n\n2019-SC-0111-MR\n\n02-18-2021\n", "2019-SC-0111-MR", ""},
		{"new york city criminal court", "John Doe, Defendant.\n\n2015QN012345\n", "2015QN012345", ""},
		{"connecticut superior court whole", "Opinion\nHHBCR1900123450\n", "HHBCR1900123450", ""},
		{"connecticut superior court dashed", "Docket HHB-CR19-0012345-0 is set", "HHB-CR19-0012345-0", ""},
		{"maryland reported, no comma", "COURT OF SPECIAL APPEALS OF MARYLAND No. 512 September Term, 2016 JOHN", "512 September Term, 2016", schemas.RoleOwn},
		{"arizona mental health appeal", "Opinion\n\n1 CA-MH 01-0123 SP\n\nFiled October 2, 2002.", "1 CA-MH 01-0123 SP", ""},
		{"supreme court label", ")  Supreme Court No. S-19193\n", "S-19193", schemas.RoleOwn},
		{"superior court label", ")  Superior Court No. 3AN-19-05436 CI\n", "3AN-19-05436 CI", schemas.RoleLowerCourt},
		{"docket colon", "Docket: Sag-24-5\n", "Sag-24-5", schemas.RoleOwn},
		{"delaware", "§ No. 254, 2025\n", "254, 2025", schemas.RoleOwn},
		{"maryland", "Misc. Docket AG No. 11, Sept. Term, 2013.\n", "11, Sept. Term, 2013", schemas.RoleOwn},
		{"maryland spelled out", "No. 45, September Term, 2019\n", "45, September Term, 2019", schemas.RoleOwn},
		{"new mexico thousands comma", "Docket No. 31,905\n", "31,905", schemas.RoleOwn},
		{"texas criminal appeals comma", "NO. AP-77,129\n", "AP-77,129", schemas.RoleOwn},
		{"pennsylvania allocatur", "No. 402 MAL 2011\n", "402 MAL 2011", schemas.RoleOwn},
		{"pennsylvania commonwealth court", "No. 1234 C.D. 2019\n", "1234 C.D. 2019", schemas.RoleOwn},
		{"bap prefix", "BAP No. MW 00-005\n", "MW 00-005", schemas.RoleOwn},
		{"cause after appeal from", "APPEAL FROM: District Court,\n County of Cascade, Cause No. CDC-22-346", "CDC-22-346", schemas.RoleLowerCourt},
		{"en dash", "No. S–24–472.", "S-24-472", schemas.RoleOwn},
		{"case number label", "Case Number: DA 23-0430", "DA 23-0430", schemas.RoleOwn},
		{"long plain number", "No. 20240025", "20240025", schemas.RoleOwn},
		{"tennessee workers' compensation", "Docket No. 2019-06-0263\n", "2019-06-0263", schemas.RoleOwn},
		{"docket hash", "Docket #: 17-3510   ", "17-3510", schemas.RoleOwn},
		{"case record's field", "DocketNumber: 06-12345\nJudges: Jane A. Smith\n", "06-12345", schemas.RoleOwn},
		{"docket label on its line", "Opinion\n\nDocket No. 9123.\n\nJune 6, 1960.\n", "9123", schemas.RoleOwn},
		{"judge's initials after a space", "Opinion\n\nCriminal No. 13-01234 JB\n", "13-01234 JB", schemas.RoleOwn},
		{"judge's initials before a citation", "Opinion\n\nCriminal No. 13-01234 JB (D.N.M. Jan. 5, 2014)\n", "13-01234 JB", schemas.RoleOwn},
		{"wyoming", "  v.        S-24-0271\n", "S-24-0271", ""},
		{"new jersey supreme", "   A-1 September Term 2024\n", "A-1 September Term 2024", ""},
		{"oregon supreme", "(SC S066047)", "S066047", schemas.RoleOwn},
		{"oregon court of appeals", "(CA A160000)", "A160000", schemas.RoleOwn},
		{"oregon circuit", "(CC 13C21746)", "13C21746", schemas.RoleLowerCourt},
		{"oregon court of appeals after trial", "   140230856; A161408\n", "A161408", ""},
		{"south dakota", "#29901-aff in pt & rev in pt-PJD & SRJ\n", "29901", schemas.RoleOwn},
		{"vermont lower", "APPEALED FROM:\n Superior Court\n CASE NO. 171-10-19 Bnjv\n", "171-10-19 Bnjv", schemas.RoleLowerCourt},
		// The page's first line names its own court, a trial court without
		// "IN THE": its docket's number is its own, not a lower court's.
		// A heading above the label is not the label's word: "Opinion"
		// alone on its line does not make "NO." an opinion's number.
		{"mississippi under a heading", "Opinion\n\nNO. 2019-KA-01234-COA\n", "2019-KA-01234-COA", schemas.RoleOwn},
		{"trial court's own heading", "  MUNICIPAL COURT OF NOWHERE COUNTY\n  DOCKET\n  Docket Number: MC-51-CR-0001234-2019\n", "MC-51-CR-0001234-2019", schemas.RoleOwn},
		{"trial court below a heading", "SUPREME COURT OF NOWHERE\nAppeal of Roe\nMunicipal Court of Nowhere County\nDocket Number: 19-1234\n", "19-1234", schemas.RoleLowerCourt},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ns := findCaseNumbers(tt.in)
			if len(ns) != 1 {
				t.Fatalf("findCaseNumbers(%q) = %d numbers %+v, want 1", tt.in, len(ns), ns)
			}
			n := ns[0]
			if n.norm != tt.want || n.attrs.Role != tt.role && tt.role != "" {
				t.Errorf("findCaseNumbers(%q) = %q role %q, want %q role %q", tt.in, n.norm, n.attrs.Role, tt.want, tt.role)
			}
			if got := tt.in[n.start:n.end]; normalizeNumber(got) != n.norm && n.attrs.Form == schemas.FormState && tt.role != "" {
				t.Errorf("findCaseNumbers(%q): span %q does not print %q", tt.in, got, n.norm)
			}
		})
	}
}

func TestStateNumbersNot(t *testing.T) {
	for _, in := range []string{
		"ECF No. 49", "Opinion No. 28203", "Opinion Number: 2025-NMSC-023", "Cal. Bar No. 251120", "CSR No. 10958",
		"No. 2100 – August 13, 2025", "Pub. L. No. 115-391", "Rule No. 5", "No. 12", "Dkt. No. 1234-5", "(Nos. 3-4)", "Mercado, No. 18-CR-\n00549-LHK-3",
		"PENDING DECISION IN\nROMAN, ET AL. V. WOLF, ET AL., CASE NOS. 20-55436,",
		"S-24-02719", "page #29901 of", "(CC 12345)", "A-1 Term 2024",
		// A docket record's numbers of the police, the jail and the prosecutor.
		"Jail Booking Number: 12345667", "LEA Case Number: 99-99999", "Agency Case Number: 88888888",
		"Sheriff Office Number: 340980", "Police Case No. 21-004512",
		// A CPCMS docket's police numbers beside the court's.
		"Arresting Agency: Philadelphia Pd Incident Number: 5416313392", " District Control Number 5416313392\n",
		"Proc Status: Completed DC No: 9410965273 OTN:W 183625-6",
	} {
		for _, n := range findCaseNumbers(in) {
			if n.attrs.Form == schemas.FormState {
				t.Errorf("findCaseNumbers(%q) = %q, want no state number", in, n.norm)
			}
		}
	}
}

// FuzzStateNumbers checks that the state forms read any text without a
// panic, with spans in range and each number printed by its span.
func FuzzStateNumbers(f *testing.F) {
	for _, s := range []string{"Supreme Court No. S-19193\n", "§ No. 254, 2025", "(San Mateo County Super. Ct.\n No. 20NF012926A)",
		"CASE NO. 171-10-19 Bnjv\n", "(SC 20726)", "1 CA-CR 19-0123", "CP-51-CR-0001234-2019", "Docket: Sag-24-5", "No. S–24–472."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		findStateNumbers(s, func(start, end int, norm string, attrs *schemas.CaseNumberAttrs) {
			if start < 0 || end > len(s) || start >= end {
				t.Fatalf("span [%d,%d) out of range in %q", start, end, s)
			}
			if norm == "" || normalizeNumber(s[start:end]) != norm && attrs.Form == schemas.FormState {
				t.Fatalf("number %q from span %q in %q", norm, s[start:end], s)
			}
		})
	})
}

// TestBareStateNumber reads a state court of review's number its reporter
// prints alone on a line, and only on that court's decisions.
func TestBareStateNumber(t *testing.T) {
	for _, tt := range []struct{ page, want string }{
		{"Roe v. State\n\n240 Ga. 100 (1980)\n\nROE v. THE STATE.\n\n35123.\n\nSupreme Court of Georgia.\n\nDecided May 2, 1980.\n", "35123"},
		{"Supreme Court of Georgia\nJul 7, 1986\n\nOpinion\n\n42345.\n\nDECIDED JULY 7, 1986.\n", "42345"},
		{"Court of Appeals of New York.\n\nDecided May 3,\n\n2011.\n", ""},             // a year
		{"UNITED STATES DISTRICT COURT\nDISTRICT OF NOWHERE\n\n12345.\n\nORDER\n", ""}, // not a court of review
	} {
		c, _ := Read([]schemas.Page{{Number: 1, Method: schemas.MethodText, Text: tt.page}})
		got := ""
		if len(c.CaseNumbers) > 0 {
			got = c.CaseNumbers[0]
		}
		if got != tt.want {
			t.Errorf("Read(%q) numbers %q, want %q first", tt.page, c.CaseNumbers, tt.want)
		}
	}
}

func TestBareAppealNumber(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"United States Court of Appeals for the Federal Circuit\n\n        2009-1361\n\n  PAUL N. NELSON,\n   v.\n K2 INC.,", "2009-1361"},
		{"FOR THE NINTH CIRCUIT\nA,\nv.\nB.\nCASE NOS. 20-55436,\n20-55662\n", ""}, // below the caption: other cases' numbers
		{"2019-2020\n", ""}, // two years, not a number
	} {
		got := ""
		if s, e := bareAppealNumber(tt.in); s >= 0 {
			got = tt.in[s:e]
		}
		if got != tt.want {
			t.Errorf("bareAppealNumber(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestStateFormExamples checks each state form against its example: the
// pattern matches it, and the example holds what stateFormMatches asks of
// a line before running the patterns (three digits in a row, and a
// capitalJoint). A form added without them fails here.
func TestStateFormExamples(t *testing.T) {
	for _, f := range stateForms {
		if !regexp.MustCompile(f.pattern).MatchString(f.example) {
			t.Errorf("%s: pattern does not match its example %q", f.name, f.example)
		}
		if !digitRun(f.example, max(f.run, 3)) || !capitalJoint(f.example) {
			t.Errorf("%s: example %q lacks %d digits in a row or a capital joint, so stateFormMatches would skip its line", f.name, f.example, max(f.run, 3))
		}
		if got := stateFormMatches("Case " + f.example + " filed"); len(got) != 1 {
			t.Errorf("%s: stateFormMatches found %d numbers in a line holding %q, want 1", f.name, len(got), f.example)
		}
	}
}

// allStateFormMatches is stateFormMatches without its line filters: the
// pattern over every line.
func allStateFormMatches(text string) [][]int {
	var out [][]int
	for _, re := range []*regexp.Regexp{allStateForms.Get(), allLongStateForms.Get()} {
		for from := 0; from <= len(text); {
			to := len(text)
			if k := strings.IndexByte(text[from:], '\n'); k >= 0 {
				to = from + k
			}
			for _, m := range re.FindAllStringIndex(text[from:to], -1) {
				out = append(out, []int{m[0] + from, m[1] + from})
			}
			from = to + 1
		}
	}
	slices.SortFunc(out, func(a, b []int) int { return a[0] - b[0] })
	return out
}

// TestStateFormLines compares stateFormMatches with the patterns run on
// every line, over every stored first page and corpus page.
func TestStateFormLines(t *testing.T) {
	// The stored pages hold few state forms, so a page of every form's
	// example in prose lines is compared too.
	var lines []string
	for _, f := range stateForms {
		lines = append(lines, "The case, No. "+f.example+", was filed in 2019 and heard by JUDGE SMITH.")
	}
	pages := append(storedPages(t), strings.Join(lines, "\n"))
	found := 0
	for _, p := range pages {
		got, want := stateFormMatches(p), allStateFormMatches(p)
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Fatalf("page %.80q: stateFormMatches = %v, every line gives %v", p, got, want)
		}
		found += len(got)
	}
	t.Logf("%d pages, %d state-form numbers", len(pages), found)
}

func FuzzStateFormLines(f *testing.F) {
	for _, s := range stateForms {
		f.Add("No. " + s.example + "\n")
	}
	f.Add("2019 cf 1234 and 2019 CF 1234")
	f.Fuzz(func(t *testing.T, s string) {
		got, want := stateFormMatches(s), allStateFormMatches(s)
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Fatalf("%q: stateFormMatches = %v, every line gives %v", s, got, want)
		}
	})
}
