"""The load of bench/participation – reading a busy theme and a statement with many comments,
and voting – which bench/scaleout spreads over several application nodes."""

from __future__ import annotations

import random

from . import dataset, load
from .common import CSRF_COOKIE, SESSION_COOKIE

THEME_SLUG = dataset.HEAVY_THEME
TARGETS = {
    "theme_p95_ms": 150,
    "statement_p95_ms": 200,
    "votes_per_s": 300,
}


def scenarios(built: dataset.Built, sessions, tokens, vote_ids) -> list[load.Scenario]:
    def get(path):
        return lambda _n, _rng: ("GET", path, None, {"Accept": "text/html"})

    def vote(number: int, rng: random.Random):
        statement = rng.choice(vote_ids)
        choice = rng.choice(("agree", "disagree", "neutral"))
        return (
            "POST",
            f"/beteiligung/aussagen/{statement}/bewerten/",
            f"choice={choice}".encode(),
            {
                "Accept": "application/json",
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"{SESSION_COOKIE}={sessions[number]['session']}; "
                f"{CSRF_COOKIE}={tokens[number]}",
                "X-CSRFToken": tokens[number],
            },
        )

    theme_target = f"p95 ≤ {TARGETS['theme_p95_ms']} ms"
    statement_target = f"p95 ≤ {TARGETS['statement_p95_ms']} ms"
    return [
        load.Scenario("healthz", "minimal Django view: GET /healthz", get("/healthz")),
        load.Scenario(
            "theme",
            f"theme page: GET /themen/{THEME_SLUG}/",
            get(f"/themen/{THEME_SLUG}/"),
            target=theme_target,
            check=lambda r: r.p95 <= TARGETS["theme_p95_ms"],
        ),
        load.Scenario(
            "theme-sorted",
            f"theme page: GET /themen/{THEME_SLUG}/?sort=umstritten",
            get(f"/themen/{THEME_SLUG}/?sort=umstritten"),
            target=theme_target,
            check=lambda r: r.p95 <= TARGETS["theme_p95_ms"],
        ),
        load.Scenario(
            "statement",
            f"statement page, {built.hot_comments:,} comments: "
            f"GET /beteiligung/aussagen/{built.hot_statement}/",
            get(f"/beteiligung/aussagen/{built.hot_statement}/"),
            target=statement_target,
            check=lambda r: r.p95 <= TARGETS["statement_p95_ms"],
        ),
        load.Scenario(
            "vote",
            "vote: POST /beteiligung/aussagen/<random stage-3 id>/bewerten/ (JSON)",
            vote,
            target=f"≥ {TARGETS['votes_per_s']} req/s",
            check=lambda r: r.rate >= TARGETS["votes_per_s"],
        ),
    ]
