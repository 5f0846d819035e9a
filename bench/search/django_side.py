"""What the search benchmark needs from inside Django, run with the server's settings.

    python bench/search/django_side.py matches QUERY…
        For each query: how many of each kind it matches (counted up to the search's limit),
        and how PostgreSQL reads the statements and comments for it (the plan's scans).

Prints JSON on stdout.
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from cms.search.matching import ranked  # noqa: E402
from cms.search.providers import providers  # noqa: E402
from cms.search.terms import Terms  # noqa: E402


def scans(sql: str) -> str:
    """The scan nodes of the plan PostgreSQL chooses, e.g. "Bitmap Index Scan on …_search"."""
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql)
        lines = [row[0].strip().lstrip("-> ").strip() for row in cursor.fetchall()]
    found = [line.split("  (")[0] for line in lines if " Scan " in line or line.startswith("Seq")]
    return "; ".join(found)


def matches(queries: list[str]) -> dict:
    every = providers()
    result = {}
    for text in queries:
        terms = Terms.parse(text)
        counts = {p.kind: p.search(terms, theme="", start=0, stop=0).count for p in every}
        plans = {}
        for provider in every:
            if provider.kind not in ("aussagen", "kommentare"):
                continue
            with CaptureQueriesContext(connection) as captured:
                ranked(provider.matching(""), terms, fields=["text"], vector="search_vector")
            plans[provider.kind] = scans(captured.captured_queries[-1]["sql"])
        result[text] = {"counts": counts, "plans": plans}
    return result


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    if command == "matches":
        print(json.dumps(matches(args)))
    else:
        raise SystemExit(__doc__)
