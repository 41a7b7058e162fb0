package casemeta

import (
	"strings"

	"github.com/casefile/casefile/annotate/internal/textscan"
	"github.com/casefile/casefile/schemas"
)

// A docket sheet is a case's record, not a filing: CM/ECF's report and
// the case pages of state courts' portals (Texas's appellate courts,
// Oklahoma's OSCN, Tyler Odyssey) print the case as labels and their
// values ("Case Number", "Date Filed", "Case Type", "Style", "Judge",
// "Parties", "Case Events"), the value after a colon or on the next line.
// Its entries name motions, orders and informations, none of which is
// the page's kind.

// docketLabel is a docket's label at the start of a line, ending it or
// followed by a colon: "Date Filed: 06/16/2004", "Case Type:" above its
// value, "Parties" alone; and the section heads of a state court's docket
// printed to PDF ("CHARGES", "CURRENT ASSIGNED JUDGE", "DEFENDANT
// INFORMATION", "ACCOUNT SUMMARY", "CASE NOTE", "PROCEEDINGS"), which a
// filing prints one or two of at most; and a court of appeals' general
// docket's ("Docketed:", "Appeal From:", "Case Type Information:", "Fee
// Status:"); and the section heads of Pennsylvania's CPCMS docket sheets
// ("STATUS INFORMATION", "CALENDAR EVENTS", "CASE PARTICIPANTS", "BAIL
// INFORMATION", "CONFINEMENT INFORMATION", "RELATED CASES"). Typed by
// hand: a closed class of labels.
var docketLabel = textscan.Lazy(`^[ \t]*(?i:(case(?:[ \t]+(?:number|no\.?|#))?|(?:date[ \t]+)?filed|file[ \t]+date|filing[ \t]+date|closed|date[ \t]+terminated|case[ \t]+type|case[ \t]+status|style|judge|assigned[ \t]+to|parties|attorneys|events|docket|case[ \t]+events|nature[ \t]+of[ \t]+suit|jury[ \t]+demand|case[ \t]+title|referred[ \t]+to|status|case[ \t]+information|pending[ \t]+counts|terminated[ \t]+counts|disposition|magistrate[ \t]+judge[ \t]+case[ \t]+number|charges|proceedings|current[ \t]+assigned[ \t]+judge|defendant[ \t]+information|account[ \t]+summary|case[ \t]+note|docketed|appeal[ \t]+from|case[ \t]+type[ \t]+information|fee[ \t]+status|status[ \t]+information|calendar[ \t]+events|case[ \t]+participants|bail[ \t]+information|confinement[ \t]+information|related[ \t]+cases))[ \t]*(?::[ \t]*(.*?)|)[ \t]*$`)

// docketMinLabels is how many distinct labels make a page a docket sheet:
// a filing's head prints a case number and a judge, perhaps a filed date,
// not a case's record.
const docketMinLabels = 4

// docketField is one label of a docket record and its value.
type docketField struct {
	label, value string
	at           int // byte offset of the value in the page; -1 if none
}

// docketRecord reads the labels of a docket sheet from the head of a
// page, keyed by the label in lower case with its spaces made single;
// nil when the page is not one. A label's value is what follows its
// colon, or else the next line's text when that is not a label itself.
func docketRecord(text string) map[string]docketField {
	head := text[:min(len(text), headingBytes)]
	lines := strings.SplitAfter(head, "\n")
	fields := map[string]docketField{}
	off := 0
	for i, l := range lines {
		line := strings.TrimRight(l, "\r\n")
		m := docketLabel.Get().FindStringSubmatchIndex(line)
		if m == nil {
			off += len(l)
			continue
		}
		label := strings.ToLower(strings.Join(strings.Fields(line[m[2]:m[3]]), " "))
		f := docketField{label: label, at: -1}
		if m[4] >= 0 && m[5] > m[4] {
			f.value, f.at = line[m[4]:m[5]], off+m[4]
		} else if i+1 < len(lines) {
			next := strings.TrimRight(lines[i+1], "\r\n")
			if v := strings.TrimSpace(next); v != "" && !docketLabel.Get().MatchString(next) && !strings.HasSuffix(v, ":") {
				f.value, f.at = v, off+len(l)+strings.Index(next, v)
			}
		}
		if _, ok := fields[label]; !ok {
			fields[label] = f
		}
		off += len(l)
	}
	if len(fields) < docketMinLabels {
		return nil
	}
	return fields
}

