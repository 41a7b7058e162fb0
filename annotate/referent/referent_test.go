package referent

import (
	"slices"
	"strings"
	"testing"

	"github.com/casefile/casefile/schemas"
)

// doc builds one page of text and its entities from marked text: each
// entity is written [TYPE:text], and the marks are removed from the page.
func marked(s string) ([]schemas.Entity, []schemas.Page) {
	var (
		b    strings.Builder
		ents []schemas.Entity
		n    int // runes written
	)
	for {
		i := strings.Index(s, "[")
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		n += len([]rune(s[:i]))
		j := strings.Index(s[i:], "]") + i
		typ, text, _ := strings.Cut(s[i+1:j], ":")
		t := map[string]schemas.EntityType{"P": schemas.Person, "O": schemas.Organization, "C": schemas.Charge, "Q": schemas.Quantity}[typ]
		ents = append(ents, schemas.Entity{Type: t, Text: text, Page: 1, Start: n, End: n + len([]rune(text)), Source: schemas.SourceRule})
		b.WriteString(text)
		n += len([]rune(text))
		s = s[j+1:]
	}
	return ents, []schemas.Page{{Number: 1, Method: schemas.MethodText, Text: b.String()}}
}

// groupsOf renders Group's result as "name: mention texts | extras" lines.
func groupsOf(ents []schemas.Entity, des []schemas.DocEntity) []string {
	var out []string
	for _, de := range des {
		var forms []string
		for _, i := range de.Mentions {
			forms = append(forms, ents[i].Text)
		}
		line := de.ID + " " + de.Name + ": " + strings.Join(forms, ", ")
		if len(de.Aliases) > 0 {
			line += " aka " + strings.Join(de.Aliases, ", ")
		}
		if len(de.AmbiguousWith) > 0 {
			line += " ambiguous " + strings.Join(de.AmbiguousWith, ",")
		}
		for _, i := range de.Charges {
			line += " charge " + ents[i].Text
		}
		for _, i := range de.Quantities {
			line += " qty " + ents[i].Text
		}
		out = append(out, line)
	}
	return out
}

