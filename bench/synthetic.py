"""Synthetic data: the guide's data with every language copied `factor` times.

Each copy of a language brings copies of its frameworks (ids and names suffixed, references
within the copy rewritten) and of its matrix row, so languages, frameworks, cells and the pages
generated from them grow with the factor, and every copy passes the same validation as the real
data. Use cases, language-agnostic tools and the features' files (comparisons, decision tree,
architecture...) stay as they are: they keep pointing at the original records.
"""

from __future__ import annotations

import copy
from pathlib import Path

import yaml


def _load(data_dir: Path, stem: str):
    return yaml.safe_load((data_dir / f"{stem}.yaml").read_text(encoding="utf-8"))


def _save(data_dir: Path, stem: str, data) -> None:
    (data_dir / f"{stem}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000),
                                           encoding="utf-8")


def multiply(data_dir: Path, factor: int) -> None:
    """Rewrite languages, frameworks and matrix under `data_dir` with `factor` copies of each language."""
    languages, frameworks, matrix = (_load(data_dir, s) for s in ("languages", "frameworks", "matrix"))
    original_languages = list(languages["languages"])
    original_frameworks = list(frameworks["frameworks"])
    original_cells = list(matrix["cells"])
    language_ids = {x["id"] for x in original_languages}
    for k in range(2, factor + 1):
        suffix = f"-x{k}"
        renamed = {f["id"]: f["id"] + suffix for f in original_frameworks if f.get("language") in language_ids}

        def framework_id(fid, renamed=renamed):
            return renamed.get(fid, fid)

        for language in original_languages:
            copy_ = copy.deepcopy(language)
            copy_["id"] += suffix
            copy_["name"] = f"{language['name']} {k}"
            languages["languages"].append(copy_)
        for framework in original_frameworks:
            if framework["id"] not in renamed:
                continue
            copy_ = copy.deepcopy(framework)
            copy_["id"] = renamed[framework["id"]]
            copy_["name"] = f"{framework['name']} {k}"
            copy_["language"] += suffix
            if "part_of" in copy_:
                copy_["part_of"] = framework_id(copy_["part_of"])
            frameworks["frameworks"].append(copy_)
        for cell in original_cells:
            copy_ = copy.deepcopy(cell)
            copy_["language"] += suffix
            if "frameworks" in copy_:
                copy_["frameworks"] = [[framework_id(f) for f in o] if isinstance(o, list) else framework_id(o)
                                       for o in copy_["frameworks"]]
            for item in copy_.get("none_by_design", {}).get("instead", []):
                if "frameworks" in item:
                    item["frameworks"] = [framework_id(f) for f in item["frameworks"]]
            matrix["cells"].append(copy_)
    for stem, data in (("languages", languages), ("frameworks", frameworks), ("matrix", matrix)):
        _save(data_dir, stem, data)