// docketValue returns the value of the first of labels the record gives.
func docketValue(r map[string]docketField, labels ...string) (docketField, bool) {
	for _, l := range labels {
		if f, ok := r[l]; ok && f.value != "" {
			return f, true
		}
	}
	return docketField{}, false
}

// docketFiled is the date a docket record gives its case as filed.
func docketFiled(r map[string]docketField) string {
	f, ok := docketValue(r, "date filed", "file date", "filing date", "filed")
	if !ok {
		return ""
	}
	words := strings.Fields(f.value)
	if len(words) == 0 {
		return "" // a blank the label pattern does not trim: a form feed, a no-break space
	}
	iso, ok := isoFromNumeric(words[0])
	if !ok {
		iso, _ = parseDate(f.value)
	}
	return iso
}

// docketNumberRe is a case's number as a portal's "Case:" label gives
// it: letters, digits, dashes and a thousands comma ("01-18-00277-CR",
// "AP-77,129", "WR-82,851-01", "19CV000014"), with a digit.
var docketNumberRe = textscan.Lazy(`^[A-Za-z0-9][A-Za-z0-9,:.-]{2,30}$`)

// docketNumber returns the case number a docket record's own label
// gives and its offset, or "", -1.
func docketNumber(r map[string]docketField) (string, int) {
	f, ok := docketValue(r, "case", "case number", "case no.", "case no", "case #", "case information")
	if !ok || !docketNumberRe.Get().MatchString(f.value) || !strings.ContainsAny(f.value, "0123456789") {
		return "", -1
	}
	return f.value, f.at
}

// docketCaption returns the caption of a docket record: its "Case
// title" ("USA v. Furtado"), or its "Style" and the party after "v.:"
// on the next label, read as a caption is; a style of one party is that
// party as printed ("DAVIS, XAVIER", "In Re Carl Williams"). A
// bankruptcy court's record titled by its debtor's name alone is "In re"
// the debtor.
func docketCaption(text string, r map[string]docketField, bankruptcy bool) string {
	if f, ok := docketValue(r, "case title"); ok {
		if c := caption(f.value); c != "" || !bankruptcy {
			return c
		}
		if debtorName.Get().MatchString(f.value) && !versusRe.Get().MatchString(f.value) {
			return "In re " + matterCase(f.value) // a bankruptcy case's title is its debtor's name
		}
		return ""
	}
	f, ok := docketValue(r, "style")
	if !ok {
		return numberedTitle(text, r)
	}
	rest := text[f.at+len(f.value):]
	var other string
	if t := strings.TrimLeft(rest, " \t\r\n"); strings.HasPrefix(t, "v.:") || strings.HasPrefix(t, "V.:") {
		t = strings.TrimLeft(t[3:], " \t\r\n")
		if nl := strings.IndexByte(t, '\n'); nl >= 0 {
			t = t[:nl]
		}
		if v := strings.TrimSpace(t); v != "" && !docketLabel.Get().MatchString(v) && !strings.HasSuffix(v, ":") && sameSetting(f.value, v) && !matterStyle(f.value) {
			other = v
		}
	}
	if other == "" {
		if c := caption(f.value); c != "" {
			return c
		}
		s := strings.TrimSpace(f.value)
		if p, _, ok := strings.Cut(s, ", Relator"); ok {
			s = p
		}
		return s
	}
	if c := caption(f.value + "\nv.\n" + other); c != "" {
		return c
	}
	return strings.TrimSpace(f.value) + " v. " + other // as printed
}

