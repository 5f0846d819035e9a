"""A closed-loop load generator: N client threads, each sending its next request as soon as the
last one is answered, for a warm-up and then a measured window.

Latency is measured per request from sending to the last byte of the body, on the client; a
request counts if it started and finished within the measured window. http.client keeps the
connection open where the server allows it (gunicorn's sync workers close it after every
response, as in production, so each request also pays a TCP connect on loopback).

Given several ports (bench/scaleout: several gunicorn instances sharing PostgreSQL and Redis),
each client sends each request to the next instance in turn, so that every client's requests
alternate between them and the load is spread evenly.
"""

from __future__ import annotations

import http.client
import random
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

# (method, path, body, headers)
Request = tuple[str, str, bytes | None, dict[str, str]]


@dataclass
class Scenario:
    name: str
    label: str
    # Builds the next request of one client: (client number, its random generator) -> Request.
    next_request: Callable[[int, random.Random], Request]
    expect: int = 200
    target: str = ""
    # Returns True when the measured result meets the target.
    check: Callable[[Result], bool] | None = None
    # Called after every request, warm-up included: (client number, request, status, port).
    record: Callable[[int, Request, int, int], None] | None = None


@dataclass
class Result:
    scenario: Scenario
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    error_sample: str = ""
    seconds: float = 0.0
    clients: int = 0
    body_bytes: int = 0
    cpu: object = None  # machine.CpuShare of the measured window
    # Measured requests answered by each port.
    per_port: dict[int, int] = field(default_factory=dict)

    @property
    def requests(self) -> int:
        return len(self.latencies)

    def percentile(self, share: float) -> float:
        """Nearest rank, in milliseconds."""
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        rank = max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))
        return ordered[rank] * 1000

    @property
    def p50(self) -> float:
        return self.percentile(0.50)

    @property
    def p95(self) -> float:
        return self.percentile(0.95)

    @property
    def p99(self) -> float:
        return self.percentile(0.99)

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def passed(self) -> bool | None:
        if self.scenario.check is None:
            return None
        return self.errors == 0 and self.scenario.check(self)


def one_request(port: int, request: Request, timeout: float = 30) -> tuple[int, list, bytes]:
    """One request on its own connection: status, Set-Cookie headers, body."""
    method, path, body, headers = request
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers={"Host": "127.0.0.1", **headers})
        response = conn.getresponse()
        return response.status, response.msg.get_all("Set-Cookie") or [], response.read()
    finally:
        conn.close()


def run(
    scenario: Scenario,
    *,
    port: int | Sequence[int],
    clients: int,
    duration: float,
    warmup: float,
    stop: threading.Event,
    seed: int = 2030,
    on_window: Callable[[str], None] | None = None,
) -> Result:
    """Runs the scenario; `on_window("start")` and `on_window("end")` are called as the
    measured window opens and closes (for CPU accounting)."""
    result = Result(scenario=scenario, clients=clients)
    ports = [port] if isinstance(port, int) else list(port)
    lock = threading.Lock()
    begin = time.perf_counter() + 0.2
    measure_from = begin + warmup
    measure_until = measure_from + duration

    def client(number: int) -> None:
        rng = random.Random(seed * 1000 + number)
        connections = {p: http.client.HTTPConnection("127.0.0.1", p, timeout=30) for p in ports}
        latencies: list[float] = []
        served = dict.fromkeys(ports, 0)
        errors = 0
        sample = ""
        size = 0
        sent = 0
        while time.perf_counter() < begin:
            time.sleep(0.001)
        while not stop.is_set():
            request = scenario.next_request(number, rng)
            method, path, body, headers = request
            # Client n starts at instance n, then takes the next one for every request.
            target = ports[(number + sent) % len(ports)]
            conn = connections[target]
            sent += 1
            started = time.perf_counter()
            if started >= measure_until:
                break
            try:
                conn.request(method, path, body=body, headers={"Host": "127.0.0.1", **headers})
                response = conn.getresponse()
                payload = response.read()
                status = response.status
            except (OSError, http.client.HTTPException) as error:
                conn.close()
                status, payload = 0, repr(error).encode()
            finished = time.perf_counter()
            if scenario.record:
                scenario.record(number, request, status, target)
            if started < measure_from or finished > measure_until:
                continue
            if status == scenario.expect:
                latencies.append(finished - started)
                served[target] += 1
                size = len(payload)
            else:
                errors += 1
                sample = sample or f"{status} {method} {path}: {payload[:300]!r}"
        for conn in connections.values():
            conn.close()
        with lock:
            result.latencies.extend(latencies)
            for target, count in served.items():
                result.per_port[target] = result.per_port.get(target, 0) + count
            result.errors += errors
            result.error_sample = result.error_sample or sample
            result.body_bytes = result.body_bytes or size

    threads = [
        threading.Thread(target=client, args=(n,), daemon=True, name=f"client-{n}")
        for n in range(clients)
    ]
    for thread in threads:
        thread.start()
    try:
        for moment, name in ((measure_from, "start"), (measure_until, "end")):
            while not stop.is_set() and time.perf_counter() < moment:
                time.sleep(min(0.05, max(0.0, moment - time.perf_counter())))
            if on_window and not stop.is_set():
                on_window(name)
        for thread in threads:
            while thread.is_alive():
                thread.join(0.2)
    except KeyboardInterrupt:
        stop.set()
        for thread in threads:
            thread.join(2)
        raise
    result.seconds = duration if not stop.is_set() else max(0.0, time.perf_counter() - measure_from)
    return result
