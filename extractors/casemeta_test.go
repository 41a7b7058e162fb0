package extractors

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/casefile/casefile/schemas"
)

func TestFindCaseNumbers(t *testing.T) {
	tests := []struct {
		in, norm string
		attrs    map[string]any
	}{
		{"Case 1:15-cr-10338-FDS", "1:15-cr-10338-FDS", map[string]any{"form": "district", "office": "1", "year": "15", "type": "cr", "judges": "FDS"}},
		{"No. 2:19-cr-00595-CAS-1", "2:19-cr-00595-CAS", map[string]any{"form": "district", "office": "2", "year": "19", "type": "cr", "judges": "CAS"}},
		{"4:08-cv-02214-SBA", "4:08-cv-02214-SBA", map[string]any{"form": "district", "office": "4", "year": "08", "type": "cv", "judges": "SBA"}},
		{"3:21-mb-01234-DMF", "3:21-mb-01234-DMF", map[string]any{"form": "district", "office": "3", "year": "21", "type": "mb", "judges": "DMF"}},
		{"magistrate 2:20-mj-06108", "2:20-mj-06108", map[string]any{"form": "district", "office": "2", "year": "20", "type": "mj"}},
		{"No. 20-1507", "20-1507", map[string]any{"form": "appellate"}},
		{"Case: 21-50498", "21-50498", map[string]any{"form": "appellate"}},
		{"Appeal: 17-2218", "17-2218", map[string]any{"form": "appellate"}},
		{"Ind. No. 1234/2019", "Ind. No. 1234/2019", map[string]any{"form": "state", "type": "indictment"}},
		{"SA CR 19-061-JVS", "SACR 19-061-JVS", map[string]any{"form": "district", "type": "cr", "judges": "JVS"}},
	}
	for _, tt := range tests {
		got := findCaseNumbers(tt.in)
		if len(got) != 1 {
			t.Errorf("findCaseNumbers(%q) = %+v, want one", tt.in, got)
			continue
		}
		if got[0].norm != tt.norm {
			t.Errorf("findCaseNumbers(%q) = %q, want %q", tt.in, got[0].norm, tt.norm)
		}
		if diff := cmp.Diff(tt.attrs, got[0].attrs); diff != "" {
			t.Errorf("findCaseNumbers(%q) attrs (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestParseStamp(t *testing.T) {
	tests := []struct {
		in   string
		want Stamp
	}{
		{"Case 4:08-cv-02214-SBA Document 26 Filed 01/29/2009 Page 1 of 2", Stamp{"4:08-cv-02214-SBA", "26", "2009-01-29", 1, 2}},
		{"Case: 20-1507 Document: 00117684624 Page: 1 Date Filed: 12/22/2020 Entry ID: 6390389", Stamp{"20-1507", "00117684624", "2020-12-22", 1, 0}},
		{"Case 8:14-cr-00167-JVS Document 150 Filed 06/07/19 Page 3 of 33 Page ID #:2650", Stamp{"8:14-cr-00167-JVS", "150", "2019-06-07", 3, 33}},
	}
	for _, tt := range tests {
		got, ok := ParseStamp(tt.in)
		if !ok || got != tt.want {
			t.Errorf("ParseStamp(%q) = %+v, %v; want %+v", tt.in, got, ok, tt.want)
		}
	}
}

func TestCaseInfo(t *testing.T) {
	page := "Case 2:19-cr-00595-CAS Document 123 Filed 03/02/21 Page 1 of 26 Page ID #:1\n" +
		"UNITED STATES DISTRICT COURT\nCENTRAL DISTRICT OF CALIFORNIA\nCRIMINAL MINUTES - GENERAL\n" +
		"UNITED STATES OF AMERICA v. JOSE DOE, et al.\nDated March 2, 2021"
	c, ents := CaseInfo([]schemas.Page{{Number: 1, Method: schemas.MethodText, Text: page}})
	want := schemas.Case{Court: "cacd", CourtName: "United States District Court for the Central District of California",
		CaseNumbers: []string{"2:19-cr-00595-CAS"}, Caption: "United States v. Doe", DocType: "minutes", Filed: "2021-03-02"}
	if diff := cmp.Diff(want, c); diff != "" {
		t.Errorf("CaseInfo (-want +got):\n%s", diff)
	}
	dates := 0
	for _, e := range ents {
		if e.Type == schemas.Date && e.Normalized == "2021-03-02" {
			dates++
		}
	}
	if dates != 2 {
		t.Errorf("%d DATE entities for 2021-03-02, want 2 (stamp and text)", dates)
	}
	if err := schemas.CheckSpans(&schemas.Record{Pages: []schemas.Page{{Number: 1, Text: page}}, Entities: ents}); err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]string{
		"United States Court of Appeals\nFor the Eighth Circuit":       "ca8",
		"United States Court of Appeals\nTenth Circuit":                "ca10",
		"IN THE SUPREME COURT OF THE UNITED STATES":                    "scotus",
		"T.C. Memo. 2020-26\nUNITED STATES TAX COURT":                  "tax",
		"LIST OF DECISIONS ANNOUNCED BY\nTHE SUPREME COURT OF ALABAMA": "al-sup",
		"Docket No. 1\nUNITED STATES COURT OF APPEALS\nFOR THE FIRST CIRCUIT\nappeal from the UNITED STATES DISTRICT COURT FOR THE DISTRICT OF MAINE": "ca1",
	} {
		if id, _ := court(text); id != want {
			t.Errorf("court(%q) = %q, want %q", text, id, want)
		}
	}
}

func FuzzParseStamp(f *testing.F) {
	f.Add("Case 4:08-cv-02214-SBA Document 26 Filed 01/29/2009 Page 1 of 2")
	f.Add("Case: 20-1507 Document: 00117684624 Page: 1 Date Filed: 12/22/2020 Entry ID: 6390389")
	f.Add("No. 2:19-cr-00595-CAS-1 and Ind. No. 1234/2019")
	f.Fuzz(func(t *testing.T, s string) {
		if st, ok := ParseStamp(s); ok && len(st.Filed) != 10 {
			t.Fatalf("ParseStamp(%q) filed %q", s, st.Filed)
		}
		for _, n := range findCaseNumbers(s) {
			if n.start < 0 || n.end > len(s) || n.start >= n.end || n.norm == "" {
				t.Fatalf("findCaseNumbers(%q): bad span %+v", s, n)
			}
		}
	})
}
