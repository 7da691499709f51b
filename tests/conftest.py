"""Fixtures shared by several test modules."""

from __future__ import annotations

import os
import tempfile

import pytest

# Notebooks run by nbval (the dashboard saves its report) write into a temporary folder, not the
# runner's Downloads or home folder (invitelab.widgets.drafts.default_export_dir reads this).
os.environ.setdefault("INVITELAB_DRAFTS_DIR", tempfile.mkdtemp(prefix="invitelab-test-saves-"))


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium (Debian's, driven by Playwright) for every browser test module.

    Playwright's sync API allows one instance per thread, so the modules must share it.
    Skipped without chromium or playwright, except in CI, where that is a failure.
    """
    from test_book_browser import CHROMIUM, CHROMIUM_ARGS

    reason = None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        reason = "playwright is not installed (pip install -r requirements.txt)"
    if reason is None and not CHROMIUM.exists():
        reason = f"{CHROMIUM} not found (install it: apt-get install -y chromium)"
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests must run in CI: {reason}", pytrace=False)
        pytest.skip(reason)
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
