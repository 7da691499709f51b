"""Regenerate the SIMULATED year of invitations (data/simulated/invitations_simulated.csv).

    .venv/bin/python data/simulated/make_simulated.py

Seeded (invitelab.simulation.DEFAULT_SEED), so running it again gives the same file as long as
the rubric engine scores the same. It also rewrites the assumptions table in README.md from
invitelab.simulation.ASSUMPTIONS, so the table and the generator cannot disagree.
Nothing here is measured: see README.md.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from invitelab import simulation

HERE = Path(__file__).resolve().parent
BEGIN, END = "<!-- assumptions:begin -->", "<!-- assumptions:end -->"


def update_readme(path: Path = HERE / "README.md") -> None:
    text = path.read_text(encoding="utf-8")
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    path.write_text(f"{head}{BEGIN}\n{simulation.assumptions_markdown()}\n{END}{tail}", encoding="utf-8")


def main(seed: int = simulation.DEFAULT_SEED) -> int:
    rows = simulation.simulate_year(seed=seed)
    out = simulation.write_csv(rows, HERE / "invitations_simulated.csv")
    update_readme()
    levels = Counter(r["level"] for r in rows)
    agree = sum(r["level"] == r["intended_level"] for r in rows) / len(rows)
    print(f"SIMULATED: wrote {len(rows)} invitations to {out.name} (seed {seed})")
    print("levels from the engine:", dict(levels))
    print(f"template's intended level = engine's level for {agree:.1%} of rows")
    return 0


if __name__ == "__main__":
    sys.exit(main(*(int(a) for a in sys.argv[1:2])))
