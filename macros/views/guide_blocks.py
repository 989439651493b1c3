"""HTML pieces shared by the views of the guide's later sections (architecture, guidance,
migration, claims). Every data string passes through `inline` or Markup.format."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from markupsafe import Markup

from .. import routes
from ..catalog import Catalog
from ..escaping import inline
from ..routes import Linker
from .blocks import framework_link, join, language_name


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
