"""The claims ledger: claims by subject, where the guide's figures differ, its contradictions in
words; and each framework's and language's claims on its own page."""

from __future__ import annotations

from markupsafe import Markup

from ...model import routes
from ...model.catalog import Catalog
from ...model.routes import Linker
from ...model.sections.claims import Claim, Comparison, Ledger
from ..blocks import block, callout, heading, join, para, subject_link, table, ul
from ..figures import comparison_anchor, name_of, number, span_text, value_text, with_unit
from ..registry import SectionView
from ..text import inline

RULES_OF_THUMB = ("These are the guide's rules of thumb, as it states them: not measurements, and not "
                  "checked against benchmarks.")


def where(ledger: Ledger, link: Linker, claim_section: str) -> Markup:
    section = ledger.section(claim_section)
    return Markup('<a href="{}">{}</a>').format(link.href(section.page, section.anchor), inline(section.title))


def compared_with(catalog: Catalog, link: Linker, claim: Claim) -> Markup:
    return join((subject_link(catalog, link, b) for b in claim.baselines), " / ")


def comparison_title(catalog: Catalog, ledger: Ledger, comparison: Comparison) -> str:
    metric = ledger.metric(comparison.metric).name
    subject = name_of(catalog, comparison.subject)
    if comparison.baseline:
        return f"{subject} against {name_of(catalog, comparison.baseline)}: {metric.lower()}"
    return f"{subject}: {metric.lower()}"


def summary(catalog: Catalog, ledger: Ledger, link: Linker) -> str:
    subjects = {s for c in ledger.claims for s in c.subjects}
    sections = {c.section for c in ledger.claims}
    text = (f"{len(ledger.claims)} claims about {len(subjects)} subjects, stated in {len(sections)} sections of the "
            f"guide. In {len(ledger.disagreements)} places the guide gives different figures for the same thing, and "
            f"{len(ledger.tensions)} of its statements pull in different directions.")
    return block(callout("note", "Rules of thumb", para(RULES_OF_THUMB) + para(text)))


def disagreements(catalog: Catalog, ledger: Ledger, link: Linker) -> str:
    out = []
    for comparison in ledger.disagreements:
        metric = ledger.metric(comparison.metric)
        rows = [[Markup("<strong>{}</strong>").format(value_text(c, metric)), inline(c.phrase), where(ledger, link, c.section)]
                for c in comparison.claims]
        low = min(c.span[0] for c in comparison.claims)
        high = max(c.span[1] for c in comparison.claims)
        spread = (f"The figures run from {with_unit(number(low), metric)} to {with_unit(number(high), metric)}"
                  if high != float("inf") else f"The figures start at {with_unit(number(low), metric)}")
        common = comparison.common
        if common is None:
            fit = "no single value agrees with all of them."
        elif common[0] == common[1]:
            fit = f"{span_text(*common, metric)} is the only value that agrees with all of them."
        else:
            fit = f"only {span_text(*common, metric)} agrees with all of them."
        out += [heading(3, comparison_title(catalog, ledger, comparison), comparison_anchor(comparison)),
                block(table(["Figure", "The guide's words", "Where"], rows) + para(f"{spread}; {fit}"))]
    return "".join(out)


def subject_order(catalog: Catalog) -> list[str]:
    """Languages in matrix order, each followed by its frameworks; then language-agnostic tools."""
    order = []
    for language in catalog.languages:
        order += [language.id] + [f.id for f in catalog.frameworks_of(language.id)]
    return order + [f.id for f in catalog.frameworks_of(None)]


def by_subject(catalog: Catalog, ledger: Ledger, link: Linker) -> str:
    out = []
    for subject in subject_order(catalog):
        claims = [c for c in ledger.claims if subject in c.subjects]
        if not claims:
            continue
        rows = [[inline(ledger.metric(c.metric).name),
                 Markup("<strong>{}</strong>").format(value_text(c, ledger.metric(c.metric))),
                 compared_with(catalog, link, c), inline(c.phrase), where(ledger, link, c.section)] for c in claims]
        out += [heading(3, name_of(catalog, subject), f"subject-{subject}"),
                block(Markup("<p>{}</p>").format(subject_link(catalog, link, subject))
                      + table(["Metric", "Figure", "Compared with", "The guide's words", "Where"], rows))]
    return "".join(out)


def tensions(catalog: Catalog, ledger: Ledger, link: Linker) -> str:
    out = []
    for tension in ledger.tensions:
        items = [Markup("“{}” ({})").format(inline(s.phrase), where(ledger, link, s.section)) for s in tension.statements]
        out += [heading(3, tension.title, f"tension-{tension.id}"), block(ul(items) + para(tension.reading))]
    return "".join(out)


MACROS = {
    "claims_summary": summary,
    "claims_disagreements": disagreements,
    "claims_by_subject": by_subject,
    "claims_tensions": tensions,
}


def claims_section(catalog: Catalog, ledger: Ledger, link: Linker, claims: tuple[Claim, ...]) -> list[str]:
    """A framework's or language's claims, each marked where the guide's figures differ."""
    if not claims:
        return []
    differing = {c.id: comparison for comparison in ledger.disagreements for c in comparison.claims}
    rows = []
    for claim in claims:
        metric = ledger.metric(claim.metric)
        subjects = join((subject_link(catalog, link, s) for s in claim.subjects), " / ")
        reading = Markup("{}: {}").format(subjects, inline(metric.name))
        if claim.baselines:
            reading += Markup(" against {}").format(compared_with(catalog, link, claim))
        figure = Markup("<strong>{}</strong>").format(value_text(claim, metric))
        if claim.id in differing:
            figure += Markup(' (<a href="{}">the guide also says otherwise</a>)').format(
                link.href(routes.CLAIMS, comparison_anchor(differing[claim.id])))
        rows.append([inline(claim.phrase), reading, figure, where(ledger, link, claim.section)])
    note = Markup('<p>{} <a href="{}">All of the guide\'s figures</a>.</p>').format(RULES_OF_THUMB, link.href(routes.CLAIMS))
    return [heading(2, "The guide's figures", "guide-figures"),
            block(note + table(["The guide's words", "About", "Figure", "Where"], rows, row_header=False))]


VIEW = SectionView(
    model=Ledger, order=60, macros=MACROS,
    framework_sections=lambda catalog, ledger, fw, link: claims_section(
        catalog, ledger, link, ledger.about({fw.id}, routes.framework(fw.id))),
    language_sections=lambda catalog, ledger, language, link: claims_section(
        catalog, ledger, link, ledger.about({language.id}, routes.language(language.id))),
)
