"""Read a YAML data file strictly, keeping the line of every value so errors can point at it.

Strict beyond YAML itself: text that is not UTF-8 and a key written twice in one mapping are
errors, and aliases (a value written once as `&name`, repeated as `*name`) may not expand the
file beyond MAX_VALUES values: a few lines of aliases of aliases expand to billions, which every
later walk of the data would visit; nor may an alias stand inside the value it names. Tags with
no safe meaning are errors too. Dates stay text: the schemas, like JSON, know no date type.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

Path_ = tuple[str | int, ...]
# Far above any real data file (the largest has a few thousand values), far below a slow build.
MAX_VALUES = 100_000
# Far deeper than any data file nests (about ten levels), far from the depth at which the code that
# reads the data later (schema validation, messages quoting a value) runs out of stack (~900).
MAX_DEPTH = 100


@dataclass(frozen=True)
class YamlProblem:
    line: int | None
    message: str
    path: Path_ | None = None  # where in the data, when the problem is inside a record


class YamlSyntaxError(Exception):
    """The file cannot be read as data; `problems` says why, one entry per place. `doc` is the
    document as far as it could be read (None when it could not be parsed), to name records."""

    def __init__(self, problems: list[YamlProblem], doc: YamlDoc | None = None):
        self.problems = problems
        self.doc = doc
        super().__init__("; ".join(p.message for p in problems))


@dataclass
class YamlDoc:
    """One parsed data file: its content and the line of every path in it."""

    name: str  # file stem, e.g. "frameworks"
    display_path: str  # e.g. "data/frameworks.yaml"
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    source_path: Path | None = None  # the file itself, for data that names other files
    # The singular used in messages for the records of a list, by the list's key: {"frameworks": "framework"}.
    labels: Mapping[str, str] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int | None:
        # The nearest enclosing value that has a line (a missing field points at its record).
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return None

    def record_of(self, path: Path_) -> tuple[str | None, Path_]:
        """Describe the record a path falls in ("framework 'gin'") and the path inside it."""
        if len(path) < 2 or not isinstance(self.data, dict):
            return None, path
        nested = self._nested_record(path)
        if nested:
            return nested
        collection, key = path[0], path[1]
        items = self.data.get(collection)
        label = self.labels.get(str(collection), str(collection))
        if isinstance(key, int) and isinstance(items, list) and key < len(items):
            return f"{label} {record_name(collection, items[key], key)}", path[2:]
        if isinstance(key, str):
            return f"{label} '{key}'", path[2:]
        return None, path

    def _nested_record(self, path: Path_) -> tuple[str, Path_] | None:
        """The innermost named record below the top level, for lists whose key has a label
        (codegen.steps[0] -> "step 'backend'"); None when there is none."""
        node, found = self.data, None
        for depth, step in enumerate(path):
            node = node[step] if isinstance(node, (dict, list)) and _has(node, step) else None
            key = path[depth - 1] if depth >= 2 else None
            if isinstance(step, int) and isinstance(key, str) and key in self.labels and isinstance(node, dict):
                name = record_name(key, node, step)
                if not name.startswith("#"):
                    found = (f"{self.labels[key]} {name}", path[depth + 1:])
        return found


def _has(node: dict | list, step: str | int) -> bool:
    return step in node if isinstance(node, dict) else isinstance(step, int) and 0 <= step < len(node)


def record_name(collection: str | int, record: Any, index: int) -> str:
    if isinstance(record, dict):
        if collection == "cells" and isinstance(record.get("language"), str):
            return f"'{record.get('language')} × {record.get('use_case')}'"
        if isinstance(record.get("id"), str):
            return f"'{record['id']}'"
        if isinstance(record.get("from"), str) and isinstance(record.get("to"), str):
            return f"'{record['from']} → {record['to']}'"
        for key in ("name", "title", "scenario"):  # records without ids, by what they say
            if isinstance(record.get(key), str):
                return f"'{record[key]}'"
    return f"#{index + 1} (no id)"


def field_name(path: Path_) -> str:
    """('pros', 2) -> 'pros[2]'; ('patterns', 0, 'choices') -> 'patterns[0].choices'."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _without_timestamps(base: type) -> type:
    """`base` with dates read as text, like every other scalar the schemas call a string."""
    resolvers = {first: [(tag, regexp) for tag, regexp in entries if tag != "tag:yaml.org,2002:timestamp"]
                 for first, entries in base.yaml_implicit_resolvers.items()}
    return type(f"Strict{base.__name__}", (base,), {"yaml_implicit_resolvers": resolvers})


# libyaml's loader where PyYAML has it: it parses several times faster. The pure-Python loader
# words syntax errors more clearly, so a file that does not parse is read again with it.
FAST_LOADER = _without_timestamps(getattr(yaml, "CSafeLoader", yaml.SafeLoader))
CLEAR_LOADER = _without_timestamps(yaml.SafeLoader)


def read_yaml(path: Path, display_path: str, labels: Mapping[str, str] | None = None) -> YamlDoc:
    """The document in `path`; raises YamlSyntaxError naming the line of every problem found."""
    text = _decode(path.read_bytes())
    node = _compose(text)
    doc = YamlDoc(name=path.stem, display_path=display_path, data=None, source_path=path, labels=labels or {})
    if node is None:
        return doc
    _check_aliases(node, text)
    problems = _index(node, doc.lines)
    loader = FAST_LOADER("")
    try:
        doc.data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:  # a tag with no safe meaning, a merge of a non-mapping, a list as a key
        raise YamlSyntaxError([*problems, _marked_problem(exc, "YAML error")], doc) from None
    finally:
        loader.dispose()
    if problems:
        raise YamlSyntaxError(problems, doc)
    return doc


