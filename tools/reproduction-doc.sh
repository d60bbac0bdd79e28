#!/usr/bin/env bash
# Regenerates the verdict table of docs/reproduction.md from a reproduction suite's folder (what
# `overparam reproduce` wrote): the table between the markers <!-- verdicts:begin --> and
# <!-- verdicts:end --> becomes the suite's reproduction.md, the figures it links are copied to
# docs/reproduction/ and linked from there. The rest of the page (deviations, wall times) is prose.
#
#   tools/reproduction-doc.sh runs/reproduce-20261207-160000
#
# Exit code: 0 written, 2 bad usage (no such suite, no markers).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
suite="${1:-}"
doc="$root/docs/reproduction.md"
[[ -n "$suite" && -f "$suite/reproduction.md" ]] \
  || { echo "usage: tools/reproduction-doc.sh SUITE (a folder holding reproduction.md)" >&2; exit 2; }
grep -q '<!-- verdicts:begin -->' "$doc" && grep -q '<!-- verdicts:end -->' "$doc" \
  || { echo "reproduction-doc: $doc has no <!-- verdicts:begin/end --> markers" >&2; exit 2; }
mkdir -p "$root/docs/reproduction"
rm -f "$root"/docs/reproduction/*.png
grep -o '](plots/[^)]*\.png)' "$suite/reproduction.md" | sed 's#](plots/##; s#)$##' \
  | while read -r png; do cp "$suite/plots/$png" "$root/docs/reproduction/"; done
table="$(mktemp)"
trap 'rm -f "$table"' EXIT
{
  echo "Suite: \`$(basename "$suite")\` ($(cat "$suite/reproduce.txt" 2>/dev/null | tr -d '\n' | sed 's/^$/full sizes/'))."
  echo
  sed 's#](plots/#](reproduction/#g' "$suite/reproduction.md"
} > "$table"
python3 - "$doc" "$table" <<'PY'
import sys
doc, table = sys.argv[1], open(sys.argv[2], encoding="utf-8").read()
text = open(doc, encoding="utf-8").read()
head, rest = text.split("<!-- verdicts:begin -->", 1)
_, tail = rest.split("<!-- verdicts:end -->", 1)
open(doc, "w", encoding="utf-8").write(head + "<!-- verdicts:begin -->\n" + table + "<!-- verdicts:end -->" + tail)
PY
echo "wrote $doc and docs/reproduction/*.png from $suite"
