"""Random damage to the real data either loads or fails with data errors: never a traceback, never
a hang. Hypothesis mutates copies of data/*.yaml (fields and records deleted, duplicated, retyped
and renamed, ids swapped, files truncated, bytes inserted, keys written twice, YAML features a
data file should not use) and loads them with the loader the build uses.

The budget is fixed and the examples derandomized, so every run tests the same data sets in a
bounded time. Each example rewrites only the files it damages, in a folder prepared once. Beside
the property: every hostile YAML fragment once, and the data sets the property
found broken through `make build` (no traceback, the previous site left as it was).
"""

from __future__ import annotations

import copy
import re
import shutil
import signal
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import Phase, event, given, settings
from hypothesis import strategies as st

from macros.model.catalog import Catalog, DataValidationError, load_catalog
from macros.source.drawings import read_drawings
from macros.source.yaml_reader import read_yaml
from tests.helpers.datasets import DATA, apply_edits
from tests.helpers.project import ROOT, copy_project

# ── The real data, read once ────────────────────────────────────────────────────────────────

ORIGINALS: dict[str, bytes] = {path.name: path.read_bytes() for path in sorted(DATA.glob("*.yaml"))}
TREES: dict[str, Any] = {name: read_yaml(DATA / name, f"data/{name}").data for name in ORIGINALS}
DRAWINGS = read_drawings()  # read once: the property is about data/, not diagrams/


def _ids(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        if isinstance(node.get("id"), str):
            yield node["id"]
        for value in node.values():
            yield from _ids(value)
    elif isinstance(node, list):
        for item in node:
            yield from _ids(item)


def _keys(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        yield from (k for k in node if isinstance(k, str))
        for value in node.values():
            yield from _keys(value)
    elif isinstance(node, list):
        for item in node:
            yield from _keys(item)


ALL_IDS = sorted({i for tree in TREES.values() for i in _ids(tree)})
ALL_KEYS = sorted({k for tree in TREES.values() for k in _keys(tree)})

# ── What a mutation can put into the data ──────────────────────────────────────────────────

# Values of every JSON type and a few YAML-only ones; ids of other records (a reference to the
# wrong kind of thing); texts that are empty, blank or long.
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**70), 2**70), st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(ALL_IDS), st.sampled_from(["", " ", "\t", "x" * 5000, "2026-11-29", "null", "~", "*a"]),
    st.text(max_size=20),
)
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                      st.dictionaries(st.sampled_from(ALL_KEYS), inner, max_size=3)),
                      max_leaves=6)
# Keys: the data's own (a field moved where it does not belong), misspelt, and keys that are not
# text at all (YAML allows numbers, booleans and null as keys).
KEYS = st.one_of(st.sampled_from(ALL_KEYS), st.text(max_size=12), st.integers(-5, 5), st.booleans(), st.none())

# YAML that a data file should not contain, each valid where a value may stand.
HOSTILE_VALUES = [
    "&loop [*loop]",  # an alias inside the value it names: data that contains itself
    "&map {self: *map}",
    "*undefined",
    "!!python/object/apply:os.system ['true']",
    "!!python/name:os.system",
    "!custom value",
    "!!binary aGVsbG8=",
    "!!set {a, b}",
    "!!timestamp 2026-11-29",
    "!!float nan",
    "!!int 0x1F",
    "!!omap [a: 1, b: 2]",
    "!!pairs [a: 1, a: 2]",
    "{[a, b]: c}",  # a list as a key
    "{{a: 1}: c}",  # a mapping as a key
    "[" * 200 + "]" * 200,
    "[" * 990 + "]" * 990,  # deeper than the recursive code that reads data (validation, messages) can go
    "|\n  block\n   text",
    "'unterminated",
    "a: b: c",
]
HOSTILE_KEYS = ["<<", "[a, b]", "{a: 1}", "? complex", "1", "null", "true", "~", "&k key", "*undefined", "!!binary aGk="]
# The head of a file of aliases that expands to 10^9 values, appended as one more top-level key.
ALIAS_BOMB = "bomb:\n  a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"  {name}: &{name} [{', '.join([f'*{previous}'] * 10)}]\n"
    for previous, name in zip("abcdefgh", "bcdefghi"))

