package schemas

import "time"

// RecordSchemaID is the value of Record.Schema for version 1 records.
const RecordSchemaID = "casefile.record/v1"

// Record is one processed document: the casefile.record/v1 contract.
type Record struct {
	Schema     string    `json:"schema"`
	ID         string    `json:"id"` // SHA-256 hex of the source bytes
	Source     string    `json:"source"`
	IngestedAt time.Time `json:"ingested_at"`
	Document   Document  `json:"document"`
	Case       Case      `json:"case"`
	Pages      []Page    `json:"pages"`
	Entities   []Entity  `json:"entities"`
	// DocEntities groups the PERSON and ORGANIZATION mentions of Entities
	// by referent. Records written before it existed have none.
	DocEntities []DocEntity `json:"doc_entities,omitempty"`
	Warnings    []string    `json:"warnings"`
}

// Document describes the source file.
type Document struct {
	Bytes       int64  `json:"bytes"`
	Pages       int    `json:"pages"`
	Title       string `json:"title,omitempty"`
	ContentType string `json:"content_type"`
}

// Content types casefile ingests.
const (
	ContentPDF  = "application/pdf"
	ContentText = "text/plain"
)

// Case is what the filing says about its case. Fields are empty when the
// text does not say.
type Case struct {
	// Court is the courts-db id of the court (as CourtListener names
	// courts: "cacd", "ca9", "nysupct", "moctapp"); casemeta.CourtAlias
	// maps the short ids of earlier records ("al-sup", "ny-sup-bronx").
	Court     string `json:"court,omitempty"`
	CourtName string `json:"court_name,omitempty"`
	// CourtDivision is the county, district, division or department of a
	// court where the filing names it ("St. Louis County", "Division One").
	CourtDivision string   `json:"court_division,omitempty"`
	CaseNumbers   []string `json:"case_numbers,omitempty"`
	Caption       string   `json:"caption,omitempty"`
	DocType       string   `json:"doc_type,omitempty"`
	Filed         string   `json:"filed,omitempty"` // YYYY-MM-DD: a clerk's or ECF stamp, a "Filed:" label
	// Date is the date a filing that is not filed with a court gives
	// itself (a press release's release date); YYYY-MM-DD.
	Date string `json:"date,omitempty"`
	// Office is the office a filing that is not filed with a court comes
	// from, as its head prints it (a press release's "Queens County
	// District Attorney").
	Office string `json:"office,omitempty"`
}

// Page is the text of one page and how it was obtained.
type Page struct {
	Number int    `json:"number"` // 1-based
	Method Method `json:"method"`
	Text   string `json:"text"`
}

// Method says how a page's text was obtained.
type Method string

// Page text methods.
const (
	MethodText Method = "text" // the PDF's text layer
	MethodOCR  Method = "ocr"  // optical character recognition of the rendered page
	MethodNone Method = "none" // no text could be obtained
)

// EntityType is the kind of thing an entity names.
type EntityType string

// Entity types.
const (
	Person       EntityType = "PERSON"
	Place        EntityType = "PLACE"
	Organization EntityType = "ORGANIZATION"
	Quantity     EntityType = "QUANTITY"
	Charge       EntityType = "CHARGE"
	Date         EntityType = "DATE"
	CaseNumber   EntityType = "CASE_NUMBER"
)

// Entity sources: which kind of extractor found an entity.
const (
	SourceProse     = "prose"
	SourceRule      = "rule"
	SourceGazetteer = "gazetteer"
)

// Entity is one mention. Start and End are half-open offsets in Unicode code
// points (not bytes) into the text of page Page, so that Text equals
// []rune(pages[Page-1].Text)[Start:End].
type Entity struct {
	Type       EntityType `json:"type"`
	Text       string     `json:"text"`
	Page       int        `json:"page"`
	Start      int        `json:"start"`
	End        int        `json:"end"`
	Normalized string     `json:"normalized,omitempty"`
	Confidence float64    `json:"confidence,omitempty"`
	Source     string     `json:"source"`
	// Attrs are the typed attributes of a QUANTITY (*QuantityAttrs), CHARGE
	// (*ChargeAttrs), CASE_NUMBER (*CaseNumberAttrs) or DATE (*DateAttrs);
	// nil for other types.
	Attrs Attrs `json:"attrs,omitempty"`
}

// DocEntity is one person or organization of a document: the mentions in
// Record.Entities that name it, by index, with the name a reader would
// give it. Cross-document identity (clusters across filings) is built on
// these; it is not part of the record.
type DocEntity struct {
	// ID is unique within the record: "p1", "p2"… for people, "o1"… for
	// organizations, numbered in order of first mention.
	ID   string     `json:"id"`
	Type EntityType `json:"type"` // Person or Organization
	// Name is the fullest form the document gives, in reading order
	// ("Jose Doe" for "DOE, JOSE").
	Name string `json:"name"`
	// Key is the name key: Name's tokens folded (case, diacritics,
	// punctuation) and sorted, so that word order does not matter.
	Key string `json:"key"`
	// Aliases are other names the document gives the referent (after
	// a/k/a, aka, also known as; nicknames in quotes).
	Aliases []string `json:"aliases,omitempty"`
	// Mentions are indexes into Record.Entities, ascending.
	Mentions []int `json:"mentions"`
	// Charges and Quantities are indexes of CHARGE and QUANTITY entities
	// that the text ties to this referent (a defendant named in a count).
	Charges    []int `json:"charges,omitempty"`
	Quantities []int `json:"quantities,omitempty"`
	// AmbiguousWith is set on a surname-only entity kept apart because more
	// than one entity of the document has that surname: their ids.
	AmbiguousWith []string `json:"ambiguous_with,omitempty"`
}
