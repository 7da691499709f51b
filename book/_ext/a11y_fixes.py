"""Sphinx extension for the InviteLab book: accessibility fixes to stock markup.

myst-nb's "hide-input" toggle is a ``<summary aria-label="Toggle hidden content">`` whose
visible text is "Show code cell source": the label hides the visible words from screen readers
(axe-core: label-content-name-mismatch). Dropping the label lets the visible words name it.
"""

from __future__ import annotations

from typing import Any

STOCK_SUMMARY = '<summary aria-label="Toggle hidden content">'


def fix_body(app, pagename: str, templatename: str, context: dict[str, Any], doctree) -> None:
    body = context.get("body")
    if isinstance(body, str) and STOCK_SUMMARY in body:
        context["body"] = body.replace(STOCK_SUMMARY, "<summary>")


def setup(app):
    app.connect("html-page-context", fix_body, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
