package eval

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/casefile/casefile/schemas"
)

// GroupingTypes are the entity types whose mentions records group into
// doc_entities.
var GroupingTypes = []string{"PERSON", "ORGANIZATION"}

// GroupingReport scores how records group mentions by referent
// (Record.DocEntities) against the gold files, whose entities list every
// surface form of one referent.
//
// The unit is a surface form: a mention's text as [Normalize] puts it,
// spaces removed, per document and type. A form is scored when the record
// has a mention of that type with it (on the gold pages) and a gold entity
// that is not optional lists it; forms found on one side only are the
// entity score's business (a form the annotator missed or invented says
// nothing of grouping) and are left out, as are forms only optional
// entities list. For every pair of distinct scored forms of a document,
// the forms are "the same" in the record when some doc entity holds a
// mention of each (a mention in no doc entity is an entity of its own),
// and "the same" in the gold when some gold entity lists both. Pairs the
// same on both sides are TP, the same only in the record FP (a false
// merge), the same only in the gold FN (a false split). A form that two
// gold entities share ("Doe" of John and Jane Doe) is the same as each.
type GroupingReport struct {
	// ByDoc holds each gold document's pair counts per type.
	ByDoc map[string]map[string]Counts
	// Misses lists the pairs counted FP or FN, for debugging.
	Misses []PairMiss
	// HideHeldBack makes Write print no figure of a held-back fold, as
	// FoldReport.HideHeldBack does.
	HideHeldBack bool
}

// PairMiss is one pair of forms the record groups differently from the
// gold: Kind "FP" (merged, gold apart) or "FN" (apart, gold merged).
type PairMiss struct {
	Doc, Type, Kind, A, B string
}

// ScoreGrouping scores the doc entities of recs against golds. A record
// belongs to a gold document as in [Score]; a gold document without a
// record scores no pairs.
func ScoreGrouping(golds []Gold, recs []schemas.Record) *GroupingReport {
	rep := &GroupingReport{ByDoc: map[string]map[string]Counts{}}
	recordOf := matchRecords(recs)
	for _, g := range golds {
		rec := recordOf(g)
		rep.ByDoc[g.Doc] = map[string]Counts{}
		if rec == nil {
			continue
		}
		for _, t := range GroupingTypes {
			c, misses := scorePairs(g, rec, t)
			rep.ByDoc[g.Doc][t] = c
			rep.Misses = append(rep.Misses, misses...)
		}
	}
	return rep
}

// groupingForm is the comparable form of a mention for grouping.
func groupingForm(t, text string) string {
	return strings.ReplaceAll(Normalize(t, text), " ", "")
}

func scorePairs(g Gold, rec *schemas.Record, t string) (Counts, []PairMiss) {
	gold := map[string][]int{} // form → gold entities listing it
	for k, e := range g.Entities {
		if e.Type != t || e.Optional {
			continue
		}
		for _, m := range e.Mentions {
			if f := groupingForm(t, m); f != "" && !slices.Contains(gold[f], k) {
				gold[f] = append(gold[f], k)
			}
		}
	}
	pred := map[string][]string{} // form → doc entities holding a mention of it
	shown := map[string]string{}  // form → a text of it, for misses
	grouped := map[int]bool{}
	add := func(i int, id string) {
		e := rec.Entities[i]
		if len(g.Pages) == 2 && (e.Page < g.Pages[0] || e.Page > g.Pages[1]) {
			return
		}
		f := groupingForm(t, e.Text)
		if f == "" || gold[f] == nil {
			return
		}
		if !slices.Contains(pred[f], id) {
			pred[f] = append(pred[f], id)
		}
		if shown[f] == "" {
			shown[f] = strings.Join(strings.Fields(e.Text), " ")
		}
	}
	for _, de := range rec.DocEntities {
		if string(de.Type) != t {
			continue
		}
		for _, i := range de.Mentions {
			if i >= 0 && i < len(rec.Entities) && string(rec.Entities[i].Type) == t {
				grouped[i] = true
				add(i, de.ID)
			}
		}
	}
	for i, e := range rec.Entities {
		if string(e.Type) == t && !grouped[i] {
			add(i, fmt.Sprintf("#%d", i)) // an entity of its own
		}
	}
	forms := make([]string, 0, len(pred))
	for f := range pred {
		forms = append(forms, f)
	}
	slices.Sort(forms)
	var (
		c      Counts
		misses []PairMiss
	)
	for i, a := range forms {
		for _, b := range forms[i+1:] {
			p, gs := overlap(pred[a], pred[b]), overlap(gold[a], gold[b])
			switch {
			case p && gs:
				c.TP++
			case p:
				c.FP++
				misses = append(misses, PairMiss{Doc: g.Doc, Type: t, Kind: "FP", A: shown[a], B: shown[b]})
			case gs:
				c.FN++
				misses = append(misses, PairMiss{Doc: g.Doc, Type: t, Kind: "FN", A: shown[a], B: shown[b]})
			}
		}
	}
	return c, misses
}

func overlap[T comparable](a, b []T) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// Pooled sums the pair counts of type t over the documents for which keep
// is true (all when keep is nil).
func (r *GroupingReport) Pooled(t string, keep func(doc string) bool) Counts {
	var c Counts
	for doc, byType := range r.ByDoc {
		if keep == nil || keep(doc) {
			c.Add(byType[t])
		}
	}
	return c
}

// Fold returns the pair counts of type t pooled over the documents of the
// named fold (see [Folds]).
func (r *GroupingReport) Fold(name, t string) Counts {
	return r.Pooled(t, func(doc string) bool { return FoldOf(doc) == name })
}

// Developed returns the pair counts of type t pooled over the documents
// that are not held back.
func (r *GroupingReport) Developed(t string) Counts {
	return r.Pooled(t, func(doc string) bool { return !HeldBack(doc) })
}

// Write prints pairwise precision and recall per fold and type (with the
// number of gold-same pairs), the documents not held back pooled, and
// the held-back folds pooled.
func (r *GroupingReport) Write(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "fold\t")
	for _, t := range GroupingTypes {
		fmt.Fprintf(tw, "%s P\tR\tpairs\t", t)
	}
	fmt.Fprintln(tw)
	row := func(name string, get func(t string) Counts) {
		fmt.Fprintf(tw, "%s\t", name)
		for _, t := range GroupingTypes {
			if get == nil {
				fmt.Fprint(tw, "hidden\thidden\t-\t")
				continue
			}
			c := get(t)
			fmt.Fprintf(tw, "%.3f\t%.3f\t%d\t", c.P(), c.R(), c.TP+c.FN)
		}
		fmt.Fprintln(tw)
	}
	for _, f := range Folds {
		name := f.Name
		get := func(t string) Counts { return r.Fold(f.Name, t) }
		if f.HeldBack {
			name += " (held back)"
			if r.HideHeldBack {
				get = nil
			}
		}
		row(name, get)
	}
	row("developed, pooled", r.Developed)
	held := func(t string) Counts { return r.Pooled(t, HeldBack) }
	if r.HideHeldBack {
		held = nil
	}
	row("held back, pooled", held)
	return tw.Flush()
}
