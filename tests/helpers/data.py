"""The project's real data, loaded once for every test that reads it."""

from __future__ import annotations

from macros.model.catalog import load_catalog
from macros.model.sections.architecture import Architecture
from macros.model.sections.claims import Ledger
from macros.model.sections.comparisons import Comparisons
from macros.model.sections.decision_tree import DecisionTree
from macros.model.sections.guidance import Guidance
from macros.model.sections.migration import Migration
from tests.helpers.datasets import DATA
from tests.helpers.project import ROOT

CATALOG = load_catalog(DATA, display_root=ROOT)
ARCH = CATALOG.section(Architecture)
GUIDANCE = CATALOG.section(Guidance)
MIGRATION = CATALOG.section(Migration)
LEDGER = CATALOG.section(Ledger)
TREE = CATALOG.section(DecisionTree)
COMPARISONS = CATALOG.section(Comparisons)
