"""What `chronicle add`'s worker processes do besides reading inputs: end with their parent."""

from __future__ import annotations

import os
import threading
import time


def exit_with_parent(parent: int) -> None:
    """Worker initialiser: end this worker when the `chronicle add` that started it is gone.

    A killed parent cannot shut its pool down, and a worker blocked on the task queue would
    stay alive (reparented) for good; a daemon thread that sees its parent change ends it.
    Polled rather than signalled: PR_SET_PDEATHSIG is Linux-only and tied to a thread."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="chronicle-parent-watch", daemon=True).start()
