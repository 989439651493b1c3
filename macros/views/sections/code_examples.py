"""The same small APIs in every framework (data/code_examples.yaml), shown where people compare:

- on each framework page that has examples, "The same API, in code": each example's files
  included with pymdownx.snippets (the page shows the very files the tests run), its lines and
  how it was verified;
- on each curated comparison page, the compared frameworks' examples side by side in tabs
  (pymdownx.tabbed), per task that at least two of them have;
- on the compare-any page, the element docs/assets/js/code-compare.mjs fills from
  api/code-examples.json for the chosen frameworks (`compare_mount`);
- an index page (code-examples/) listing every framework's example of each task with its lines;
- the published files: api/items-openapi.json (the items API as an OpenAPI 3.1 document, made
  from `api` in the data) and api/code-examples.json (every example with its files' text);
- on the claims page, `make bench-frameworks`'s measurement (bench/results/frameworks.json)
  beside the guide's rules of thumb, labelled as the site's measurement on one machine.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from markupsafe import Markup

from ...model import routes
from ...model.catalog import Catalog
from ...model.core import Framework
from ...model.routes import Linker
from ...model.sections.code_examples import TASKS, ApiField, CodeExample, CodeExamples, CommonApi, ExampleFile
from ...model.sections.comparisons import Comparisons
from ..api_json import dumps, shaped_schema
from ..blocks import block, framework_link, heading, join, language_text, page, para, table
from ..code_bench import MEASURED_ANCHOR, bench_section
from ..code_openapi import openapi_document
from ..code_words import (
    API_JSON,
    CODE_CSS,
    INDEX,
    OPENAPI_JSON,
    SECTION_ANCHOR,
    SECTION_TITLE,
    TASK_ABOUT,
    TASK_PHRASES,
    endpoint_text,
    file_title,
    in_site_order,
    lines_text,
    sentence_case,
    task_anchor,
    task_order,
    uncounted_note,
    verification_label,
    verification_short,
)
from ..figures import number
from ..registry import GeneratedPage, SectionView
from ..text import inline, md_text

# ── Markdown pieces: a file included by pymdownx.snippets ─────────────────────────────────────

def _indent(text: str, by: int) -> str:
    pad = " " * by
    return "".join(pad + line if line.strip() else line for line in text.splitlines(keepends=True))


def snippet(file: ExampleFile) -> str:
    """A fenced block that pymdownx.snippets fills with the file as it is. The path and language
    come from schema patterns and a fixed table (no quotes, no spaces): safe in the fence."""
    return f'``` {file.language} title="{file_title(file)}"\n--8<-- "{file.path}"\n```\n'


def folded_snippet(file: ExampleFile) -> str:
    """A file the reader rarely needs (a manifest, the shared .proto), folded in <details>."""
    return f'??? note code-extra "{file_title(file)}: {uncounted_note(file)}"\n\n{_indent(snippet(file), 4)}\n'


def files_markdown(files: Sequence[ExampleFile]) -> str:
    return "\n".join(snippet(f) if f.counted else folded_snippet(f) for f in files)


def wrapped(parts: list[str], cls: str) -> list[str]:
    """The section's Markdown inside one element (md_in_html), for its styles: a printed comparison
    leaves the code out, to stay on one page."""
    return [f'\n<div class="{cls}" markdown="1">\n', *parts, "\n</div>\n"]


def meta_markdown(example: CodeExample) -> str:
    """'**26 lines** · Runs in the test suite: ...' as a Markdown paragraph with its class (inside
    a tab, where a raw HTML block would be wrapped in a paragraph)."""
    parts = [f"**{md_text(lines_text(example))}**", md_text(verification_label(example))]
    endpoint = endpoint_text(example)
    if endpoint:
        parts.append(md_text(endpoint))
    return " · ".join(parts) + "\n{ .code-meta }\n"


# ── Framework pages ───────────────────────────────────────────────────────────────────────────

def framework_section(catalog: Catalog, examples: CodeExamples, fw: Framework, link: Linker) -> list[str]:
    own = sorted(examples.of_framework(fw.id), key=lambda e: list(TASKS).index(e.task))
    if not own:
        return []
    intro = Markup(
        '<p>The same small APIs in every framework that serves them, each file included from the project as the tests '
        'run it. Lines count {}\'s own code, blank lines aside. <a href="{}">Every framework\'s examples</a>.</p>'
    ).format(inline(fw.name), link.href(INDEX))
    out = [heading(2, SECTION_TITLE, SECTION_ANCHOR), block(intro)]
    for example in own:
        across = Markup('<p class="code-across"><a href="{}">{} in every framework</a> ({} examples){}</p>').format(
            link.href(INDEX, example.task), sentence_case(TASK_PHRASES[example.task]), len(examples.of_task(example.task)),
            _openapi_link(link, example))
        out += [heading(3, example.task_name, task_anchor(example.task)), "\n" + meta_markdown(example) + "\n",
                files_markdown(example.files), block(across)]
    return wrapped(out, "code-section")


def _openapi_link(link: Linker, example: CodeExample) -> Markup:
    if example.task != "items":
        return Markup("")
    return Markup('; the API they implement, as an <a href="{}">OpenAPI document</a>').format(link.asset(OPENAPI_JSON))


def page_styles(catalog: Catalog, framework_ids: Sequence[str], together: bool = False) -> list[str]:
    """[CODE_CSS] where the page shows code: a framework page with examples (one id), or a
    comparison (together=True) where at least two of its frameworks have an example of one task."""
    examples = catalog.find(CodeExamples)
    if examples is None:
        return []
    if together:
        return [CODE_CSS] if shared_tasks(examples, framework_ids) else []
    return [CODE_CSS] if any(examples.of_framework(fid) for fid in framework_ids) else []


# ── Comparison pages: tabs, one per framework ───────────────────────────────────────────────

def shared_tasks(examples: CodeExamples, framework_ids: Sequence[str]) -> list[tuple[str, list[CodeExample]]]:
    """(task, the examples of the compared frameworks in their order) for each task at least two of
    them have: those most of them have first (a comparison of WebSocket libraries leads with the
    echo), then in the tasks' order."""
    out = []
    for task in task_order(examples):
        by_framework = {e.framework: e for e in examples.of_task(task)}
        found = [by_framework[fid] for fid in framework_ids if fid in by_framework]
        if len(found) >= 2:
            out.append((task, found))
    return sorted(out, key=lambda shared: -len(shared[1]))


