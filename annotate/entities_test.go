package annotate

import (
	"context"
	"slices"
	"testing"

	"github.com/casefile/casefile/schemas"
)

// spansOf runs one page through the page rules, as Annotate does, and
// returns the texts found of type typ.
func spansOf(t *testing.T, text string, typ schemas.EntityType) []string {
	t.Helper()
	a := NewAnnotator(lexiconModels(t))
	pe, _, err := a.annotatePage(schemas.Page{Number: 1, Text: text})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range pe.spans {
		if s.typ == typ {
			out = append(out, string(pe.runes[pe.words[s.from].start:pe.words[s.to-1].end]))
		}
	}
	return out
}

// TestPlaceForms: the place rules' forms of court text, each with the
// case it must not take.
func TestPlaceForms(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"ambiguous city after in", "the director of a nonprofit in Burbank. And", []string{"Burbank"}},
		{"surname city after and", "died at defendant's residence, Dean and Moore, on other occasions", nil},
		{"pronoun in capitals", "THE COURT: LET US TAKE A RECESS.", nil},
		{"fused into State's Attorney", "Cook County State’s Attorney Eileen O’Neill Burke announced", nil},
		{"a named jail is a building", "is being held on $4 million bail at the Orange County Jail. The", nil},
		{"a county's named jail is a building", "in the Mesa Verde Detention Facility and Yuba County Jail. The", nil},
		{"a jail in lower case names its county", "to turn himself in at the Todd County jail, but he refused", []string{"Todd County"}},
		{"township in a citation", "Mann v. Warminster Twp., 629 F.3d 121", []string{"Warminster Twp."}},
		{"county of, abbreviated", "See Phillips v. Cty. of Allegheny, 515 F.3d 224", []string{"Cty. of Allegheny"}},
		{"county of in a caption", " 4     COUNTY OF LOS ANGELES         )", []string{"COUNTY OF LOS ANGELES"}},
		{"line number before a county", "21   County (“CSP-LAC”) Litigation Coordinator", nil},
		{"place before -based", "Centurion, a Princeton, New Jersey-based innocence organization", []string{"Princeton", "New Jersey"}},
		{"given-name place before an offense", "1525 Townsend Ave., Bronx Conspiracy 4th – 3 cts", []string{"Bronx"}},
		{"city with its state", "The meeting was in Washington, D.C. on Tuesday.", []string{"Washington", "D.C."}},
		{"reporter in a short cite", "Estelle, 502 U.S. at 67-68; Terry, 392 U.S. at 18; see U.S. Const. amend. IV", []string{"U.S."}},
		{"public-domain citation", "People v. Gray, 2017 IL 120958, ¶ 12; People v. Jones, 2018 IL App (1st) 151234", nil},
		{"public-domain citations of other states", "Smith, 2019 PA Super 123; Jones, 2018 Ohio 1234; Lee, 2021 FL 7; Ray, 2010 OK CR 5", nil},
		{"reporter with placeholders", "Commonwealth v. Walker, --- Pa. ----, 92 A.3d 766; People v. Parsons, ___ Mich. ___, 728 N.W.2d 62", nil},
		{"reporter's page not yet known", "New York State Rifle & Pistol Ass'n v. Bruen , 597 U.S. ___, 142 S. Ct. 2111 (2022)", nil},
		{"year-volume reporter", "Smith v. State, 2019 Ark. 123; Jones v. State, 2020 Ark. App. 45", nil},
		{"state reporter abbreviated in three letters", "Rowe v. Nevada, 114 Nev. 378, 381 (1998)", []string{"Nevada"}},
		{"parish named with a saint's epithet", "a St. John the Baptist Parish Grand Jury returned an indictment", []string{"St. John the Baptist Parish"}},
		{"city of an office in a list of counsel", "Mary Ann Poe, Asst. Atty. Gen., Jefferson City, for respondent.", []string{"Jefferson City"}},
		{"neighborhood named as an area", "which operates roughly in the Hollis area of Queens", []string{"Hollis", "Queens"}},
		{"neighborhood alone", "a shooting in Castle Hill last year", []string{"Castle Hill"}},
		{"state code before a ZIP code", "Sacramento, CA 95814", []string{"Sacramento", "CA"}},
		{"state code after a city of the state", "Bonjean Law Group, Brooklyn, NY, for Plaintiffs", []string{"Brooklyn", "NY"}},
		{"state code alone", "MD and PA signed the order", nil},
		{"AP state abbreviation", "born in Trenton, N.J., in 1990", []string{"Trenton", "N.J."}},
		{"state abbreviation not in a citation", "In 2019 Fla. and Ohio passed laws", []string{"Fla.", "Ohio"}},
		{"state's highest court in a citation", "Brown v. People, 239 P.3d 764 (Colo. 2010); a Colorado statute", []string{"Colorado"}},
		{"state of a postal address", "Springfield, IL 62701", []string{"Springfield", "IL"}},
		{"small town with its state", "a church facility in Orrington, Maine. By all accounts", []string{"Orrington", "Maine"}},
		{"small town after Town of", "Andrick v. Town of Buckhannon, 187 W.Va. 706", []string{"Town of Buckhannon"}},
		{"world city alone", "they were driving around Moscow in an automobile", []string{"Moscow"}},
		{"world city without its accent", "he flew from Tijuana to Bogota", []string{"Tijuana", "Bogota"}},
		{"world city that is a surname, alone", "Medina testified that he saw the car", nil},
		{"world city that is a given name, after in", "he lived in London for a year", []string{"London"}},
		{"small town alone", "the Buyer met two officers in downtown McColl and", nil},
		{"district court's docket number", "LEROY D. BACA,         D.C. No.\n  CV-00-13002-DDP", nil},
		{"federal judge's title", "[Hon. Nancy Torresen, U.S. District Judge]; PHILLIPS, UNITED STATES MAGISTRATE JUDGE", nil},
		{"county after a title and a comma", "DARCEL D. CLARK, DISTRICT ATTORNEY, BRONX COUNTY", nil},
		{"counsel's city and state after a title", "Nicole Beder, Assistant Attorney General, Santa Fe, NM, for Appellee.", []string{"Santa Fe"}},
		{"town named with a place's head", "Yagman & Reichman, Venice Beach, California, for the", []string{"Venice Beach", "California"}},
		{"head word without a state", "Marion Falls, the witness, and Venice Beach, Mr. Smith", nil},
		{"small town opening a county", "Kraemer Bros., Inc. v. Dane Cty., 229 Wis. 2d 86", []string{"Dane Cty."}},
		{"residence after an age, a surname city", "E’shon Dwayne Dodson, 21, of Compton, has been charged", []string{"Compton"}},
		{"residence after an age, not a case number", "Smith, 12, of Compton Unified School District", nil},
		{"towns in a list after in", "warrants were served in Hawthorne, Bellflower, Long Beach, and", []string{"Hawthorne", "Bellflower", "Long Beach"}},
		{"hospitals in a list after between", "the defendant moved between Whiting, Norwich, and Connecticut Valley Hospital.", nil},
		{"unlisted residence after an age", "Angel Amadeo Guzman, 31, of Panorama City; Edgard Velasquez, 43, of Reseda; and", []string{"Panorama City", "Reseda"}},
		{"counsel after an age is no residence", "Mary Major, 45, of Counsel, and John Roe, 50, of Unknown Address.", nil},
		{"a house number opens a street address", "Jane Poe, 26, of 512 Maple Square, Lakeville, Ohio; John Roe, 31, of Reseda; and", []string{"Ohio", "Reseda"}},
		{"county fused into a sheriff's unit", "a San Diego County Sheriff’s Special Enforcement Detail served a warrant", nil},
		{"valley named after a place", "the Fulton clique in the San Fernando Valley and the", []string{"San Fernando Valley"}},
		{"valley inside a church's name", "Beginnings Church of God, Machias Valley Baptist, and Stetson", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := spansOf(t, tt.in, schemas.Place); !slices.Equal(got, tt.want) {
				t.Errorf("places in %q = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestPersonForms: the person rules' forms of court text, each with the
// case it must not take.
func TestPersonForms(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"alias after a name in capitals", "HISWAN SIMMONS, a.k.a. “Codac,” 22, of Arverne, has been indicted", []string{"HISWAN SIMMONS", "Codac"}},
		{"age after a name", "identified the defendants as Anna Treybich, 71, Irina Zeltser, 66, and Karina Andriyan, 38, all of", []string{"Anna Treybich", "Irina Zeltser", "Karina Andriyan"}},
		{"a place fused into a title is no name", "San Diego County District Attorney Summer Stephan announced today", []string{"Summer Stephan"}},
		{"a name set off by commas after a role noun", "A third defendant, Zameer Khan, of Arverne, Queens, was arraigned", []string{"Zameer Khan"}},
		{"short given name in parentheses", "Robert W. (Bob) Doe, Atty. Gen., Mary Ann Poe, Asst. Atty. Gen.", []string{"Robert W. (Bob) Doe", "Mary Ann Poe"}},
		{"an acronym in parentheses is no nickname", "agents of Maria Lopez (DEA) Task Force", []string{"Maria Lopez"}},
		{"the name a man went by", "her boyfriend Mario Ruiz, and a man called Sparky went to a pawnshop", []string{"Sparky", "Mario Ruiz"}},
		{"a program called by a name is no person", "a program called Ceasefire began in 2015", nil},
		{"panel with a presiding judge", "Before Adams, P.J., Baker and Carter, JJ.", []string{"Adams", "Carter", "Baker"}},
		{"no apposition without the closing comma", "As to the defendant, Zameer Khan argues that", nil},
		{"a model year makes a vehicle", "located three stolen vehicles including a 2022 Lamborghini Urus, a 2023 Aston Martin DBS Superleggera", nil},
		{"a year alone does not", "In 2023 Aston Martin testified", []string{"Aston Martin"}},
		{"a station's name is no person's", "deputies and Senior Volunteer Patrol from the Rancho San Diego Station at the church", nil},
		{"a title's possessive ends a name", "the victim, Kenneth Love Sheriff’s deputies said", []string{"Kenneth Love"}},
		{"middle initial in a signature", "Respectfully submitted,\nMcGREGOR W. SCOTT\nUnited States Attorney", []string{"McGREGOR W. SCOTT"}},
		{"role noun list in lower case", "defendants Davey, Rodriguez, Probst, Barton and Robinette were", []string{"Davey", "Rodriguez", "Probst", "Barton", "Robinette"}},
		{"judges before their title", "Before: BROWN and KAVANAUGH, Circuit Judges, and WILLIAMS, Senior Circuit Judge.", []string{"BROWN", "KAVANAUGH", "WILLIAMS"}},
		{"a title before a name is not after it", "In Sandhill, Judge Ervin assumed arguendo", []string{"Ervin"}},
		{"panel with a qualified title", "Before THOMPSON and BECKWITH, Associate Judges, and KING, Senior Judge.", []string{"THOMPSON", "BECKWITH", "KING"}},
		{"headline verb after a name", "MEDIA RELEASE: Dallas County DA John Creuzot Announces the Exoneration of", []string{"John Creuzot"}},
		{"headline verb after a title", "June 2, 2025: Judge Dismisses Indictment Against Former Officer", nil},
		{"general orders of a court in capitals", "THAT GENERAL ORDERS OF THE COURT DO NOT ALLOW", nil},
		{"person's name in a building's", "Frank Crowley Courts Building • 133 N. Riverfront Blvd.", nil},
		{"rank in a list of officials", "Senior Inspector General Jessica Heegan, Associate Commissioner Jay Flaherty, and", []string{"Jessica Heegan", "Jay Flaherty"}},
		{"transcript in capitals: the name stops", "13     MS. KEITH DOES AS WELL.", []string{"KEITH"}},
		{"possessive ends a name", "I HAVE BEEN READING ALL OF JUDGE ALSUP'S SURVEYS, YOU", []string{"ALSUP'S"}},
		{"nickname inside a name", "under the leadership of defendants Alphati “Havoc” Tanis and Trevor Bailey", []string{"Alphati “Havoc” Tanis", "Trevor Bailey"}},
		{"headline", "Rebecca Haro Pleads Guilty To the Death of Her Infant Son", []string{"Rebecca Haro"}},
		{"record citation abbreviation", "(“Bailey Decl. 6”), Exh. 1", nil},
		{"street abbreviation", "1503 Walton Ave., 3D, Bronx", nil},
		{"a street after a house number in a residence", "Tanya Roe, 26, of 416 Whitney Chase, Lakeville; and", []string{"Tanya Roe"}},
		{"heading numeral", "16   V. Conclusion\n\n17           Accordingly, IT IS HEREBY ORDERED", nil},
		{"case party after a line break", "United States\nv. Hearst, 563 F.2d 1331", []string{"Hearst"}},
		{"caption over its docket number", "State v. Banks\nC-200395, C-200396\nCONFRONTATION", []string{"Banks"}},
		{"caption's v. in lower case between capitals", "Decisions within the last 90 days.\nJACKSON v. STATE\n2024 OK CR 11 , F-2021-485", []string{"JACKSON"}},
		{"middle initial V. in capitals", "JOHN V. SMITH, Defendant.", []string{"JOHN V. SMITH"}},
		{"caption party in capitals after v.", "2 CA-CR 2013-0065\nSTATE OF ARIZONA v. ESGARDO JAVIER NEVAREZ\nOpinion Filed: 05/30/2014", []string{"ESGARDO JAVIER NEVAREZ"}},
		{"caption party in capitals before v.", "2 CA-SA 2004-0017\nDARREN CLAY MEDDERS v. THE STATE OF ARIZONA\nOpinion Filed", []string{"DARREN CLAY MEDDERS"}},
		{"caption party in capitals, et al.", "TARRANT REGIONAL WATER DISTRICT v. HERRMANN ET AL.\nCERTIORARI", []string{"HERRMANN"}},
		{"offices in an attorney list", "Megan A. Ring, Colorado State Public Defender, Julia Lohnes, Deputy State Public Defender, DOUGLAS R. HOFF, Deputy Defender, ALAN J. SPELLBERG, Assistant State's Attorney", []string{"Megan A. Ring", "DOUGLAS R. HOFF", "ALAN J. SPELLBERG", "Julia Lohnes"}},
		{"justices before JJ.", "Rush, C.J., and Massa, Slaughter, Goff, and Molter, JJ., concur.", []string{"Rush", "Molter", "Goff", "Slaughter", "Massa"}},
		{"justices as a title", "Justices Cunningham and Connors concurred in the judgment.", []string{"Cunningham", "Connors"}},
		{"a minor's initials after In re", "In re M.B., 145 P.3d 1040, 1047 (Okla. 2006); In re Grand Jury Subpoena", []string{"M.B."}},
		{"also known as", "JOHN SMITH, a/k/a \"Little John,\" and MARCUS REED, also known as \"Bird,\" were charged; a server known as SVN", []string{"JOHN SMITH", "Little John", "Bird", "MARCUS REED"}},
		{"a title in a margin's column", "publish (and refuse to retract) the              Deleted: Defendants\n\n\nDefamatory Statements. Further, CNN chose", nil},
		{"a title after a listed name", "[Hon. Nancy Torresen, U.S. District Judge]", []string{"Nancy Torresen"}},
		{"contraction of I after a listed name", "on behalf of Mr. Smith, and I'm here with two of", []string{"Smith"}},
		{"role noun across a margin's column", "statements exposed Plaintiff         Deleted: Defendants’\n\n\nto public scorn", nil},
		{"a form's title across its column", "Initials of Deputy Clerk        CMJ", []string{"CMJ"}},
		{"surname with a particle", "General, Olga Vysotskaya de Brito, Special Deputy Attorney General", []string{"Olga Vysotskaya de Brito"}},
		{"particle without a surname", "reviewed by Maria Lopez de novo", []string{"Maria Lopez"}},
		{"the People as a party", "See People v. Gray, 2017 IL 120958, ¶ 12; Commonwealth v. Ruiz", []string{"Gray", "Ruiz"}},
		{"a disposition under the author's line", "OPINION OF THE COURT BY JUSTICE LAMBERT\nREVERSING, REINSTATING, & REMANDING\nRicky Ullman pled guilty", []string{"LAMBERT", "Ricky Ullman"}},
		{"a blank line ends a name in capitals", "OPINION OF THE COURT BY JUSTICE LAMBERT\n \nREVERSING, REINSTATING, & REMANDING", []string{"LAMBERT"}},
		{"a blank line inside a double-spaced name", "and three of its employees, Shane Casey, Adam\n\nBogart, and", []string{"Shane Casey", "Adam\n\nBogart"}},
		{"a caption's v. after a role", "DONAVON I. SMITH APPELLANT\nV.\nON APPEAL FROM TODD CIRCUIT COURT", []string{"DONAVON I. SMITH"}},
		{"a court's abbreviation after a county", "(Todd Cir. Ct. filed Mar. 9, 2021)", nil},
		{"initials in capitals before a sentence on the next line", "to register as a sex offender and PFO I.\nFollowing a jury trial, he was", nil},
		{"a city and its state after a title and a comma", "Nicole Beder, Assistant Attorney General, Santa Fe, NM, for Appellee.", []string{"Nicole Beder"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := spansOf(t, tt.in, schemas.Person); !slices.Equal(got, tt.want) {
				t.Errorf("people in %q = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestCitedCourtForms: court abbreviations of citations' parentheticals
// are organizations (A1).
func TestCitedCourtForms(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Smith v. State, 123 N.E.3d 456, 460 (Ind. Ct. App. 2019)", []string{"Ind. Ct. App."}},
		{"Brown v. People, 239 P.3d 764 (Colo. 2010)", []string{"Colo."}},
		{"Lewis v. United States, 767 A.2d 219, 222 (D.C. 1991)", []string{"D.C."}},
		{"a statute (Colo. Rev. Stat. 2010)", nil},
		// A town too small to stand alone does not make "Court" a
		// court's name: the court that decided Alloway.
		{"relevant to the distinction, the Alloway Court said", nil},
	}
	for _, tt := range tests {
		if got := spansOf(t, tt.in, schemas.Organization); !slices.Equal(got, tt.want) {
			t.Errorf("organizations in %q = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestCoordinatedUnits: a unit named by two fields of work joined by
// "and" is one organization; an acronym or a sentence's words before
// "and" are not part of it.
func TestCoordinatedUnits(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"of the District Attorney’s Organized Crime and Racketeering Bureau, under", []string{"Organized Crime and Racketeering Bureau"}},
		{"Jonathan Ortiz of the NYPD’s\n Tapes and Records Unit, and", []string{"Tapes and Records Unit"}},
		{"approved by the Food and Drug Administration in 1999", []string{"Food and Drug Administration"}},
		{"agents of the FBI and Records Unit detectives", []string{"FBI", "Records Unit"}},
		{"Smith and Jones Unit", []string{"Jones Unit"}},
		{"plaintiff-appellant Calvary Chapel of Bangor (the Chapel) contended", []string{"Calvary Chapel of Bangor"}},
		{"Clinton Baptist Church, Faith Bible Church and the church", []string{"Clinton Baptist Church", "Faith Bible Church"}},
		{"Following the United States Supreme Court's decision in Bruen, defendants moved", []string{"United States Supreme Court's"}},
		{"thanked the Bureau of Alcohol, Tobacco and Firearms for their help", []string{"Bureau of Alcohol, Tobacco and Firearms"}},
		{"the Division of Licensing, Permits and Regulation said", []string{"Division of Licensing, Permits and Regulation"}},
		{"the Department of Justice, Drug Enforcement Administration and FBI", []string{"Department of Justice", "Drug Enforcement Administration", "FBI"}},
		{"the Bureau of Alcohol, Tobacco and Firearms Task Force", []string{"Bureau of Alcohol", "Firearms Task Force"}},
	}
	for _, tt := range tests {
		if got := spansOf(t, tt.in, schemas.Organization); !slices.Equal(got, tt.want) {
			t.Errorf("organizations in %q = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestLocalAgencyForms: the forms of local agencies and their units that
// prosecutors' releases write, each with the case it must not take.
func TestLocalAgencyForms(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"police departments in a list", "the Long Beach Police Department, Torrance Police Department, and the Hawthorne Police Department.", []string{"Long Beach Police Department", "Torrance Police Department", "Hawthorne Police Department"}},
		{"a department named with City of", "alongside with the City of Miami Police Department (MPD),", []string{"City of Miami Police Department"}},
		{"of after a title still ends a name", "Chief of the Narcotics Bureau", []string{"Narcotics Bureau"}},
		{"a sheriff's detail", "a San Diego County Sheriff’s Special Enforcement Detail served a search warrant", []string{"Special Enforcement Detail"}},
		{"a gang's clique", "including the Fulton clique in the San Fernando Valley and the Francis clique in", []string{"Fulton clique", "Francis clique"}},
		{"clique without its name", "the cliques of MS-13; the clique leaders", []string{"MS-13"}},
		{"a form's label under a title", "Director of Public Affairs\nOffice: 714-347-8405, Cell: 714-504-1917", nil},
		{"a sheriff's office by its place", "were arrested by San Diego Sheriff’s detectives after", []string{"San Diego Sheriff’s"}},
		{"a county sheriff's office by its place", "by Los Angeles County Sheriff’s deputies", []string{"Los Angeles County Sheriff’s"}},
		{"a sheriff's unit", "San Diego Sheriff’s Homicide detectives", nil},
		{"a district attorney's office without the possessive", "The Kern County District Attorney Office opposed the motion.", []string{"Kern County District Attorney Office"}},
		{"the title alone is no office", "Kern County District Attorney Jane Roe opposed the motion.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := spansOf(t, tt.in, schemas.Organization); !slices.Equal(got, tt.want) {
				t.Errorf("organizations in %q = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestCountyNormalized: a county named after a listed city is the county,
// not the city, in its normalized form too.
func TestCountyNormalized(t *testing.T) {
	a := NewAnnotator(lexiconModels(t))
	ann, err := a.Annotate(context.Background(), []schemas.Page{{Number: 1, Text: "He was held in the Dallas County jail, not in Dallas, or in L.A. County."}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range ann.Entities {
		if e.Type == schemas.Place {
			got = append(got, e.Text+"="+e.Normalized)
		}
	}
	want := []string{"Dallas County=Dallas County", "Dallas=Dallas", "L.A. County=Los Angeles County"}
	if !slices.Equal(got, want) {
		t.Errorf("places = %q, want %q", got, want)
	}
}
