package export

import (
	"regexp"
	"strings"
	"sync"
)

// party is one side of a caption.
type party struct {
	Name string
	Role string
}

// Roles of caption parties.
const (
	roleProsecution = "prosecution"
	roleDefendant   = "defendant"
	roleParty       = "party"
)

// The caption patterns, compiled at first use rather than at the start of
// every casefile process.
var (
	versus = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\s+(?:v\.|vs\.?|versus)\s+`) })
	etAl   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i),?\s+et\s+al\.?$`) })
	// government names the first side of a prosecution.
	government = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^(?:the\s+)?(?:united states(?: of america)?|people(?: of the state of .+)?|state(?: of .+)?|commonwealth(?: of .+)?)$`)
	})
)

// maxCaption bounds the caption parties reads: a caption is a line, and the
// text comes from the filing.
const maxCaption = 500

// parties reads the two sides of a caption ("United States v. Doe"). A
// caption without "v." (In re …) names no parties. The first side of a
// caption whose first party is a government is the prosecution and the
// second the defendant; otherwise each side is a party.
func parties(caption string) []party {
	if len(caption) > maxCaption {
		return nil
	}
	sides := versus().Split(strings.TrimSpace(caption), 3)
	if len(sides) != 2 {
		return nil
	}
	var out []party
	criminal := government().MatchString(strings.TrimSpace(sides[0]))
	for i, s := range sides {
		s = strings.TrimSpace(etAl().ReplaceAllString(strings.TrimSpace(s), ""))
		s = strings.Trim(s, " ,;:")
		if s == "" {
			continue
		}
		role := roleParty
		if criminal {
			role = roleProsecution
			if i == 1 {
				role = roleDefendant
			}
		}
		out = append(out, party{Name: s, Role: role})
	}
	return out
}
