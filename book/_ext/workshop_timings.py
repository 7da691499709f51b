"""Sphinx extension for the InviteLab book: workshop minutes from one data file.

Sets MyST substitutions from ``src/invitelab/workshop/activities.toml`` (via
:func:`invitelab.workshop.activities.substitutions`), so a chapter's instructor note says
``{{ timing_other_side }}`` instead of typing minutes that could drift from the run sheets.
The build fails (a clear error) if a plan does not add up to its length.
"""

from __future__ import annotations


def add_timing_substitutions(app, config) -> None:
    from invitelab.workshop.activities import substitutions

    merged = dict(config.myst_substitutions or {})
    merged.update(substitutions())
    config.myst_substitutions = merged


def setup(app):
    # config-inited runs before myst-nb reads its configuration (builder-inited).
    app.connect("config-inited", add_timing_substitutions)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