# ── Mutations: the tree of one file, or its text ───────────────────────────────────────────

Path_ = tuple[Any, ...]


def node_paths(node: Any, prefix: Path_ = ()) -> Iterator[Path_]:
    """Every path below `node` (not the root itself)."""
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in items:
        yield (*prefix, key)
        yield from node_paths(value, (*prefix, key))


def parent_of(tree: Any, path: Path_) -> Any:
    for step in path[:-1]:
        tree = tree[step]
    return tree


def delete(tree: Any, path: Path_, _draw) -> str:
    del parent_of(tree, path)[path[-1]]
    return f"deleted {path}"


def duplicate(tree: Any, path: Path_, _draw) -> str:
    parent = parent_of(tree, path)
    if isinstance(parent, list):
        parent.insert(path[-1], copy.deepcopy(parent[path[-1]]))
        return f"duplicated record {path}"
    return retype(tree, path, _draw)  # a mapping cannot hold a key twice: key_twice writes that as text


def retype(tree: Any, path: Path_, draw) -> str:
    value = draw(VALUES)
    parent_of(tree, path)[path[-1]] = value
    return f"set {path} to {value!r:.80}"


def rename(tree: Any, path: Path_, draw) -> str:
    parent = parent_of(tree, path)
    if not isinstance(parent, dict):
        return delete(tree, path, draw)
    new = draw(KEYS)
    items = [(new if k == path[-1] else k, v) for k, v in parent.items()]
    parent.clear()
    parent.update(items)
    return f"renamed key {path} to {new!r}"


def swap(tree: Any, path: Path_, draw) -> str:
    """Swap two ids of the file (or two values, where the file has fewer than two ids)."""
    ids = [p for p in node_paths(tree) if p[-1] == "id"]
    candidates = ids if len(ids) >= 2 else list(node_paths(tree))
    if len(candidates) < 2:
        return "nothing to swap"
    first, second = draw(st.lists(st.sampled_from(candidates), min_size=2, max_size=2, unique=True))
    a, b = parent_of(tree, first), parent_of(tree, second)
    a[first[-1]], b[second[-1]] = b[second[-1]], a[first[-1]]
    return f"swapped {first} and {second}"


TREE_MUTATIONS = {"delete": delete, "duplicate": duplicate, "retype": retype, "rename": rename, "swap": swap}

# A line that starts a key: its indentation, an optional list dash, the key.
KEY_LINE = re.compile(rb"^( *)(- )?([^\s#:][^:#]*):(?: (.*))?$")


def key_lines(text: bytes) -> list[int]:
    return [i for i, line in enumerate(text.split(b"\n")) if KEY_LINE.match(line)]


def truncate(text: bytes, draw) -> tuple[bytes, str]:
    at = draw(st.integers(0, len(text)))
    return text[:at], f"truncated at byte {at}"


def insert_bytes(text: bytes, draw) -> tuple[bytes, str]:
    at = draw(st.integers(0, len(text)))
    junk = draw(st.binary(min_size=1, max_size=8))
    return text[:at] + junk + text[at:], f"inserted {junk!r} at byte {at}"


def key_twice(text: bytes, draw) -> tuple[bytes, str]:
    """After a key's line, the same key again (or a hostile key, or a hostile value) at its indentation."""
    lines = text.split(b"\n")
    candidates = key_lines(text)
    if not candidates:
        return text, "no key line"
    index = draw(st.sampled_from(candidates))
    indent, dash, key, value = KEY_LINE.match(lines[index]).groups()
    indent = indent + (b"  " if dash else b"")
    new_key = draw(st.one_of(st.just(key.decode()), st.sampled_from(HOSTILE_KEYS)))
    new_value = draw(st.one_of(st.just((value or b"x").decode()), st.sampled_from(HOSTILE_VALUES)))
    line = indent + f"{new_key}: {new_value}".encode()
    lines.insert(index + 1, line)
    return b"\n".join(lines), f"after line {index + 1} inserted {line!r}"


