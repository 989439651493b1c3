"""Link previews from the data: each page's card says what kind of page it is and which
frameworks it is about, its text alternative says the same, and a build draws each image once:
an unchanged rebuild draws nothing."""

from __future__ import annotations

from macros.model import routes
from macros.publish.previews import Previews, page_preview
from tests.helpers.data import CATALOG, COMPARISONS, TREE

SITE = "Data API Frameworks"


def test_a_comparison_shows_its_frameworks_with_their_languages():
    comparison = next(c for c in COMPARISONS.items if len(c.members) >= 3)
    preview = page_preview(CATALOG, SITE, routes.comparison(comparison.id), comparison.title, comparison.verdict)
    names = [CATALOG.framework(fid).name for fid in comparison.members]
    assert preview.card.kicker == "Comparison" and preview.card.title == comparison.title
    assert [name for name, _ in preview.card.items] == names
    assert all(language for _, language in preview.card.items)
    assert preview.alt.startswith(f"Comparison: {comparison.title} (") and all(n in preview.alt for n in names)
    assert preview.card.footer == f"/compare/{comparison.id}/"


def test_other_pages_say_what_kind_of_page_they_are():
    fw = CATALOG.framework("gin")
    outcome = next(iter(TREE.outcomes.values()))
    cases = {
        routes.framework("gin"): ("Framework", [("Gin", "Go")]),
        routes.outcome(outcome.id): ("Decision wizard", [(CATALOG.framework(f).name, None) for f in outcome.frameworks]),
        routes.language("go"): ("Language", []),
        routes.COMPARE: ("Compare frameworks", []),
        routes.HOME: (None, []),
    }
    for src_uri, (kicker, items) in cases.items():
        card = page_preview(CATALOG, SITE, src_uri, fw.name, fw.summary).card
        assert card.kicker == kicker, src_uri
        assert [name for name, _ in card.items] == [name for name, _ in items], src_uri
    spring = page_preview(CATALOG, SITE, routes.framework("spring"), "Spring", "x").card
    assert spring.items == (("Spring", "Java"),)


def test_each_image_is_drawn_once_and_reused_on_an_unchanged_rebuild(tmp_path):
    def build() -> Previews:
        previews = Previews(tmp_path / "cache")
        for fw in CATALOG.frameworks[:3]:
            previews.add(page_preview(CATALOG, SITE, routes.framework(fw.id), fw.name, fw.summary))
        previews.files()
        return previews

    first, second = build(), build()
    assert (first.cache.drawn, first.cache.reused) == (3, 0)
    assert (second.cache.drawn, second.cache.reused) == (0, 3)
    changed = Previews(tmp_path / "cache")
    changed.add(page_preview(CATALOG, SITE, routes.framework("gin"), "Gin", "Another description of Gin, long enough."))
    changed.files()
    assert changed.cache.drawn == 1
    assert changed.prune() == 3 and len(list((tmp_path / "cache").glob("*.png"))) == 1
