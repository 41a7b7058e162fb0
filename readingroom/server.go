package readingroom

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/casefile/casefile/schemas"
)

//go:embed templates/*.html
var templateFiles embed.FS

//go:embed static
var staticFiles embed.FS

// DefaultTimeout bounds the store queries of one request.
const DefaultTimeout = 10 * time.Second

// ContentSecurityPolicy is sent with every page: scripts and styles only
// from the reading room's own files (no inline script or style, nothing
// from elsewhere), no frames, forms only to itself.
const ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; " +
	"form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// Options configure a Server. The zero value is usable.
type Options struct {
	// Logger receives request errors. If nil, slog.Default() is used.
	Logger *slog.Logger
	// Timeout bounds each request's store queries. If zero,
	// DefaultTimeout is used.
	Timeout time.Duration
	// SourceRoot is the folder relative document sources are read from
	// for /doc/ID/pdf. If empty, the process's working folder is used.
	SourceRoot string
}

// Server is the reading room's http.Handler: read-only pages over a Store.
type Server struct {
	store *Store
	opts  Options
	log   *slog.Logger
	pages map[string]*template.Template
	mux   *http.ServeMux
}

// NewServer returns the handler of the reading room over st. It fails only
// when its embedded templates do not parse.
func NewServer(st *Store, opts Options) (*Server, error) {
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	s := &Server{store: st, opts: opts, log: opts.Logger, pages: map[string]*template.Template{}, mux: http.NewServeMux()}
	if s.log == nil {
		s.log = slog.Default()
	}
	funcs := template.FuncMap{
		"typeClass": typeClass,
		"typeLabel": typeLabel,
		"comma":     comma,
		"base":      baseName,
		"list":      func(v ...any) []any { return v },
		"plural": func(n int, one, many string) string {
			if n == 1 {
				return "1 " + one
			}
			return comma(n) + " " + many
		},
		"searchName": func(name string) string {
			return Query{Name: name}.URL()
		},
		"searchWho": func(id string) string {
			return Query{Who: id}.URL()
		},
		"reasonText": func(r string) string {
			return ReasonText(schemas.Reason(r))
		},
	}
	for _, name := range []string{"search", "document", "entity", "cluster", "deadletters", "error"} {
		t, err := template.New("base.html").Funcs(funcs).ParseFS(templateFiles, "templates/base.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("readingroom: templates: %w", err)
		}
		s.pages[name] = t
	}
	static, err := fs.Sub(staticFiles, "static")
	if err != nil {
		return nil, fmt.Errorf("readingroom: static: %w", err)
	}
	files := http.FileServerFS(static)
	s.mux.Handle("GET /static/", http.StripPrefix("/static/", cacheFor(time.Hour, files)))
	s.mux.HandleFunc("GET /{$}", s.search)
	s.mux.HandleFunc("GET /search", s.search)
	s.mux.HandleFunc("GET /doc/{id}", s.document)
	s.mux.HandleFunc("GET /doc/{id}/pdf", s.pdf)
	s.mux.HandleFunc("GET /entity", s.entity)
	s.mux.HandleFunc("GET /entity/{id}", s.cluster)
	s.mux.HandleFunc("GET /deadletters", s.deadLetters)
	return s, nil
}

// ServeHTTP serves the pages with the security headers every response
// carries, and bounds each request's time.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	if !strings.HasSuffix(r.URL.Path, "/pdf") {
		h.Set("Content-Security-Policy", ContentSecurityPolicy)
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.Timeout)
	defer cancel()
	s.mux.ServeHTTP(w, r.WithContext(ctx))
}

func cacheFor(d time.Duration, h http.Handler) http.Handler {
	v := "public, max-age=" + strconv.Itoa(int(d.Seconds()))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", v)
		h.ServeHTTP(w, r)
	})
}

// view is what every page template gets: the layout's fields and the
// page's data.
type view struct {
	Title      string
	SearchText string
	Hidden     []hidden // filters the header's search form keeps
	Data       any
}

type hidden struct{ Name, Value string }

// render executes page into a buffer first, so a template error is a 500
// and never half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, page string, v view) {
	var buf bytes.Buffer
	if err := s.pages[page].Execute(&buf, v); err != nil {
		s.log.ErrorContext(r.Context(), "readingroom: render", "page", page, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// fail answers a request whose store call failed: 404 for ErrNotFound, 503
// for a query past its time, 500 (logged) otherwise.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := http.StatusInternalServerError, "Something went wrong reading the store."
	switch {
	case errors.Is(err, ErrNotFound):
		status, msg = http.StatusNotFound, "Not found."
	case errors.Is(err, context.DeadlineExceeded):
		status, msg = http.StatusServiceUnavailable, "The store took too long to answer; narrow the search."
	case errors.Is(err, context.Canceled):
		return
	default:
		s.log.ErrorContext(r.Context(), "readingroom: request", "path", r.URL.Path, "err", err)
	}
	s.render(w, r, status, "error", view{Title: http.StatusText(status), Data: msg})
}

func (s *Server) search(w http.ResponseWriter, r *http.Request) {
	q := ParseQuery(r.URL.Query())
	res, err := s.store.Search(r.Context(), q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	title := "Filings"
	if q.Text != "" {
		title = "Search: " + q.Text
	}
	v := view{Title: title, SearchText: q.Text, Data: res}
	for _, p := range queryParams {
		if f := q.filter(p.param); f != "" {
			v.Hidden = append(v.Hidden, hidden{p.param, f})
		}
	}
	s.render(w, r, http.StatusOK, "search", v)
}

func (s *Server) document(w http.ResponseWriter, r *http.Request) {
	from, _ := strconv.Atoi(r.URL.Query().Get("from"))
	d, err := s.store.Document(r.Context(), r.PathValue("id"), from)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "document", view{Title: d.DocSummary.Title(), Data: d})
}

func (s *Server) entity(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	e, err := s.store.Entity(r.Context(), clip(q.Get("type"), 20), clip(q.Get("name"), maxParamRunes))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "entity", view{Title: e.Name, Data: e})
}

func (s *Server) cluster(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if !validClusterID(id) {
		s.fail(w, r, ErrNotFound)
		return
	}
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	c, err := s.store.Cluster(r.Context(), id, min(max(page, 1), MaxPage*10))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "cluster", view{Title: c.Name, Data: c})
}

func (s *Server) deadLetters(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	page, _ := strconv.Atoi(q.Get("page"))
	dl, err := s.store.DeadLetters(r.Context(), clip(q.Get("reason"), 100), page)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "deadletters", view{Title: "Dead letters", Data: dl})
}

// comma writes n with thousands separators.
func comma(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}
