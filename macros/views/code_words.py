"""The code examples' words, shared by the pages, the claims page's measurement and the published
JSON: how an example was verified, its lines, its files' titles, where it listens, its anchors."""

from __future__ import annotations

from collections.abc import Sequence

from ..model.catalog import Catalog
from ..model.sections.code_examples import TASKS, CodeExample, CodeExamples, ExampleFile

CODE_CSS = "assets/css/code.css"  # inlined into the pages that show code (their front matter's `styles`)
INDEX = "code-examples.md"  # the page listing every framework's example of each task
API_JSON = "api/code-examples.json"
OPENAPI_JSON = "api/items-openapi.json"
SECTION_TITLE = "The same API, in code"
SECTION_ANCHOR = "code"

# What each task is, in the site's words (the items API's own description is in the data).
TASK_ABOUT = {
    "websocket-echo": "A WebSocket endpoint that sends each text message back, for the frameworks of the real-time "
                      "column.",
    "grpc-items": "The gRPC service of one shared contract, items.v1.ItemService in examples/grpc/items.proto: "
                  "ListItems, and GetItem with NOT_FOUND for an unknown id; one server per language.",
}
# "the items API": a task named inside a sentence.
TASK_PHRASES = {"items": "the items API", "websocket-echo": "the WebSocket echo", "grpc-items": "the gRPC service"}
RUNS_LABEL = "Runs in the test suite: a contract test starts it and checks every endpoint"
CHECK_TOOLS = {"rustfmt": "rustfmt", "ruby-c": "ruby -c"}
PROTOCOLS = {"websocket": "WebSocket", "socket.io": "Socket.IO", "action-cable": "Action Cable"}


def verification_label(example: CodeExample) -> str:
    """How the example was verified, as every page and api/code-examples.json say it."""
    if example.verified == "runs":
        return RUNS_LABEL
    tool = CHECK_TOOLS.get(example.check or "", example.check or "its language's parser")
    return f"Syntax-checked with {tool}: its libraries cannot be installed where the tests run"


def verification_short(example: CodeExample) -> str:
    """The label's first half, for tables: 'Runs in the test suite', 'Syntax-checked with rustfmt'."""
    return verification_label(example).split(":", 1)[0]


def lines_text(example: CodeExample) -> str:
    """'26 lines', '110 lines in 2 files': the framework's own code, blank lines aside."""
    counted = [f for f in example.files if f.counted]
    files = f" in {len(counted)} files" if len(counted) > 1 else ""
    return f"{example.lines} line{'s' if example.lines != 1 else ''}{files}"


def file_title(file: ExampleFile) -> str:
    """The file's path under examples/ ('items/gin/main.go'): what it is, and unique on a page."""
    return file.path.removeprefix("examples/")


def uncounted_note(file: ExampleFile) -> str:
    return "the shared contract, not counted" if file.path.endswith(".proto") else "the project's set-up, not counted"


def endpoint_text(example: CodeExample) -> str | None:
    """Where the WebSocket examples listen: 'WebSocket at /ws', 'Socket.IO event echo'."""
    if not example.protocol:
        return None
    name = PROTOCOLS.get(example.protocol, example.protocol)
    text = f"{name} at {example.path}" if example.path else name
    if example.event:
        text += f", event {example.event}"
    if example.channel:
        text += f", channel {example.channel}"
    return text


def task_order(examples: CodeExamples) -> list[str]:
    return [task for task in TASKS if examples.of_task(task)]


def in_site_order(catalog: Catalog, examples: Sequence[CodeExample]) -> list[CodeExample]:
    """Examples in the order of the site's frameworks (languages in matrix order)."""
    rank = {fw.id: i for i, fw in enumerate(catalog.frameworks)}
    return sorted(examples, key=lambda e: rank.get(e.framework, len(rank)))


def sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def task_anchor(task: str) -> str:
    return f"{SECTION_ANCHOR}-{task}"
