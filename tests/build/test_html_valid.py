"""Every built page checked by the Nu Html Checker (npm vnu-jar, on Java 17): no error but those
that come from Material for MkDocs' own templates, each listed here with why it is there."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

from tests.helpers.project import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# (message pattern, where it comes from and why it stays)
KNOWN = (
    (r"Attribute “autocomplete” is only allowed when the input type is",
     "Material's base.html gives its drawer and search toggles (checkboxes) autocomplete=\"off\", so "
     "that Firefox does not restore them open after a reload."),
    (r"The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control",
     "Material's toc.html labels the table of contents' toggle (for=\"__toc\") on pages whose table of "
     "contents is empty, where it renders no such toggle."),
    (r"CSS: “paint-order”: Property “paint-order” doesn't exist",
     "The checker's CSS grammar predates paint-order (SVG 2, in every browser): not an error in the page."),
)


def test_every_page_is_valid_html_but_for_materials_known_errors(built_site):
    java = shutil.which("java")
    assert java, "Java 17+ is needed for the Nu Html Checker"
    assert VNU.is_file(), "node_modules/vnu-jar is missing: run `make setup-test`"
    done = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "json", str(built_site)],
                          capture_output=True, text=True, timeout=600)
    messages = json.loads(done.stderr or done.stdout)["messages"]
    unexpected = [f"{m['url'].rsplit(str(built_site), 1)[-1]}: {m['message']}" for m in messages
                  if not any(re.search(pattern, m["message"]) for pattern, _ in KNOWN)]
    assert not unexpected, "\n".join(unexpected[:20])
    assert len(list(built_site.rglob("*.html"))) > 100
