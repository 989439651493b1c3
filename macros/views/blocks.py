"""HTML pieces shared by the views. Every data string passes through `inline` or Markup.format."""

from __future__ import annotations

from collections.abc import Iterable

import yaml
from markupsafe import Markup

from .. import routes
from ..catalog import Catalog, Cell, Choices, Language, Rationale
from ..escaping import html_text, inline, md_text
from ..routes import Linker


def join(parts: Iterable[Markup], sep: str = "") -> Markup:
    return Markup(sep).join(parts)


def ul(items: Iterable[Markup | str], cls: str | None = None) -> Markup:
    rendered = [Markup("<li>{}</li>").format(inline(i) if not isinstance(i, Markup) else i) for i in items]
    if not rendered:
        return Markup("")
    open_tag = Markup('<ul class="{}">').format(cls) if cls else Markup("<ul>")
    return open_tag + join(rendered) + Markup("</ul>")


def para(text: str, cls: str | None = None) -> Markup:
    if cls:
        return Markup('<p class="{}">{}</p>').format(cls, inline(text))
    return Markup("<p>{}</p>").format(inline(text))


def framework_link(catalog: Catalog, link: Linker, framework_id: str) -> Markup:
    fw = catalog.framework(framework_id)
    return Markup('<a href="{}">{}</a>').format(link.href(routes.framework(fw.id)), inline(fw.name))


def option_html(catalog: Catalog, link: Linker, option: tuple[str, ...]) -> Markup:
    """One cell option: 'Celery + RabbitMQ', each name linked."""
    return join((framework_link(catalog, link, fid) for fid in option), " + ")


def options_html(catalog: Catalog, link: Linker, cell: Cell) -> Markup:
    return join((option_html(catalog, link, o) for o in cell.options), " / ")


def framework_links(catalog: Catalog, link: Linker, ids: Iterable[str], sep: str = ", ") -> Markup:
    return join((framework_link(catalog, link, fid) for fid in ids), sep)


def language_name(language: Language) -> Markup:
    """A language's name as the text of a link to its page. Assistive technology also hears the
    tagline: a link named "Go" alone reads like a command."""
    return Markup('{}<span class="visually-hidden">: {}</span>').format(inline(language.name), inline(language.tagline))


def block(html: Markup) -> str:
    """A raw HTML block, separated from the Markdown around it."""
    return f"\n{html}\n"


def heading(level: int, text: str, anchor: str | None = None) -> str:
    attrs = f" {{ #{anchor} }}" if anchor else ""
    return f"\n{'#' * level} {md_text(text)}{attrs}\n"


def callout(kind: str, title: str, body: Markup) -> Markup:
    """A Material admonition written as HTML, e.g. the guide's reality checks."""
    return Markup('<div class="admonition {}"><p class="admonition-title">{}</p>{}</div>').format(kind, title, body)


RATIONALE_SECTIONS = (
    ("use_when", "Use when"),
    ("best_for", "Best for"),
    ("pros", "Pros"),
    ("cons", "Cons"),
    ("choose_when", "Choose it when"),
    ("choose_if", "Choose it if"),
)


def _rationale_bodies(r: Rationale):
    """(field name, title, HTML body) for each field of the rationale that has a value."""
    for name, title in RATIONALE_SECTIONS:
        value = getattr(r, name)
        if value:
            body = para(value) if isinstance(value, str) else ul(value, cls=f"rationale-{name.replace('_', '-')}")
            yield name, title, body


def rationale_html(r: Rationale, heading_tag: str = "h4") -> Markup:
    """A rationale as HTML sections (for places without their own TOC entries)."""
    parts = [
        Markup("<{0} class=\"rationale-title\">{1}</{0}>{2}").format(Markup(heading_tag), title, body)
        for _, title, body in _rationale_bodies(r)
    ]
    if r.reality_check:
        parts.append(callout("warning", "Reality check", para(r.reality_check)))
    return join(parts)


def rationale_markdown(r: Rationale, level: int = 2, anchor_prefix: str = "") -> str:
    """A rationale as Markdown sections, so each gets a heading and a TOC entry."""
    out = []
    for name, title, body in _rationale_bodies(r):
        out.append(heading(level, title, f"{anchor_prefix}{name.replace('_', '-')}"))
        out.append(block(body))
    if r.reality_check:
        out.append(block(callout("warning", "Reality check", para(r.reality_check))))
    return "".join(out)


def choices_html(catalog: Catalog, link: Linker, choices: Choices, heading_tag: str | None = "h3") -> Markup:
    """A choice list; heading_tag None leaves the title to a heading the caller wrote."""
    rows = [
        Markup("<li><strong>{}</strong>: {}</li>").format(framework_links(catalog, link, item.frameworks, " / "), inline(item.text))
        for item in choices.items
    ]
    title = Markup("<{0}>{1}</{0}>").format(Markup(heading_tag), inline(choices.title)) if heading_tag else Markup("")
    html = Markup('<div class="choices">{}<ul>{}</ul>').format(title, join(rows))
    if choices.note:
        html += para(choices.note, cls="choices-note")
    return html + Markup("</div>")


# libyaml's emitter where PyYAML has it: the pure-Python one was a noticeable part of the build.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def page(title: str, description: str, body: Iterable[str], extra_meta: dict | None = None) -> str:
    """A Markdown page with front matter. Meta values are HTML-escaped: MkDocs templates print
    them without escaping."""
    meta = {"title": html_text(title), "description": html_text(description), **(extra_meta or {})}
    front = yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{front}---\n\n# {md_text(title)}\n" + "".join(body)
