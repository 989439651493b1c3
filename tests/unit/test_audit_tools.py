"""The audit tooling itself: page selection by type, the bare Material baseline's configuration,
and the budget check of the Lighthouse runner."""

from __future__ import annotations

import yaml

from tests.audit.bare_material import bare_config
from tests.audit.lighthouse_audit import BUDGETS, Result, below_budget, judged
from tests.audit.page_types import PAGE_TYPES, select_pages
from tests.helpers.project import ROOT

FIGURE = '<figure class="diagram"><pre class="diagram-source" hidden>flowchart LR</pre></figure>'


def _page(site, path, body=""):
    target = site / path / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")


def test_one_page_per_type_the_heaviest_and_missing_types_named(tmp_path):
    site, data = tmp_path / "site", tmp_path / "data"
    data.mkdir()
    (data / "comparisons.yaml").write_text("comparisons: []\n", encoding="utf-8")
    _page(site, "")
    _page(site, "matrix")
    _page(site, "use-cases")
    _page(site, "use-cases/small", "x")
    _page(site, "use-cases/large", "x" * 500 + FIGURE)
    _page(site, "languages/go")
    _page(site, "frameworks/gin")
    _page(site, "architecture", FIGURE * 2)
    selection = select_pages(site, data)
    assert selection.pages == {
        "home": "", "matrix": "matrix/", "use case": "use-cases/large/", "language": "languages/go/",
        "framework": "frameworks/gin/", "diagrams": "architecture/",
    }
    # comparisons.yaml says comparison pages exist; no decision_tree.yaml, so no wizard yet.
    assert selection.missing == ["comparison", "compare-any"]
    assert "not built yet" in selection.absent["wizard"]
    assert {t.name for t in PAGE_TYPES} == set(selection.pages) | set(selection.absent)


def test_the_bare_baseline_is_material_defaults_with_our_markdown_extensions():
    config = bare_config()
    ours = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert config["theme"] == {"name": "material"}
    assert not {"extra_css", "extra_javascript", "hooks", "plugins", "extra", "nav"} & set(config)
    assert len(config["markdown_extensions"]) == len(ours["markdown_extensions"])


def test_a_score_below_any_budget_fails():
    assert below_budget(Result(dict(BUDGETS), [])) == []
    scores = {**BUDGETS, "performance": BUDGETS["performance"] - 1, "seo": 99}
    assert below_budget(Result(scores, [])) == [f"perf {scores['performance']} < {BUDGETS['performance']}", "seo 99 < 100"]


def _run(performance: int, lost: tuple[str, ...] = ()) -> Result:
    return Result({"performance": performance}, list(lost))


def test_a_page_is_judged_on_its_median_run_and_its_first_runs_other_categories():
    budget = BUDGETS["performance"]
    first = Result({**BUDGETS, "performance": budget + 9, "seo": 92}, ["perf: a", "seo: b"])
    result = judged([first, _run(budget - 5, ("perf: c",)), _run(budget + 2, ("perf: d",))], runs=3)
    assert result.scores == {**BUDGETS, "performance": budget + 2, "seo": 92}
    assert result.lost == ["perf: d", "seo: b"]
    assert result.performance_runs == [budget + 9, budget - 5, budget + 2]


def test_runs_stopped_once_decided_score_what_the_median_of_all_could_at_worst_be():
    budget = BUDGETS["performance"]
    # Seven runs asked, four above budget: the three not made could all be lower.
    above = [_run(budget + n) for n in (8, 1, 5, 3)]
    assert judged([Result({**BUDGETS, **above[0].scores}, []), *above[1:]], runs=7).scores["performance"] == budget + 1
    # Three runs asked, two below: the median is below budget whatever the third.
    below = [Result({**BUDGETS, "performance": budget - 4}, []), _run(budget - 1)]
    assert below_budget(judged(below, runs=3)) == [f"perf {budget - 1} < {budget}"]
