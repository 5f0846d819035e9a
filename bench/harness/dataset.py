"""The benchmark's PostgreSQL database: created, migrated, filled with demo data and the volume.

`manage.py migrate` and `manage.py demo_data --force` build the site as a deployment would
(home, process, six stages with stage 3's consultation open, 19 themes and their pages, the
demo statements). The volume then comes from a few INSERT … SELECT generate_series
statements in one transaction, the denormalised counters from one UPDATE … FROM (… GROUP BY)
each, as a data migration would set them, and VACUUM ANALYZE gives the planner true statistics.

A table `bench_volume` records what was built, so that `--keep` can reuse the database.
"""

from __future__ import annotations

import math
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg

# The ranking measures in SQL, from the module the recount uses, so that the generated data
# is ranked as the site ranks it (participation.rankings needs no Django).
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from participation.rankings import agreement_sql, controversy_sql  # noqa: E402

# SET clause of the two measures, from the counts of a subquery named v.
_MEASURES = (
    f"agreement = {agreement_sql('v.agree', 'v.disagree')}, "
    f"controversy = {controversy_sql('v.agree', 'v.disagree')}"
)

# Each bench account votes on this many statements (consecutive ones from its own offset,
# so that (user, statement) stays unique without looking anything up).
VOTES_PER_USER = 100
# Theme pages are not equal: Mobilität carries 4 of every 22 generated statements (≈ 18 %),
# the other 18 themes one each, so that its page is the biggest list of the site.
THEME_SLOTS = 22
HEAVY_THEME = "mobilitaet"
# The statement whose page is measured: this many comments, top-level and replies.
HOT_TOP_LEVEL = 400
HOT_REPLIES = 600
# Share of the other comments that are replies, and how many are not simply published.
REPLY_SHARE = 0.3


@dataclass(frozen=True)
class Volume:
    statements: int
    comments: int
    votes: int


@dataclass(frozen=True)
class Built:
    statements: int
    comments: int
    votes: int
    users: int
    hot_statement: int
    hot_comments: int
    heavy_theme_statements: int
    seconds: float


def server_dsn(host: str, port: int, user: str) -> str:
    return f"host={host} port={port} user={user} dbname=postgres"


def database_url(host: str, port: int, user: str, name: str) -> str:
    return f"postgres://{user}@{host}:{port}/{name}"


def database_exists(admin_dsn: str, name: str) -> bool:
    with psycopg.connect(admin_dsn, autocommit=True) as conn:
        row = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
    return row is not None


