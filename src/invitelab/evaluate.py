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
from .profiles import Profile, load_profiles
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

    @property
    def exact_level(self) -> float:
        return sum(t == p for t, p in zip(self.level_truth, self.level_pred)) / max(1, self.rows)

    @property
    def kappa(self) -> float:
        return quadratic_weighted_kappa(self.level_truth, self.level_pred)

    def criterion_accuracy(self) -> dict[str, float]:
        return {c: n / max(1, self.rows) for c, n in self.criterion_agree.items()}

    def summary(self) -> str:
        lines = [
            f"rows: {self.rows}",
            f"exact level agreement: {self.exact_level:.1%}",
            f"quadratic weighted kappa: {self.kappa:.3f}",
            "per-criterion agreement:",
        ]
        for c, acc in self.criterion_accuracy().items():
            lines.append(f"  {c:16s} {acc:.1%}")
        return "\n".join(lines)


def read_labelled(path: str | Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def evaluate(rows: list[dict[str, str]], people: dict[str, Profile]) -> Report:
    report = Report()
    for row in rows:
        recipient = people.get(row.get("recipient_id") or "")
        sender = people.get(row.get("sender_id") or "")
        result = score(row["text"], recipient=recipient, sender=sender)
        report.rows += 1
        report.level_truth.append(row["level"].strip())
        report.level_pred.append(result.level)
        wrong = {}
        for f in result.findings:
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
    parser.add_argument("--profiles", required=True)
    parser.add_argument("--only", help="show disagreements on this criterion only")
    parser.add_argument("--quiet", action="store_true", help="summary only")
    args = parser.parse_args(argv)
    report = evaluate(read_labelled(args.labels), load_profiles(args.profiles))
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


if __name__ == "__main__":
    sys.exit(main())