func TestGroup(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"full, caps and surname", "[P:JOSE DOE] appeared. [P:Jose Doe] said [P:Doe] was late; [P:Doe’s] car, [P:Jones’] car.",
			[]string{"p1 Jose Doe: JOSE DOE, Jose Doe, Doe, Doe’s", "p2 Jones: Jones’"}},
		{"last, first", "Defendant [P:DOE, JOSE A.] and later [P:Jose A. Doe].",
			[]string{"p1 Jose A. Doe: DOE, JOSE A., Jose A. Doe"}},
		{"all caps only", "[P:SEAN O'BRIEN] and [P:O'BRIEN]",
			[]string{"p1 Sean O'Brien: SEAN O'BRIEN, O'BRIEN"}},
		{"surname shared stays apart", "[P:John Doe] and [P:Jane Doe] met. [P:Doe] left.",
			[]string{"p1 John Doe: John Doe", "p2 Jane Doe: Jane Doe", "p3 Doe: Doe ambiguous p1,p2"}},
		{"initial beside two", "[P:John Doe], [P:Jane Doe] and [P:J. Doe].",
			[]string{"p1 John Doe: John Doe", "p2 Jane Doe: Jane Doe", "p3 J. Doe: J. Doe ambiguous p1,p2"}},
		{"middle initial compatible", "[P:John Adam Doe] and [P:John A. Doe] and [P:J. Doe].",
			[]string{"p1 John Adam Doe: John Adam Doe, John A. Doe, J. Doe"}},
		{"suffixes kept apart", "[P:John Doe Jr.] and [P:John Doe Sr.] and [P:Doe].",
			[]string{"p1 John Doe Jr.: John Doe Jr.", "p2 John Doe Sr.: John Doe Sr.", "p3 Doe: Doe ambiguous p1,p2"}},
		{"aka and quoted alias", `[P:HISWAN SIMMONS], a.k.a. “[P:Codac],” a.k.a. “[P:Hazz Loc],” 22, of Arverne. [P:Codac] ran.`,
			[]string{"p1 Hiswan Simmons: HISWAN SIMMONS, Codac, Hazz Loc, Codac aka Codac, Hazz Loc"}},
		{"age then a/k/a over a line", "[P:Chalim Perry],\n 21, (a/k/a [P:Sha EK]), and [P:Elijah Santiago], 18",
			[]string{"p1 Chalim Perry: Chalim Perry, Sha EK aka Sha EK", "p2 Elijah Santiago: Elijah Santiago"}},
		{"also known as", "[P:John Smith], also known as [P:Johnny Blaze], was arrested.",
			[]string{"p1 John Smith: John Smith, Johnny Blaze aka Johnny Blaze"}},
		{"nickname inside the name", `[P:Felipe “Phil” Flores] and [P:Flores] and [P:Phil]`,
			[]string{"p1 Felipe Flores: Felipe “Phil” Flores, Flores, Phil aka Phil"}},
		{"nickname between given name and surname", `[P:Alphati] “[P:Havoc]” [P:Tanis]`,
			[]string{"p1 Alphati: Alphati, Havoc aka Havoc", "p2 Tanis: Tanis"}},
		{"given name alone, one person", "[P:Maria Lopez] testified. [P:Maria] cried.",
			[]string{"p1 Maria Lopez: Maria Lopez, Maria"}},
		{"cited party kept apart", "[P:Lindsay Bailey] filed. See United States v. [P:Bailey], 696 F.3d 794.",
			[]string{"p1 Lindsay Bailey: Lindsay Bailey", "p2 Bailey: Bailey"}},
		{"line number inside a name", "[P:Peter\n24 Johnson] and [P:PETER JOHNSON]",
			[]string{"p1 Peter Johnson: Peter\n24 Johnson, PETER JOHNSON"}},
		{"defined acronym", "the [O:Drug Enforcement Administration] ([O:DEA]) said the [O:DEA] seized",
			[]string{"o1 Drug Enforcement Administration: Drug Enforcement Administration, DEA, DEA"}},
		{"defined acronym spells no other name", "the [O:Vehicular Crimes Unit] (“[O:VCU]”) and the police's [O:Vehicle Crimes Unit]; the [O:VCU] was created",
			[]string{"o1 Vehicular Crimes Unit: Vehicular Crimes Unit, VCU, VCU", "o2 Vehicle Crimes Unit: Vehicle Crimes Unit"}},
		{"acronym by initials", "The [O:New York Police Department] and the [O:NYPD]",
			[]string{"o1 New York Police Department: New York Police Department, NYPD"}},
		{"corporate forms", "[O:Acme Inc.] and [O:ACME, INC.] and [O:Acme]",
			[]string{"o1 Acme Inc.: Acme Inc., ACME, INC., Acme"}},
		{"caption court and district", "  [O:UNITED STATES DISTRICT COURT]\n\n 9   FOR THE [O:EASTERN DISTRICT OF CALIFORNIA]\n",
			[]string{"o1 United States District Court: UNITED STATES DISTRICT COURT, EASTERN DISTRICT OF CALIFORNIA"}},
		{"generic court of appeal and its district", "the [O:Court of Appeal, Second District, Division 3] affirmed; the [O:Court of Appeal] held",
			[]string{"o1 Court of Appeal, Second District, Division 3: Court of Appeal, Second District, Division 3, Court of Appeal"}},
		{"generic court of appeal, two districts", "the [O:Court of Appeal, Second District] and the [O:Court of Appeal, Fourth District]; the [O:Court of Appeal] held",
			[]string{"o1 Court of Appeal, Second District: Court of Appeal, Second District", "o2 Court of Appeal, Fourth District: Court of Appeal, Fourth District", "o3 Court of Appeal: Court of Appeal"}},
		{"circuit spellings", "the [O:Ninth Circuit] held; see [O:9th Cir.]",
			[]string{"o1 Ninth Circuit: Ninth Circuit, 9th Cir."}},
		{"tail of a longer name", "the [O:NYPD Gun Violence Suppression Division] and the [O:Gun Violence Suppression Division]",
			[]string{"o1 NYPD Gun Violence Suppression Division: NYPD Gun Violence Suppression Division, Gun Violence Suppression Division"}},
		{"generic tail not linked", "the [O:Pomona Police Department] and the [O:Police Department]",
			[]string{"o1 Pomona Police Department: Pomona Police Department", "o2 Police Department: Police Department"}},
		{"generic company not linked", "[O:Acme Widget Company] hired him. [O:The Company] fired him.",
			[]string{"o1 Acme Widget Company: Acme Widget Company", "o2 The Company: The Company"}},
		{"charge tied to the one person", "[P:John Doe] pleaded guilty to [C:conspiracy] and faces [Q:20 years].",
			[]string{"p1 John Doe: John Doe charge conspiracy qty 20 years"}},
		{"two people, no tie", "[P:John Doe] and [P:Jane Roe] were charged with [C:robbery].",
			[]string{"p1 John Doe: John Doe", "p2 Jane Roe: Jane Roe"}},
		{"official announces, no tie", "District Attorney [P:Darcel Clark] announced that seven members have been indicted in a [C:conspiracy].",
			[]string{"p1 Darcel Clark: Darcel Clark"}},
		{"judge sentences, no tie", "Judge [P:Mary Roe] sentenced the defendant to [Q:10 years].",
			[]string{"p1 Mary Roe: Mary Roe"}},
		{"as to", "[C:Count One] is dismissed as to defendant [P:John Doe].",
			[]string{"p1 John Doe: John Doe charge Count One"}},
		{"general clause after the cue", "[P:Vinton] was arrested for [C:possession of a weapon], an offense that resembles [C:narcotics possession].",
			[]string{"p1 Vinton: Vinton charge possession of a weapon"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ents, pages := marked(tt.in)
			got := groupsOf(ents, Group(ents, pages))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Group(%q) =\n%s\nwant\n%s", tt.in, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestCourtAbbreviation: a court's citation abbreviation, normalized to
// the court's name as the annotator's court list does, joins the one court
// of the document whose name holds every word of it.
func TestCourtAbbreviation(t *testing.T) {
	tests := []struct {
		name, in, norm string
		want           []string
	}{
		{"court with its district", "[O:Missouri Court of Appeals, Western District] 40 S.W.3d 100 ([O:Mo. Ct. App.] 2001)", "Missouri Court of Appeals",
			[]string{"o1 Missouri Court of Appeals, Western District: Missouri Court of Appeals, Western District, Mo. Ct. App."}},
		{"heading in capitals", "[O:FIFTH CIRCUIT COURT OF APPEAL STATE OF LOUISIANA]\n300 So. 3d 100 ([O:La. Ct. App.] 2020)", "Louisiana Court of Appeal",
			[]string{"o1 Fifth Circuit Court of Appeal State of Louisiana: FIFTH CIRCUIT COURT OF APPEAL STATE OF LOUISIANA, La. Ct. App."}},
		{"two courts that hold the words stay apart", "[O:Missouri Court of Appeals, Western District] and [O:Missouri Court of Appeals, Eastern District] ([O:Mo. Ct. App.])", "Missouri Court of Appeals",
			[]string{"o1 Missouri Court of Appeals, Western District: Missouri Court of Appeals, Western District", "o2 Missouri Court of Appeals, Eastern District: Missouri Court of Appeals, Eastern District", "o3 Mo. Ct. App.: Mo. Ct. App."}},
		{"a court of no place finds none", "the [O:Supreme Court of Nebraska] cited the [O:U.S. Supreme Court]", "Supreme Court",
			[]string{"o1 Supreme Court of Nebraska: Supreme Court of Nebraska", "o2 U.S. Supreme Court: U.S. Supreme Court"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ents, pages := marked(tt.in)
			last := &ents[len(ents)-1]
			last.Normalized = tt.norm
			got := groupsOf(ents, Group(ents, pages))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Group(%q) =\n%s\nwant\n%s", tt.in, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestSheriffKey: the forms of one county sheriff's office share a key;
// a unit of the office and the title alone have none.
func TestSheriffKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"San Diego Sheriff", "san diego"},
		{"San Diego County Sheriff’s Department", "san diego"},
		{"Marlboro County Sheriff's Office", "marlboro"},
		{"Los Angeles Sheriff’s Department", "los angeles"},
		{"Los Angeles County Sheriff’s Department Major Crimes Bureau", ""},
		{"Sheriff’s Department", ""},
		{"North Carolina Sheriffs’ Association", ""},
	}
	for _, tt := range tests {
		if got := sheriffKey(newOrgForm(tt.in)); got != tt.want {
			t.Errorf("sheriffKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
