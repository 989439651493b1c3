"""Searching a framework's name puts its own page first (Material's per-page search boost on
framework pages), for every framework."""

from __future__ import annotations

from macros.views.text import plain
from tests.helpers.browser import open_page
from tests.helpers.data import CATALOG

FIRST_RESULT = ".md-search-result__item:first-child > a.md-search-result__link"


def test_a_frameworks_own_page_is_the_first_result_for_its_name(page, site_url):
    open_page(page, site_url)
    search = page.locator("input.md-search__input")
    search.click()
    wrong = {}
    for fw in CATALOG.frameworks:
        search.fill(plain(fw.name))
        expected = f"{site_url}frameworks/{fw.id}/"
        # Results come from a worker: wait until the first one answers this query.
        page.wait_for_function(
            "([selector, query]) => { const a = document.querySelector(selector);"
            " return a && document.querySelector('.md-search-result__meta').textContent.trim() !== ''"
            " && document.querySelector('input.md-search__input').value === query; }",
            arg=[FIRST_RESULT, plain(fw.name)])
        page.wait_for_timeout(50)
        first = page.locator(FIRST_RESULT).get_attribute("href")
        if first.split("#")[0] != expected:
            wrong[fw.id] = first
    assert not wrong, wrong
