"""Facts beyond the guide, shown as the site's, with their sources and dates: the facts box at the
top of each framework page, the site's update notes where the guide's advice has aged, and the
date the facts were checked."""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup

from ...model.catalog import Catalog
from ...model.routes import Linker
from ...model.sections.facts import Facts, FrameworkFacts, Sourced, Unknown
from ..blocks import block, join
from ..registry import SectionView
from ..text import inline

STATUS_NAMES = {"active": "Active", "maintenance": "Maintenance only", "deprecated": "Deprecated", "archived": "Archived"}
FACTS_LABEL = "Facts beyond the guide"


def source_link(fact: Sourced, what: str) -> Markup:
    """A fact's source, named for assistive technology ("source of the licence")."""
    return Markup(' <a class="fact-source" href="{}">source<span class="visually-hidden"> of the {}</span></a>').format(
        fact.source, what)


def unknown_html(fact: Unknown) -> Markup:
    return Markup('<span class="fact-unknown">Unknown</span> <span class="fact-why">({})</span>').format(inline(fact.why))


def status_text(fact: Sourced) -> Markup:
    status = fact.value
    text = Markup("{}").format(STATUS_NAMES.get(status.value, status.value))
    if status.successor:
        text += Markup('; successor: <a href="{}">{}</a>').format(status.successor.url, inline(status.successor.name))
    if status.note:
        text += Markup(' <span class="fact-note">{}</span>').format(inline(status.note))
    return text


def _value(record: FrameworkFacts, key: str) -> Markup:
    fact = getattr(record, key)
    if isinstance(fact, Unknown):
        return unknown_html(fact)
    if key == "package":
        package = fact.value
        install = (Markup("<code>{}</code> ").format(package.install) if package.install else Markup(""))
        body = install + Markup("({} <code>{}</code>)").format(package.registry_name, package.name)
    elif key == "latest":
        release = fact.value
        body = Markup("{}").format(release.version)
        if release.date:
            body += Markup(", released {}").format(release.date)
        body += Markup(' <span class="fact-date">(as of {})</span>').format(fact.checked)
    elif key == "status":
        body = status_text(fact)
    else:
        body = Markup("{}").format(fact.value)
    return body + source_link(fact, FIELD_NAMES[key].lower())


FIELD_NAMES = {"package": "Install", "license": "Licence", "latest": "Latest version", "status": "Status",
               "first_release": "First release"}


def links_html(record: FrameworkFacts) -> Markup:
    links = [Markup('<a href="{}">{}</a>').format(fact.value, label) for label, fact in record.links()]
    missing = [key for key in ("homepage", "docs", "repository") if isinstance(getattr(record, key), Unknown)]
    if missing:
        links.append(Markup('<span class="fact-unknown">{} unknown</span>').format(", ".join(missing)))
    return join(links, Markup(" · "))


def facts_box(facts: Facts, framework_id: str) -> Markup:
    """The facts box of a framework page: links, install line, licence, version as of its date,
    status, first release, each with its source; labelled as the site's, with the date checked."""
    record = facts.of(framework_id)
    if record is None:
        return Markup('<section class="facts-box"><p class="facts-box__title"><strong>{}</strong> '
                      '<span>Not checked yet.</span></p></section>').format(FACTS_LABEL)
    rows = [Markup("<dt>Links</dt><dd>{}</dd>").format(links_html(record))]
    rows += [Markup("<dt>{}</dt><dd>{}</dd>").format(name, _value(record, key)) for key, name in FIELD_NAMES.items()]
    return Markup(
        '<section class="facts-box" aria-labelledby="facts-box-title">'
        '<p class="facts-box__title" id="facts-box-title"><strong>{}</strong> '
        '<span>Checked {}; not the guide\'s words.</span></p><dl>{}</dl>{}</section>'
    ).format(FACTS_LABEL, record.checked, join(rows), update_notes(facts, [framework_id]))


def update_notes(facts: Facts, framework_ids: Iterable[str]) -> Markup:
    """The site's notes where the guide's advice about these frameworks has aged."""
    wanted = list(framework_ids)
    notes = [n for n in facts.notes if any(fid in n.about for fid in wanted)]
    if not notes:
        return Markup("")
    items = join(Markup('<li>{} <a class="fact-source" href="{}">source</a>, checked {}</li>').format(
        inline(n.text), n.source, n.checked) for n in notes)
    return Markup('<div class="admonition info update-notes"><p class="admonition-title">The site\'s note: '
                  'the guide\'s advice has aged</p><ul>{}</ul></div>').format(items)


def checked_note(catalog: Catalog, facts: Facts, link: Linker) -> Markup:
    return Markup('<p class="facts-checked">Facts beyond the guide (links, packages, licences, versions, '
                  'status) were last checked on {}.</p>').format(facts.checked)


def comparison_notes(catalog: Catalog, facts: Facts, framework_ids: tuple[str, ...], link: Linker) -> list[str]:
    """Under a comparison's table: the site's notes on the compared frameworks, and the date of the facts."""
    return [block(update_notes(facts, framework_ids) + checked_note(catalog, facts, link))]


VIEW = SectionView(model=Facts, order=5, macros={"facts_checked_note": checked_note},
                   comparison_sections=comparison_notes)
