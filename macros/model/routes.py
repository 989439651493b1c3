"""Where each kind of page lives, and relative links between pages.

Pages are addressed by their source path ("frameworks/gin.md"); links are computed relative to
the page they appear on, so the site works under any base path. Assumes use_directory_urls.
"""

from __future__ import annotations

import posixpath

HOME = "index.md"
MATRIX = "matrix.md"
USE_CASES = "use-cases/index.md"
LANGUAGES = "languages/index.md"
FRAMEWORKS = "frameworks/index.md"
COMPARE = "compare/index.md"
WIZARD = "wizard/index.md"
DATA = "data.md"

# The hand-written pages that carry the rest of the guide (docs/<path>).
PRAGMATIC_PATH = "pragmatic-path.md"
ARCHITECTURE = "architecture/index.md"
COMMUNICATION = "architecture/communication.md"
GATEWAY = "architecture/gateway.md"
CODEGEN = "architecture/code-generation.md"
TIERS = "architecture/tiers.md"
DECISION_MATRIX = "architecture/decision-matrix.md"
BEST_PRACTICES = "architecture/best-practices.md"
REAL_WORLD = "architecture/real-world.md"
MIGRATION = "architecture/migration.md"
ADVANCED = "architecture/advanced-patterns.md"
CLAIMS = "claims.md"

GUIDE_PAGES = (PRAGMATIC_PATH, ARCHITECTURE, COMMUNICATION, GATEWAY, CODEGEN, TIERS, DECISION_MATRIX,
               BEST_PRACTICES, REAL_WORLD, MIGRATION, ADVANCED, CLAIMS)

# Published data (JSON under api/).
API_FRAMEWORKS = "api/frameworks.json"
API_DECISION_TREE = "api/decision-tree.json"


def framework(framework_id: str) -> str:
    return f"frameworks/{framework_id}.md"


def language(language_id: str) -> str:
    return f"languages/{language_id}.md"


def use_case(use_case_id: str) -> str:
    return f"use-cases/{use_case_id}.md"


def comparison(comparison_id: str) -> str:
    return f"compare/{comparison_id}.md"


def outcome(outcome_id: str) -> str:
    """A decision wizard outcome's own page."""
    return f"wizard/{outcome_id}.md"


def url_of(src_uri: str) -> str:
    """'frameworks/gin.md' -> 'frameworks/gin/'; 'index.md' -> ''; 'a/index.md' -> 'a/'."""
    stem = src_uri.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


class Linker:
    """Relative hrefs from one page to others."""

    def __init__(self, from_src_uri: str):
        self.from_src_uri = from_src_uri
        self.base = url_of(from_src_uri)

    def href(self, src_uri: str, anchor: str | None = None) -> str:
        target = url_of(src_uri)
        rel = posixpath.relpath(target or ".", self.base or ".") if target != self.base else "."
        rel = "./" if rel == "." else rel + "/"
        return rel + (f"#{anchor}" if anchor else "")

    def asset(self, path: str) -> str:
        """Href to a file at the site root (e.g. 'api/frameworks.json')."""
        return posixpath.relpath(path, self.base or ".") if self.base else path
