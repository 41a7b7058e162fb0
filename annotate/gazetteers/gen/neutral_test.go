package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWriteNeutralCites: states' neutral codes and year-volume reporters
// are kept with their variant spellings; federal ones and reporters
// with volumes are not.
func TestWriteNeutralCites(t *testing.T) {
	repo, out := t.TempDir(), t.TempDir()
	data := filepath.Join(repo, "reporters_db", "data")
	if err := os.MkdirAll(data, 0o755); err != nil {
		t.Fatal(err)
	}
	json := `{
 "PA Super": [{"cite_type": "neutral", "mlz_jurisdiction": ["us:pa;superior.court"], "editions": {"Pa. Super.": {}}, "variations": {"PA Super": "Pa. Super."}}],
 "Ark.": [{"cite_type": "state", "mlz_jurisdiction": ["us:ar;supreme.court"], "editions": {"Ark.": {"regexes": ["$volume_year $reporter $page"]}}, "variations": {}}],
 "Conn.": [{"cite_type": "state", "mlz_jurisdiction": ["us:ct;supreme.court"], "editions": {"Conn.": {}}, "variations": {}}],
 "T.C. No.": [{"cite_type": "neutral", "mlz_jurisdiction": ["us:c;tax.court"], "editions": {"T.C. No.": {}}, "variations": {}}]
}`
	if err := os.WriteFile(filepath.Join(data, "reporters.json"), []byte(json), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(repo, "LICENSE"), []byte("Copyright (c) 2014, Free Law Project\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := writeNeutralCites(repo, out); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(out, "neutral-cites.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range strings.Split(string(b), "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			got = append(got, l)
		}
	}
	want := []string{"Ark.", "PA Super", "Pa. Super."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("codes %q, want %q", got, want)
	}
	if !strings.Contains(string(b), "# Copyright (c) 2014, Free Law Project") {
		t.Error("licence not quoted in the header")
	}
}