def tab_title(name: str) -> str:
    """A framework's name as a pymdownx.tabbed title: Markdown-escaped, its quotes as entities."""
    return md_text(name).replace('"', "&quot;")


def lines_summary(catalog: Catalog, found: Sequence[CodeExample], without: Markup = Markup("")) -> Markup:
    """The lines each one needed, above the tabs; then a note naming the compared frameworks that
    have no example of the task. One element: md_in_html would wrap a second one in a paragraph."""
    items = [Markup("<li>{}: <strong>{}</strong></li>").format(inline(catalog.framework(e.framework).name), lines_text(e))
             for e in found]
    return Markup('<div class="code-lines"><p>Lines of each one\'s own code:</p><ul>{}</ul>{}</div>').format(
        join(items), without)


def tabs_markdown(catalog: Catalog, found: Sequence[CodeExample], shared: ExampleFile | None) -> str:
    """One tab per framework with its own code; its manifests are on its page (fewer code blocks:
    each one costs the page's start-up on a phone)."""
    out = []
    for example in found:
        files = [f for f in example.files if f.counted]
        body = meta_markdown(example) + "\n" + files_markdown(files)
        out.append(f'=== "{tab_title(catalog.framework(example.framework).name)}"\n\n{_indent(body, 4)}\n')
    return "\n".join(out)


def common_file(found: Sequence[CodeExample]) -> ExampleFile | None:
    """A file every one of the examples includes (the shared .proto): shown once, above the tabs."""
    first = [f for f in found[0].files if not f.counted]
    return next((f for f in first if all(f in e.files for e in found[1:])), None)


