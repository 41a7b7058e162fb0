// Package casefile_test holds the repository's layout rules: which of our
// packages may import which. DESIGN.md's layout table is the prose form.
package casefile_test

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/casefile/casefile/"

// allowed lists, for each package, the only packages of ours it may depend
// on, directly or not (tests excluded: a test may read PDFs with doctext
// to feed annotate).
var allowed = map[string][]string{
	"schemas":       {},
	"internal/proc": {},
	"ocr":           {"internal/proc"},
	"doctext":       {"schemas"},
	"annotate":      {"schemas", "annotate/casemeta", "annotate/charge", "annotate/quantity", "annotate/internal/textscan", "annotate/referent", "namekey"},
	// The rule families read text with one shared scanner and lexicon; a
	// quantity may count an offense ("five counts of robbery").
	"annotate/internal/textscan": {},
	"annotate/charge":            {"schemas", "annotate/internal/textscan"},
	"annotate/casemeta":          {"schemas", "annotate/internal/textscan"},
	"annotate/quantity":          {"schemas", "annotate/internal/textscan", "annotate/charge"},
	// Groups a record's people and organizations by referent, reading names with namekey.
	"annotate/referent": {"schemas", "namekey"},
	"eval":              {"schemas"},
	// Name keys shared by within-document grouping and cross-document identity.
	"namekey": {},
	// Databases resolve who is who as they write (identity, its name keys).
	"sinks": {"schemas", "identity", "namekey", "storedb"},
	// Opens a store read-only for the programs that read what sinks write.
	"storedb":  {},
	"pipeline": {"schemas"},
	// Read-only web pages over a store's tables; reason codes from schemas.
	"readingroom": {"schemas", "storedb"},
	"workers":     {"schemas", "pipeline", "doctext", "sinks", "internal/proc", "identity", "namekey", "storedb"},
	// Reads stores with plain SQL; no sink or pipeline code.
	"export": {"storedb"},
	// Trains and scores prose's entity model on the gold set, offline.
	"eval/nertrain":          {"schemas", "eval"},
	"eval/nertrain/crossval": {},
	// Cross-document clusters over doc entities: pure, name keys from namekey.
	"identity":              {"schemas", "namekey"},
	"identity/identitytest": {"schemas", "namekey"},
}

func TestImportRules(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	for pkg, ok := range allowed {
		out, err := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}", "./"+pkg).Output()
		if err != nil {
			t.Fatalf("go list %s: %v", pkg, err)
		}
		for _, dep := range strings.Fields(string(out)) {
			ours, found := strings.CutPrefix(dep, module)
			if !found || ours == pkg || strings.HasPrefix(ours, "third_party/") {
				continue
			}
			if !slices.Contains(ok, ours) {
				t.Errorf("%s depends on %s; it may depend only on %v", pkg, ours, ok)
			}
		}
	}
}