def hostile_value(text: bytes, draw) -> tuple[bytes, str]:
    """A key's value replaced by YAML a data file should not use (or the file's end, an alias bomb)."""
    lines = text.split(b"\n")
    candidates = [i for i in key_lines(text) if KEY_LINE.match(lines[i]).group(4)]
    if not candidates or draw(st.integers(0, 9)) == 0:
        return text.rstrip(b"\n") + b"\n" + ALIAS_BOMB.encode(), "appended an alias bomb"
    index = draw(st.sampled_from(candidates))
    indent, dash, key, _ = KEY_LINE.match(lines[index]).groups()
    fragment = draw(st.sampled_from(HOSTILE_VALUES))
    lines[index] = indent + (dash or b"") + key + b": " + fragment.encode()
    return b"\n".join(lines), f"line {index + 1} now {lines[index]!r}"


TEXT_MUTATIONS = {"truncate": truncate, "bytes": insert_bytes, "key-twice": key_twice, "hostile": hostile_value}


def dump(tree: Any) -> bytes:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's: several times faster
    return yaml.dump(tree, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100).encode("utf-8")


@dataclass(frozen=True)
class Damage:
    """A data file's new content (None: the file deleted) and what was done to it."""

    content: bytes | None
    done: tuple[str, ...]

    def _repr_pretty_(self, printer, _cycle) -> None:  # what a failing example prints: the steps, not the file
        printer.text(f"Damage{self.done!r}")


def targets(tree: Any) -> st.SearchStrategy[Path_]:
    """A place in the tree, a third of the time an id and a third a whole record: where loaders
    look things up, which uniform picks over thousands of values rarely reach."""
    paths = list(node_paths(tree))
    ids = [p for p in paths if p[-1] == "id"]
    records = [p for p in paths if isinstance(p[-1], int) and isinstance(parent_of(tree, p)[p[-1]], dict)]
    return st.one_of(*(st.sampled_from(group) for group in (ids, records, paths) if group))


@st.composite
def damaged_file(draw, name: str, first: str | None = None) -> Damage:
    """One file deleted, or one to three mutations of its tree, or one or two of its text (a
    file that no longer parses hides what else was done to it). `first`: the first mutation."""
    if first is None and draw(st.integers(0, 19)) == 0:
        return Damage(None, ("deleted",))
    done = []
    if first in TREE_MUTATIONS or (first is None and draw(st.booleans())):
        more = draw(st.lists(st.sampled_from(sorted(TREE_MUTATIONS)), min_size=0 if first else 1, max_size=2))
        kinds = [first, *more] if first else more
        tree = copy.deepcopy(TREES[name])
        for kind in kinds:
            paths = list(node_paths(tree))
            done.append(TREE_MUTATIONS[kind](tree, draw(targets(tree)), draw) if paths else "no value left")
        text = dump(tree)
    else:
        more = draw(st.lists(st.sampled_from(sorted(TEXT_MUTATIONS)), min_size=0 if first else 1, max_size=1))
        kinds = [first, *more] if first else more
        text = ORIGINALS[name]
        for kind in kinds:
            text, what = TEXT_MUTATIONS[kind](text, draw)
            done.append(what)
    for kind in kinds:
        event(kind)
    return Damage(text, tuple(done))


# ── Running the loader on a damaged data folder ────────────────────────────────────────────

class Hang(Exception):
    pass


@contextmanager
def time_limit(seconds: int):
    """Hypothesis' deadline is checked after an example returns; a loader that never returns
    needs an alarm."""
    def alarm(_signum, _frame):
        signal.alarm(1)  # again in a second, should this one be swallowed (as in a garbage collector callback)
        raise Hang(f"the loader ran for more than {seconds} s")
    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class Workspace:
    """A project folder with data/ holding the real data: what the loader reads besides data/
    (schemas, examples/, docs/) is linked."""

    root: Path

    @property
    def data(self) -> Path:
        return self.root / "data"

    @contextmanager
    def damaged(self, files: dict[str, bytes | None]):
        try:
            for name, content in files.items():
                if content is None:
                    (self.data / name).unlink()
                else:
                    (self.data / name).write_bytes(content)
            yield self.data
        finally:
            for name in files:
                (self.data / name).write_bytes(ORIGINALS[name])


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Workspace:
    root = tmp_path_factory.mktemp("damaged")
    (root / "data").mkdir()
    for name, content in ORIGINALS.items():
        (root / "data" / name).write_bytes(content)
    (root / "data" / "schema").symlink_to(DATA / "schema")
    for folder in ("examples", "docs"):
        (root / folder).symlink_to(ROOT / folder)
    return Workspace(root)


