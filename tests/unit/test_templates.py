"""Upgrade safety: our overrides copy three of Material's partials and patch its `scripts` block
(the bundle deferred). overrides/upstream.json records each of those templates as it was when
copied; a Material upgrade that changes one fails here, naming it, instead of silently dropping
our change or keeping an outdated copy."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import material

from tests.helpers.project import ROOT

UPSTREAM = json.loads((ROOT / "overrides" / "upstream.json").read_text(encoding="utf-8"))
MATERIAL = Path(material.__file__).parent / "templates"


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def scripts_block(base: str) -> str:
    found = re.search(r"\{% block scripts %\}.*?\{% endblock %\}", base, re.S)
    assert found, "Material's base.html has no `scripts` block: overrides/main.html patches it"
    return found.group(0)


def test_every_copied_partial_is_recorded():
    copied = {p.relative_to(ROOT / "overrides").as_posix() for p in (ROOT / "overrides" / "partials").glob("*.html")}
    assert copied == set(UPSTREAM["copied"])


def test_the_partials_we_copied_are_unchanged_in_the_installed_material():
    changed = [path for path, recorded in UPSTREAM["copied"].items()
               if digest((MATERIAL / path).read_text(encoding="utf-8")) != recorded]
    assert not changed, (f"Material's {changed} changed since overrides/ copied them (from Material "
                         f"{UPSTREAM['material']}): compare, carry our changes over, update overrides/upstream.json")


def test_the_scripts_block_we_patch_is_unchanged_and_the_patch_still_applies():
    block = scripts_block((MATERIAL / "base.html").read_text(encoding="utf-8"))
    assert digest(block) == UPSTREAM["patched"]["base.html#scripts"], (
        "Material's `scripts` block changed: check the `defer` patch in overrides/main.html, update overrides/upstream.json")
    # What overrides/main.html's replace() looks for is there (checked on the built pages too).
    assert re.search(r"bundle\.[0-9a-f]+\.min\.js' \| url }}\"></script>", block)
    assert "replace('.min.js\"></script>', '.min.js\" defer></script>')" in (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
