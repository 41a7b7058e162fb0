// casefile addition: cross-reference repair. When a file's xref table is
// missing or broken (truncated downloads, NUL padding, bad offsets), the
// objects are found by scanning the file for "N G obj", objects inside
// object streams are added from each stream's header, and the trailer is
// the last "trailer" dictionary or, failing that, one made up around the
// catalog (or around the page objects when even the catalog is lost).

package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"sync"
)

// maxRepairBytes bounds the file size a repair will scan.
const maxRepairBytes = 512 << 20

// objHeader finds "N G obj"; compiled at first repair, not at every start.
var objHeader = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?:^|[\r\n\s])(\d{1,10})[ \t\r\n]+(\d{1,5})[ \t\r\n]+obj\b`)
})

func rebuildXref(f io.ReaderAt, size int64) (r *Reader, err error) {
	defer func() {
		if v := recover(); v != nil {
			r, err = nil, fmt.Errorf("repair: %v", v)
		}
	}()
	if size > maxRepairBytes {
		return nil, errors.New("file too large to repair")
	}
	data := make([]byte, size)
	if _, err := f.ReadAt(data, 0); err != nil && err != io.EOF {
		return nil, err
	}
	r = &Reader{f: f, end: size, repaired: true}
	var table []xref
	for _, m := range objHeader().FindAllSubmatchIndex(data, -1) {
		id, err1 := strconv.ParseUint(string(data[m[2]:m[3]]), 10, 32)
		gen, err2 := strconv.ParseUint(string(data[m[4]:m[5]]), 10, 16)
		if err1 != nil || err2 != nil || id > 10_000_000 {
			continue
		}
		for uint64(len(table)) <= id {
			table = append(table, xref{})
		}
		// A later definition of an object replaces an earlier one, as an
		// incremental update would.
		table[id] = xref{ptr: objptr{uint32(id), uint16(gen)}, offset: int64(m[2])}
	}
	if len(table) == 0 {
		return nil, errors.New("no objects found")
	}
	r.xref = table

	// Objects in object streams.
	var catalog, pagesRoot objptr
	var pages []objptr
	for _, x := range append([]xref(nil), table...) {
		if x.ptr == (objptr{}) {
			continue
		}
		v := r.resolve(objptr{}, x.ptr)
		switch v.Key("Type").Name() {
		case "ObjStm":
			addObjStm(r, x.ptr, v)
		case "Catalog":
			catalog = x.ptr
		case "Pages":
			if v.Key("Parent").IsNull() {
				pagesRoot = x.ptr
			}
		case "Page":
			pages = append(pages, x.ptr)
		}
	}
	// Catalogs and pages inside object streams.
	for id, x := range r.xref {
		if !x.inStream {
			continue
		}
		v := r.resolve(objptr{}, objptr{uint32(id), 0})
		switch v.Key("Type").Name() {
		case "Catalog":
			catalog = x.ptr
		case "Pages":
			if v.Key("Parent").IsNull() {
				pagesRoot = x.ptr
			}
		case "Page":
			pages = append(pages, x.ptr)
		}
	}

	if i := bytes.LastIndex(data, []byte("trailer")); i >= 0 {
		b := newBuffer(bytes.NewReader(data[i+len("trailer"):]), int64(i+len("trailer")))
		if t, ok := b.readObject().(dict); ok {
			if _, hasRoot := t["Root"].(objptr); hasRoot {
				r.trailer = t
				return r, nil
			}
		}
	}
	switch {
	case catalog != (objptr{}):
		r.trailer = dict{"Root": catalog}
	case pagesRoot != (objptr{}):
		r.trailer = dict{"Root": dict{"Type": name("Catalog"), "Pages": pagesRoot}}
	case len(pages) > 0:
		kids := make(array, len(pages))
		for i, p := range pages {
			kids[i] = p
		}
		r.trailer = dict{"Root": dict{"Type": name("Catalog"), "Pages": dict{"Type": name("Pages"), "Kids": kids, "Count": int64(len(pages))}}}
	default:
		return nil, errors.New("no catalog or pages found")
	}
	return r, nil
}

// addObjStm registers the objects an object stream holds.
func addObjStm(r *Reader, ptr objptr, v Value) {
	n := int(v.Key("N").Int64())
	if n <= 0 || n > 1_000_000 {
		return
	}
	rd := v.Reader()
	defer rd.Close()
	b := newBuffer(rd, 0)
	b.allowEOF = true
	for i := 0; i < n; i++ {
		id, ok1 := b.readToken().(int64)
		_, ok2 := b.readToken().(int64)
		if !ok1 || !ok2 || id < 0 || id > 10_000_000 {
			return
		}
		for int64(len(r.xref)) <= id {
			r.xref = append(r.xref, xref{})
		}
		if r.xref[id].ptr == (objptr{}) {
			r.xref[id] = xref{ptr: objptr{uint32(id), 0}, inStream: true, stream: ptr, offset: int64(i)}
		}
	}
}
