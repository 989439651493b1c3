"""Contract tests for the code examples listed in data/code_examples.yaml.

How to run (from the project root):

    bash tests/examples/setup_toolchains.sh   # Debian packages, examples/.venv and node_modules
    .venv/bin/python -m pytest tests/examples -q

The tests run in the project venv: pytest, PyYAML, and the standard library's urllib for HTTP.
Protocol clients that need packages (websockets, python-socketio, grpcio) are run as
tests/examples/clients.py with examples/.venv/bin/python, the venv that setup_toolchains.sh
makes from examples/requirements.txt. A missing toolchain, tool or venv fails the test with a
message saying so: nothing here is skipped.

Every `verified: runs` example is built once per session (tests/examples/runners.py), started on
a free port and checked against one contract per task; every `verified: syntax` example is
parsed by its language's own tool (`check`: rustfmt or ruby-c).
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import urllib.error
import urllib.request
from dataclasses import dataclass

import pytest
import yaml

from . import runners

MANIFEST = runners.load_manifest()
CLIENTS = runners.ROOT / "tests" / "examples" / "clients.py"
# The items API as data/code_examples.yaml specifies it once (`api`): its seed and field limits.
API = yaml.safe_load(runners.MANIFEST.read_text())["api"]
SEED = API["seed"]
FIELDS = {field["name"]: field for field in API["fields"]}
NEW_ITEM = {"name": "Monitor", "price": 199.0}
# Invalid bodies for POST /items, each with the field whose name the error body must mention.
INVALID_ITEMS = [
    ({"price": 5}, "name"),
    ({"name": "", "price": 5}, "name"),
    ({"name": "x" * (FIELDS["name"]["max_length"] + 1), "price": 5}, "name"),
    ({"name": "Cable"}, "price"),
    ({"name": "Cable", "price": FIELDS["price"]["minimum"] - 1}, "price"),
    ({"name": "Cable", "price": "abc"}, "price"),
]
ECHO_TEXT = "héllo, echo ✓"
CHECKS = {
    "rustfmt": (("*.rs",), ("rustfmt", "--check", "--edition", "2021")),
    "ruby-c": (("*.rb", "*.ru"), ("ruby", "-c")),
}
TASKS = set(runners.TASK_DIRS)


def examples(task: str | None = None, verified: str | None = None) -> list:
    return [pytest.param(record, id=record["id"]) for record in MANIFEST
            if task in (None, record["task"]) and verified in (None, record["verified"])]


# ── Helpers ─────────────────────────────────────────────────────────────────────────────────

@dataclass
class Reply:
    status: int
    content_type: str
    text: str

    def json(self):
        assert "json" in self.content_type, f"not JSON ({self.content_type!r}): {self.text[:300]}"
        return json.loads(self.text)


def call(method: str, url: str, body=None) -> Reply:
    data = None if body is None else json.dumps(body).encode()
    headers = {"Accept": "application/json"}
    if data is not None:
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return Reply(response.status, response.headers.get("Content-Type", ""),
                         response.read().decode())
    except urllib.error.HTTPError as error:
        return Reply(error.code, error.headers.get("Content-Type", ""), error.read().decode())


def same_item(actual: dict, expected: dict) -> bool:
    return (set(actual) == {"id", "name", "price"} and actual["id"] == expected["id"]
            and actual["name"] == expected["name"]
            and actual["price"] == pytest.approx(expected["price"]))


def run_client(*args: str) -> dict:
    python = runners.VENV / "bin" / "python"
    if not python.exists():
        pytest.fail(f"{python} is missing: {runners.SETUP_HINT}")
    result = subprocess.run([str(python), str(CLIENTS), *args], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, f"client {args[0]} failed:\n{result.stdout}{result.stderr}"
    return json.loads(result.stdout)


@contextlib.contextmanager
def server_for(record: dict, builder, started_servers):
    """Starts the example; a failure inside the block also shows the end of the server's log."""
    try:
        with runners.serve(record, builder, started_servers) as server:
            try:
                yield server
            except AssertionError as error:
                raise AssertionError(f"{error}\n--- {record['id']} log ---\n{server.log_tail()}") \
                    from None
    except runners.ToolchainError as error:
        pytest.fail(f"{record['id']}: {error}")


# ── The contracts ───────────────────────────────────────────────────────────────────────────

@pytest.mark.examples
@pytest.mark.parametrize("record", examples("items", "runs"))
def test_items_api(record, builder, started_servers):
    with server_for(record, builder, started_servers) as server:
        base = f"http://127.0.0.1:{server.port}/items"

        listed = call("GET", base)
        assert listed.status == 200, listed
        items = listed.json()
        assert len(items) == 2 and all(map(same_item, items, SEED)), items

        one = call("GET", f"{base}/1")
        assert one.status == 200 and same_item(one.json(), SEED[0]), one

        missing = call("GET", f"{base}/999")
        assert missing.status == 404, missing
        assert isinstance(missing.json(), dict), missing

        created = call("POST", base, NEW_ITEM)
        assert created.status == 201, created
        assert same_item(created.json(), {"id": 3, **NEW_ITEM}), created
        fetched = call("GET", f"{base}/3")
        assert fetched.status == 200 and same_item(fetched.json(), {"id": 3, **NEW_ITEM}), fetched

        for body, field in INVALID_ITEMS:
            rejected = call("POST", base, body)
            assert rejected.status in (400, 422), (body, rejected)
            assert field in json.dumps(rejected.json()).lower(), (body, field, rejected)

        assert len(call("GET", base).json()) == 3, "an invalid item was stored"


