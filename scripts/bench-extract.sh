#!/usr/bin/env bash
# Extraction throughput, whole process for whole process: `casefile extract`
# against `pdftotext -layout` and MuPDF's `mutool draw -F txt` (when
# installed: apt-get install mupdf-tools) over the same text-layer PDFs, one
# process per file, each timed in the same run, several rounds, fastest
# round kept; and each program's bare start, which a process per file pays.
# Also prints the cost of running casefile's extraction isolated in a child
# process per document (the extract stage's default).
#
#   scripts/bench-extract.sh [PDF_DIR] [ROUNDS]    (default ../shared/corpus/pdfs, 3)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-../shared/corpus/pdfs}
rounds=${2:-3}
manifest="$dir/../MANIFEST.tsv"
command -v pdftotext >/dev/null || { echo "pdftotext not found (apt-get install poppler-utils)" >&2; exit 1; }

bin=$(mktemp -d)/casefile
go build -o "$bin" ./cmd/casefile

# Text-layer files and their page counts, from the manifest when there is one.
files=() pages=0
if [ -f "$manifest" ]; then
  while IFS=$'\t' read -r name _ _ _ _ npages kind _; do
    [ "$kind" = text ] || continue
    files+=("$dir/$name"); pages=$((pages + npages))
  done < <(tail -n +2 "$manifest")
else
  for f in "$dir"/*.pdf; do
    files+=("$f"); pages=$((pages + $(pdfinfo "$f" | awk '/^Pages:/ {print $2}')))
  done
fi

now() { date +%s.%N; }
best() { # best CMD... : fastest of $rounds rounds over all files
  local b=999999 t0 t1 t
  for _ in $(seq "$rounds"); do
    t0=$(now)
    for f in "${files[@]}"; do "$@" "$f" >/dev/null 2>&1 || true; done
    t1=$(now)
    t=$(echo "$t1 - $t0" | bc -l)
    b=$(echo "if ($t < $b) $t else $b" | bc -l)
  done
  echo "$b"
}
pdftotext_layout() { pdftotext -layout "$1" -; }
casefile_extract() { "$bin" extract --ocr off "$1"; }
casefile_child() { "$bin" extract-child --ocr off < "$1"; }
mutool_txt() { mutool draw -q -F txt -o /dev/null "$1"; }
casefile_start() { "$bin" version; }
mutool_start() { mutool -v; }

tp=$(best pdftotext_layout)
tc=$(best casefile_extract)
tk=$(best casefile_child)
if command -v mutool >/dev/null; then
  tm=$(best mutool_txt)
  sc=$(best casefile_start)
  sm=$(best mutool_start)
fi
printf '%d text-layer files, %d pages, fastest of %d rounds\n' "${#files[@]}" "$pages" "$rounds"
printf '%-28s %8.2f s  %8.1f pages/s\n' "pdftotext -layout" "$tp" "$(echo "$pages / $tp" | bc -l)"
printf '%-28s %8.2f s  %8.1f pages/s\n' "casefile extract" "$tc" "$(echo "$pages / $tc" | bc -l)"
printf '%-28s %8.2f s  %8.1f pages/s\n' "casefile extract-child" "$tk" "$(echo "$pages / $tk" | bc -l)"
printf 'casefile / pdftotext speed ratio: %.2f (>= 1 means casefile is faster)\n' "$(echo "$tp / $tc" | bc -l)"
if [ -n "${tm:-}" ]; then
  printf '%-28s %8.2f s  %8.1f pages/s\n' "mutool draw -F txt" "$tm" "$(echo "$pages / $tm" | bc -l)"
  printf 'casefile / mutool speed ratio: %.2f (>= 1 means casefile is faster)\n' "$(echo "$tm / $tc" | bc -l)"
  printf 'process start, per file: casefile %.1f ms, mutool %.1f ms; without it: casefile %.2f s, mutool %.2f s, ratio %.2f\n' \
    "$(echo "1000 * $sc / ${#files[@]}" | bc -l)" "$(echo "1000 * $sm / ${#files[@]}" | bc -l)" \
    "$(echo "$tc - $sc" | bc -l)" "$(echo "$tm - $sm" | bc -l)" "$(echo "($tm - $sm) / ($tc - $sc)" | bc -l)"
fi