// sameSetting reports whether two values of a record are set alike: a
// style in capitals has its other party in capitals too, so a mixed-case
// line after an empty "v.:" is the page's next heading ("Appellate
// Briefs"), not a party.
func sameSetting(a, b string) bool {
	return (capsShare(a) >= 0.8) == (capsShare(b) >= 0.8)
}

// matterStyle reports whether a style names a matter, which has no other
// side: "In re Client X", "Ex parte Smith", "In the Matter of …".
func matterStyle(s string) bool {
	l := strings.ToLower(strings.TrimSpace(s))
	return strings.HasPrefix(l, "in re ") || strings.HasPrefix(l, "ex parte ") || strings.HasPrefix(l, "in the matter of ")
}

// caseNameLabel is the "Case Name:" label of CM/ECF's notices of
// electronic filing, its value after it or on the lines below, up to the
// next label ("Case Number:").
var caseNameLabel = textscan.Lazy(`(?m)^[ \t]*Case[ \t]+Name:[ \t]*(.*)$`)

// labelledCaseName returns the caption a "Case Name:" label gives, its
// lines joined ("Murch v. Compass Washington, / LLC et al"), read as a
// caption is; "" without one. In a bankruptcy court's notice a name
// without parties' "v." is the debtor's, whose case it is: "Case Name:
// Mykle Lepene" is "In re Mykle Lepene".
func labelledCaseName(text string, bankruptcy bool) string {
	head := text[:min(len(text), headingBytes)]
	m := caseNameLabel.Get().FindStringSubmatchIndex(head)
	if m == nil {
		return ""
	}
	parts := []string{strings.TrimSpace(head[m[2]:m[3]])}
	rest := head[m[1]:]
	for n := 0; n < 3; n++ {
		rest = strings.TrimPrefix(rest, "\n")
		line, after, _ := strings.Cut(rest, "\n")
		t := strings.TrimSpace(line)
		if t == "" || strings.HasSuffix(t, ":") || docketLabel.Get().MatchString(line) {
			break
		}
		parts = append(parts, t)
		rest = after
	}
	name := strings.TrimSpace(strings.Join(parts, " "))
	if name == "" {
		return ""
	}
	if c := caption(name); c != "" || !bankruptcy {
		return c
	}
	if debtorName.Get().MatchString(name) && !versusRe.Get().MatchString(name) {
		return "In re " + matterCase(name)
	}
	return ""
}

// debtorName is a bankruptcy case's name when it is its debtors' alone:
// two to twelve capitalized words ("Jeffery Wayne Lovell and Tiffany
// Nicole Lovell", "Alan E. Waskowicz"), no digit, no role, no label.
var debtorName = textscan.Lazy(`^[A-Z][A-Za-z.'’-]*(?:,?[ \t]+(?:and|&|[A-Z][A-Za-z.'’-]*)){1,11}$`)

// numberedTitle returns the caption a docket page's title line gives
// after the case's own number, as Tyler Odyssey portals head a case
// ("19CV000014 | Cryrag, Inc. vs Ricardo Lemus et al"), or "".
func numberedTitle(text string, r map[string]docketField) string {
	n, at := docketNumber(r)
	if at < 0 {
		return ""
	}
	head := text[:min(len(text), headingBytes)]
	for _, line := range strings.Split(head, "\n") {
		rest, ok := strings.CutPrefix(strings.TrimSpace(line), n)
		if !ok {
			continue
		}
		t := strings.TrimLeft(rest, " \t")
		if t == "" || !strings.ContainsAny(t[:1], "|-–—") {
			continue
		}
		if c := caption(strings.TrimSpace(t[1:])); c != "" {
			return c
		}
	}
	return ""
}

