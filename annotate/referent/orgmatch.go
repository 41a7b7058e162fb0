package referent

import (
	"slices"
	"strings"
	"unicode"

	"github.com/casefile/casefile/namekey"
)

// orgForm is one distinct organization name of a document, as folded
// words with, for each, whether the document writes it as an acronym.
type orgForm struct {
	toks []string
	acr  []bool
}

func newOrgForm(text string) orgForm {
	toks := namekey.OrgTokens(strings.NewReplacer("’s", "", "'s", "").Replace(text))
	caps := map[string]bool{}
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return unicode.IsSpace(r) || r == '-' || r == '/' || r == ',' }) {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s")
		w = strings.Trim(w, ".()\"“”‘’'")
		if n := len([]rune(w)); n >= 2 && n <= 6 && allCaps(w) && !strings.ContainsAny(w, "0123456789") {
			caps[strings.ToLower(strings.ReplaceAll(w, ".", ""))] = true
		}
	}
	f := orgForm{toks: toks, acr: make([]bool, len(toks))}
	for i, t := range toks {
		f.acr[i] = caps[t]
	}
	return f
}

// genericWords name a kind of body, not one: a form made of nothing else
// ("Police Department", "Supreme Court") is not taken for a short form of
// a longer name by the tail rule.
var genericWords = map[string]bool{
	"police": true, "department": true, "office": true, "division": true, "court": true, "bureau": true,
	"unit": true, "section": true, "county": true, "state": true, "district": true, "supreme": true,
	"superior": true, "appeals": true, "appellate": true, "circuit": true, "us": true, "federal": true,
	"city": true, "agency": true, "service": true, "services": true, "board": true, "commission": true,
	"committee": true, "government": true, "of": true, "the": true, "and": true, "for": true, "task": true,
	"force": true, "team": true, "squad": true, "center": true, "group": true, "company": true, "national": true,
}

// initialStop are the words an acronym skips: "FBI" for Federal Bureau of
// Investigation.
var initialStop = map[string]bool{"of": true, "the": true, "and": true, "for": true, "on": true, "in": true, "at": true}

// shortFormOf reports whether s is a short form of l: s is l's tail
// ("Gun Violence Suppression Division" of "NYPD Gun Violence Suppression
// Division", "Park Police" of "U.S. Park Police") or l written with
// acronyms ("NYPD" for New York Police Department, "DA’s Office" for
// District Attorney’s Office), or both; s must hold a word that is not
// generic and is not l itself.
func shortFormOf(s, l orgForm) bool {
	if len(s.toks) == 0 || len(l.toks) == 0 || slices.Equal(s.toks, l.toks) {
		return false
	}
	specific := false
	for i, t := range s.toks {
		if !genericWords[t] || s.acr[i] {
			specific = true
		}
	}
	if !specific {
		return false
	}
	for from := 0; from < len(l.toks); from++ {
		if from > 0 && initialStop[l.toks[from]] {
			continue // a tail does not begin with "of" or "for"
		}
		if align(s, 0, l.toks, from) {
			return true
		}
	}
	return false
}

// align reports whether s.toks[i:] spell l[j:] exactly, an acronym of s
// standing for two or more words of l by their initials.
func align(s orgForm, i int, l []string, j int) bool {
	if i == len(s.toks) {
		return j == len(l)
	}
	if j == len(l) {
		return false
	}
	if s.toks[i] == l[j] && align(s, i+1, l, j+1) {
		return true
	}
	if !s.acr[i] {
		return false
	}
	// The acronym's letters, one per word of l, skipping small words.
	a, k, used := s.toks[i], j, 0
	for p := 0; p < len(a); {
		if k == len(l) {
			return false
		}
		if initialStop[l[k]] && l[k][0] != a[p] {
			k++
			continue
		}
		if l[k][0] != a[p] {
			return false
		}
		p++
		k++
		used++
	}
	return used >= 2 && align(s, i+1, l, k)
}

// courtWords make a generic court name: "United States District Court",
// "U.S. Court of Appeals", California's and Louisiana's "Court of Appeal".
func genericCourt(f orgForm) bool {
	if len(f.toks) == 0 || !slices.Contains(f.toks, "court") {
		return false
	}
	for _, t := range f.toks {
		switch t {
		case "us", "district", "court", "of", "appeals", "appeal", "the":
		default:
			return false
		}
	}
	return true
}

// designation reports whether a form names a federal district or circuit
// on its own: "Central District of California", "District of New
// Jersey", "Ninth Circuit".
func designation(f orgForm) bool {
	t := f.toks
	if len(t) >= 2 && t[len(t)-1] == "circuit" {
		return true
	}
	k := slices.Index(t, "district")
	return k >= 0 && k+2 < len(t) && t[k+1] == "of" && !slices.Contains(t, "court")
}
