"""`make facts-check`: compare the facts recorded in data/facts.yaml with what PyPI and npm say
now (latest version and its date, licence, deprecation), and print the drift as a Markdown table.

It reports: drift is not a failure (exit 0); only the tool failing is (data that does not load).
It needs the network and is never part of `make build` or `make test`; its parsing is tested on
recorded registry answers (tests/fixtures/registry/, tests/unit/test_facts_check.py).
"""

from __future__ import annotations

import json
import re
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from packaging.licenses import InvalidLicenseExpression, canonicalize_license_expression
from packaging.version import InvalidVersion, Version

from ..model.catalog import DataValidationError, load_catalog
from ..model.sections.facts import Facts, FrameworkFacts, Package, Sourced

ROOT = Path(__file__).resolve().parent.parent.parent
TIMEOUT = 10  # seconds per request
URLS = {"pypi": "https://pypi.org/pypi/{}/json", "npm": "https://registry.npmjs.org/{}"}
SAME, NEWER, DIFFERENT, UNKNOWN = "same", "newer", "different", "unknown"


# ── What a registry says ──────────────────────────────────────────────────────────────────

@dataclass(frozen=True)
class Licence:
    text: str  # as the registry writes it
    spdx: str | None  # the SPDX expression it means, None when it does not say which licence


@dataclass(frozen=True)
class Answer:
    """A registry's answer about one package, in the terms of the recorded facts."""

    version: str | None
    date: str | None  # YYYY-MM-DD of the latest version
    licence: Licence | None
    retired: bool  # deprecated (npm), inactive or its latest release yanked (PyPI)
    status: str  # what the registry says of it, e.g. "not deprecated"


# Trove classifiers that name one licence exactly ("BSD License", "Apache Software License" and the
# GPL families do not say which version or variant).
CLASSIFIER_SPDX = {
    "License :: OSI Approved :: MIT License": "MIT",
    "License :: OSI Approved :: ISC License (ISCL)": "ISC",
    "License :: OSI Approved :: Mozilla Public License 2.0 (MPL 2.0)": "MPL-2.0",
    "License :: OSI Approved :: The Unlicense (Unlicense)": "Unlicense",
    "License :: OSI Approved :: Zero-Clause BSD (0BSD)": "0BSD",
}
# Free-text names that mean one SPDX licence (lower case, spaces and punctuation collapsed).
TEXT_SPDX = {
    "mit license": "MIT", "the mit license": "MIT", "mit/x11": "MIT",
    "apache 2.0": "Apache-2.0", "apache 2": "Apache-2.0", "apache license 2.0": "Apache-2.0",
    "apache license version 2.0": "Apache-2.0", "apache software license 2.0": "Apache-2.0",
    "bsd 3 clause": "BSD-3-Clause", "3 clause bsd": "BSD-3-Clause", "new bsd": "BSD-3-Clause",
    "bsd 2 clause": "BSD-2-Clause", "2 clause bsd": "BSD-2-Clause", "simplified bsd": "BSD-2-Clause",
}


def spdx(text: str) -> str | None:
    """The SPDX expression a licence text means, or None (e.g. "BSD": which BSD is not said)."""
    text = text.strip()
    if not text or "\n" in text:  # empty, or a whole licence pasted in
        return None
    try:
        return canonicalize_license_expression(text)
    except InvalidLicenseExpression:
        pass
    key = re.sub(r"[\s,\-_]+", " ", text.lower()).strip()
    return TEXT_SPDX.get(key)


def pypi_licence(info: dict) -> Licence | None:
    """PEP 639's license_expression where given; else the free-text `license` where it names one
    licence; else the one licence classifier that does; else what the registry says in words."""
    expression = info.get("license_expression")
    if isinstance(expression, str) and expression.strip():
        return Licence(expression.strip(), spdx(expression))
    text = info.get("license") if isinstance(info.get("license"), str) else ""
    if spdx(text):
        return Licence(text.strip(), spdx(text))
    classifiers = [c for c in info.get("classifiers") or [] if c.startswith("License ::")]
    if len(classifiers) == 1 and classifiers[0] in CLASSIFIER_SPDX:
        return Licence(classifiers[0], CLASSIFIER_SPDX[classifiers[0]])
    words = [_short(text)] if text.strip() else []
    words += [c.rpartition(" :: ")[2] for c in classifiers]
    return Licence("; ".join(words), None) if words else None


