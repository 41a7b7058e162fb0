package annotate

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
	"unicode"

	"github.com/casefile/casefile/schemas"
)

//go:embed gazetteers/*.txt
var gazetteerFiles embed.FS

// gazetteer finds the longest listed name at a position in a word list.
type gazetteer struct {
	root *trieNode
}

type trieNode struct {
	next  map[string]*trieNode
	entry *gazEntry // a name ends here
}

type gazEntry struct {
	typ       schemas.EntityType
	canonical string // the first spelling of the line
	surface   string // this spelling, for case checks
}

func loadGazetteer(files map[string]schemas.EntityType) (*gazetteer, error) {
	g := &gazetteer{root: &trieNode{}}
	for file, typ := range files {
		f, err := gazetteerFiles.Open("gazetteers/" + file)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(f)
		for n := 1; sc.Scan(); n++ {
			line := strings.TrimSpace(sc.Text())
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			names := strings.Split(line, "|")
			for _, name := range names {
				ws := splitWords([]rune(strings.TrimSpace(name)))
				if len(ws) == 0 {
					f.Close()
					return nil, fmt.Errorf("gazetteers/%s:%d: empty name", file, n)
				}
				node := g.root
				for _, w := range ws {
					k := w.lower()
					if node.next == nil {
						node.next = map[string]*trieNode{}
					}
					if node.next[k] == nil {
						node.next[k] = &trieNode{}
					}
					node = node.next[k]
				}
				if node.entry == nil {
					node.entry = &gazEntry{typ: typ, canonical: strings.TrimSpace(names[0]), surface: strings.TrimSpace(name)}
				}
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return nil, err
		}
	}
	return g, nil
}

// match returns the longest entry starting at ws[i] and the number of
// words it spans. Outside capitals lines the words must be capitalized
// as listed, so that "jamaica" in prose or "us" as a pronoun is not a place.
func (g *gazetteer) match(ws []word, i int) (*gazEntry, int) {
	node, best, n := g.root, (*gazEntry)(nil), 0
	for j := i; j < len(ws) && node != nil; j++ {
		l := ws[j].lower()
		// A possessive ends a name: "NYCHA’s tenant association".
		if base, ok := strings.CutSuffix(l, "’s"); ok && node.next[base] != nil && node.next[base].entry != nil {
			if caseFits(ws[i:j+1], node.next[base].entry.surface) {
				best, n = node.next[base].entry, j-i+1
			}
			break
		}
		node = node.next[l]
		if node != nil && node.entry != nil && caseFits(ws[i:j+1], node.entry.surface) {
			best, n = node.entry, j-i+1
		}
	}
	return best, n
}

func caseFits(ws []word, surface string) bool {
	if ws[0].capsLine {
		return true
	}
	sw := splitWords([]rune(surface))
	for k, w := range ws {
		if k >= len(sw) {
			return false
		}
		want := sw[k].text
		if isAllUpper(want) && len([]rune(want)) > 1 {
			if w.text != want && !(isAllUpper(w.text)) {
				return false
			}
			if !isAllUpper(w.text) {
				return false
			}
			continue
		}
		if first(want) != unicode.ToLower(first(want)) && !w.capitalized() {
			return false
		}
	}
	return true
}

func isAllUpper(s string) bool {
	has := false
	for _, r := range s {
		if unicode.IsLetter(r) {
			has = true
			if !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return has
}

func first(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

// loadWordList reads a gazetteer file of whitespace-separated words.
func loadWordList(file string) (map[string]bool, error) {
	data, err := gazetteerFiles.ReadFile("gazetteers/" + file)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		for _, w := range strings.Fields(line) {
			out[strings.ToLower(w)] = true
		}
	}
	return out, nil
}