def check_outcome(workspace: Workspace, files: dict[str, bytes | None], only: tuple[str, ...] | None = None) -> str:
    """The load gives a catalog or a DataValidationError whose every error names a data file (and
    a line inside it, where the error is in the file's text); anything else propagates. Returns
    which of the two it was. `only`: the sections to load besides the core files (all by default)."""
    try:
        with time_limit(10):
            catalog = load_catalog(workspace.data, display_root=workspace.root, only=only, drawings=DRAWINGS)
    except DataValidationError as exc:
        assert exc.errors, "a DataValidationError with no error"
        for error in exc.errors:
            assert error.file.startswith("data/") and error.file.endswith(".yaml"), error
            name = error.file.removeprefix("data/")
            assert name in ORIGINALS, error
            assert error.message.strip() and "Traceback" not in error.message, error
            if name in files and files[name] is None:
                assert error.message == "file is missing" and error.line is None, error
                continue
            content = files.get(name, ORIGINALS[name])
            if error.line is not None:
                assert 1 <= error.line <= content.count(b"\n") + 1, error
            elif _is_text_problem(error.message):
                raise AssertionError(f"a problem in the text of {name} without its line: {error}")
        return "data errors"
    assert isinstance(catalog, Catalog)
    return "loaded"


def _is_text_problem(message: str) -> bool:
    return message.startswith(("YAML syntax error", "not UTF-8", "alias", "key '")) and "nested too deeply" not in message


# ── The properties ─────────────────────────────────────────────────────────────────────────

# A load of the whole data takes ~0.4 s here: 3 examples for each of the 9 kinds of mutation keep
# the file near 20 s. A budget per kind makes sure each kind is tried (36 examples drawn over all
# kinds once tried two of them once each). derandomize: the same examples every run; no database:
# nothing written into the project. The deadline is generous for a busy machine; an example that
# never returns is stopped by time_limit.
BUDGET = settings(max_examples=3, deadline=3000, derandomize=True, database=None, print_blob=False,
                  phases=[Phase.explicit, Phase.generate, Phase.shrink])
KINDS = [*TREE_MUTATIONS, *TEXT_MUTATIONS]


def test_the_real_data_loads_in_the_workspace(workspace):
    assert check_outcome(workspace, {}) == "loaded"


@pytest.mark.parametrize("kind", KINDS)
@BUDGET
@given(data=st.data())
def test_damaged_data_loads_or_fails_with_data_errors(workspace, kind, data):
    """`kind` done to one file, and whatever else to up to two more."""
    names = data.draw(st.lists(st.sampled_from(sorted(ORIGINALS)), min_size=1, max_size=3, unique=True), label="files")
    files = {name: data.draw(damaged_file(name, kind if i == 0 else None), label=name).content
             for i, name in enumerate(names)}
    with workspace.damaged(files):
        event(check_outcome(workspace, files))


# Every hostile fragment, each once, in a core file loaded with the core files only (a tenth of a
# second each): the property above draws only a few of them within its budget.
HOSTILE_PLACES = [("value", value) for value in HOSTILE_VALUES] + [("key", key) for key in HOSTILE_KEYS] + \
    [("end", ALIAS_BOMB)]


