#!/usr/bin/env bash
# Regenerates the verdict tables of docs/reproduction.md from reproduction suites' folders (what
# `overparam reproduce` wrote): the text between the markers <!-- verdicts:begin --> and
# <!-- verdicts:end --> becomes each suite's reproduction.md in turn (with a line naming the suite),
# and the figures those tables link are copied to docs/reproduction/ and linked from there. The rest
# of the page (deviations, wall times) is prose.
#
#   tools/reproduction-doc.sh runs/reproduce-20261207-160000 [runs/reproduce-20261207-163000 ...]
#
# Exit code: 0 written, 2 bad usage (no such suite, no markers).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
doc="$root/docs/reproduction.md"
[[ $# -ge 1 ]] || { echo "usage: tools/reproduction-doc.sh SUITE... (folders holding reproduction.md)" >&2; exit 2; }
for suite in "$@"; do
  [[ -f "$suite/reproduction.md" ]] || { echo "reproduction-doc: $suite holds no reproduction.md" >&2; exit 2; }
done
grep -q '<!-- verdicts:begin -->' "$doc" && grep -q '<!-- verdicts:end -->' "$doc" \
  || { echo "reproduction-doc: $doc has no <!-- verdicts:begin/end --> markers" >&2; exit 2; }
mkdir -p "$root/docs/reproduction"
rm -f "$root"/docs/reproduction/*.png
table="$(mktemp)"
trap 'rm -f "$table"' EXIT
for suite in "$@"; do
  grep -o '](plots/[^)]*\.png)' "$suite/reproduction.md" | sed 's#](plots/##; s#)$##' \
    | while read -r png; do cp "$suite/plots/$png" "$root/docs/reproduction/$(basename "$suite")-$png"; done
  options="$(tr -d '\n' < "$suite/reproduce.txt" 2>/dev/null || true)"
  {
    echo "Suite \`$(basename "$suite")\` (${options:-full sizes}):"
    echo
    sed "s#](plots/#](reproduction/$(basename "$suite")-#g" "$suite/reproduction.md"
    echo
  } >> "$table"
done
python3 - "$doc" "$table" <<'PY'
import sys
doc, table = sys.argv[1], open(sys.argv[2], encoding="utf-8").read()
text = open(doc, encoding="utf-8").read()
head, rest = text.split("<!-- verdicts:begin -->", 1)
_, tail = rest.split("<!-- verdicts:end -->", 1)
open(doc, "w", encoding="utf-8").write(head + "<!-- verdicts:begin -->\n" + table + "<!-- verdicts:end -->" + tail)
PY
echo "wrote $doc and docs/reproduction/*.png from $*"