def comparison_section(catalog: Catalog, examples: CodeExamples, framework_ids: tuple[str, ...], link: Linker) -> list[str]:
    tasks = shared_tasks(examples, framework_ids)
    if not tasks:
        return []
    intro = Markup(
        '<p>Each framework\'s version of the same small API, included from the files the tests run; one tab per '
        'framework. <a href="{}">Every framework\'s examples</a>.</p>').format(link.href(INDEX))
    out = [heading(2, SECTION_TITLE, SECTION_ANCHOR), block(intro)]
    for task, found in tasks:
        out.append(heading(3, TASKS[task], task_anchor(task)))
        without = [fid for fid in framework_ids if fid not in {e.framework for e in found}]
        note = Markup("")
        if without:
            note = Markup('<p class="code-without">No example of {} for {}.</p>').format(
                TASK_PHRASES[task], join((framework_link(catalog, link, fid) for fid in without), ", "))
        out.append(block(lines_summary(catalog, found, note)))
        shared = common_file(found)
        if shared is not None:
            out.append("\n" + folded_snippet(shared) + "\n")
        out.append("\n" + tabs_markdown(catalog, found, shared) + "\n")
    return wrapped(out, "code-section code-section--comparison")


# ── The compare-any page: the element code-compare.mjs fills ─────────────────────────────────

def compare_mount(catalog: Catalog, link: Linker) -> Markup:
    """The section below compare-any's table: docs/assets/js/code-compare.mjs fetches
    api/code-examples.json when it comes near the screen and shows the chosen frameworks' code
    (it follows the chosen set through compare.mjs's `compare:change` event)."""
    if catalog.find(CodeExamples) is None:
        return Markup("")
    return Markup(
        '<section id="code-compare" class="code-compare" data-module="code-compare" data-src="{}" '
        'aria-labelledby="code-compare-title">'
        '<h2 id="code-compare-title">{}</h2>'
        '<p class="code-compare__status" role="status">Choose two frameworks to see their code side by side.</p>'
        '<div class="code-compare__result"></div>'
        '<p class="code-compare__index"><a href="{}">Every framework\'s examples</a></p>'
        "</section>"
    ).format(link.asset(API_JSON), SECTION_TITLE, link.href(INDEX))


# ── The index page ──────────────────────────────────────────────────────────────────────────

def field_limits(field: ApiField) -> str:
    parts = []
    if field.min_length is not None:
        parts.append(f"at least {field.min_length} character{'s' if field.min_length != 1 else ''}")
    if field.max_length is not None:
        parts.append(f"at most {field.max_length} characters")
    if field.minimum is not None:
        parts.append(f"{number(field.minimum)} or more")
    if field.server_assigned:
        parts.append("set by the server")
    return ", ".join(parts) or "—"


def api_table(api: CommonApi) -> Markup:
    rows = [[Markup("<code>{}</code>").format(f.name), Markup("{}").format(f.type), Markup("{}").format(field_limits(f)),
             inline(f.description)] for f in api.fields]
    return table(["Field", "Type", "Limits", "What it is"], rows)


def task_table(catalog: Catalog, found: Sequence[CodeExample], link: Linker) -> Markup:
    rows = []
    for example in found:
        fw = catalog.framework(example.framework)
        name = Markup('<a href="{}">{}</a>').format(link.href(routes.framework(fw.id), task_anchor(example.task)), inline(fw.name))
        rows.append([name, inline(language_text(catalog, fw)), Markup("{}").format(lines_text(example)),
                     Markup("{}").format(verification_short(example))])
    return table(["Framework", "Language", "Lines", "How it is verified"], rows)


