package annotate

import (
	"slices"
	"testing"
)

// TestStateOrgForms covers the public bodies as state opinions and
// releases name them: offices named by the office they serve, a court
// named by a run of heads and its county, and the ends of an of-tail.
func TestStateOrgForms(t *testing.T) {
	m := lexiconModels(t)
	tests := []struct {
		name, in string
		want     []string
	}{
		{"office of a state office", "Jane Doe, of the Office of the State Appellate Defender, for appellant.", []string{"Office of the State Appellate Defender"}},
		{"office of a public defender", "the Office of the State Public Defender", []string{"Office of the State Public Defender"}},
		{"office of an official", "Office of the Attorney General, for appellee.", []string{"Office of the Attorney General"}},
		{"office of an official with a tail", "the Office of the Sheriff of Cook County", []string{"Office of the Sheriff of Cook County"}},
		{"office of the united states attorney", "the Office of the United States Attorney for the District of Colorado", []string{"Office of the United States Attorney for the District of Colorado"}},
		{"office of a party is no name", "the Office of the Defendant", nil},
		{"where the office sits", "represented by the Office of the Public Defender in Cook County.", []string{"Office of the Public Defender"}},
		{"run of heads with a county", "Appeal from the Circuit Court of Cook County, Illinois.", []string{"Circuit Court of Cook County"}},
		{"run of heads alone", "the Circuit Court held", nil},
		{"title and name after a tail", "with New York City Department of Investigation Commissioner Margaret Garnett, today", []string{"New York City Department of Investigation"}},
		{"possessive owner", "addressed with the City’s Department of Housing Preservation and Development, which", []string{"Department of Housing Preservation and Development"}},
		{"possessive office", "the Cook County State's Attorney's Office", []string{"Cook County State's Attorney's Office"}},
		{"office after a department", "Department of Housing and Urban Development, Office of the Inspector General, Northeast Region", []string{"Department of Housing and Urban Development", "Office of the Inspector General"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, orgs := placesAndOrgs(m, tt.in)
			if !slices.Equal(orgs, tt.want) {
				t.Errorf("organizations in %q = %q, want %q", tt.in, orgs, tt.want)
			}
		})
	}
}
