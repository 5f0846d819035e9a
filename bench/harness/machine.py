"""The machine the figures were measured on, and who used its CPUs while they were measured.

On a shared machine (a CI runner, a developer's laptop with a test suite running) other
processes take CPU from gunicorn and PostgreSQL; the benchmark then reports how much, so that
a number measured on a busy machine is not mistaken for the application's.
"""

from __future__ import annotations

import os
import platform
import subprocess
import time
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import psycopg

CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def describe(dsn: str) -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    with psycopg.connect(dsn) as conn:
        pg = conn.execute("SHOW server_version").fetchone()[0]
        pg_settings = dict(
            conn.execute(
                "SELECT name, current_setting(name) FROM pg_settings WHERE name IN"
                " ('shared_buffers', 'work_mem', 'synchronous_commit', 'max_connections')"
            ).fetchall()
        )
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "memory": memory,
        "kernel": platform.release(),
        "postgresql": pg,
        "postgresql_settings": pg_settings,
        "python": platform.python_version(),
        "django": version("django"),
        "wagtail": version("wagtail"),
        "gunicorn": version("gunicorn"),
    }


def empty_redis(url: str) -> str:
    """Empties the bench's Redis database, so that no run starts with another's cache, and
    returns the server's version."""
    import redis

    client = redis.Redis.from_url(url)
    try:
        client.flushdb()
        return client.info("server")["redis_version"]
    except redis.exceptions.ConnectionError as error:
        raise SystemExit(f"Redis does not answer at {url}: {error}") from error
    finally:
        client.close()


def revision(root: Path) -> str:
    """The commit measured, marked when the working tree differs from it (read-only git)."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        clean = (
            subprocess.run(
                ["git", "diff", "--quiet", "HEAD", "--", ".", ":(exclude)bench"],
                cwd=root,
                capture_output=True,
                check=False,
            ).returncode
            == 0
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return commit if clean else f"{commit} + uncommitted changes"


def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


# --- CPU accounting (Linux /proc) ---------------------------------------------------------------


def _machine_ticks() -> tuple[int, int]:
    """(busy, total) clock ticks of all CPUs since boot."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    total = sum(fields[:8])  # guest time is already in user
    return total - idle, total


def _processes() -> list[tuple[int, int, str, int]]:
    """(pid, ppid, command line, utime + stime ticks) of every readable process."""
    result = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
            cmdline = Path(entry.path, "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        result.append((int(entry.name), int(fields[1]), cmdline, int(fields[11]) + int(fields[12])))
    return result


@dataclass
class CpuSample:
    at: float
    busy: int
    total: int
    # pid -> (group, ticks) for the processes counted as ours
    processes: dict[int, tuple[str, int]]
    load: float


@dataclass
class CpuShare:
    """Shares of the whole machine (all cores = 100 %) during a window."""

    busy: float
    server: float
    database: float
    load: float

    @property
    def others(self) -> float:
        return max(0.0, self.busy - self.server - self.database - self.load)


class CpuMeter:
    """Ticks of the gunicorn master and its workers, of PostgreSQL's background processes and
    the backends of the bench database and of Redis (together "db"), of this process (the
    load generator), and of the machine as a whole; what is left over is other people's
    work."""

    def __init__(self, *, server_pid: int | list[int] | None, database: str):
        # One gunicorn master, or several (bench/scaleout runs two instances).
        self.server_pids = set(server_pid if isinstance(server_pid, list) else [server_pid])
        self.server_pids.discard(None)
        self.database = database

    def sample(self) -> CpuSample | None:
        try:
            busy, total = _machine_ticks()
            processes = _processes()
        except OSError:
            return None
        ours = {}
        for pid, ppid, cmdline, ticks in processes:
            if pid in self.server_pids or ppid in self.server_pids:
                ours[pid] = ("server", ticks)
            elif cmdline.startswith("postgres:") and self._ours(cmdline):
                ours[pid] = ("database", ticks)
            elif cmdline.startswith("/usr/bin/redis-server") or cmdline.startswith("redis-server"):
                # The cache and sessions: a data service beside PostgreSQL.
                ours[pid] = ("database", ticks)
        times = os.times()
        return CpuSample(
            at=time.monotonic(),
            busy=busy,
            total=total,
            processes=ours,
            load=(times.user + times.system) * CLOCK_TICKS,
        )

    def _ours(self, cmdline: str) -> bool:
        # "postgres: 15/main: checkpointer" (shared, counted as ours) or
        # "postgres: 15/main: postgres stadtgespraech_bench 127.0.0.1(4711) idle".
        parts = cmdline.split()
        backend = len(parts) >= 5 and "(" in parts[4] or "[local]" in cmdline
        return not backend or self.database in parts

    @staticmethod
    def share(first: CpuSample | None, second: CpuSample | None) -> CpuShare | None:
        if not first or not second or second.total <= first.total:
            return None
        total = second.total - first.total
        # Per process: a process that started in the window counts whole, one that ended in
        # it is lost (the kernel forgets its ticks), e.g. a short autovacuum worker.
        groups = {"server": 0, "database": 0}
        for pid, (group, ticks) in second.processes.items():
            before = first.processes.get(pid)
            groups[group] += ticks - (before[1] if before and before[0] == group else 0)
        return CpuShare(
            busy=100 * (second.busy - first.busy) / total,
            server=100 * groups["server"] / total,
            database=100 * groups["database"] / total,
            load=100 * (second.load - first.load) / total,
        )

    def quiet_share(self, seconds: float = 1.0) -> CpuShare | None:
        first = self.sample()
        time.sleep(seconds)
        return self.share(first, self.sample())
