package referent

import (
	"strings"
	"unicode"
)

// aliasMarkers introduce another name of the person named just before:
// "HISWAN SIMMONS, a.k.a. “Codac,”", "Zaire Flowers, 18, (a/k/a ZAZA)".
// Folded: lower case, without periods.
var aliasMarkers = map[string]bool{
	"aka": true, "a/k/a": true, "f/k/a": true, "fka": true, "also known as": true,
	"otherwise known as": true, "known as": true, "alias": true,
}

// findAliases sets the anchor of each PERSON mention that is an alias of
// the one before it: after an alias marker, with nothing but commas,
// parentheses, quotes, an age and earlier aliases between the two names;
// or a name in quotes right after a name ("Alphati “Havoc” Tanis" where
// the rules found Alphati and Havoc apart).
func (d *doc) findAliases(idx []int, ps []person) {
	for k := 1; k < len(idx); k++ {
		cur, prev := d.ents[idx[k]], d.ents[idx[k-1]]
		if cur.Page != prev.Page || !d.inPage(idx[k]) || !d.inPage(idx[k-1]) || prev.End > cur.Start {
			continue
		}
		rs := d.text(cur.Page)
		gap := rs[prev.End:cur.Start]
		if len(gap) > 80 || strings.Count(string(gap), "\n") > 1 {
			continue
		}
		quoted := cur.Start > 0 && isOpenQuote(rs[cur.Start-1]) && cur.End < len(rs) && isCloseQuote(rs[cur.End])
		if !aliasGap(gap) && !(quoted && strings.TrimSpace(string(gap)) == string(rs[cur.Start-1]) && !strings.ContainsRune(string(gap), '\n')) {
			continue
		}
		a := k - 1
		if ps[a].anchor >= 0 {
			a = ps[a].anchor
		}
		ps[k].anchor = a
	}
}

// aliasGap reports whether the text between two names makes the second an
// alias of the first: one or more alias markers, the rest commas,
// parentheses, quotes, spaces (a line break among them) and an age.
func aliasGap(gap []rune) bool {
	var b strings.Builder
	for _, r := range gap {
		switch {
		case unicode.IsSpace(r) || r == ',' || r == '(' || r == ')' || r == ';' || isOpenQuote(r) || isCloseQuote(r):
			b.WriteByte(' ')
		case unicode.IsDigit(r):
			b.WriteByte(' ') // an age: "Ernest Ofori, 22, aka Nesty"
		case r == '.':
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	words := strings.Fields(b.String())
	if len(words) == 0 {
		return false
	}
	marker := false
	for i := 0; i < len(words); {
		n := 0
		for _, m := range []int{3, 2, 1} {
			if i+m <= len(words) && aliasMarkers[strings.Join(words[i:i+m], " ")] {
				n = m
				break
			}
		}
		if n == 0 {
			return false
		}
		marker = true
		i += n
	}
	return marker
}

func isOpenQuote(r rune) bool  { return r == '"' || r == '“' || r == '‘' || r == '\'' }
func isCloseQuote(r rune) bool { return r == '"' || r == '”' || r == '’' || r == '\'' }