// cmecfQueryHead is the head CM/ECF sets over a case's query page and its
// docket history report: the case's number, "All Defendants" on a
// criminal case, its title, and "Date filed:" on the next line
// ("1:17-cr-00965-MCA All Defendants USA v. Cleveland" / "Date filed:
// 04/12/2017"). The number is set as the court's software prints it,
// judges' initials in lower case included ("3:22-cr-00137-jdp").
var cmecfQueryHead = textscan.Lazy(`(?m)^[ \t]*((?:\d{1,2}|[A-Z]):\d{2}-[A-Za-z]{2,4}-\d{1,6}(?:-[A-Za-z]{1,4})*)[ \t]+(?:All[ \t]+Defendants[ \t]+)?(\S[^\n]*?)[ \t]*\n[ \t]*Date[ \t]+filed:[ \t]*(\d{1,2}/\d{1,2}/\d{4})[ \t]*$`)

// cmecfQueryRecord reads CM/ECF's query or history head as a docket
// record: the case's number, title and filing date under the labels
// docketRecord gives them; nil when the page has no such head. Its
// entries below (a complaint, an indictment) name other filings.
func cmecfQueryRecord(text string) map[string]docketField {
	head := text[:min(len(text), headingBytes)]
	m := cmecfQueryHead.Get().FindStringSubmatchIndex(head)
	if m == nil {
		return nil
	}
	return map[string]docketField{
		"case #":     {label: "case #", value: head[m[2]:m[3]], at: m[2]},
		"case title": {label: "case title", value: head[m[4]:m[5]], at: m[4]},
		"date filed": {label: "date filed", value: head[m[6]:m[7]], at: m[6]},
	}
}

// claimsRegisterHead is the head of a bankruptcy court's CM/ECF claims
// register: its title, then the case's number and its debtor's name on
// one line ("Claims Register" / "16-40642 Tango Transport, LLC").
var claimsRegisterHead = textscan.Lazy(`(?m)^[ \t]*Claims[ \t]+Register[ \t]*\n[ \t]*((?:\d{1,2}:)?\d{2}-\d{5}(?:-[A-Za-z]{2,4}\d{0,2})?)[ \t]+(\S[^\n]*?)[ \t]*$`)

// claimsRegisterRecord reads a claims register's head as a docket
// record (its number and its title under docketRecord's labels); nil
// when the page has none. The claims below are creditors' filings.
func claimsRegisterRecord(text string) map[string]docketField {
	head := text[:min(len(text), headingBytes)]
	m := claimsRegisterHead.Get().FindStringSubmatchIndex(head)
	if m == nil {
		return nil
	}
	return map[string]docketField{
		"case #":     {label: "case #", value: head[m[2]:m[3]], at: m[2]},
		"case title": {label: "case title", value: head[m[4]:m[5]], at: m[4]},
	}
}

// docketTitleNo is the number in the title of a CM/ECF docket report,
// the defendant's number after a criminal case's ("CRIMINAL DOCKET FOR
// CASE #: 2:17-cr-00378-SPL-1").
var docketTitleNo = textscan.Lazy(`(?m)^[ \t]*(?:CRIMINAL|CIVIL)?[ \t]*DOCKET[ \t]+FOR[ \t]+CASE[ \t]+#:[ \t]*(\S+)`)

// docketTitleNumber returns the number a CM/ECF docket report's title
// gives, normalized as a district number is and with its defendant's
// number kept, as the report prints it; "" without one.
func docketTitleNumber(text string) string {
	head := text[:min(len(text), headingBytes)]
	m := docketTitleNo.Get().FindStringSubmatch(head)
	if m == nil {
		return ""
	}
	ns := findCaseNumbers(m[1])
	if len(ns) != 1 || ns[0].start != 0 || ns[0].end != len(m[1]) || ns[0].attrs.Form != schemas.FormDistrict {
		return ""
	}
	if d := ns[0].attrs.Defendant; d != "" {
		return ns[0].norm + "-" + d
	}
	return ns[0].norm
}
