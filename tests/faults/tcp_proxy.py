"""A TCP relay on a fixed local port in front of a real PostgreSQL or Redis, which a test
can cut and restore while the processes that use it keep running.

* `stop()`: the port refuses connections and every open one is closed, as when the server
  is stopped, restarts or crashes.
* `silence()`: connections are accepted but nothing is answered, as when the server hangs
  or the network drops the packets.
* `start()`: the service is back at the same address; connections opened while it was
  silent are reset, as a healed network does.
"""

import contextlib
import selectors
import socket
import threading
import time


class TcpProxy:
    def __init__(self, host: str, port: int):
        self.target = (host, port)
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()
        self.silent = False
        self._listener: socket.socket | None = None
        self._sockets: set[socket.socket] = set()
        self._lock = threading.Lock()
        self.connections = 0  # accepted so far, to tell that a client really reconnected

    # --- what a test does ---------------------------------------------------------------

    def start(self) -> None:
        if self.silent:
            self._close_all()
        self.silent = False
        if self._listener is None:
            listener = socket.socket()
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listener.bind(("127.0.0.1", self.port))
            listener.listen(64)
            listener.settimeout(0.1)
            self._listener = listener
            threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def stop(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            listener.close()
        self._close_all()

    def silence(self) -> None:
        self.silent = True
        if self._listener is None:
            self.start()
            self.silent = True

    # --- the relay ----------------------------------------------------------------------

    def _accept(self, listener: socket.socket) -> None:
        while self._listener is listener:
            try:
                client, _address = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            self._keep(client)
            if self.silent:
                continue  # held open, never answered
            try:
                upstream = socket.create_connection(self.target, timeout=5)
                upstream.settimeout(None)
            except OSError:
                self._drop(client)
                continue
            self._keep(upstream)
            threading.Thread(target=self._relay, args=(client, upstream), daemon=True).start()

    def _relay(self, a: socket.socket, b: socket.socket) -> None:
        with selectors.DefaultSelector() as selector:
            selector.register(a, selectors.EVENT_READ, b)
            selector.register(b, selectors.EVENT_READ, a)
            while a in self._sockets and b in self._sockets:
                if self.silent:
                    time.sleep(0.05)
                    continue
                try:
                    ready = selector.select(timeout=0.1)
                except (OSError, ValueError):  # closed by stop() meanwhile
                    break
                for key, _events in ready:
                    try:
                        data = key.fileobj.recv(65536)
                        if data:
                            key.data.sendall(data)
                            continue
                    except OSError:
                        pass
                    self._drop(a)
                    self._drop(b)
                    return
        self._drop(a)
        self._drop(b)

    def _keep(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.add(sock)

    def _drop(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.discard(sock)
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
        sock.close()

    def _close_all(self) -> None:
        with self._lock:
            open_sockets = list(self._sockets)
        for sock in open_sockets:
            self._drop(sock)
