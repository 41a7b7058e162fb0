#!/usr/bin/env bash
# Extraction throughput, whole process for whole process: `casefile extract`
# against `pdftotext -layout` and MuPDF's `mutool draw -F txt` (when
# installed: apt-get install mupdf-tools) over the same text-layer PDFs, one
# process per file, each timed in the same run, several rounds, fastest
# round kept. Each round is timed twice over: wall clock, and CPU (user +
# system time of the processes, from the shell's `times`), which a machine
# shared with other work disturbs far less. Also prints each program's fixed
# cost per process (the same command on an empty file: start, flags,
# refusal), which a process per file pays, and the cost of running
# casefile's extraction isolated in a child process per document (the
# extract stage's default).
#
#   scripts/bench-extract.sh [PDF_DIR] [ROUNDS]    (default ../shared/corpus/pdfs, 3)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-../shared/corpus/pdfs}
rounds=${2:-3}
manifest="$dir/../MANIFEST.tsv"
command -v pdftotext >/dev/null || { echo "pdftotext not found (apt-get install poppler-utils)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bin=$tmp/casefile
go build -o "$bin" ./cmd/casefile
empty=$tmp/empty.pdf
: >"$empty"

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
# seconds M S: `times` prints "0m1.234s 0m0.056s"; the sum in seconds.
seconds() { echo "$1 $2" | sed 's/m/ /g; s/s//g' | awk '{print $1 * 60 + $2 + $3 * 60 + $4}'; }
best() { # best CMD... : fastest of $rounds rounds over all files, "wall cpu"
  local bw=999999 bc=999999 t0 t1 t c
  for _ in $(seq "$rounds"); do
    t0=$(now)
    (for f in "${files[@]}"; do "$@" "$f" >/dev/null 2>&1 || true; done; times) >"$tmp/times"
    t1=$(now)
    t=$(echo "$t1 - $t0" | bc -l)
    c=$(seconds $(tail -1 "$tmp/times"))
    bw=$(echo "if ($t < $bw) $t else $bw" | bc -l)
    bc=$(echo "if ($c < $bc) $c else $bc" | bc -l)
  done
  echo "$bw $bc"
}
pdftotext_layout() { pdftotext -layout "$1" -; }
casefile_extract() { "$bin" extract --ocr off "$1"; }
casefile_child() { "$bin" extract-child --ocr off < "$1"; }
mutool_txt() { mutool draw -q -F txt -o /dev/null "$1"; }
casefile_start() { casefile_extract "$empty"; }
mutool_start() { mutool_txt "$empty"; }

read -r tp cp < <(best pdftotext_layout)
read -r tc cc < <(best casefile_extract)
read -r tk ck < <(best casefile_child)
if command -v mutool >/dev/null; then
  read -r tm cm < <(best mutool_txt)
  read -r sc scc < <(best casefile_start)
  read -r sm smc < <(best mutool_start)
fi
row() { printf '%-24s %7.2f s %7.1f pages/s   cpu %6.2f s %7.1f pages/s\n' "$1" "$2" "$(echo "$pages / $2" | bc -l)" "$3" "$(echo "$pages / $3" | bc -l)"; }
printf '%d text-layer files, %d pages, fastest of %d rounds (wall; cpu)\n' "${#files[@]}" "$pages" "$rounds"
row "pdftotext -layout" "$tp" "$cp"
row "casefile extract" "$tc" "$cc"
row "casefile extract-child" "$tk" "$ck"
printf 'casefile / pdftotext speed ratio: wall %.2f, cpu %.2f (>= 1 means casefile is faster)\n' "$(echo "$tp / $tc" | bc -l)" "$(echo "$cp / $cc" | bc -l)"
if [ -n "${tm:-}" ]; then
  row "mutool draw -F txt" "$tm" "$cm"
  printf 'casefile / mutool speed ratio: wall %.2f, cpu %.2f (>= 1 means casefile is faster)\n' "$(echo "$tm / $tc" | bc -l)" "$(echo "$cm / $cc" | bc -l)"
  printf 'fixed cost per process (an empty file), cpu: casefile %.1f ms, mutool %.1f ms; without it: casefile %.2f s, mutool %.2f s, ratio %.2f\n' \
    "$(echo "1000 * $scc / ${#files[@]}" | bc -l)" "$(echo "1000 * $smc / ${#files[@]}" | bc -l)" \
    "$(echo "$cc - $scc" | bc -l)" "$(echo "$cm - $smc" | bc -l)" "$(echo "($cm - $smc) / ($cc - $scc)" | bc -l)"
fi
