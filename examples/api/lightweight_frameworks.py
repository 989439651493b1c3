"""Print the frameworks the guide places in one use case, with their page, from frameworks.json."""

import json
import sys
from urllib.parse import urljoin
from urllib.request import urlopen

SITE = "https://data-api-frameworks.example.org/"


def frameworks_for(data: dict, use_case: str) -> list[tuple[str, str]]:
    """(name, page address relative to frameworks.json) of every framework in the use case."""
    return [(fw["name"], fw["url"]) for fw in data["frameworks"] if use_case in fw["use_cases"]]


def main(site: str = SITE, use_case: str = "lightweight") -> None:
    source = urljoin(site, "api/frameworks.json")
    with urlopen(source) as response:
        data = json.load(response)
    for name, url in frameworks_for(data, use_case):
        print(f"{name}: {urljoin(source, url)}")


if __name__ == "__main__":
    main(*sys.argv[1:])