def index_page(catalog: Catalog, examples: CodeExamples) -> str:
    link = Linker(INDEX)
    runnable = sum(1 for e in examples.examples if e.verified == "runs")
    intro = para(
        f"The same small APIs written in every framework that serves them: {len(examples.examples)} examples, each a "
        f"real file of the project that the test suite checks. {runnable} run in the tests: a contract test starts "
        "each one and checks every endpoint. The others are syntax-checked by their language's own tool, because "
        "their libraries cannot be installed where the tests run. Lines count each framework's own code, blank lines "
        "aside; manifests and the shared .proto are shown on the pages but not counted.")
    body = [block(intro + Markup('<p>Each framework\'s code is on its page; <a href="{}">compare any frameworks</a> to '
                                 'see theirs side by side.</p>').format(link.href(routes.COMPARE)))]
    for task in task_order(examples):
        found = in_site_order(catalog, examples.of_task(task))
        body.append(heading(2, TASKS[task], task))
        if task == "items" and examples.api is not None:
            api = examples.api
            body.append(block(para(api.description) + api_table(api) + Markup(
                '<p>The API as an OpenAPI 3.1 document: <a href="{}"><code>{}</code></a>.</p>').format(
                link.asset(OPENAPI_JSON), OPENAPI_JSON)))
        else:
            body.append(block(para(TASK_ABOUT.get(task, ""))))
        body.append(block(task_table(catalog, found, link)))
    body.append(block(Markup('<p>Requests per second and memory of the runnable items examples, measured on one '
                             'machine: <a href="{}">beside the guide\'s figures</a>.</p>').format(
        link.href(routes.CLAIMS, MEASURED_ANCHOR))))
    description = (f"The items API, a WebSocket echo and a gRPC service in {len({e.framework for e in examples.examples})} "
                   "frameworks: each example's lines and how the tests verify it.")
    return page("The same API in every framework", description, body, extra_meta={"styles": [CODE_CSS]})


def pages(catalog: Catalog, examples: CodeExamples) -> list[GeneratedPage]:
    if not examples.examples:
        return []
    comparisons = catalog.find(Comparisons)
    if comparisons and any(routes.comparison(c.id) == INDEX for c in comparisons.items):
        raise ValueError(f"a comparison's page would replace the code examples' index ({INDEX}): rename the comparison")
    return [GeneratedPage(INDEX, index_page(catalog, examples))]


# ── Published files ─────────────────────────────────────────────────────────────────────────

def examples_json(catalog: Catalog, examples: CodeExamples) -> dict[str, Any]:
    """api/code-examples.json: every example with its files' text, for the compare-any page."""
    here = Linker("api/index.md")
    return {
        "$schema": "code-examples.schema.json",
        "tasks": [{"id": task, "name": TASKS[task]} for task in task_order(examples)],
        "openapi": here.asset(OPENAPI_JSON).removeprefix("api/"),
        "index": here.href(INDEX),
        "examples": [
            {"id": e.id, "framework": e.framework, "framework_name": catalog.framework(e.framework).name,
             "url": here.href(routes.framework(e.framework), task_anchor(e.task)), "task": e.task,
             "lines": e.lines, "verified": e.verified, "check": e.check, "label": verification_label(e),
             "endpoint": endpoint_text(e),
             "files": [{"path": f.path, "title": file_title(f), "language": f.language, "lines": f.lines,
                        "counted": f.counted, "text": f.text} for f in e.files]}
            for e in in_site_order(catalog, examples.examples)
        ],
    }



def published(catalog: Catalog, examples: CodeExamples) -> list[tuple[str, str]]:
    files = [(API_JSON, dumps(examples_json(catalog, examples))),
             (_schema_of(API_JSON), shaped_schema(API_JSON))]
    if examples.api is not None:
        files += [(OPENAPI_JSON, dumps(openapi_document(examples.api))), (_schema_of(OPENAPI_JSON), shaped_schema(OPENAPI_JSON))]
    return files


def _schema_of(path: str) -> str:
    return path.removesuffix(".json") + ".schema.json"


# ── The view ────────────────────────────────────────────────────────────────────────────────

VIEW = SectionView(
    model=CodeExamples, order=25,
    framework_sections=framework_section,
    comparison_sections=comparison_section,
    pages=pages,
    published=published,
    macros={"bench_frameworks": bench_section},
)
