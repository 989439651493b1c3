"""`make facts-check` (macros/tools/facts_check.py) on recorded registry answers
(tests/fixtures/registry/): what each registry says is read right, compared with the recorded
facts as same, newer, different or unknown, and printed as a table. No network."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest

from macros.model.sections.facts import FrameworkFacts, Package, Release, Sourced, Status, Unknown
from macros.tools import facts_check
from macros.tools.facts_check import (
    Answer,
    Licence,
    NoAnswer,
    check,
    compare,
    npm_licence,
    parse_npm,
    parse_pypi,
    spdx,
    table,
)

REGISTRY = Path(__file__).resolve().parent.parent / "fixtures" / "registry"


def recorded(name: str) -> dict:
    return json.loads((REGISTRY / f"{name}.json").read_text(encoding="utf-8"))


# ── Reading the registries ──────────────────────────────────────────────────────────────────

@pytest.mark.parametrize("name, expected", [
    ("pypi-fastapi", Answer("0.165.0", "2026-11-18", Licence("MIT", "MIT"), False, "not inactive")),
    ("pypi-djangorestframework",
     Answer("3.18.3", "2026-10-06", Licence("BSD-3-Clause", "BSD-3-Clause"), False, "not inactive")),
    # Free text "BSD" and the "BSD License" classifier: which BSD is not said.
    ("pypi-channels", Answer("4.3.2", "2025-11-20", Licence("BSD; BSD License", None), False, "not inactive")),
    # No licence text: the one licence classifier names it. The date: its first file's upload.
    ("pypi-pytest-runner", Answer("6.0.1", "2023-12-04", Licence("License :: OSI Approved :: MIT License", "MIT"), True,
                                  "inactive (Development Status :: 7 - Inactive)")),
])
def test_pypi_answers(name, expected):
    assert parse_pypi(recorded(name)) == expected


@pytest.mark.parametrize("name, expected", [
    ("npm-express", Answer("5.3.0", "2026-10-09", Licence("MIT", "MIT"), False, "not deprecated")),
    ("npm-bull", Answer("4.16.5", "2025-05-14", Licence("MIT", "MIT"), False, "not deprecated")),
    ("npm-nestjs-core", Answer("12.5.1", "2026-11-16", Licence("MIT", "MIT"), False, "not deprecated")),
])
def test_npm_answers(name, expected):
    assert parse_npm(recorded(name)) == expected


def test_the_latest_dist_tag_names_the_version_whatever_the_order():
    document = copy.deepcopy(recorded("npm-bull"))
    document["dist-tags"]["latest"] = "3.23.3"  # the other version of the recorded answer
    assert (parse_npm(document).version, parse_npm(document).date) == ("3.23.3", "2021-07-15")


def test_an_npm_deprecation_message_retires_the_package():
    document = copy.deepcopy(recorded("npm-express"))
    document["versions"]["5.3.0"]["deprecated"] = "Use fastify instead"
    answer = parse_npm(document)
    assert answer.retired and answer.status == "deprecated: Use fastify instead"
    document["versions"]["5.2.0"]["deprecated"] = "old"  # an older version's message says nothing of the latest
    del document["versions"]["5.3.0"]["deprecated"]
    assert not parse_npm(document).retired


def test_a_yanked_latest_pypi_release_retires_the_package():
    document = copy.deepcopy(recorded("pypi-fastapi"))
    document["info"].update(yanked=True, yanked_reason="broken wheel")
    assert parse_pypi(document).status == "latest release yanked: broken wheel"


def test_an_answer_without_the_expected_fields_is_all_unknown():
    assert parse_pypi({}) == Answer(None, None, None, False, "not inactive")
    assert parse_npm({"dist-tags": {}}) == Answer(None, None, None, False, "not deprecated")


@pytest.mark.parametrize("text, expected", [
    ("MIT", "MIT"), ("mit", "MIT"), ("MIT License", "MIT"), ("Apache 2.0", "Apache-2.0"),
    ("Apache License, Version 2.0", "Apache-2.0"), ("BSD-3-Clause", "BSD-3-Clause"), ("New BSD", "BSD-3-Clause"),
    ("(MIT OR Apache-2.0)", "(MIT OR Apache-2.0)"), ("mit or apache-2.0", "MIT OR Apache-2.0"),
    ("BSD", None), ("GNU LGPL", None), ("UNLICENSED", None), ("SEE LICENSE IN LICENSE.md", None), ("", None),
    ("MIT License\n\nCopyright (c) 2018 ...\n", None),  # a licence's whole text, not its name
])
def test_licence_texts_as_spdx(text, expected):
    assert spdx(text) == expected


def test_npm_licences_in_their_older_forms():
    assert npm_licence({"license": {"type": "MIT", "url": "https://x"}}) == Licence("MIT", "MIT")
    assert npm_licence({"licenses": [{"type": "MIT"}, {"type": "Apache-2.0"}]}) == Licence(
        "MIT OR Apache-2.0", "MIT OR Apache-2.0")
    assert npm_licence({}) is None


# ── Comparing ───────────────────────────────────────────────────────────────────────────────

def facts(version="1.2.0", date="2026-01-10", licence="MIT", status="active", registry="npm") -> FrameworkFacts:
    source = "https://example.org/"
    def sourced(value):
        return Unknown("not checked") if value is None else Sourced(value, source, "2026-11-29")
    return FrameworkFacts(
        id="demo", checked="2026-11-29", homepage=Unknown("x"), repository=Unknown("x"), docs=Unknown("x"),
        package=sourced(Package(registry, "demo")), license=sourced(licence), first_release=Unknown("x"),
        latest=sourced(Release(version, date) if version else None), status=sourced(Status(status) if status else None))


def drift(rows) -> dict[str, tuple[str, str, str]]:
    return {r.fact: (r.recorded, r.registry, r.drift) for r in rows}


def test_the_same_facts_are_same():
    answer = Answer("1.2.0", "2026-01-10", Licence("MIT", "MIT"), False, "not deprecated")
    assert drift(compare(facts(), answer)) == {
        "version": ("1.2.0", "1.2.0", "same"), "release date": ("2026-01-10", "2026-01-10", "same"),
        "licence": ("MIT", "MIT", "same"), "status": ("active", "not deprecated", "same")}


def test_a_later_release_is_newer_and_other_values_different():
    answer = Answer("1.10.0", "2026-11-01", Licence("Apache-2.0", "Apache-2.0"), True, "deprecated: gone")
    assert drift(compare(facts(version="1.9.0", status="maintenance"), answer)) == {
        "version": ("1.9.0", "1.10.0", "newer"),  # compared as versions, not as text
        "release date": ("2026-01-10", "2026-11-01", "different"),
        "licence": ("MIT", "Apache-2.0", "different"), "status": ("maintenance", "deprecated: gone", "different")}
    assert compare(facts(version="2.0.0"), answer)[0].drift == "different"  # the registry is behind the record


def test_what_one_side_does_not_say_is_unknown():
    answer = Answer("1.2.0", None, Licence("BSD", None), True, "deprecated: gone")
    assert drift(compare(facts(date=None, licence=None, status="deprecated"), answer)) == {
        "version": ("1.2.0", "1.2.0", "same"), "licence": ("unknown", "BSD (not one SPDX licence)", "unknown"),
        "status": ("deprecated", "deprecated: gone", "same")}
    rows = drift(compare(facts(version=None, licence="MIT"), Answer(None, "2026-01-10", Licence("BSD", None), False, "x")))
    assert rows["version"][2] == rows["release date"][2] == rows["licence"][2] == "unknown"


def test_each_package_is_asked_once_and_a_silent_registry_is_a_row():
    asked = []

    def get(package):
        asked.append(package)
        if package.registry == "pypi":
            raise NoAnswer("HTTP 404")
        return recorded("npm-express")

    records = [facts(), facts(version="5.3.0"), facts(registry="pypi"), facts(registry="crates")]
    rows = check(records, get=get)
    assert asked.count(Package("npm", "demo")) == 1 and len(asked) == 2  # crates: not asked
    assert [r.drift for r in rows if r.fact == "version"] == ["newer", "same"]
    assert [(r.fact, r.registry, r.drift) for r in rows if r.fact == "all"] == [("all", "no answer (HTTP 404)", "unknown")]


def test_a_registry_that_does_not_answer_is_no_answer(monkeypatch):
    monkeypatch.setitem(facts_check.URLS, "npm", "http://127.0.0.1:9/{}")  # the discard port: nothing listens
    with pytest.raises(NoAnswer):
        facts_check.fetch(Package("npm", "express"), timeout=2)


# ── Printing ────────────────────────────────────────────────────────────────────────────────

def test_the_table_is_markdown_with_one_row_per_fact():
    rows = compare(facts(licence="MIT OR Apache-2.0"), Answer("1.2.0", None, Licence("A|B", None), False, "not deprecated"))
    lines = table(rows).splitlines()
    assert lines[:2] == ["| framework | fact | recorded | registry | drift |", "|---|---|---|---|---|"]
    assert len(lines) == 2 + len(rows)
    assert all(line.count(" | ") == 4 for line in lines[2:])  # the '|' in a value is escaped
    assert "A\\|B" in table(rows)


def test_the_command_prints_the_table_and_exits_0_with_drift(monkeypatch, capsys):
    def get(package):  # the recorded answers; any other package: no answer
        slug = package.name.replace("@", "").replace("/", "-")
        path = REGISTRY / f"{package.registry}-{slug}.json"
        if not path.exists():
            raise NoAnswer("offline")
        return json.loads(path.read_text(encoding="utf-8"))

    monkeypatch.setattr(facts_check, "fetch", get)
    assert facts_check.main() == 0
    out = capsys.readouterr().out
    assert "| framework | fact | recorded | registry | drift |" in out
    assert "| fastapi | version |" in out and "no answer (offline)" in out
    assert re.fullmatch(r"\d+ packages asked, \d+ records compared \(\d+ without an answer\): "
                        r"\d+ same, \d+ newer, \d+ different, \d+ unknown\.", out.rstrip().splitlines()[-1])
