"""Work made slow on purpose, so that a test can kill a worker in the middle of it.

Each slow step first writes its marker file (the test waits for it), then sleeps, then does
the real work. Nothing here changes what the work does, only how long it takes.
"""

import os
import time
from pathlib import Path

from django.core.mail.backends.filebased import EmailBackend


def marked_pause() -> None:
    Path(os.environ["SLOW_MARKER"]).write_text(str(os.getpid()))
    time.sleep(float(os.environ.get("SLOW_SECONDS", "60")))


class SlowMailServer(EmailBackend):
    """Django's file backend behind a mail server that takes long to accept a message."""

    def send_messages(self, email_messages):
        marked_pause()
        return super().send_messages(email_messages)
