"""Agreement between the engine and hand labels: exact level, weighted kappa, per criterion.

Used by the tests (held above a threshold) and by ``benchmarks/bench_engine.py``.
Run ``python -m invitelab.evaluate data/invitations.csv --profiles data/profiles.json`` to print
a report with every disagreement.
"""
from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .engine import score
from .findings import LEVELS
from .profiles import Profile, ProfileError, load_profiles
from .rubric import CRITERION_IDS


def quadratic_weighted_kappa(truth: list[str], predicted: list[str], categories=LEVELS) -> float:
    """Cohen's kappa with quadratic weights over ordered categories."""
    k = len(categories)
    index = {c: i for i, c in enumerate(categories)}
    n = len(truth)
    if n == 0:
        return float("nan")
    observed = [[0.0] * k for _ in range(k)]
    for t, p in zip(truth, predicted):
        observed[index[t]][index[p]] += 1
    row = [sum(observed[i]) for i in range(k)]
    col = [sum(observed[i][j] for i in range(k)) for j in range(k)]
    num = den = 0.0
    for i in range(k):
        for j in range(k):
            w = ((i - j) ** 2) / ((k - 1) ** 2)
            num += w * observed[i][j]
            den += w * row[i] * col[j] / n
    return 1.0 - num / den if den else 1.0


@dataclass
class Report:
    rows: int = 0
    level_truth: list[str] = field(default_factory=list)
    level_pred: list[str] = field(default_factory=list)
    criterion_agree: dict[str, int] = field(default_factory=lambda: {c: 0 for c in CRITERION_IDS})
    disagreements: list[dict] = field(default_factory=list)
    skipped: tuple[str, ...] = ()  # criteria the labels have no column for: not scored, said so

    @property
    def exact_level(self) -> float:
        return sum(t == p for t, p in zip(self.level_truth, self.level_pred)) / max(1, self.rows)

    @property
    def kappa(self) -> float:
        return quadratic_weighted_kappa(self.level_truth, self.level_pred)

    def criterion_accuracy(self) -> dict[str, float]:
        return {c: n / max(1, self.rows) for c, n in self.criterion_agree.items() if c not in self.skipped}

    def summary(self) -> str:
        lines = [
            f"rows: {self.rows}",
            f"exact level agreement: {self.exact_level:.1%}",
            f"quadratic weighted kappa: {self.kappa:.3f}",
            "per-criterion agreement:",
        ]
        for c, acc in self.criterion_accuracy().items():
            lines.append(f"  {c:16s} {acc:.1%}")
        lines += skipped_lines(self.skipped)
        return "\n".join(lines)


def unlabelled_criteria(rows: list[dict[str, str]]) -> tuple[str, ...]:
    """The criteria no row has a column for (a file that labels only some criteria)."""
    columns = set().union(*(row.keys() for row in rows)) if rows else set()
    return tuple(c for c in CRITERION_IDS if c not in columns)


def skipped_lines(skipped: tuple[str, ...]) -> list[str]:
    return [f"skipped (no column in the labels): {', '.join(skipped)}"] if skipped else []