def parse_pypi(document: dict) -> Answer:
    """PyPI's JSON API answer (https://pypi.org/pypi/NAME/json): `info` describes the latest
    release and `urls` lists its files."""
    info = document.get("info") or {}
    uploads = sorted(u.get("upload_time_iso_8601") or "" for u in document.get("urls") or [])
    uploads = [u for u in uploads if u]
    status = "not inactive"
    if "Development Status :: 7 - Inactive" in (info.get("classifiers") or []):
        status = "inactive (Development Status :: 7 - Inactive)"
    elif info.get("yanked"):
        status = f"latest release yanked: {info.get('yanked_reason') or 'no reason given'}"
    return Answer(version=info.get("version") or None, date=uploads[0][:10] if uploads else None,
                  licence=pypi_licence(info), retired=status != "not inactive", status=status)


def npm_licence(manifest: dict) -> Licence | None:
    """`license` as npm writes it now (an SPDX string) or as it was written before (an object
    with a `type`, or a `licenses` list: one of them applies)."""
    value = manifest.get("license")
    if isinstance(value, dict):
        value = value.get("type")
    if not isinstance(value, str) and isinstance(manifest.get("licenses"), list):
        types = [x.get("type") for x in manifest["licenses"] if isinstance(x, dict) and isinstance(x.get("type"), str)]
        value = " OR ".join(types) if types else None
    if not isinstance(value, str) or not value.strip():
        return None
    return Licence(value.strip(), spdx(value))


def parse_npm(document: dict) -> Answer:
    """The npm registry's package document (https://registry.npmjs.org/NAME): the `latest`
    dist-tag, that version's manifest (licence, `deprecated`: a message) and its publication time."""
    latest = (document.get("dist-tags") or {}).get("latest")
    manifest = (document.get("versions") or {}).get(latest) or {}
    published = (document.get("time") or {}).get(latest)
    deprecated = manifest.get("deprecated")
    retired = isinstance(deprecated, str) and bool(deprecated)
    return Answer(version=latest or None, date=published[:10] if isinstance(published, str) else None,
                  licence=npm_licence(manifest), retired=retired,
                  status=f"deprecated: {_short(deprecated)}" if retired else "not deprecated")


PARSERS: dict[str, Callable[[dict], Answer]] = {"pypi": parse_pypi, "npm": parse_npm}


# ── Comparing ───────────────────────────────────────────────────────────────────────────────

@dataclass(frozen=True)
class Row:
    framework: str
    fact: str
    recorded: str
    registry: str
    drift: str


def version_drift(recorded: str, latest: str) -> str:
    if recorded == latest:
        return SAME
    try:
        return NEWER if Version(latest) > Version(recorded) else DIFFERENT
    except InvalidVersion:  # not a PEP 440 version (npm's semver mostly is)
        return DIFFERENT


# Recorded statuses that say the package is retired, as a registry can say it.
RETIRED_STATUSES = {"deprecated", "archived"}


def compare(facts: FrameworkFacts, answer: Answer) -> list[Row]:
    """One row per fact the registry can speak to: version, its date, licence, status."""
    rows = []

    def row(fact: str, recorded: str, registry: str, drift: str) -> None:
        rows.append(Row(facts.id, fact, recorded, registry, drift))

    latest = facts.latest.value if isinstance(facts.latest, Sourced) else None
    if latest is None or answer.version is None:
        row("version", latest.version if latest else "unknown", answer.version or "not said", UNKNOWN)
    else:
        row("version", latest.version, answer.version, version_drift(latest.version, answer.version))
    recorded_date = latest.date if latest else None
    if recorded_date or answer.date:
        drift = UNKNOWN if not (recorded_date and answer.date) else SAME if recorded_date == answer.date else DIFFERENT
        row("release date", recorded_date or "not recorded", answer.date or "not said", drift)

    licence = facts.license.value if isinstance(facts.license, Sourced) else None
    if answer.licence is None:
        row("licence", licence or "unknown", "not said", UNKNOWN)
    elif answer.licence.spdx is None or licence is None:
        said = answer.licence.text + ("" if answer.licence.spdx else " (not one SPDX licence)")
        row("licence", licence or "unknown", said, UNKNOWN)
    else:
        row("licence", licence, answer.licence.spdx, SAME if spdx(licence) == answer.licence.spdx else DIFFERENT)

    # A registry tells retired from not retired only (not active from maintenance): that is compared.
    status = facts.status.value.value if isinstance(facts.status, Sourced) else None
    if status is None:
        row("status", "unknown", answer.status, UNKNOWN)
    else:
        row("status", status, answer.status, SAME if (status in RETIRED_STATUSES) == answer.retired else DIFFERENT)
    return rows


