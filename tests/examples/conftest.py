"""Fixtures for the code-example tests: one build folder per session, servers stopped at the end."""

from __future__ import annotations

import pytest

from . import runners


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "examples: the code examples, run or parsed by their toolchains")


@pytest.fixture(scope="session")
def builder(tmp_path_factory) -> runners.Builder:
    return runners.Builder(tmp_path_factory.mktemp("example-builds"))


@pytest.fixture(scope="session")
def started_servers():
    """Every server process a test started; any still running at the end is stopped here."""
    processes = []
    yield processes
    for process in processes:
        runners.stop(process)
