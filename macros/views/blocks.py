"""HTML and Markdown pieces shared by the views. Every data string passes through `inline` or
Markup.format."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import yaml
from markupsafe import Markup

from ..model import routes
from ..model.catalog import Catalog
from ..model.core import Cell, Choices, Language, Rationale
from ..model.routes import Linker
from .text import html_text, inline, md_text, plain


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


def framework_groups(catalog: Catalog) -> list[tuple[str, tuple]]:
    """Frameworks by language in matrix order, then those of other languages, then the
    language-agnostic tools; empty groups left out."""
    groups = [(x.name, catalog.frameworks_of(x.id)) for x in catalog.languages]
    outside = catalog.frameworks_of(None)
    groups.append(("Other languages", tuple(f for f in outside if f.other_language)))
    groups.append(("Language-agnostic", tuple(f for f in outside if not f.other_language)))
    return [(title, members) for title, members in groups if members]


def language_text(catalog: Catalog, fw) -> str:
    """What language a framework is written for, as plain text."""
    if fw.language:
        return catalog.language(fw.language).name
    return fw.other_language or "Any (language-agnostic)"


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


# A page's description is its meta description and the text of its link preview: chat apps cut
# what is longer, and what is shorter says too little (the build checks every page's).
DESCRIPTION_MIN, DESCRIPTION_MAX = 50, 200


def fit_description(text: str, title: str = "") -> str:
    """The plain text, led by the page's title where it is too short to say what the page is for,
    cut at a word before DESCRIPTION_MAX characters (with "…") where too long."""
    text = " ".join(plain(text).split())
    if len(text) < DESCRIPTION_MIN and title:
        text = f"{plain(title).rstrip('.')}: {text}"
    if len(text) <= DESCRIPTION_MAX:
        return text
    cut = text[: DESCRIPTION_MAX - 1].rsplit(" ", 1)[0].rstrip(",;:–—-")
    return cut + "…"


def page(title: str, description: str, body: Iterable[str], extra_meta: dict | None = None) -> str:
    """A Markdown page with front matter. Meta values are HTML-escaped: MkDocs templates print
    them without escaping."""
    meta = {"title": html_text(title), "description": html_text(fit_description(description, title)), **(extra_meta or {})}
    front = yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{front}---\n\n# {md_text(title)}\n" + "".join(body)


# ── Pieces of the guide's later sections (architecture, guidance, migration, claims) ─────────

def language_link(catalog: Catalog, link: Linker, language_id: str) -> Markup:
    language = catalog.language(language_id)
    return Markup('<a href="{}">{}</a>').format(link.href(routes.language(language.id)), language_name(language))


def subject_link(catalog: Catalog, link: Linker, subject_id: str) -> Markup:
    """A link to a framework's page or, for a language id, the language's page."""
    if catalog.has_framework(subject_id):
        return framework_link(catalog, link, subject_id)
    return language_link(catalog, link, subject_id)


def ref_links(catalog: Catalog, link: Linker, frameworks: Iterable[str] = (), languages: Iterable[str] = ()) -> Markup:
    parts = [framework_link(catalog, link, fid) for fid in frameworks]
    parts += [language_link(catalog, link, lid) for lid in languages]
    return join(parts, ", ")


def with_refs(catalog: Catalog, link: Linker, text: str, frameworks: Sequence[str] = (),
              languages: Sequence[str] = ()) -> Markup:
    """The text, then the pages it names in brackets: 'Use **FastAPI** for ... (FastAPI)'."""
    if not frameworks and not languages:
        return inline(text)
    return Markup("{} ({})").format(inline(text), ref_links(catalog, link, frameworks, languages))


def table(headers: Sequence[str], rows: Iterable[Sequence[Markup]], table_id: str | None = None,
          row_header: bool = True) -> Markup:
    """A Material-styled table; the first cell of each row is its header unless row_header is False."""
    head = join(Markup('<th scope="col">{}</th>').format(h) for h in headers)
    body = []
    for row in rows:
        cells = [Markup('<th scope="row">{}</th>').format(row[0]) if row_header else Markup("<td>{}</td>").format(row[0])]
        cells += [Markup("<td>{}</td>").format(cell) for cell in row[1:]]
        body.append(Markup("<tr>{}</tr>").format(join(cells)))
    id_attr = Markup(' id="{}"').format(table_id) if table_id else Markup("")
    return Markup(
        '<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table{}>'
        "<thead><tr>{}</tr></thead><tbody>{}</tbody></table></div></div>"
    ).format(id_attr, head, join(body))


def ordered(items: Iterable[Markup], list_id: str | None = None, cls: str | None = None) -> Markup:
    attrs = Markup("")
    if list_id:
        attrs += Markup(' id="{}"').format(list_id)
    if cls:
        attrs += Markup(' class="{}"').format(cls)
    return Markup("<ol{}>{}</ol>").format(attrs, join(Markup("<li>{}</li>").format(i) for i in items))


def labelled(title: str, text: str) -> Markup:
    """'**Title:** text', with the title from data."""
    return Markup("<strong>{}:</strong> {}").format(inline(title), inline(text))


def subtitle(text: str, level: int = 3) -> Markup:
    """A heading inside an HTML block (no table-of-contents entry)."""
    return Markup("<h{0}>{1}</h{0}>").format(Markup(str(level)), inline(text))
