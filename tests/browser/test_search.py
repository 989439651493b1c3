"""Searching a framework's name puts its own page first (Material's per-page search boost on
framework pages), for every framework."""

from __future__ import annotations

import re

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
        query = plain(fw.name)
        # Typed key by key: Material's search listens to key events that fill() does not send.
        search.fill("")
        search.press_sequentially(query)
        expected = f"{site_url}frameworks/{fw.id}/"
        # Results come from a worker, a query per key typed: wait until the results on screen are
        # the whole name's (Material puts the query's words in each result's ?h=).
        page.wait_for_function(
            "([selector, words]) => { const a = document.querySelector(selector);"
            " return a && new URL(a.href).searchParams.get('h') === words; }",
            arg=[FIRST_RESULT, " ".join(re.split(r"[\s\-]+", query.lower()))])
        first = page.locator(FIRST_RESULT).get_attribute("href")
        if first.split("#")[0].split("?")[0] != expected:
            wrong[fw.id] = first
    assert not wrong, wrong