def no_answer(facts: FrameworkFacts, why: str) -> Row:
    return Row(facts.id, "all", "", f"no answer ({why})", UNKNOWN)


# ── Asking ──────────────────────────────────────────────────────────────────────────────────

class NoAnswer(Exception):
    pass


def fetch(package: Package, timeout: float = TIMEOUT) -> dict:
    """The registry's JSON document for a package; NoAnswer when it gives none."""
    url = URLS[package.registry].format(urllib.parse.quote(package.name, safe="@"))
    request = urllib.request.Request(url, headers={"Accept": "application/json",
                                                   "User-Agent": "data-api-frameworks facts-check"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.load(response)
    except urllib.error.HTTPError as exc:
        raise NoAnswer(f"HTTP {exc.code}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise NoAnswer(str(getattr(exc, "reason", exc)) or type(exc).__name__) from None
    except ValueError:
        raise NoAnswer("not JSON") from None


def answer_of(package: Package, get: Callable[[Package], dict]) -> Answer | str:
    """The parsed answer, or why there is none."""
    try:
        return PARSERS[package.registry](get(package))
    except NoAnswer as exc:
        return str(exc)


def check(records: Iterable[FrameworkFacts], get: Callable[[Package], dict] | None = None) -> list[Row]:
    """Rows for every record whose package is on PyPI or npm, each package asked once (through
    `get`, by default the registry itself)."""
    get = get or fetch
    checked = [r for r in records if isinstance(r.package, Sourced) and r.package.value.registry in PARSERS]
    packages = list(dict.fromkeys(r.package.value for r in checked))
    with ThreadPoolExecutor(max_workers=6) as pool:
        answers = dict(zip(packages, pool.map(lambda p: answer_of(p, get), packages)))
    rows = []
    for record in checked:
        answer = answers[record.package.value]
        rows += [no_answer(record, answer)] if isinstance(answer, str) else compare(record, answer)
    return rows


# ── Printing ────────────────────────────────────────────────────────────────────────────────

def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def table(rows: list[Row]) -> str:
    lines = ["| framework | fact | recorded | registry | drift |", "|---|---|---|---|---|"]
    lines += [f"| {r.framework} | {r.fact} | {cell(r.recorded)} | {cell(r.registry)} | {r.drift} |" for r in rows]
    return "\n".join(lines)


def summary(rows: list[Row], asked: int) -> str:
    counts = Counter(r.drift for r in rows)
    silent = len({r.framework for r in rows if r.fact == "all"})
    parts = ", ".join(f"{counts[d]} {d}" for d in (SAME, NEWER, DIFFERENT, UNKNOWN))
    return (f"{asked} packages asked, {len({r.framework for r in rows})} records compared "
            f"({silent} without an answer): {parts}.")


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def main() -> int:
    try:
        catalog = load_catalog(ROOT / "data", display_root=ROOT, only=("facts",))
    except DataValidationError as exc:
        print(exc.summary(), file=sys.stderr)
        return 1
    facts = catalog.section(Facts)
    rows = check(facts.records.values())
    asked = len({r.package.value for r in facts.records.values()
                 if isinstance(r.package, Sourced) and r.package.value.registry in PARSERS})
    print(f"Facts recorded in data/facts.yaml (checked {facts.checked}) against PyPI and npm today.\n")
    print(table(rows))
    print()
    print(summary(rows, asked))
    return 0


if __name__ == "__main__":
    sys.exit(main())