@pytest.mark.parametrize("place, fragment", HOSTILE_PLACES, ids=[f"{p}:{f[:24]}" for p, f in HOSTILE_PLACES])
def test_every_hostile_fragment_loads_or_fails_with_data_errors(workspace, place, fragment):
    text = ORIGINALS["frameworks.yaml"].decode("utf-8")
    if place == "value":
        text = text.replace("    language: python\n", f"    language: {fragment}\n", 1)
    elif place == "key":
        text = text.replace("    language: python\n", f"    language: python\n    {fragment}: x\n", 1)
    else:
        text += fragment
    files = {"frameworks.yaml": text.encode("utf-8")}
    with workspace.damaged(files):
        check_outcome(workspace, files, only=())


# Data sets that runs with many more examples (not derandomized, not in `make test`) found
# broken, each a traceback before the loader was fixed: (file, text found, its replacement).
EXPLORED = {
    "cell-option-naming-nothing": ("matrix.yaml", "    frameworks: [django-rest-framework]\n", "    frameworks: [null]\n"),
    "cell-frameworks-as-a-date": ("matrix.yaml", "    frameworks: [django-rest-framework]\n",
                                  "    frameworks: !!timestamp 2026-11-29\n"),
}


@pytest.mark.parametrize("file, find, replace", EXPLORED.values(), ids=EXPLORED)
def test_data_sets_found_by_longer_runs_fail_with_data_errors(workspace, file, find, replace):
    text = ORIGINALS[file].decode("utf-8")
    assert find in text
    files = {file: text.replace(find, replace, 1).encode("utf-8")}
    with workspace.damaged(files):
        assert check_outcome(workspace, files) == "data errors"


# ── Through `make build` ───────────────────────────────────────────────────────────────────

PREVIOUS_SITE = "<!doctype html><title>the site built before</title>"


# Data sets this property found broken (each raised a traceback or never ended before the reader
# refused it), as edits of the real data, each with what the build must say: the file, the line
# of the text the edit wrote, the message. A failing build costs a second or two: two builds take
# them through the Makefile's build as tests/build/test_broken_build.py's cases do.
FOUND = [
    ("alias-inside-itself",
     [{"file": "architecture.yaml", "find": "    detail: Browser/Mobile\n", "replace": "    detail: &loop [*loop]\n"}],
     [("architecture.yaml", "&loop", "alias '*loop' (column 20) is inside the value it names")]),
    ("unsafe-tag-nul-and-list-key",
     [{"file": "frameworks.yaml", "find": "    language: go\n", "replace": "    language: !!python/object/apply:os.system [date]\n"},
      {"file": "kinds.yaml", "find": "    name: Web framework\n", "replace": "    name: Web\0framework\n"},
      {"file": "matrix.yaml", "find": "    use_case: lightweight\n", "replace": "    use_case: lightweight\n    [a, b]: c\n"}],
     [("frameworks.yaml", "!!python", "YAML error: could not determine a constructor for the tag "
                                      "'tag:yaml.org,2002:python/object/apply:os.system' (column 15)"),
      ("kinds.yaml", "\0", "YAML syntax error: the character #x0000 is not allowed in YAML text (column 14)"),
      ("matrix.yaml", "[a, b]", "YAML error: found unhashable key (column 5)")]),
]


def line_of(path: Path, marker: str) -> int:
    text = path.read_text(encoding="utf-8")
    return text[:text.index(marker)].count("\n") + 1


@pytest.mark.parametrize("edits, expected", [case[1:] for case in FOUND], ids=[case[0] for case in FOUND])
def test_found_broken_data_fails_make_build_without_a_traceback_or_a_half_built_site(project, edits, expected):
    data, site = project / "data", project / "site"
    shutil.rmtree(data)
    shutil.copytree(DATA, data)
    apply_edits(data, edits)
    shutil.rmtree(site, ignore_errors=True)
    site.mkdir()
    (site / "index.html").write_text(PREVIOUS_SITE, encoding="utf-8")
    result = subprocess.run(["make", "--no-print-directory", "-o", "setup-site", "build"], cwd=project,
                            capture_output=True, text=True, timeout=120)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    for file, marker, message in expected:
        assert f"data/{file}:{line_of(data / file, marker)}: {message}" in output, output
    assert "Traceback" not in output, output
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == PREVIOUS_SITE
    assert not (project / ".site-build").exists()


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("found") / "project")
