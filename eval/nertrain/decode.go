package nertrain

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/jdkato/prose/v2"
)

// classifier is prose's trained maximum-entropy entity classifier, read
// back from its files so that it can be applied with the features it was
// trained on. prose's own decoding (entityExtracter.classify) gives the
// previous-label features a different value than training does: "B" where
// training saw "B-PERSON". Every feature built on the previous label then
// misses, and the I- labels of multi-word names, which rest on it, rarely
// come out. classifier computes the features as training did.
type classifier struct {
	labels  []string
	weights map[string][]float64 // feature "name-value" → weight per label (NaN: none)
	basic   map[string]bool      // prose's list of basic English words
}

// readClassifier reads the gob files of a model written by Save.
func readClassifier(dir string) (*classifier, error) {
	var (
		labels  []string
		mapping map[string]int
		weights []float64
	)
	for _, f := range []struct {
		name string
		v    any
	}{{"labels.gob", &labels}, {"mapping.gob", &mapping}, {"weights.gob", &weights}} {
		data, err := os.ReadFile(filepath.Join(dir, "Maxent", f.name))
		if err != nil {
			return nil, fmt.Errorf("nertrain: %w", err)
		}
		if err := gob.NewDecoder(bytes.NewReader(data)).Decode(f.v); err != nil {
			return nil, fmt.Errorf("nertrain: %s: %w", f.name, err)
		}
	}
	c := &classifier{labels: labels, weights: map[string][]float64{}}
	index := map[string]int{}
	for i, l := range labels {
		index[l] = i
	}
	for key, id := range mapping {
		// key is "name-value-label"; a label is "O" or "B-X" / "I-X", and
		// values may hold hyphens, so the label is found from the end.
		feat, li, ok := splitLabel(key, index)
		if !ok || id < 0 || id >= len(weights) {
			continue
		}
		w := c.weights[feat]
		if w == nil {
			w = make([]float64, len(labels))
			for i := range w {
				w[i] = math.NaN()
			}
			c.weights[feat] = w
		}
		w[li] = weights[id]
	}
	words, err := prose.Asset("model/Maxent/words.gob")
	if err != nil {
		return nil, fmt.Errorf("nertrain: prose's word list: %w", err)
	}
	var list []string
	if err := gob.NewDecoder(bytes.NewReader(words)).Decode(&list); err != nil {
		return nil, fmt.Errorf("nertrain: prose's word list: %w", err)
	}
	c.basic = make(map[string]bool, len(list))
	for _, w := range list {
		c.basic[w] = true
	}
	return c, nil
}

// splitLabel splits a mapping key "name-value-label" into "name-value"
// and the label's index.
func splitLabel(key string, index map[string]int) (string, int, bool) {
	if rest, ok := strings.CutSuffix(key, "-O"); ok {
		if i, ok := index["O"]; ok {
			return rest, i, true
		}
	}
	for l, i := range index {
		if rest, ok := strings.CutSuffix(key, "-"+l); ok && strings.Count(l, "-") == 1 {
			return rest, i, true
		}
	}
	return "", 0, false
}

// featureOrder is prose's list of feature names.
var featureOrder = []string{
	"bias", "en-wordlist", "nextpos", "nextword", "pos", "pos+prevtag",
	"prefix3", "prevpos", "prevtag", "prevword", "shape", "shape+prevtag",
	"suffix3", "word", "word+nextpos", "word.lower", "wordlen"}

// classify labels tagged tokens left to right, each from its features and
// the label given to the one before, as in training. Ties go to the
// earlier label.
func (c *classifier) classify(toks []prose.Token) []string {
	labels := make([]string, len(toks))
	scores := make([]float64, len(c.labels))
	for i := range toks {
		for k := range scores {
			scores[k] = 0
		}
		for name, val := range c.features(i, toks, labels) {
			w := c.weights[name+"-"+val]
			for k := range scores {
				if w != nil && !math.IsNaN(w[k]) {
					scores[k] += w[k]
				}
			}
		}
		best := 0
		for k := range scores {
			if scores[k] > scores[best] {
				best = k
			}
		}
		labels[i] = c.labels[best]
	}
	return labels
}

// features are prose's entity features of token i (extract.go's extract),
// with the previous label as training gives it.
func (c *classifier) features(i int, toks []prose.Token, labels []string) map[string]string {
	word := toks[i].Text
	f := make(map[string]string, len(featureOrder))
	f["bias"] = "True"
	f["word"] = word
	f["pos"] = toks[i].Tag
	f["en-wordlist"] = "False"
	if c.basic[word] {
		f["en-wordlist"] = "True"
	}
	f["word.lower"] = strings.ToLower(word)
	f["suffix3"] = strings.ToLower(word[len(word)-min(len(word), 3):])
	f["prefix3"] = strings.ToLower(word[:min(len(word), 3)])
	f["shape"] = shape(word)
	f["wordlen"] = strconv.Itoa(len(word))
	prevShape := "None"
	switch i {
	case 0:
		f["prevtag"], f["prevword"], f["prevpos"] = "None", "None", "None"
	default:
		f["prevword"] = strings.ToLower(toks[i-1].Text)
		f["prevpos"] = toks[i-1].Tag
		f["prevtag"] = labels[i-1]
		if i > 1 {
			prevShape = shape(toks[i-1].Text)
		}
	}
	if i == len(toks)-1 {
		f["nextword"], f["nextpos"] = "None", "None"
	} else {
		f["nextword"] = strings.ToLower(toks[i+1].Text)
		f["nextpos"] = strings.ToLower(toks[i+1].Tag)
	}
	f["word+nextpos"] = f["word.lower"] + "+" + f["nextpos"]
	f["pos+prevtag"] = f["pos"] + "+" + f["prevtag"]
	f["shape+prevtag"] = prevShape + "+" + f["prevtag"]
	return f
}

var (
	endsNonWord = regexp.MustCompile(`\W+$`)
	endsWord    = regexp.MustCompile(`\w+$`)
)

// shape is prose's word shape: number, punct (ends in a non-word
// character), downcase, upcase (title case), mixedcase or other.
func shape(word string) string {
	if _, err := strconv.ParseFloat(word, 64); err == nil {
		return "number"
	}
	switch {
	case endsNonWord.MatchString(word):
		return "punct"
	case endsWord.MatchString(word):
		switch {
		case strings.ToLower(word) == word:
			return "downcase"
		//lint:ignore SA1019 prose's model was trained with strings.Title's definition of a capitalized word
		case strings.Title(word) == word:
			return "upcase"
		}
		return "mixedcase"
	}
	return "other"
}
