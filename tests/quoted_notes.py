"""Runs of words that the engine's code or lexicon shares with a note of a labelled set.

    .venv/bin/python tests/quoted_notes.py            # every shared run of 6+ words
    .venv/bin/python tests/quoted_notes.py --quotes   # only likely quotations (see QUOTE_*)

The rule (CONTRIBUTING, issue 7): no comment, word list, pattern or example may quote a note of a
labelled set. A phrase many notes share ("I'd like to add you to my professional network on
LinkedIn", LinkedIn's default) is a stock phrase, not a quotation; a long run found in one or two
notes only is one. `data/real3/` (blind) is never read.
"""
from __future__ import annotations

import argparse
import collections
import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
N = 6
QUOTE_WORDS, QUOTE_NOTES = 8, 2  # a run this long, found in at most this many notes
WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
BLIND = {"real3"}  # never read
# The platform's own default invitation texts: known templates that many sources print and many
# notes send unchanged, not any writer's words, so the engine may write them out (rubric.toml
# `default_texts`, lexicon/requests.toml). Each with the reason it is allowed.
DEFAULT_TEXTS = {
    "since you are a person i trust i wanted to invite you to join my network on linkedin":
        "LinkedIn's old default invitation text",
    "so and so has indicated you are a fellow group member of such and such group":
        "LinkedIn's old default for a fellow group member",
    "i'd like to add you to my professional network on linkedin": "LinkedIn's default invitation text",
    "ich möchte mich gerne mit ihnen vernetzen": "LinkedIn's German default invitation text",
}


def allowed(words: list[str]) -> bool:
    """True when a run of words is part of one of the platform's default texts."""
    run = " ".join(words)
    return any(run in " ".join(tokens(d)) for d in DEFAULT_TEXTS)


def tokens(text: str) -> list[str]:
    return [w.replace("’", "'") for w in WORD.findall(text.lower())]


def labelled_ngrams() -> dict[tuple[str, ...], set[tuple[str, str]]]:
    csv.field_size_limit(10**9)
    grams: dict[tuple[str, ...], set[tuple[str, str]]] = collections.defaultdict(set)
    for path in sorted((ROOT / "data").glob("**/*.csv")):
        if BLIND & set(path.parts):
            continue
        with open(path, newline="", encoding="utf-8") as f:
            for i, row in enumerate(csv.DictReader(f)):
                t = tokens(row.get("text") or "")
                key = (str(path.relative_to(ROOT)), row.get("id") or str(i))
                for j in range(len(t) - N + 1):
                    grams[tuple(t[j:j + N])].add(key)
    return grams


def engine_files() -> list[Path]:
    engine = ROOT / "src" / "invitelab" / "engine"
    return sorted(p for p in engine.rglob("*") if p.suffix in (".py", ".toml")) + [ROOT / "src" / "invitelab" / "rubric.toml"]


def shared_runs(grams=None):
    """(file, line, words, notes) for every maximal run of N+ words shared with a labelled note."""
    grams = labelled_ngrams() if grams is None else grams
    for path in engine_files():
        text = path.read_text(encoding="utf-8")
        spans = [(m.group(0).replace("’", "'"), m.start()) for m in WORD.finditer(text.lower())]
        t = [w for w, _ in spans]
        j = 0
        while j <= len(t) - N:
            if tuple(t[j:j + N]) in grams:
                k = j + N
                while k < len(t) and tuple(t[k - N + 1:k + 1]) in grams:
                    k += 1
                notes = set().union(*(grams[tuple(t[i:i + N])] for i in range(j, k - N + 1)))
                line = text.count("\n", 0, spans[j][1]) + 1
                yield str(path.relative_to(ROOT)), line, t[j:k], notes
                j = k
            else:
                j += 1


def quotations(grams=None):
    """The shared runs that look like quotations: long, found in very few notes, and not one of the
    platform's default texts (DEFAULT_TEXTS)."""
    for f, line, words, notes in shared_runs(grams):
        if len(words) >= QUOTE_WORDS and len(notes) <= QUOTE_NOTES and not allowed(words):
            yield f, line, words, notes


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quotes", action="store_true", help="only likely quotations")
    args = ap.parse_args(argv)
    rows = list(quotations() if args.quotes else shared_runs())
    for f, line, words, notes in sorted(rows, key=lambda r: -len(r[2])):
        where = ", ".join(f"{p.split('/')[-2] if '/' in p else p}:{i}" for p, i in sorted(notes)[:3])
        print(f"{f}:{line}\t{len(words)} words\t{len(notes)} note(s) ({where})\t{' '.join(words)}")
    print(f"{len(rows)} run(s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
