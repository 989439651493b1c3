"""Paths of the hand-written pages that carry the rest of the guide (docs/<path>).

Kept apart from routes.py, which addresses the pages generated from data."""

from __future__ import annotations

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

ALL = (PRAGMATIC_PATH, ARCHITECTURE, COMMUNICATION, GATEWAY, CODEGEN, TIERS, DECISION_MATRIX,
       BEST_PRACTICES, REAL_WORLD, MIGRATION, ADVANCED, CLAIMS)
