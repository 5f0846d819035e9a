"""gunicorn as production runs it (config.wsgi, sync workers), started and always stopped."""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Gunicorn:
    """`with Gunicorn(...) as server:` – the master and its workers are gone afterwards, also
    after Ctrl-C or an error. gunicorn gets its own session, so that a Ctrl-C in the terminal
    reaches only this script, which then stops the master by its process id."""

    def __init__(self, *, root: Path, env: dict, port: int, workers: int, log: Path):
        self.root = root
        self.env = env
        self.port = port
        self.workers = workers
        self.log_path = log
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> Gunicorn:
        self.log_file = open(self.log_path, "w")  # noqa: SIM115 (closed in stop)
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi:application",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(self.workers),
            "--worker-tmp-dir",
            "/dev/shm" if Path("/dev/shm").is_dir() else "/tmp",
            "--timeout",
            "60",
            "--graceful-timeout",
            "5",
            "--backlog",
            "2048",
            "--error-logfile",
            "-",
        ]
        self.process = subprocess.Popen(
            command,
            cwd=self.root,
            env=self.env,
            stdout=self.log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            self._wait_until_healthy()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def _wait_until_healthy(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited ({self.process.returncode}):\n{self.tail()}")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                conn.request("GET", "/healthz", headers={"Host": "127.0.0.1"})
                response = conn.getresponse()
                response.read()
                conn.close()
                if response.status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(
            f"gunicorn did not answer /healthz within {timeout:.0f} s:\n{self.tail()}"
        )

    def stop(self) -> None:
        if self.process is None:
            return
        process, self.process = self.process, None
        if process.poll() is None:
            # TERM to the master: it stops its workers gracefully. Only if that hangs, KILL
            # the process group it leads (started above with its own session).
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=5)
        self.log_file.close()

    def tail(self, lines: int = 30) -> str:
        self.log_file.flush()
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process else None


def production_workers(root: Path) -> int:
    """The number of gunicorn workers production runs: WEB_CONCURRENCY's default in the
    Dockerfile (docker-compose.yml passes the same), so the benchmark serves as it does."""
    found = re.search(r"WEB_CONCURRENCY=(\d+)", (root / "Dockerfile").read_text())
    if found is None:
        raise SystemExit("No WEB_CONCURRENCY default in the Dockerfile; pass --workers.")
    return int(found.group(1))


def django_script(script: Path, root: Path, env: dict, *args: str) -> object:
    """Run one of the benchmarks' Django-side scripts with the server's settings; its JSON."""
    result = subprocess.run(
        [sys.executable, str(script), *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        sys.stderr.write(result.stderr[-4000:])
        raise RuntimeError(f"{script.name} {args[0]} failed")
    return json.loads(result.stdout)


def add_service_arguments(parser, *, db_name: str) -> None:
    """Where PostgreSQL and Redis are, the same for every benchmark."""
    parser.add_argument("--db-host", default=os.environ.get("PGHOST", "127.0.0.1"))
    parser.add_argument("--db-port", type=int, default=int(os.environ.get("PGPORT", "5432")))
    parser.add_argument("--db-user", default=os.environ.get("PGUSER", "postgres"))
    parser.add_argument("--db-name", default=db_name)
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14"),
        help="Redis database for the cache and sessions, as production has it; emptied first",
    )
