"""Chromium as the tests and the developer tools launch it: Debian's /usr/bin/chromium where
present (Playwright's own browser elsewhere), with the flags this machine needs."""

from __future__ import annotations

from pathlib import Path

DEBIAN_CHROMIUM = "/usr/bin/chromium"
# Running as root on a machine without network: no sandbox, no GPU, no background traffic.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


def launch(playwright, **options):
    """A headless Chromium; no browser is an error (Playwright explains what is missing)."""
    executable = DEBIAN_CHROMIUM if Path(DEBIAN_CHROMIUM).exists() else None
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True, **options)