def _decode(raw: bytes) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlSyntaxError([YamlProblem(line, f"not UTF-8 text: byte 0x{raw[exc.start]:02x} (column {column}); "
                                                 "save the file as UTF-8")]) from None
    return text.removeprefix("\ufeff")


def _compose(text: str) -> yaml.Node | None:
    try:
        try:
            return _node(text, FAST_LOADER)
        except yaml.YAMLError:
            return _node(text, CLEAR_LOADER)
    except yaml.MarkedYAMLError as exc:
        raise YamlSyntaxError([_marked_problem(exc, "YAML syntax error")]) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow: it has a position, not a line
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        character = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise YamlSyntaxError([YamlProblem(line, f"YAML syntax error: the character #x{character:04x} is not allowed "
                                                 f"in YAML text (column {column}); remove it")]) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError([YamlProblem(None, f"YAML syntax error: {exc}")]) from None
    except RecursionError:
        raise YamlSyntaxError([YamlProblem(None, "YAML syntax error: values nested too deeply")]) from None


def _marked_problem(exc: yaml.MarkedYAMLError, kind: str) -> YamlProblem:
    mark = exc.problem_mark or exc.context_mark
    column = f" (column {mark.column + 1})" if mark else ""
    problem = exc.problem or exc.context or "invalid YAML"
    return YamlProblem(mark.line + 1 if mark else None, f"{kind}: {problem}{column}")


def _node(text: str, loader_class) -> yaml.Node | None:
    loader = loader_class(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _check_aliases(root: yaml.Node, text: str) -> None:
    """An alias makes the composer share a node, so the tree of nodes is small however far the
    aliases expand. Count the values the data would have, once per distinct node (memoised).
    An alias inside the value it names makes data that contains itself: endless, refused too."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()  # the nodes whose values are being counted: the current path
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:  # iterative post-order: no recursion limit on deep data
        node, children_done = stack.pop()
        if id(node) in sizes:
            continue
        children = _children(node)
        if children_done:
            open_nodes.discard(id(node))
            sizes[id(node)] = 1 + sum(sizes[id(child)] for child in children)
            if sizes[id(node)] > MAX_VALUES:
                raise YamlSyntaxError([_first_alias(text)])
        elif id(node) in open_nodes:
            raise YamlSyntaxError([_self_alias(text, node)])
        else:
            open_nodes.add(id(node))
            stack.append((node, True))
            stack.extend((child, False) for child in children if id(child) not in sizes)


def _first_alias(text: str) -> YamlProblem:
    for event in yaml.parse(text, Loader=FAST_LOADER):
        if isinstance(event, yaml.AliasEvent):
            return YamlProblem(event.start_mark.line + 1,
                               f"alias '*{event.anchor}' (column {event.start_mark.column + 1}): the aliases of this file "
                               f"would expand it to more than {MAX_VALUES:,} values; write the values out")
    return YamlProblem(None, f"the file would expand to more than {MAX_VALUES:,} values")


def _self_alias(text: str, node: yaml.Node) -> YamlProblem:
    """The first alias to `node` (the composer keeps no anchor names: the anchor is found by the
    place its value starts)."""
    anchor = None
    for event in yaml.parse(text, Loader=FAST_LOADER):
        if getattr(event, "anchor", None) and not isinstance(event, yaml.AliasEvent) \
                and event.start_mark.index == node.start_mark.index:
            anchor = event.anchor
        elif isinstance(event, yaml.AliasEvent) and event.anchor == anchor:
            return YamlProblem(event.start_mark.line + 1,
                               f"alias '*{anchor}' (column {event.start_mark.column + 1}) is inside the value it names: "
                               "the data would contain itself without end; write the values out")
    return YamlProblem(node.start_mark.line + 1, "a value contains an alias of itself; write the values out")


def _index(root: yaml.Node, lines: dict[Path_, int]) -> list[YamlProblem]:
    """Record the line of every path; return every key written twice in one mapping, and every
    value nested deeper than MAX_DEPTH."""
    problems = []
    stack: list[tuple[yaml.Node, Path_]] = [(root, ())]
    while stack:
        node, path = stack.pop()
        lines[path] = node.start_mark.line + 1
        if len(path) > MAX_DEPTH:
            problems.append(YamlProblem(node.start_mark.line + 1, f"values nested more than {MAX_DEPTH} levels deep "
                                                                  f"(column {node.start_mark.column + 1})"))
            continue
        if isinstance(node, yaml.MappingNode):
            first_line: dict[Any, int] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    continue  # a list or mapping as a key: construction reports it
                key = key_node.value
                if key in first_line:
                    # {field} becomes the key's place in its record (Report.add).
                    problems.append(YamlProblem(key_node.start_mark.line + 1,
                                                f"key '{{field}}' is written twice (first at line {first_line[key]}); "
                                                "the second would silently replace the first", (*path, key)))
                    continue
                first_line[key] = key_node.start_mark.line + 1
                stack.append((value_node, (*path, key)))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, (*path, index)) for index, item in enumerate(node.value))
    return sorted(problems, key=lambda p: p.line or 0)
