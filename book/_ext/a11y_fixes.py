"""Sphinx extension for the InviteLab book: accessibility fixes to stock markup.

myst-nb's "hide-input" toggle is a ``<summary aria-label="Toggle hidden content">`` whose
visible text is "Show code cell source": the label hides the visible words from screen readers
(axe-core: label-content-name-mismatch). Dropping the label lets the visible words name it.

The drawn mock-ups (SVG figures) get the class ``il-wide-figure`` and ``tabindex="0"``: on a
phone their frame scrolls sideways (see invitelab.css), and a scrollable frame must be
reachable by keyboard (axe-core: scrollable-region-focusable).
"""

from __future__ import annotations

import re
from typing import Any

STOCK_SUMMARY = '<summary aria-label="Toggle hidden content">'


def fix_body(app, pagename: str, templatename: str, context: dict[str, Any], doctree) -> None:
    body = context.get("body")
    if not isinstance(body, str):
        return
    body = body.replace(STOCK_SUMMARY, "<summary>")
    context["body"] = SVG_FIGURE.sub(_wide, body)


# a <figure ...> whose first image is an .svg
SVG_FIGURE = re.compile(r'<figure class="([^"]*)"([^>]*)>(\s*(?:<a [^>]*>)?\s*<img[^>]*src="[^"]+\.svg")')


def _wide(m: re.Match) -> str:
    classes, rest, img = m.groups()
    if "il-wide-figure" in classes:
        return m.group(0)
    return f'<figure class="{classes} il-wide-figure" tabindex="0"{rest}>{img}'


def setup(app):
    app.connect("html-page-context", fix_body, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
