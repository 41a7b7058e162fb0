package eval

import (
	"fmt"
	"io"
	"maps"
	"math"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/casefile/casefile/schemas"
)

// Types scored, in report order.
var Types = []string{"PERSON", "PLACE", "ORGANIZATION", "QUANTITY", "CHARGE"}

// Counts are entity-level outcomes.
type Counts struct{ TP, FP, FN int }

// Add sums counts.
func (c *Counts) Add(o Counts) { c.TP += o.TP; c.FP += o.FP; c.FN += o.FN }

// P is precision, 0 when nothing was predicted.
func (c Counts) P() float64 { return ratio(c.TP, c.TP+c.FP) }

// R is recall, 0 when there is nothing to find.
func (c Counts) R() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of P and R.
func (c Counts) F1() float64 {
	p, r := c.P(), c.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Mode is strict or lenient matching.
type Mode int

// Matching modes.
const (
	Strict Mode = iota
	Lenient
)

func (m Mode) String() string { return [...]string{"strict", "lenient"}[m] }

// Report holds the counts per mode and type, and per document.
type Report struct {
	ByType [2]map[string]*Counts
	// Attrs counts, over strictly matched QUANTITY entities, how many have
	// the gold value and unit (units made comparable), and the gold item.
	Attrs AttrAgreement
	ByDoc map[string]*[2]map[string]*Counts
	// Misses lists, per document and type, what strict matching missed
	// (FN) and what it counted as false (FP), for debugging.
	Misses []Miss
}

// AttrAgreement counts attribute agreement of matched quantities.
type AttrAgreement struct {
	Matched, ValueUnit int
	// Items and Item count matches of kind count or mass (what is counted
	// or weighed) and those whose item agrees; for money and durations the
	// gold item describes the context ("special assessment") rather than
	// naming a thing, and is not compared.
	Items, Item int
	// Disagreements lists "predicted | gold" for each attribute miss.
	Disagreements []string
}

// Miss is one strict error.
type Miss struct {
	Doc, Type, Kind, Text string // Kind: "FN" or "FP"
}

// Score compares predicted entities of records with the gold files. A
// record belongs to a gold document by its id (a gold alias) or its
// source's file stem.
func Score(golds []Gold, recs []schemas.Record) *Report {
	rep := &Report{ByDoc: map[string]*[2]map[string]*Counts{}}
	for m := range rep.ByType {
		rep.ByType[m] = map[string]*Counts{}
		for _, t := range Types {
			rep.ByType[m][t] = &Counts{}
		}
	}
	recordOf := matchRecords(recs)
	for _, g := range golds {
		rec := recordOf(g)
		doc := &[2]map[string]*Counts{{}, {}}
		rep.ByDoc[g.Doc] = doc
		for _, t := range Types {
			preds, attrs := predictions(g, rec, t)
			for m := Strict; m <= Lenient; m++ {
				c, misses, owners := scoreType(g, t, preds, m)
				if m == Strict && t == "QUANTITY" {
					rep.Attrs.add(g, preds, attrs, owners)
				}
				doc[m][t] = &c
				rep.ByType[m][t].Add(c)
				if m == Strict {
					rep.Misses = append(rep.Misses, misses...)
				}
			}
		}
	}
	return rep
}

// matchRecords returns what finds a gold document's record: the one whose
// id, or whose source's file stem, is the document's name or one of its
// aliases; nil if none is.
func matchRecords(recs []schemas.Record) func(Gold) *schemas.Record {
	byKey := map[string]*schemas.Record{}
	for i := range recs {
		r := &recs[i]
		byKey[r.ID] = r
		byKey[strings.TrimSuffix(filepath.Base(r.Source), filepath.Ext(r.Source))] = r
	}
	return func(g Gold) *schemas.Record {
		if rec := byKey[g.Doc]; rec != nil {
			return rec
		}
		for _, a := range g.Aliases {
			if rec := byKey[a]; rec != nil {
				return rec
			}
		}
		return nil
	}
}

// predictions returns the distinct normalized strings of type t in rec, on
// the gold document's pages.
func predictions(g Gold, rec *schemas.Record, t string) ([]string, map[string]*schemas.QuantityAttrs) {
	if rec == nil {
		return nil, nil
	}
	seen := map[string]bool{}
	attrs := map[string]*schemas.QuantityAttrs{}
	var out []string
	for _, e := range rec.Entities {
		if string(e.Type) != t {
			continue
		}
		if len(g.Pages) == 2 && (e.Page < g.Pages[0] || e.Page > g.Pages[1]) {
			continue
		}
		n := Normalize(t, e.Text)
		if n != "" && !seen[n] {
			seen[n] = true
			out = append(out, n)
			if q, ok := e.Attrs.(*schemas.QuantityAttrs); ok {
				attrs[n] = q
			}
		}
	}
	sort.Strings(out)
	return out, attrs
}

// scoreType returns the counts, the misses, and for each gold entity of
// type t (in file order) the index of the predicted string credited to it,
// or -1.
func scoreType(g Gold, t string, preds []string, m Mode) (Counts, []Miss, map[int]int) {
	var ents []GoldEntity
	var index []int // position in g.Entities
	for k, e := range g.Entities {
		if e.Type == t {
			ents = append(ents, e)
			index = append(index, k)
		}
	}
	norms := make([][]string, len(ents))
	for i, e := range ents {
		for _, mention := range append([]string{e.Text}, e.Mentions...) {
			norms[i] = append(norms[i], Normalize(t, mention))
		}
	}
	// edges[p] lists the required entities p matches; matchesAny says
	// whether p matches any entity, optional ones included.
	edges := make([][]int, len(preds))
	matchesAny := make([]bool, len(preds))
	for p, s := range preds {
		for i := range ents {
			if matchEntity(s, norms[i], m) {
				matchesAny[p] = true
				if !ents[i].Optional {
					edges[p] = append(edges[p], i)
				}
			}
		}
	}
	owner := make([]int, len(ents)) // entity → predicted string, or -1
	for i := range owner {
		owner[i] = -1
	}
	var augment func(p int, seen []bool) bool
	augment = func(p int, seen []bool) bool {
		for _, i := range edges[p] {
			if seen[i] {
				continue
			}
			seen[i] = true
			if owner[i] < 0 || augment(owner[i], seen) {
				owner[i] = p
				return true
			}
		}
		return false
	}
	var c Counts
	for p := range preds {
		if augment(p, make([]bool, len(ents))) {
			c.TP++
		}
	}
	var misses []Miss
	for i, e := range ents {
		if !e.Optional && owner[i] < 0 {
			c.FN++
			misses = append(misses, Miss{g.Doc, t, "FN", e.Text})
		}
	}
	for p, s := range preds {
		if !matchesAny[p] {
			c.FP++
			misses = append(misses, Miss{g.Doc, t, "FP", s})
		}
	}
	owners := map[int]int{}
	for i, p := range owner {
		if p >= 0 {
			owners[index[i]] = p
		}
	}
	return c, misses, owners
}

// add compares the attributes of strictly matched quantities with gold,
// in gold order: a map's order would shuffle Disagreements between runs.
func (a *AttrAgreement) add(g Gold, preds []string, attrs map[string]*schemas.QuantityAttrs, owners map[int]int) {
	for _, k := range slices.Sorted(maps.Keys(owners)) {
		p := owners[k]
		e := g.Entities[k]
		pa := attrs[preds[p]]
		if pa == nil {
			pa = &schemas.QuantityAttrs{}
		}
		a.Matched++
		if sameValueUnit(e, pa) {
			a.ValueUnit++
		} else {
			a.Disagreements = append(a.Disagreements, fmt.Sprintf("%s: value %v %v | %v %s", preds[p], valueOf(pa.Value), pa.Unit, valueOf(e.Value), e.Unit))
		}
		if e.Kind != "count" && e.Kind != "mass" {
			continue
		}
		a.Items++
		if sameItem(e.Item, pa.Item) {
			a.Item++
		} else {
			a.Disagreements = append(a.Disagreements, fmt.Sprintf("%s: item %q | %q", preds[p], pa.Item, e.Item))
		}
	}
}

// unitScale makes units comparable: masses in grams, durations in months.
var unitScale = map[string]struct {
	base  string
	scale float64
}{
	"kg": {"g", 1000}, "g": {"g", 1}, "lb": {"g", 453.592}, "oz": {"g", 28.3495},
	"year": {"month", 12}, "month": {"month", 1}, "week": {"month", 12.0 / 52}, "day": {"month", 12.0 / 365},
}

func sameValueUnit(e GoldEntity, pa *schemas.QuantityAttrs) bool {
	unit := pa.Unit
	if e.Unit == schemas.UnitLife || unit == schemas.UnitLife {
		return e.Unit == unit
	}
	if pa.Value == nil || e.Value == nil {
		return false
	}
	v := *pa.Value
	gu, pu := unitScale[e.Unit], unitScale[unit]
	if gu.base != "" && gu.base == pu.base {
		return math.Abs(*e.Value*gu.scale-v*pu.scale) < 1e-6*math.Max(1, v*pu.scale)
	}
	return e.Unit == unit && *e.Value == v
}

// sameItem: the predicted item's content words all occur in the gold
// item, which describes the thing counted at more length; no gold item
// accepts anything.
func sameItem(gold, ps string) bool {
	if gold == "" {
		return true
	}
	gt := map[string]bool{}
	for _, w := range strings.Fields(Normalize("", gold)) {
		gt[strings.TrimSuffix(w, "s")] = true
	}
	pw := strings.Fields(Normalize("", ps))
	if len(pw) == 0 {
		return false
	}
	for _, w := range pw {
		if !stopwords[w] && !gt[strings.TrimSuffix(w, "s")] {
			return false
		}
	}
	return true
}

func matchEntity(pred string, mentions []string, m Mode) bool {
	compact := strings.ReplaceAll(pred, " ", "")
	for _, n := range mentions {
		if compact == strings.ReplaceAll(n, " ", "") {
			return true
		}
	}
	if m == Strict {
		return false
	}
	pt := strings.Fields(pred)
	for _, n := range mentions {
		nt := strings.Fields(n)
		if (contains(pt, nt) && hasContent(nt)) || (contains(nt, pt) && hasContent(pt)) {
			return true
		}
	}
	return false
}

// Micro sums counts over types.
func (r *Report) Micro(m Mode, types ...string) Counts {
	var c Counts
	for _, t := range types {
		c.Add(*r.ByType[m][t])
	}
	return c
}

// Write prints the per-type table, strict and lenient, with micro-averages
// over the five types and over the four core types (without ORGANIZATION).
func (r *Report) Write(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "type\tstrict P\tR\tF1\tlenient P\tR\tF1\tTP\tFP\tFN\t")
	row := func(name string, s, l Counts) {
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%d\t%d\t%d\t\n", name, s.P(), s.R(), s.F1(), l.P(), l.R(), l.F1(), s.TP, s.FP, s.FN)
	}
	for _, t := range Types {
		row(t, *r.ByType[Strict][t], *r.ByType[Lenient][t])
	}
	core := []string{"PERSON", "PLACE", "QUANTITY", "CHARGE"}
	row("micro (all)", r.Micro(Strict, Types...), r.Micro(Lenient, Types...))
	row("micro (core)", r.Micro(Strict, core...), r.Micro(Lenient, core...))
	if err := tw.Flush(); err != nil {
		return err
	}
	if a := r.Attrs; a.Matched > 0 {
		_, err := fmt.Fprintf(w, "QUANTITY attributes of %d strict matches: value and unit %.3f; item of %d counts and masses %.3f\n",
			a.Matched, float64(a.ValueUnit)/float64(a.Matched), a.Items, ratio(a.Item, a.Items))
		return err
	}
	return nil
}

// valueOf prints an optional value: a number, or nil for none.
func valueOf(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}
