"""Sphinx extension for the InviteLab book: the workshop's slides and handouts, in the book.

A career advisor who does not use a command line finds the offline slide deck and the printable
handouts inside the built book (``_build/html/workshop/``), linked from the facilitator guide:
the same files ``invitelab slides`` and ``invitelab handouts`` write, built from the same
sources (``src/invitelab/workshop/``) every time the book is built. Copying the built book to a
USB stick copies them too. If they cannot be built, the build warns (so ``-W`` fails loudly);
only on a machine where WeasyPrint cannot load the system's Pango library are the handouts
skipped, with a note, so that a student's own build of the book still succeeds.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.util import logging

logger = logging.getLogger(__name__)

#: Where the files go, relative to the built HTML (the facilitator guide links here).
FOLDER = "workshop"


def write_workshop_files(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    from invitelab.workshop.handouts import HandoutsError, build_handouts
    from invitelab.workshop.slides import SlidesError, build_slides

    out = Path(app.outdir) / FOLDER
    try:
        build_slides(out / "slides")
    except (SlidesError, OSError) as error:
        logger.warning(f"workshop files: cannot build the slides into {out}: {error}")
    try:  # WeasyPrint needs the system's Pango; a machine without it still builds the book
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as error:
        logger.info(f"workshop files: handouts skipped, WeasyPrint cannot load here ({error}); "
                    f"the facilitator guide's PDF links will not work in this copy")
        return
    try:
        build_handouts(out / "handouts")
    except (HandoutsError, OSError) as error:
        logger.warning(f"workshop files: cannot build the handouts into {out}: {error}")


def files_table(prefix: str = "../") -> str:
    """A Markdown table linking every handout in both papers, from the handouts' own list, for
    the MyST substitution ``{{ workshop_files }}`` (links are relative to a page one folder deep)."""
    from invitelab.workshop.handouts import HANDOUTS

    base = f"{prefix}{FOLDER}"
    rows = ["| Handout | US Letter | A4 |", "|---|---|---|"]
    for name, (title, _builder, pages) in HANDOUTS.items():
        size = f" ({pages} pages)" if pages > 1 else ""
        links = [f"<a href=\"{base}/handouts/{paper}/{name}.pdf\" "
                 f"aria-label=\"PDF: {title}, {label}\">PDF</a>"
                 for paper, label in (("letter", "US Letter"), ("a4", "A4"))]
        rows.append(f"| {title}{size} | {links[0]} | {links[1]} |")
    slides = (f"**Slides:** <a href=\"{base}/slides/index.html\">open the deck</a> "
              "(it opens from disk with no network; press *S* for the speaker notes, *F* for full "
              "screen).")
    return slides + "\n\n" + "\n".join(rows)


def add_files_substitution(app, config) -> None:
    merged = dict(config.myst_substitutions or {})
    merged["workshop_files"] = files_table()
    config.myst_substitutions = merged


def setup(app):
    # config-inited runs before myst-nb reads its configuration (builder-inited).
    app.connect("config-inited", add_files_substitution)
    app.connect("build-finished", write_workshop_files)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
