#!/usr/bin/env bash
# Re-fetch the vendored JavaScript of the offline book (and axe-core for the browser tests)
# from the npm registry. For maintainers only: readers, instructors and CI never need Node.
#
#   book/_vendor/update_vendor.sh     # needs npm and tar; runs from any folder
#
# To upgrade: change a version below, run this script, rebuild the book
# (jupyter-book build book/ -W --keep-going), run the tests, update README.md here, commit.
set -euo pipefail

HTML_MANAGER=@jupyter-widgets/html-manager@1.0.15   # ipywidgets 8 embed manager (BSD-3-Clause)
REQUIREJS=requirejs@2.3.8                           # AMD loader it needs (MIT)
MATHJAX=mathjax@3.2.2                               # math rendering (Apache-2.0)
AXE=axe-core@4.14.1                                 # accessibility audit, tests only (MPL-2.0)

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
dest="$here/vendor"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

fetch() {  # fetch <package@version>: unpack it and print the folder
  local out="$tmp/$(echo "$1" | tr '/@' '__')"
  mkdir -p "$out"
  (cd "$out" && npm pack --silent "$1" >/dev/null && tar xzf ./*.tgz)
  echo "$out/package"
}

rm -rf "$dest"
mkdir -p "$dest/html-manager" "$dest/requirejs" "$dest/mathjax/output/chtml/fonts" \
         "$dest/mathjax/input/tex"

# html-manager: the self-contained AMD bundle (it defines @jupyter-widgets/base, controls and
# html-manager itself) and the three Font Awesome woff2 fonts its CSS asks for. Browsers use
# the woff2 entry of each @font-face, so the eot/woff/ttf/svg copies are left out.
p="$(fetch "$HTML_MANAGER")"
cp "$p/dist/embed-amd.js" "$p/package.json" "$dest/html-manager/"
cp "$p/dist/embed.js.LICENSE.txt" "$dest/html-manager/THIRD-PARTY-NOTICES.txt"
for f in $(grep -o '[0-9a-f]\{20\}\.woff2' "$p/dist/embed-amd.js" | sort -u); do
  cp "$p/dist/$f" "$dest/html-manager/"
done

# requirejs: the loader (its licence header is inside require.js).
p="$(fetch "$REQUIREJS")"
cp "$p/require.js" "$p/package.json" "$dest/requirejs/"

# MathJax 3: one combined component (TeX and MathML input, CommonHTML output), its woff2
# fonts, and the TeX extensions that `autoload` fetches on demand (\color, \cancel, ...).
# Left out: a11y/ and sre/ (speech and the math explorer, loaded only if a reader turns them
# on in MathJax's right-click menu) and the SVG output.
p="$(fetch "$MATHJAX")"
cp "$p/es5/tex-mml-chtml.js" "$p/LICENSE" "$p/package.json" "$dest/mathjax/"
cp -r "$p/es5/output/chtml/fonts/woff-v2" "$dest/mathjax/output/chtml/fonts/"
cp -r "$p/es5/input/tex/extensions" "$dest/mathjax/input/tex/"

# axe-core for tests/test_book_browser.py (not part of the book).
p="$(fetch "$AXE")"
mkdir -p "$repo/tests/vendor"
cp "$p/axe.min.js" "$repo/tests/vendor/axe.min.js"
cp "$p/LICENSE" "$repo/tests/vendor/axe-core-LICENSE.txt"
echo "${AXE#axe-core@}" > "$repo/tests/vendor/axe-core-VERSION"

du -sh "$dest" "$repo/tests/vendor"
echo "Vendored $HTML_MANAGER $REQUIREJS $MATHJAX (book) and $AXE (tests)."