def read_labelled(path: str | Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def evaluate(rows: list[dict[str, str]], people: dict[str, Profile]) -> Report:
    report = Report(skipped=unlabelled_criteria(rows))
    for row in rows:
        recipient = people.get(row.get("recipient_id") or "")
        sender = people.get(row.get("sender_id") or "")
        result = score(row["text"], recipient=recipient, sender=sender)
        report.rows += 1
        report.level_truth.append(row["level"].strip())
        report.level_pred.append(result.level)
        wrong = {}
        for f in result.findings:
            if f.criterion in report.skipped:
                continue
            expected = (row.get(f.criterion) or "").strip()
            if expected == f.status:
                report.criterion_agree[f.criterion] += 1
            else:
                wrong[f.criterion] = (expected, f.status, f.evidence)
        if wrong or row["level"].strip() != result.level:
            report.disagreements.append({"id": row.get("id"), "text": row["text"], "level": (row["level"], result.level),
                                         "criteria": wrong, "notes": row.get("notes", "")})
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m invitelab.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("labels", help="labelled invitations CSV")
    parser.add_argument("--profiles", help="profiles JSON (required unless --real)")
    parser.add_argument("--real", action="store_true",
                        help="the labels file is a real-note set with no profiles (data/real/dev.csv); "
                             "a held-out one prints its summary only")
    parser.add_argument("--only", help="show disagreements on this criterion only")
    parser.add_argument("--quiet", action="store_true", help="summary only")
    args = parser.parse_args(argv)
    if args.real:
        return main_real(args)
    if not args.profiles:
        parser.error("--profiles is required (or --real for a real-note set)")
    try:
        rows = read_labelled(args.labels)
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        print(f"error: cannot read {args.labels}: {err}", file=sys.stderr)
        return 2
    missing = sorted({"text", "level"} - set(rows[0])) if rows else ["(no rows)"]
    if missing:
        print(f"error: {args.labels} is not a labelled file: missing {', '.join(missing)}", file=sys.stderr)
        return 2
    try:
        people = load_profiles(args.profiles)
    except (OSError, ProfileError) as err:
        print(f"error: cannot read {args.profiles}: {err}", file=sys.stderr)
        return 2
    report = evaluate(rows, people)
    if not args.quiet:
        for d in report.disagreements:
            crit = d["criteria"]
            if args.only and args.only not in crit:
                continue
            print(f"--- {d['id']} level {d['level'][0]} -> {d['level'][1]}")
            print("   ", d["text"].replace("\n", " / ")[:400])
            for c, (e, g, ev) in crit.items():
                if args.only and c != args.only:
                    continue
                print(f"    {c}: label {e}, engine {g}: {ev[:160]}")
            if d["notes"]:
                print("    notes:", d["notes"][:200])
    print(report.summary())
    return 0



# ---------------------------------------------------------------------------------------------
# Real notes with no profile (data/real/): agreement with the hand labels and with the sources.
# ---------------------------------------------------------------------------------------------

def read_real(path: str | Path) -> list[dict[str, str]]:
    """Rows of a real-note file (data/real/dev.csv or holdout.csv): text, source verdict, labels."""
    return read_labelled(path)


def label_score(row: dict[str, str], weights: dict[str, float] | None = None) -> float:
    """The rubric's score formula applied to hand labels: the level's band, and inside it the
    weighted share of passing criteria (a n/a criterion's weight is left out), default weights."""
    from invitelab import default_rubric

    if weights is None:
        weights = dict(default_rubric().weights)
    counted = {c: w for c, w in weights.items() if (row.get(c) or "").strip() in ("pass", "fail")}
    total = sum(counted.values())
    share = sum(w for c, w in counted.items() if row[c].strip() == "pass") / total if total else 0.0
    low, high = default_rubric().band(row["level"].strip())
    return low + (high - low) * share


def auc(positive: list[float], negative: list[float]) -> float:
    """The probability that a random positive outscores a random negative (ties count half);
    the Mann-Whitney form of the area under the ROC curve. nan when a side is empty."""
    if not positive or not negative:
        return float("nan")
    wins = 0.0
    for p in positive:
        for n in negative:
            wins += 1.0 if p > n else 0.5 if p == n else 0.0
    return wins / (len(positive) * len(negative))


def cohen_kappa(truth: list[str], predicted: list[str]) -> float:
    """Cohen's (unweighted) kappa between two labelings of the same items; 1.0 when both are
    constant and equal, nan when there is nothing to compare."""
    n = len(truth)
    if n == 0:
        return float("nan")
    observed = sum(t == p for t, p in zip(truth, predicted)) / n
    cats = set(truth) | set(predicted)
    expected = sum((truth.count(c) / n) * (predicted.count(c) / n) for c in cats)
    return 1.0 if expected == 1.0 else (observed - expected) / (1.0 - expected)


@dataclass
class SourceAgreement:
    """How a scorer agrees with the sources' verdicts (endorsed vs condemned notes)."""
    endorsed: int = 0
    condemned: int = 0
    auc: float = float("nan")
    endorsed_generic: int = 0
    condemned_personalized: int = 0

    @property
    def endorsed_generic_share(self) -> float:
        return self.endorsed_generic / self.endorsed if self.endorsed else float("nan")

    @property
    def condemned_personalized_share(self) -> float:
        return self.condemned_personalized / self.condemned if self.condemned else float("nan")

    def line(self) -> str:
        return (f"AUC {self.auc:.3f} | endorsed called generic {self.endorsed_generic}/{self.endorsed} "
                f"({self.endorsed_generic_share:.0%}) | condemned rated personalized or better "
                f"{self.condemned_personalized}/{self.condemned} ({self.condemned_personalized_share:.0%})")


def source_agreement(verdicts: list[str], scores: list[float], levels: list[str]) -> SourceAgreement:
    """AUC of the score separating endorsed from condemned notes (neutral ones are left out), the
    endorsed notes called generic, the condemned notes rated personalized or exemplary."""
    pos = [s for v, s in zip(verdicts, scores) if v == "endorsed"]
    neg = [s for v, s in zip(verdicts, scores) if v == "condemned"]
    return SourceAgreement(
        endorsed=len(pos), condemned=len(neg), auc=auc(pos, neg),
        endorsed_generic=sum(v == "endorsed" and lv == "generic" for v, lv in zip(verdicts, levels)),
        condemned_personalized=sum(v == "condemned" and lv in ("personalized", "exemplary")
                                   for v, lv in zip(verdicts, levels)),
    )


@dataclass
class RealReport:
    """The engine on real notes with no profile: agreement with the labels and with the sources."""
    labels: Report
    criterion_kappa: dict[str, float]
    engine: SourceAgreement
    ideal: SourceAgreement
    engine_filled: SourceAgreement
    ideal_filled: SourceAgreement
    results: list = field(default_factory=list)

    def summary(self) -> str:
        acc = self.labels.criterion_accuracy()
        lines = [
            f"rows: {self.labels.rows} (no profiles)",
            f"exact level agreement: {self.labels.exact_level:.1%}",
            f"quadratic weighted kappa (level): {self.labels.kappa:.3f}",
            "per-criterion agreement (Cohen's kappa):",
        ]
        for c, a in acc.items():
            k = self.criterion_kappa[c]
            lines.append(f"  {c:16s} {a:6.1%}   kappa {k:.2f}" if k == k else f"  {c:16s} {a:6.1%}   kappa -")
        lines += [
            "agreement with the sources' verdicts:",
            f"  engine, all notes:         {self.engine.line()}",
            f"  labels (ideal), all notes: {self.ideal.line()}",
            f"  engine, no placeholder:    {self.engine_filled.line()}",
            f"  labels, no placeholder:    {self.ideal_filled.line()}",
        ]
        lines += skipped_lines(self.labels.skipped)
        return "\n".join(lines)


def evaluate_real(rows: list[dict[str, str]]) -> RealReport:
    """Score every real note with no profile and compare with the labels and the sources."""
    from invitelab import score as score_note

    labels = evaluate(rows, {})
    results = [score_note(row["text"]) for row in rows]
    kappas = {}
    for c in CRITERION_IDS:
        if c in labels.skipped:
            continue
        truth = [(row.get(c) or "").strip() for row in rows]
        pred = [r.finding(c).status for r in results]
        kappas[c] = cohen_kappa(truth, pred)
    verdicts = [row["source_verdict"].strip() for row in rows]
    filled = [i for i, row in enumerate(rows) if row.get("has_placeholder", "no").strip() == "no"]

    def pick(values, idx):
        return [values[i] for i in idx]

    eng_scores = [r.score for r in results]
    eng_levels = [r.level for r in results]
    ideal_scores = [label_score(row) for row in rows]
    ideal_levels = [row["level"].strip() for row in rows]
    return RealReport(
        labels=labels, criterion_kappa=kappas,
        engine=source_agreement(verdicts, eng_scores, eng_levels),
        ideal=source_agreement(verdicts, ideal_scores, ideal_levels),
        engine_filled=source_agreement(pick(verdicts, filled), pick(eng_scores, filled), pick(eng_levels, filled)),
        ideal_filled=source_agreement(pick(verdicts, filled), pick(ideal_scores, filled), pick(ideal_levels, filled)),
        results=list(zip(rows, results)),
    )


# The real-note files that are development data: their rows and disagreements may be read and the
# engine tuned on them. data/real/holdout.csv and data/real2/notes.csv were held out, but their
# disagreements were seen once, so they were folded into development on 2026-12-07 (see their
# READMEs). Every other real-note file (data/real3/, the new blind set, and any later one) is held
# out: only its summary is printed.
REAL_DEVELOPMENT_FILES = (("real", "dev.csv"), ("real", "holdout.csv"), ("real2", "notes.csv"))


def is_real_development(path: str | Path) -> bool:
    """True for the real-note files listed in REAL_DEVELOPMENT_FILES (by folder and file name);
    anything else counts as held out."""
    path = Path(path)
    return (path.parent.name, path.name) in REAL_DEVELOPMENT_FILES


def main_real(args: argparse.Namespace) -> int:
    """`python -m invitelab.evaluate --real FILE`: disagreements (unless --quiet) and the summary;
    for a held-out file (not in REAL_DEVELOPMENT_FILES), the summary only."""
    try:
        rows = read_real(args.labels)
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        print(f"error: cannot read {args.labels}: {err}", file=sys.stderr)
        return 2
    missing = sorted({"text", "level", "source_verdict"} - set(rows[0])) if rows else ["(no rows)"]
    if missing:
        print(f"error: {args.labels} is not a labelled real-note file: missing {', '.join(missing)}", file=sys.stderr)
        return 2
    real = evaluate_real(rows)
    held_out = not is_real_development(args.labels)
    if held_out and not args.quiet:
        print(f"{args.labels} is a held-out set: only its summary is printed (its rows are not for tuning)")
    if not args.quiet and not held_out:
        for row, result in real.results:
            wrong = {f.criterion: (row[f.criterion], f.status, f.evidence) for f in result.findings
                     if f.criterion not in real.labels.skipped and (row.get(f.criterion) or "").strip() != f.status
                     and (not args.only or f.criterion == args.only)}
            if not wrong and (args.only or row["level"] == result.level):
                continue
            print(f"--- {row['id']} [{row['source_verdict']}] level {row['level']} -> {result.level} "
                  f"(score {result.score:.0f})")
            print("   ", row["text"].replace("\n", " / ")[:400])
            for c, (e, g, ev) in wrong.items():
                print(f"    {c}: label {e}, engine {g}: {ev[:160]}")
    print(real.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
