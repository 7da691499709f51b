"""Sphinx extension for the InviteLab book: no thebe on any page.

Jupyter Book 1 always loads sphinx-thebe, even with ``launch_buttons.thebe: false``, and
sphinx-thebe adds its configuration script to every page twice, so every page logged
``Identifier 'THEBE_JS_URL' has already been declared`` in the browser console, and pointed at
a thebe bundle on a CDN. The book does not use thebe (its live checker runs without a kernel),
so this removes sphinx-thebe's event handlers before they run, and drops its script, its
stylesheet and its per-page configuration from every page.
"""

from __future__ import annotations

from typing import Any


def _is_thebe(asset) -> bool:
    name = str(getattr(asset, "filename", "") or asset or "")
    body = str((getattr(asset, "attributes", None) or {}).get("body", ""))
    return "thebe" in name.lower() or "THEBE_JS_URL" in body


def drop_thebe_handlers(app) -> None:
    for event in ("env-before-read-docs", "doctree-resolved"):
        listeners = app.events.listeners.get(event, [])
        listeners[:] = [lst for lst in listeners
                        if getattr(lst.handler, "__module__", "") != "sphinx_thebe"]


def drop_thebe_assets(app, pagename: str, templatename: str, context: dict[str, Any],
                      doctree) -> None:
    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [a for a in context[key] if not _is_thebe(a)]


def setup(app):
    app.connect("builder-inited", drop_thebe_handlers)
    app.connect("html-page-context", drop_thebe_assets, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
