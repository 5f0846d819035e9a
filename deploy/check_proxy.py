"""Check deploy/nginx.conf without Docker: nginx (Debian's `nginx-light`) runs it with a
stand-in for Docker's DNS that answers "web" with two loopback addresses, each served by a
small HTTP server standing in for a web replica.

    python3 deploy/check_proxy.py

Prints how 200 requests were spread over the two replicas, what a replica sees of
X-Forwarded-Proto, where 20 requests went with one replica stopped, and that /media/images/
is served from the volume (SVG with a sandboxing policy) while the rest of /media/ is not.
Exit status 1 if any of it is not as deploy/nginx.conf promises. Everything listens on
127.0.0.x only.
"""

import collections
import http.server
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

CONF = Path(__file__).resolve().with_name("nginx.conf")
REPLICAS = ["127.0.0.2", "127.0.0.3"]
DNS_PORT, WEB_PORT, PROXY_PORT = 15354, 18000, 18080


def stand_in_dns() -> None:
    """Answers every A question with the replicas' addresses, valid for 1 s."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", DNS_PORT))
    while True:
        data, peer = sock.recvfrom(512)
        ident = struct.unpack(">H", data[:2])[0]
        question = data[12 : 12 + data[12:].index(b"\0") + 5]
        is_a = struct.unpack(">H", question[-4:-2])[0] == 1
        answers = b"".join(
            b"\xc0\x0c" + struct.pack(">HHIH", 1, 1, 1, 4) + socket.inet_aton(address)
            for address in (REPLICAS if is_a else [])
        )
        header = struct.pack(">HHHHHH", ident, 0x8180, 1, len(answers) // 16, 0, 0)
        sock.sendto(header + question + answers, peer)


class Replica(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = f"{self.server.server_address[0]} {self.headers.get('X-Forwarded-Proto')}"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args):
        pass


def get(path: str, headers=None) -> str:
    request = urllib.request.Request(f"http://127.0.0.1:{PROXY_PORT}{path}", headers=headers or {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.read().decode()


def header(path: str, name: str) -> str | None:
    with urllib.request.urlopen(f"http://127.0.0.1:{PROXY_PORT}{path}", timeout=10) as response:
        return response.headers.get(name)


def main() -> int:
    if not shutil.which("nginx"):
        print("needs nginx: apt-get install nginx-light", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="check-proxy-"))
    (work / "media" / "images").mkdir(parents=True)
    (work / "media" / "images" / "bild.txt").write_text("rendition")
    (work / "media" / "images" / "piktogramm.svg").write_text("<svg/>")
    (work / "media" / "documents").mkdir()
    (work / "media" / "documents" / "intern.txt").write_text("private")
    site = (
        CONF.read_text()
        .replace("127.0.0.11", f"127.0.0.1:{DNS_PORT}")
        .replace("listen 8080;", f"listen 127.0.0.1:{PROXY_PORT};")
        .replace("http://web:8000", f"http://web:{WEB_PORT}")
        .replace("/srv/media/", f"{work}/media/")
    )
    (work / "site.conf").write_text(site)
    (work / "nginx.conf").write_text(
        f"pid {work}/nginx.pid; error_log {work}/error.log; daemon off; events {{}}\n"
        f"http {{ access_log off; client_body_temp_path {work}; proxy_temp_path {work};\n"
        f"include {work}/site.conf; }}\n"
    )
    threading.Thread(target=stand_in_dns, daemon=True).start()
    servers = []
    for address in REPLICAS:
        server = http.server.ThreadingHTTPServer((address, WEB_PORT), Replica)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    nginx = subprocess.Popen(["nginx", "-c", str(work / "nginx.conf")])
    failures = []
    try:
        time.sleep(1)
        spread = collections.Counter(get("/").split()[0] for _ in range(200))
        print(f"200 requests: {dict(spread)}")
        if len(spread) != 2 or min(spread.values()) < 60:
            failures.append("not spread over both replicas")
        proto = get("/", {"X-Forwarded-Proto": "https"}).split()[1]
        print(f"X-Forwarded-Proto from the proxy in front: {proto}")
        if proto != "https":
            failures.append("X-Forwarded-Proto not passed on")
        servers[0].shutdown()
        servers[0].server_close()
        stopped = collections.Counter(get("/").split()[0] for _ in range(20))
        print(f"20 requests with {REPLICAS[0]} stopped: {dict(stopped)}")
        if stopped != {REPLICAS[1]: 20}:
            failures.append("requests lost while a replica was down")
        print(f"/media/images/bild.txt: {get('/media/images/bild.txt')!r}")
        svg_policy = header("/media/images/piktogramm.svg", "Content-Security-Policy")
        print(f"/media/images/piktogramm.svg: Content-Security-Policy {svg_policy!r}")
        if "sandbox" not in (svg_policy or ""):
            failures.append("SVG rendition served without a sandboxing policy")
        if header("/media/images/bild.txt", "Content-Security-Policy"):
            failures.append("a policy meant for SVG sent with another file")
        try:
            get("/media/documents/intern.txt")
            failures.append("/media/documents/ served")
        except urllib.error.HTTPError as error:
            print(f"/media/documents/intern.txt: {error.code}")
    finally:
        nginx.terminate()
        nginx.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)
    for failure in failures:
        print(f"FAILED: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
