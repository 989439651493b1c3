"""The package's shape: layers that depend one way only (source → model → views → publish →
engine), no import cycle (imports under TYPE_CHECKING and inside functions included), and MkDocs
known to the engine adapter alone. Read from the source with `ast`, so nothing is imported."""

from __future__ import annotations

import ast
import fnmatch
import graphlib
from pathlib import Path

from macros.model.registry import sections
from macros.views.registry import views
from tests.conftest import KINDS, TESTS
from tests.helpers.project import ROOT

PACKAGE = ROOT / "macros"
LAYERS = ("source", "model", "views", "publish", "engine", "tools")  # each may import those before it


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def imports_of(name: str) -> tuple[set[str], set[str]]:
    """(modules of this package, top-level names of other packages) that `name` imports anywhere."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    ours, theirs = set(), set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                (ours if alias.name.split(".")[0] == "macros" else theirs).add(alias.name.split(".")[0] if
                                                                                  alias.name.split(".")[0] != "macros" else alias.name)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "macros":
                theirs.add(target.split(".")[0])
                continue
            for alias in node.names:  # `from . import routes` imports a module
                candidate = f"{target}.{alias.name}"
                ours.add(candidate if candidate in MODULES else target)
    return {m for m in ours if m in MODULES and m != name}, theirs


def layer_of(name: str) -> int | None:
    parts = name.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 1 and parts[1] in LAYERS else None


def test_there_is_no_import_cycle():
    graph = {name: imports_of(name)[0] for name in MODULES}
    try:
        order = list(graphlib.TopologicalSorter(graph).static_order())
    except graphlib.CycleError as error:
        raise AssertionError(f"import cycle: {' → '.join(error.args[1])}") from None
    assert set(order) == set(MODULES)


def test_each_layer_imports_only_the_layers_below_it():
    wrong = []
    for name in MODULES:
        layer = layer_of(name)
        if layer is None:
            continue  # macros/__init__.py: the mkdocs-macros entry point, which calls the engine
        for target in imports_of(name)[0]:
            target_layer = layer_of(target)
            if target_layer is None or target_layer > layer:
                wrong.append(f"{name} ({LAYERS[layer]}) imports {target}")
    assert not wrong, "\n".join(wrong)


def test_only_the_engine_adapter_knows_mkdocs():
    knowing = sorted(name for name in MODULES if "mkdocs" in imports_of(name)[1])
    assert knowing and all(name.startswith("macros.engine.") for name in knowing), knowing


def test_every_section_has_a_model_with_its_loader_and_views_name_loaded_models():
    loaded = {s.model for s in sections()}
    assert len(loaded) == len(sections()) == len(list((PACKAGE / "model" / "sections").glob("[!_]*.py")))
    assert {v.model for v in views()} <= loaded


def test_no_folder_of_tests_is_left_out_of_collection(request):
    """pytest does not look into folders matching `norecursedirs` (its default list has "build"):
    a folder of tests matching one would silently never run."""
    patterns = request.config.getini("norecursedirs")
    assert not [(kind, p) for kind in KINDS for p in patterns if fnmatch.fnmatch(kind, p)]
    assert all((TESTS / kind).is_dir() for kind in KINDS)
