"""How to build and start each runnable example, keyed by its id in data/code_examples.yaml.

Shared by tests/examples/test_contract.py and bench/bench_frameworks.py. Toolchains come from
tests/examples/setup_toolchains.sh: Debian's Go, Ruby, protoc and plugins, examples/.venv
(Python) and examples/node_modules (Node.js). Every server gets its port in $PORT (and on
its command line where the server takes it there) and listens on 127.0.0.1.

Go builds in GOPATH mode against Debian's sources in /usr/share/gocode (no module proxy):
each program is copied into a scratch GOPATH, beside the stubs protoc generates for gRPC.
Debian installs Echo v4 at github.com/labstack/echo, so the scratch GOPATH links it at
github.com/labstack/echo/v4, the import path Echo's code uses.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

import yaml

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
MANIFEST = ROOT / "data" / "code_examples.yaml"
VENV = EXAMPLES / ".venv"
NODE_MODULES = EXAMPLES / "node_modules"
PROTO_DIR = EXAMPLES / "grpc"
GOCODE = Path("/usr/share/gocode")
TASK_DIRS = {"items": "items", "websocket-echo": "websocket", "grpc-items": "grpc"}
SETUP_HINT = "run tests/examples/setup_toolchains.sh"
START_TIMEOUT = 60
SHOWN_ENV = ("GIN_MODE", "RAILS_ENV", "APP_ENV")


class ToolchainError(RuntimeError):
    """A tool or package the example needs is missing: the test fails with this message."""


def load_manifest() -> list[dict]:
    return yaml.safe_load(MANIFEST.read_text())["examples"]


def example_dir(record: dict) -> Path:
    return EXAMPLES / TASK_DIRS[record["task"]] / record["framework"]


def find_tool(name: str) -> str:
    """The path of a command: PATH first, then where rustup and Debian put theirs."""
    found = shutil.which(name)
    for candidate in (Path.home() / ".cargo" / "bin" / name, Path("/usr/bin") / name):
        if not found and candidate.exists():
            found = str(candidate)
    if not found:
        raise ToolchainError(f"'{name}' is not installed: {SETUP_HINT}")
    return found


@dataclass
class Context:
    """What a build step and a start command know about one example."""

    example_id: str
    dir: Path
    build: Path

    def expand(self, value: str, port: int | None = None) -> str:
        return value.format(dir=self.dir, build=self.build, venv=VENV, node_modules=NODE_MODULES,
                            proto_dir=PROTO_DIR, port=port)


@dataclass(frozen=True)
class Runner:
    command: tuple[str, ...]
    env: dict[str, str] = field(default_factory=dict)
    build: Callable[[Context], None] | None = None
    needs: tuple[Path, ...] = ()

    def describe(self) -> str:
        """The build and start commands as shown in reports, without the machine's paths."""
        words = [Path(w).name if w.startswith("{") and "/bin/" in w else w for w in self.command]
        env = [f"{key}={value}" for key, value in self.env.items() if key in SHOWN_ENV]
        start = " ".join([*env, *words]).replace("{port}", "$PORT").replace("{build}/", "build/")
        label = getattr(self.build, "label", "")
        return f"{label} && {start}" if label else start


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> None:
    args = [find_tool(args[0]) if "/" not in args[0] else args[0], *args[1:]]
    result = subprocess.run(args, cwd=cwd, env={**os.environ, **(env or {})},
                            capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise RuntimeError(f"build step failed: {' '.join(args)}\n{result.stdout}{result.stderr}")


# ── Build steps ─────────────────────────────────────────────────────────────────────────────

def tsc(ctx: Context) -> None:
    run([str(NODE_MODULES / ".bin" / "tsc"), "-p", str(ctx.dir), "--outDir", str(ctx.build)],
        cwd=ctx.dir)


tsc.label = "tsc -p . --outDir build"


def python_stubs(ctx: Context) -> None:
    run([str(VENV / "bin" / "python"), "-m", "grpc_tools.protoc", f"-I{PROTO_DIR}",
         f"--python_out={ctx.build}", f"--grpc_python_out={ctx.build}", "items.proto"],
        cwd=PROTO_DIR)


def ruby_stubs(ctx: Context) -> None:
    run(["grpc_tools_ruby_protoc", f"-I{PROTO_DIR}", f"--ruby_out={ctx.build}",
         f"--grpc_out={ctx.build}", "items.proto"], cwd=PROTO_DIR)


def go_program(with_grpc_stubs: bool = False) -> Callable[[Context], None]:
    def build(ctx: Context) -> None:
        if not (GOCODE / "src").is_dir():
            raise ToolchainError(f"Debian's Go sources are missing in {GOCODE}: {SETUP_HINT}")
        gopath = ctx.build / "gopath"
        package = gopath / "src" / ctx.example_id
        package.mkdir(parents=True)
        shutil.copy(ctx.dir / "main.go", package)
        echo_v4 = gopath / "src" / "github.com" / "labstack" / "echo" / "v4"
        echo_v4.parent.mkdir(parents=True)
        echo_v4.symlink_to(GOCODE / "src" / "github.com" / "labstack" / "echo")
        if with_grpc_stubs:
            run(["protoc", f"-I{PROTO_DIR}", f"--go_out={gopath / 'src'}",
                 f"--go-grpc_out={gopath / 'src'}", "items.proto"], cwd=PROTO_DIR)
        run(["go", "build", "-o", str(ctx.build / "server"), "."], cwd=package,
            env={"GO111MODULE": "off", "GOPATH": f"{gopath}:{GOCODE}", "GOFLAGS": ""})
    build.label = "go build -o build/server"
    return build


# ── The runnable examples ───────────────────────────────────────────────────────────────────

def uvicorn(app: str) -> tuple[str, ...]:
    return ("{venv}/bin/uvicorn", app, "--host", "127.0.0.1", "--port", "{port}", "--no-access-log")


PUMA = ("puma", "--bind", "tcp://127.0.0.1:{port}", "--quiet", "config.ru")
RAILS_ENV = {"RAILS_ENV": "production", "SECRET_KEY_BASE": "tests-only"}
PYTHON_DEPS = (VENV / "bin" / "python",)
NODE_DEPS = (NODE_MODULES / ".package-lock.json",)

RUNNERS: dict[str, Runner] = {
    "django-rest-framework-items": Runner(
        ("{venv}/bin/gunicorn", "--bind", "127.0.0.1:{port}", "--no-control-socket", "app"),
        needs=PYTHON_DEPS),
    "fastapi-items": Runner(uvicorn("main:app"), needs=PYTHON_DEPS),
    "nestjs-items": Runner(("node", "{build}/main.js"), env={"NODE_PATH": "{node_modules}"},
                           build=tsc, needs=NODE_DEPS),
    "express-items": Runner(("node", "app.js"), needs=NODE_DEPS),
    "fastify-items": Runner(("node", "server.js"), needs=NODE_DEPS),
    "rails-api-items": Runner(PUMA, env=RAILS_ENV),
    "sinatra-items": Runner(("ruby", "app.rb"), env={"APP_ENV": "production"}),
    "gin-items": Runner(("{build}/server",), env={"GIN_MODE": "release"}, build=go_program()),
    "echo-items": Runner(("{build}/server",), build=go_program()),
    "django-channels-echo": Runner(
        ("{venv}/bin/daphne", "-b", "127.0.0.1", "-p", "{port}", "app:application"),
        needs=PYTHON_DEPS),
    "fastapi-websockets-echo": Runner(uvicorn("main:app"), needs=PYTHON_DEPS),
    "socket-io-echo": Runner(("node", "server.js"), needs=NODE_DEPS),
    "action-cable-echo": Runner(PUMA, env=RAILS_ENV),
    "gorilla-websocket-echo": Runner(("{build}/server",), build=go_program()),
    "grpcio-items": Runner(("{venv}/bin/python", "server.py"), env={"PYTHONPATH": "{build}"},
                           build=python_stubs, needs=PYTHON_DEPS),
    "grpc-js-items": Runner(("node", "server.js"), needs=NODE_DEPS),
    "grpc-go-items": Runner(("{build}/server",), build=go_program(with_grpc_stubs=True)),
    "grpc-ruby-items": Runner(("ruby", "server.rb"), env={"RUBYLIB": "{build}"}, build=ruby_stubs),
}


# ── Building once per session, starting and stopping servers ────────────────────────────────

class Builder:
    """Builds each example at most once, in its own folder under `scratch`."""

    def __init__(self, scratch: Path):
        self.scratch = scratch
        self.built: dict[str, Context] = {}

    def prepare(self, record: dict) -> Context:
        example_id = record["id"]
        if example_id not in self.built:
            runner = RUNNERS[example_id]
            for path in runner.needs:
                if not path.exists():
                    raise ToolchainError(f"{path} is missing: {SETUP_HINT}")
            ctx = Context(example_id, example_dir(record), self.scratch / example_id)
            ctx.build.mkdir(parents=True, exist_ok=True)
            if runner.build:
                runner.build(ctx)
            self.built[example_id] = ctx
        return self.built[example_id]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


@dataclass
class Server:
    example_id: str
    port: int
    process: subprocess.Popen
    log: Path
    command: str

    def log_tail(self, lines: int = 40) -> str:
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return "\n".join(text.splitlines()[-lines:])


def stop(process: subprocess.Popen) -> None:
    """Stops the server's whole process group (it runs in a session of its own)."""
    if process.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        try:
            process.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


@contextlib.contextmanager
def serve(record: dict, builder: Builder, started: list[subprocess.Popen] | None = None
          ) -> Iterator[Server]:
    """Builds (once), starts the example on a free port, waits for the port, stops it after."""
    ctx = builder.prepare(record)
    runner = RUNNERS[record["id"]]
    port = free_port()
    args = [ctx.expand(word, port) for word in runner.command]
    if "/" not in args[0]:
        args[0] = find_tool(args[0])
    env = {**os.environ, "PORT": str(port),
           **{key: ctx.expand(value, port) for key, value in runner.env.items()}}
    log = ctx.build / f"server-{port}.log"
    with log.open("w") as out:
        process = subprocess.Popen(args, cwd=ctx.dir, env=env, stdout=out,
                                   stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   start_new_session=True)
    if started is not None:
        started.append(process)
    server = Server(record["id"], port, process, log, " ".join(args))
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not port_open(port):
            if process.poll() is not None:
                raise RuntimeError(f"{record['id']} exited with {process.returncode} before "
                                   f"listening on {port}:\n{server.log_tail()}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"{record['id']} did not listen on {port} within "
                                   f"{START_TIMEOUT}s:\n{server.log_tail()}")
            time.sleep(0.1)
        yield server
    finally:
        stop(process)