@pytest.mark.examples
@pytest.mark.parametrize("record", examples("websocket-echo", "runs"))
def test_websocket_echo(record, builder, started_servers):
    with server_for(record, builder, started_servers) as server:
        host = f"127.0.0.1:{server.port}"
        protocol = record["protocol"]
        if protocol == "websocket":
            reply = run_client("websocket", f"ws://{host}{record['path']}", ECHO_TEXT)
        elif protocol == "socket.io":
            reply = run_client("socket.io", f"http://{host}", record["event"], ECHO_TEXT)
        elif protocol == "action-cable":
            reply = run_client("action-cable", f"ws://{host}{record['path']}", record["channel"],
                               ECHO_TEXT)
        else:
            pytest.fail(f"{record['id']}: unknown protocol {protocol!r}")
        assert reply["echo"] == ECHO_TEXT, reply


@pytest.fixture(scope="session")
def grpc_client_stubs(tmp_path_factory) -> str:
    """Python client stubs generated from examples/grpc/items.proto, once per session."""
    stubs = tmp_path_factory.mktemp("grpc-client-stubs")
    python = runners.VENV / "bin" / "python"
    if not python.exists():
        pytest.fail(f"{python} is missing: {runners.SETUP_HINT}")
    result = subprocess.run([str(python), "-m", "grpc_tools.protoc", f"-I{runners.PROTO_DIR}",
                             f"--python_out={stubs}", f"--grpc_python_out={stubs}", "items.proto"],
                            cwd=runners.PROTO_DIR, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return str(stubs)


@pytest.mark.examples
@pytest.mark.parametrize("record", examples("grpc-items", "runs"))
def test_grpc_items(record, builder, started_servers, grpc_client_stubs):
    with server_for(record, builder, started_servers) as server:
        reply = run_client("grpc", f"127.0.0.1:{server.port}", grpc_client_stubs)
        assert len(reply["list"]) == 2 and all(map(same_item, reply["list"], SEED)), reply
        assert same_item(reply["get"], SEED[1]), reply
        assert reply["missing"] == "NOT_FOUND", reply


@pytest.mark.examples
@pytest.mark.parametrize("record", examples(verified="syntax"))
def test_syntax(record):
    patterns, command = CHECKS[record["check"]]
    folder = runners.example_dir(record)
    files = sorted(path for pattern in patterns for path in folder.rglob(pattern))
    assert files, f"no {patterns} files in {folder}"
    try:
        tool = runners.find_tool(command[0])
    except runners.ToolchainError as error:
        pytest.fail(f"{record['id']}: {error}")
    for path in files:
        result = subprocess.run([tool, *command[1:], str(path)], capture_output=True, text=True)
        assert result.returncode == 0, \
            f"{' '.join(command)} {path}:\n{result.stdout}{result.stderr}"


# ── The manifest itself ─────────────────────────────────────────────────────────────────────

@pytest.mark.examples
def test_manifest_records_are_complete():
    framework_ids = {f["id"] for f in yaml.safe_load(
        (runners.ROOT / "data" / "frameworks.yaml").read_text())["frameworks"]}
    ids = [record["id"] for record in MANIFEST]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for record in MANIFEST:
        where = record.get("id", record)
        assert record["id"].replace("-", "").isalnum() and record["id"].islower(), where
        assert record["framework"] in framework_ids, where
        assert record["task"] in TASKS, where
        assert record["files"], where
        for path in record["files"]:
            assert (runners.ROOT / path).is_file(), f"{where}: {path} does not exist"
        assert record["verified"] in ("runs", "syntax"), where
        if record["verified"] == "syntax":
            assert record.get("check") in CHECKS, where
        else:
            assert "check" not in record, where
        if record["task"] == "websocket-echo":
            assert record.get("protocol") in ("websocket", "socket.io", "action-cable"), where


@pytest.mark.examples
def test_every_example_folder_is_in_the_manifest():
    listed = {runners.example_dir(record) for record in MANIFEST}
    for task_dir in set(runners.TASK_DIRS.values()):
        for folder in (runners.EXAMPLES / task_dir).iterdir():
            if folder.is_dir():
                assert folder in listed, \
                    f"{folder.relative_to(runners.ROOT)} is not in the manifest"
    for record in MANIFEST:
        folder = runners.example_dir(record)
        assert folder.is_dir(), f"{record['id']}: no folder {folder}"
        assert any(folder in (runners.ROOT / path).parents for path in record["files"]), \
            f"{record['id']}: none of its files is in {folder}"


@pytest.mark.examples
def test_every_runnable_example_has_a_runner():
    runnable = {record["id"] for record in MANIFEST if record["verified"] == "runs"}
    assert runnable == set(runners.RUNNERS)