def recreate_database(admin_dsn: str, name: str) -> None:
    with psycopg.connect(admin_dsn, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def recorded_volume(dsn: str) -> Built | None:
    """What an earlier run built here, if it finished."""
    with psycopg.connect(dsn) as conn:
        exists = conn.execute("SELECT to_regclass('bench_volume') IS NOT NULL").fetchone()[0]
        if not exists:
            return None
        row = conn.execute(
            "SELECT statements, comments, votes, users, hot_statement, hot_comments,"
            " heavy_theme_statements, seconds FROM bench_volume"
        ).fetchone()
    return Built(*row) if row else None


def manage(env: dict, *args: str, log) -> None:
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        sys.stderr.write(result.stdout[-4000:] + result.stderr[-4000:])
        raise RuntimeError(f"manage.py {' '.join(args)} failed ({result.returncode})")
    log(f"manage.py {' '.join(args)}: {time.monotonic() - started:.1f} s")


def build(dsn: str, volume: Volume, *, min_users: int, log) -> Built:
    """Top the demo data up to exactly the requested volume."""
    started = time.monotonic()
    with psycopg.connect(dsn) as conn:
        conn.execute("SET synchronous_commit = off")
        conn.execute("SET maintenance_work_mem = '256MB'")
        conn.execute("SET work_mem = '64MB'")
        conn.execute("SELECT setseed(0.2030)")
        have = conn.execute(
            "SELECT (SELECT count(*) FROM participation_statement),"
            " (SELECT count(*) FROM participation_comment),"
            " (SELECT count(*) FROM participation_vote)"
        ).fetchone()
        new_statements = volume.statements - have[0]
        new_votes = volume.votes - have[2]
        new_comments = volume.comments - have[1]
        if new_statements < 2 or new_votes < 0 or new_comments < HOT_TOP_LEVEL + HOT_REPLIES:
            raise SystemExit(
                f"The demo data alone has {have[0]} statements, {have[1]} comments and "
                f"{have[2]} votes; ask for more than that (and ≥ 1,000 more comments)."
            )
        per_user = min(VOTES_PER_USER, new_statements - 1)
        users = max(math.ceil(new_votes / per_user), min_users)

        step = time.monotonic()
        _users(conn, users)
        log(f"{users:,} accounts with confirmed addresses: {time.monotonic() - step:.1f} s")

        step = time.monotonic()
        hot = _statements(conn, new_statements)
        log(f"{new_statements:,} statements: {time.monotonic() - step:.1f} s")

        step = time.monotonic()
        _votes(conn, new_votes, per_user)
        log(f"{new_votes:,} votes: {time.monotonic() - step:.1f} s")

        step = time.monotonic()
        _comments(conn, new_comments, hot)
        log(f"{new_comments:,} comments: {time.monotonic() - step:.1f} s")

        step = time.monotonic()
        _counters(conn)
        log(f"denormalised counters: {time.monotonic() - step:.1f} s")

        step = time.monotonic()
        totals = conn.execute(
            "SELECT (SELECT count(*) FROM participation_statement),"
            " (SELECT count(*) FROM participation_comment),"
            " (SELECT count(*) FROM participation_vote),"
            " (SELECT count(*) FROM accounts_user),"
            " (SELECT comment_count FROM participation_statement WHERE id = %(hot)s),"
            " (SELECT count(*) FROM participation_statement s JOIN participation_theme t"
            "  ON t.id = s.theme_id WHERE t.slug = %(heavy)s)",
            {"hot": hot, "heavy": HEAVY_THEME},
        ).fetchone()
        log(f"totals checked: {time.monotonic() - step:.1f} s")
        built = Built(
            statements=totals[0],
            comments=totals[1],
            votes=totals[2],
            users=totals[3],
            hot_statement=hot,
            hot_comments=totals[4],
            heavy_theme_statements=totals[5],
            seconds=0,
        )
        step = time.monotonic()
        conn.commit()
    log(f"commit: {time.monotonic() - step:.1f} s")

    step = time.monotonic()
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
    log(f"VACUUM ANALYZE: {time.monotonic() - step:.1f} s")

    seconds = round(time.monotonic() - started, 1)
    built = Built(**{**built.__dict__, "seconds": seconds})
    with psycopg.connect(dsn) as conn:
        conn.execute(
            "CREATE TABLE bench_volume (statements int, comments int, votes int, users int,"
            " hot_statement bigint, hot_comments int, heavy_theme_statements int,"
            " seconds float, built_at timestamptz DEFAULT now())"
        )
        conn.execute(
            "INSERT INTO bench_volume (statements, comments, votes, users, hot_statement,"
            " hot_comments, heavy_theme_statements, seconds)"
            " VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
            [
                built.statements,
                built.comments,
                built.votes,
                built.users,
                built.hot_statement,
                built.hot_comments,
                built.heavy_theme_statements,
                built.seconds,
            ],
        )
    return built


def _users(conn, count: int) -> None:
    # '!' + anything is an unusable password: nobody can sign in with these accounts; the
    # benchmark gives its clients sessions directly.
    conn.execute(
        """
        INSERT INTO accounts_user (password, is_superuser, is_staff, is_active, date_joined,
                                   email, display_name)
        SELECT '!bench', false, false, true, now() - make_interval(days => g %% 365),
               'bench-' || lpad(g::text, 7, '0') || '@example.org',
               'Bench ' || lpad(g::text, 7, '0')
        FROM generate_series(1, %(count)s) g
        """,
        {"count": count},
    )
    conn.execute(
        """
        INSERT INTO account_emailaddress (email, verified, "primary", user_id)
        SELECT email, true, true, id FROM accounts_user WHERE email LIKE %(pattern)s
        """,
        {"pattern": "bench-%@example.org"},
    )
    conn.execute(
        """
        CREATE TEMP TABLE bench_u AS
        SELECT (row_number() OVER (ORDER BY id) - 1)::int AS i, id
        FROM accounts_user WHERE email LIKE %(pattern)s
        """,
        {"pattern": "bench-%@example.org"},
    )
    conn.execute("ALTER TABLE bench_u ADD PRIMARY KEY (i)")
    conn.execute("ANALYZE bench_u")


def _statements(conn, count: int) -> int:
    """Published Ausgangsbilder (stage 1) and Zielbilder (stage 3) of all sectors; returns
    the statement that gets the long discussion (a Zielbild of Mobilität, open to votes)."""
    before = conn.execute("SELECT coalesce(max(id), 0) FROM participation_statement").fetchone()[0]
    conn.execute(
        """
        WITH texts AS (SELECT array_agg(text ORDER BY id) AS t FROM participation_statement),
             themes AS (SELECT array_agg(id ORDER BY sort_order, id) AS t,
                               (SELECT id FROM participation_theme WHERE slug = %(heavy)s) AS h
                        FROM participation_theme),
             sectors AS (SELECT array_agg(id ORDER BY sort_order, id) AS t
                         FROM participation_sector),
             rows AS (SELECT g, random() AS r_kind, random() AS r_sector, random() AS r_age
                      FROM generate_series(1, %(count)s) g)
        INSERT INTO participation_statement (kind, stage, text, state, created_at, updated_at,
            agree_count, disagree_count, neutral_count, agreement, controversy, comment_count,
            sector_id, theme_id)
        SELECT CASE WHEN r_kind < 0.5 THEN 'ausgangsbild' ELSE 'zielbild' END,
               CASE WHEN r_kind < 0.5 THEN 1 ELSE 3 END,
               texts.t[1 + g %% cardinality(texts.t)],
               'published',
               now() - make_interval(secs => r_age * 200 * 86400),
               now() - make_interval(secs => r_age * 200 * 86400),
               0, 0, 0, 0, 0, 0,
               sectors.t[1 + floor(r_sector * cardinality(sectors.t))::int],
               CASE WHEN g %% %(slots)s < cardinality(themes.t)
                    THEN themes.t[1 + g %% %(slots)s] ELSE themes.h END
        FROM rows, texts, themes, sectors
        """,
        {"count": count, "heavy": HEAVY_THEME, "slots": THEME_SLOTS},
    )
    conn.execute(
        """
        CREATE TEMP TABLE bench_s AS
        SELECT (row_number() OVER (ORDER BY id) - 1)::int AS i, id, random() AS leaning
        FROM participation_statement WHERE id > %(before)s
        """,
        {"before": before},
    )
    conn.execute("ALTER TABLE bench_s ADD PRIMARY KEY (i)")
    conn.execute("ANALYZE bench_s")
    return conn.execute(
        """
        SELECT s.id FROM bench_s b JOIN participation_statement s ON s.id = b.id
        JOIN participation_theme t ON t.id = s.theme_id
        WHERE t.slug = %(heavy)s AND s.stage = 3 ORDER BY s.id LIMIT 1
        """,
        {"heavy": HEAVY_THEME},
    ).fetchone()[0]


def _votes(conn, count: int, per_user: int) -> None:
    """User u votes on `per_user` consecutive statements from its own offset: unique pairs.

    Each statement leans its own way, so that agreement and controversy vary."""
    conn.execute(
        """
        WITH n AS (SELECT (SELECT count(*) FROM bench_s)::int AS s)
        INSERT INTO participation_vote (choice, created_at, updated_at, statement_id, user_id)
        SELECT CASE WHEN v.r < s.leaning * 0.8 THEN 'agree'
                    WHEN v.r < s.leaning THEN 'neutral' ELSE 'disagree' END,
               v.at, v.at, s.id, u.id
        FROM (SELECT g, g / %(per_user)s AS ui, g %% %(per_user)s AS k, random() AS r,
                     now() - make_interval(secs => random() * 120 * 86400) AS at
              FROM generate_series(0, %(count)s - 1) g) v
        CROSS JOIN n
        JOIN bench_u u ON u.i = v.ui
        JOIN bench_s s ON s.i = (v.ui::bigint * 7919 + v.k) %% n.s
        """,
        {"count": count, "per_user": per_user},
    )


def _comments(conn, count: int, hot: int) -> None:
    """Exactly HOT_TOP_LEVEL + HOT_REPLIES published comments on the hot statement; the rest
    spread over the other generated statements, some pending, hidden or deleted."""
    users = conn.execute("SELECT count(*) FROM bench_u").fetchone()[0]
    statements = conn.execute("SELECT count(*) FROM bench_s").fetchone()[0]
    others = count - HOT_TOP_LEVEL - HOT_REPLIES
    other_replies = round(others * REPLY_SHARE)
    other_top = others - other_replies
    params = {"users": users, "statements": statements, "hot": hot}
    # Top level on the hot statement, one every ~1.5 hours over the last 25 days.
    conn.execute(
        """
        INSERT INTO participation_comment (text, is_official, visibility, moderation_reason,
            flag_count, created_at, author_id, statement_id, notified_at)
        SELECT x.text, false, 'published', '', 0, x.at, u.id, %(hot)s, x.at
        FROM (SELECT g, floor(random() * %(users)s)::int AS ui,
                     now() - make_interval(secs => (%(top)s - g) * 5400) AS at,
                     left(md5(g::text) || ' Ich finde, das sollte so in das Zielbild. '
                          || repeat('Begründung folgt im Detail. ', 1 + g %% 6), 600) AS text
              FROM generate_series(1, %(top)s) g) x
        JOIN bench_u u ON u.i = x.ui
        """,
        {**params, "top": HOT_TOP_LEVEL},
    )
    conn.execute(
        """
        CREATE TEMP TABLE bench_hot_top AS
        SELECT (row_number() OVER (ORDER BY id) - 1)::int AS i, id, created_at
        FROM participation_comment WHERE statement_id = %(hot)s AND parent_id IS NULL
        """,
        params,
    )
    conn.execute("ALTER TABLE bench_hot_top ADD PRIMARY KEY (i)")
    conn.execute("ANALYZE bench_hot_top")
    conn.execute(
        """
        INSERT INTO participation_comment (text, is_official, visibility, moderation_reason,
            flag_count, created_at, author_id, statement_id, parent_id, notified_at)
        SELECT 'Antwort: ' || md5(x.g::text), false, 'published', '', 0,
               p.created_at + make_interval(secs => x.r * 5000), u.id, %(hot)s, p.id,
               p.created_at + make_interval(secs => x.r * 5000)
        FROM (SELECT g, floor(random() * %(users)s)::int AS ui,
                     floor(random() * %(top)s)::int AS pi, random() AS r
              FROM generate_series(1, %(replies)s) g) x
        JOIN bench_u u ON u.i = x.ui
        JOIN bench_hot_top p ON p.i = x.pi
        """,
        {**params, "top": HOT_TOP_LEVEL, "replies": HOT_REPLIES},
    )
    # Everything else, never on the hot statement (its index is skipped): 1 % pending,
    # 1 % hidden, 1 % deleted, the rest published.
    hot_index = conn.execute("SELECT i FROM bench_s WHERE id = %(hot)s", params).fetchone()[0]
    before = conn.execute("SELECT max(id) FROM participation_comment").fetchone()[0]
    conn.execute(
        """
        INSERT INTO participation_comment (text, is_official, visibility, moderation_reason,
            flag_count, created_at, deleted_at, author_id, statement_id, notified_at)
        SELECT CASE WHEN x.r >= 0.99 THEN '' ELSE 'Kommentar ' || md5(x.g::text) || ': '
                    || repeat('Das sehe ich ähnlich, aber es fehlt noch etwas. ', 1 + x.g %% 5)
               END,
               false,
               CASE WHEN x.r < 0.01 THEN 'pending' WHEN x.r < 0.02 THEN 'hidden'
                    ELSE 'published' END,
               CASE WHEN x.r >= 0.01 AND x.r < 0.02 THEN 'Beleidigend.' ELSE '' END,
               0, x.at, CASE WHEN x.r >= 0.99 THEN x.at END, u.id, s.id, x.at
        FROM (SELECT g, floor(random() * %(users)s)::int AS ui,
                     floor(random() * (%(statements)s - 1))::int AS si, random() AS r,
                     now() - make_interval(secs => random() * 150 * 86400) AS at
              FROM generate_series(1, %(top)s) g) x
        JOIN bench_u u ON u.i = x.ui
        JOIN bench_s s ON s.i = x.si + (x.si >= %(hot_index)s)::int
        """,
        {**params, "top": other_top, "hot_index": hot_index},
    )
    # Replies only to published top-level comments, as the site allows.
    conn.execute(
        """
        CREATE TEMP TABLE bench_top AS
        SELECT (row_number() OVER (ORDER BY id) - 1)::int AS i, id, statement_id, created_at
        FROM participation_comment
        WHERE id > %(before)s AND visibility = 'published' AND deleted_at IS NULL
        """,
        {"before": before},
    )
    conn.execute("ALTER TABLE bench_top ADD PRIMARY KEY (i)")
    conn.execute("ANALYZE bench_top")
    tops = conn.execute("SELECT count(*) FROM bench_top").fetchone()[0]
    conn.execute(
        """
        INSERT INTO participation_comment (text, is_official, visibility, moderation_reason,
            flag_count, created_at, author_id, statement_id, parent_id, notified_at)
        SELECT 'Antwort ' || md5(x.g::text) || ': Genau, und außerdem sollte man bedenken, '
               || 'dass es im Stadtteil schon Ansätze gibt.',
               false, 'published', '', 0,
               p.created_at + make_interval(secs => x.r * 86400), u.id, p.statement_id, p.id,
               p.created_at + make_interval(secs => x.r * 86400)
        FROM (SELECT g, floor(random() * %(users)s)::int AS ui,
                     floor(random() * %(tops)s)::int AS pi, random() AS r
              FROM generate_series(1, %(replies)s) g) x
        JOIN bench_u u ON u.i = x.ui
        JOIN bench_top p ON p.i = x.pi
        """,
        {**params, "tops": tops, "replies": other_replies},
    )


def last_vote_id(dsn: str) -> int:
    with psycopg.connect(dsn) as conn:
        return conn.execute("SELECT coalesce(max(id), 0) FROM participation_vote").fetchone()[0]


def forget_votes_after(dsn: str, last_id: int) -> int:
    """Remove the votes the vote scenario added and recount their statements, so that a run
    with --keep starts from the same volume as the one before."""
    with psycopg.connect(dsn) as conn:
        statements = [
            row[0]
            for row in conn.execute(
                "DELETE FROM participation_vote WHERE id > %s RETURNING statement_id", [last_id]
            ).fetchall()
        ]
        if statements:
            conn.execute(
                """
                UPDATE participation_statement s
                SET agree_count = v.agree, disagree_count = v.disagree,
                    neutral_count = v.neutral, """
                + _MEASURES
                + """
                FROM (SELECT ids.id,
                             count(pv.id) FILTER (WHERE pv.choice = 'agree') AS agree,
                             count(pv.id) FILTER (WHERE pv.choice = 'disagree') AS disagree,
                             count(pv.id) FILTER (WHERE pv.choice = 'neutral') AS neutral
                      FROM unnest(%(ids)s::bigint[]) AS ids(id)
                      LEFT JOIN participation_vote pv ON pv.statement_id = ids.id
                      GROUP BY ids.id) v
                WHERE s.id = v.id
                """,
                {"ids": sorted(set(statements))},
            )
    return len(statements)


def _counters(conn) -> None:
    """What participation.votes.recount_votes and participation.comments.recount_comments
    keep per statement, for all statements at once."""
    conn.execute(
        """
        UPDATE participation_statement s
        SET agree_count = v.agree, disagree_count = v.disagree, neutral_count = v.neutral, """
        + _MEASURES
        + """
        FROM (SELECT statement_id,
                     count(*) FILTER (WHERE choice = 'agree') AS agree,
                     count(*) FILTER (WHERE choice = 'disagree') AS disagree,
                     count(*) FILTER (WHERE choice = 'neutral') AS neutral
              FROM participation_vote GROUP BY statement_id) v
        WHERE s.id = v.statement_id
        """
    )
    conn.execute(
        """
        UPDATE participation_statement s SET comment_count = c.n
        FROM (SELECT statement_id, count(*) AS n FROM participation_comment
              WHERE visibility = 'published' AND deleted_at IS NULL
              GROUP BY statement_id) c
        WHERE s.id = c.statement_id
        """
    )
