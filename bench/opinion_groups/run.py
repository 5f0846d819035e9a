"""Benchmark of the opinion groups (issue #5, item 5): 100,000 votes of one theme grouped in
under a minute.

    .venv/bin/python bench/opinion_groups/run.py [--participants 4000 --statements 300
        --votes-each 25 --groups 4 --noise 0.1 --seed 0 --repeat 3 --json FILE --strict]

Generates the votes of one theme with planted groups (no database), times
`auswertung.opinion_groups.opinion_groups()` as a whole and its steps one by one (matrix,
PCA, the k search), and prints the figures, the machine, the k found and the adjusted Rand
index of the groups found against the planted ones. See README.md.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
import sys
import time
from importlib.metadata import version
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(1, str(ROOT / "bench"))
sys.path.insert(2, str(ROOT / "bench" / "opinion_groups"))

from auswertung.opinion_groups import (  # noqa: E402
    THREADS,
    build_matrix,
    choose_groups,
    opinion_groups,
    project,
)

from harness.machine import load_average, revision  # noqa: E402

TARGET_SECONDS = 60.0
CHOICES = np.array(["agree", "disagree", "neutral"])


def planted_votes(
    *, participants: int, statements: int, votes_each: int, groups: int, noise: float, seed: int
) -> tuple[list[tuple[int, int, str]], dict[int, int]]:
    """Votes as the database gives them, and the planted group of every participant.

    Every group has its own view of every statement (agree 45 %, disagree 45 %, neutral
    10 %); a participant votes on `votes_each` statements chosen at random and gives the
    group's view, or with probability `noise` a choice drawn at random.
    """
    rng = np.random.default_rng(seed)
    view = rng.choice(3, size=(groups, statements), p=[0.45, 0.45, 0.1])
    member_of = rng.integers(groups, size=participants)
    chosen = rng.random((participants, statements)).argpartition(votes_each, axis=1)
    chosen = chosen[:, :votes_each]
    choice = view[member_of[:, None], chosen]
    noisy = rng.random(choice.shape) < noise
    choice[noisy] = rng.integers(3, size=int(noisy.sum()))
    participant_ids = rng.permutation(participants) + 1  # ids not in group order
    statement_ids = np.arange(statements) + 10_001
    votes = list(
        zip(
            np.repeat(participant_ids, votes_each).tolist(),
            statement_ids[chosen.reshape(-1)].tolist(),
            CHOICES[choice.reshape(-1)].tolist(),
            strict=True,
        )
    )
    rng.shuffle(votes)  # the database gives them in no particular order
    return votes, dict(zip(participant_ids.tolist(), member_of.tolist(), strict=True))


def describe() -> dict:
    """The machine, as bench/harness/machine.py describes it, without a database."""
    cpu = platform.processor() or platform.machine()
    memory = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    from threadpoolctl import threadpool_info

    blas = ", ".join(
        sorted(
            {
                f"{p['internal_api']} {p['version']} ({p['num_threads']} threads)"
                for p in threadpool_info()
            }
        )
    )
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "memory": memory,
        "kernel": platform.release(),
        "python": platform.python_version(),
        "numpy": version("numpy"),
        "scipy": version("scipy"),
        "scikit-learn": version("scikit-learn"),
        "thread_pools": blas,
        "load_average": load_average(),
        "code": revision(ROOT),
    }


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--participants", type=int, default=4_000)
    parser.add_argument("--statements", type=int, default=300)
    parser.add_argument("--votes-each", type=int, default=25)
    parser.add_argument("--groups", type=int, default=4, help="planted groups")
    parser.add_argument("--noise", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of the whole task")
    parser.add_argument(
        "--database",
        action="store_true",
        help="also time the whole stored task (read votes, group, similar statements, store)"
        " on PostgreSQL in a fresh database",
    )
    parser.add_argument("--pg-host", default=os.environ.get("PGHOST", "127.0.0.1"))
    parser.add_argument("--pg-port", type=int, default=int(os.environ.get("PGPORT", "5432")))
    parser.add_argument("--pg-user", default=os.environ.get("PGUSER", "postgres"))
    parser.add_argument("--json", type=Path, help="also write the results as JSON")
    parser.add_argument("--strict", action="store_true", help="exit 1 when the target is missed")
    args = parser.parse_args()

    from sklearn.metrics import adjusted_rand_score

    machine = describe()
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    (votes, planted), generated = timed(
        planted_votes,
        participants=args.participants,
        statements=args.statements,
        votes_each=args.votes_each,
        groups=args.groups,
        noise=args.noise,
        seed=args.seed,
    )

    # The steps one by one, as opinion_groups() runs them, then the whole task as the
    # workbench calls it; --repeat rounds, the first one includes warming up (imports,
    # thread pools).
    max_groups, min_votes = 5, 3
    seconds = {"matrix": [], "pca": [], "k_search": [], "whole": []}
    for _ in range(args.repeat):
        matrix, t = timed(build_matrix, votes, min_votes=min_votes)
        seconds["matrix"].append(t)
        (features, _, _), t = timed(project, matrix, dimensions=max(2, max_groups), seed=args.seed)
        seconds["pca"].append(t)
        _, t = timed(choose_groups, features, max_groups=max_groups, seed=args.seed)
        seconds["k_search"].append(t)
        result, t = timed(
            opinion_groups, votes, min_votes=min_votes, max_groups=max_groups, seed=args.seed
        )
        seconds["whole"].append(t)
    _, t_json = timed(lambda: json.dumps(result.to_json()))
    seconds["to_json"] = [t_json]
    found = {p.id: p.group for p in result.participants}
    ids = sorted(found)
    ari = adjusted_rand_score([planted[i] for i in ids], [found[i] for i in ids])
    worst = max(seconds["whole"])
    passed = worst < TARGET_SECONDS

    print(f"Stadtgespräch – bench/opinion_groups, {now}")
    print(
        f"Machine:  {machine['cpu']}, {machine['cores']} cores ({machine['usable_cores']} usable),"
        f" {machine['memory']} RAM, Linux {machine['kernel']};"
        f" load average at start {machine['load_average']}"
    )
    print(
        f"Software: Python {machine['python']}, numpy {machine['numpy']},"
        f" scipy {machine['scipy']}, scikit-learn {machine['scikit-learn']};"
        f" thread pools {machine['thread_pools']}, limited to {THREADS} during PCA and k search"
    )
    print(f"Code:     {machine['code']}")
    print(
        f"Data:     {len(votes):,} votes of one theme: {args.participants:,} participants ×"
        f" {args.statements:,} statements, {args.votes_each} votes each, {args.groups} planted"
        f" groups, {args.noise:.0%} noise, seed {args.seed} (generated in {generated:.1f} s)"
    )
    print()
    print(f"seconds, {args.repeat} rounds{'':27}  best  median   worst")
    print("-" * 68)
    labels = {
        "matrix": "matrix (build_matrix)",
        "pca": f"PCA (project, {max(2, max_groups)} components)",
        "k_search": f"k search (k-means + silhouette, k = 2..{max_groups})",
        "whole": "opinion_groups() as a whole",
        "to_json": "to_json() + json.dumps",
    }
    for key, label in labels.items():
        times = seconds[key]
        print(f"{label:<44} {min(times):7.3f} {statistics.median(times):7.3f} {max(times):7.3f}")
    print()
    print(
        f"Result:   k = {result.k} (planted {args.groups}), silhouette {result.silhouette:.3f},"
        f" adjusted Rand index {ari:.3f}; group sizes {[g.size for g in result.groups]};"
        f" {len(result.excluded)} excluded (< {min_votes} votes)"
    )
    print(
        f"Target:   opinion_groups() on {len(votes):,} votes < {TARGET_SECONDS:.0f} s:"
        f" {'pass' if passed else 'FAIL'} (worst run {worst:.2f} s)"
    )
    task_seconds = None
    if args.database:
        from task_on_postgres import measure

        task_seconds, stored = measure(
            votes,
            statements=args.statements,
            host=args.pg_host,
            port=args.pg_port,
            user=args.pg_user,
            repeat=args.repeat,
            log=lambda message: print(f"          {message}"),
        )
        worst_task = max(task_seconds)
        passed = passed and worst_task < TARGET_SECONDS
        print(
            f"Task:     run_analysis() on PostgreSQL (read {stored.votes:,} votes, group"
            f" {stored.participants:,} participants, {len(stored.similar)} similar pairs, store):"
            f" best {min(task_seconds):.2f} s, median {statistics.median(task_seconds):.2f} s,"
            f" worst {worst_task:.2f} s; k = {stored.display['k']}"
        )
        print(
            f"Target:   the stored task on {stored.votes:,} votes < {TARGET_SECONDS:.0f} s:"
            f" {'pass' if worst_task < TARGET_SECONDS else 'FAIL'}"
        )
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "at": now,
                    "machine": machine,
                    "votes": len(votes),
                    "arguments": {k: v for k, v in vars(args).items() if k != "json"},
                    "seconds": seconds,
                    "task_seconds_on_postgres": task_seconds,
                    "k": result.k,
                    "silhouette": result.silhouette,
                    "adjusted_rand_index": ari,
                    "target_s": TARGET_SECONDS,
                    "passed": passed,
                },
                indent=2,
            )
        )
    return 1 if args.strict and not passed else 0


if __name__ == "__main__":
    sys.exit(main())
