package casemeta

import "testing"

// TestCourtExamples checks that courts-db's own example names of each
// court resolve to that court's id. A name the same words give courts of
// several states ("Franklin County Court") is resolved with the court's
// state, as a filing's page gives it; a name that resolves to one of the
// court's own divisions (a county's Family Court for "Family Court") is
// counted right and listed.
func TestCourtExamples(t *testing.T) {
	right, alone, division := 0, 0, 0
	for _, e := range courtExamples {
		want, ok := courtOf(e.id)
		if !ok {
			t.Fatalf("example court %s not in the table", e.id)
		}
		if id, _, ok := CourtByName(e.name, ""); ok && id == e.id {
			right++
			alone++
			continue
		}
		id, _, ok := CourtByName(e.name, courtTable[want].location)
		if got, _ := courtOf(id); ok && within(got, want) {
			right++
			if id != e.id {
				division++
				t.Logf("division: %q: want %s, got its division %s", e.name, e.id, id)
			}
			continue
		}
		var ids []string
		for _, m := range matchCourts(normalizeCourtName(e.name)) {
			ids = append(ids, courtTable[m.court].id)
		}
		t.Logf("miss: %q: want %s, got %q (candidates %v)", e.name, e.id, id, ids)
	}
	rate := float64(right) / float64(len(courtExamples))
	t.Logf("%d of %d examples resolve to their court (%.1f%%): %d by name alone, %d with the court's state, %d of them to a division",
		right, len(courtExamples), 100*rate, alone, right-alone, division)
	if rate < 0.98 {
		t.Errorf("%.1f%% of courts-db examples resolve to their court; want ≥ 98%%", 100*rate)
	}
}
