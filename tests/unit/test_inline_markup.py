"""The data's text markup, read by Python as the browser reads it: one table of cases
(tests/cases/inline_markup.json) for macros/views/text.py here and inline-markup.mjs in
tests/js/inline-markup.test.mjs."""

from __future__ import annotations

import json

import pytest

from macros.views.text import inline, plain, segments
from tests.helpers.project import ROOT

CASES = json.loads((ROOT / "tests" / "cases" / "inline_markup.json").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=[repr(c["text"])[:40] for c in CASES])
def test_segments_follow_the_shared_table(case):
    assert [list(s) for s in segments(case["text"])] == case["segments"]
    assert plain(case["text"]) == "".join(chars for _, chars in case["segments"])


def test_html_escapes_every_character_and_tags_only_the_markup():
    assert str(inline("**<b>x</b>** `a<b`")) == "<strong>&lt;b&gt;x&lt;/b&gt;</strong> <code>a&lt;b</code>"
