"""A one-line progress report on a terminal (units done, failed, rate, time left), rewritten in place with a
carriage return; silent when stderr is not a terminal (a log, a pipe, a test). No dependency: the toolkit does
not declare rich, so it is not relied on."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from drafting.batch.errors import words


class ProgressLine:
    def __init__(self, stream: TextIO | None = None, every: float = 0.1) -> None:
        self.stream = stream or sys.stderr
        self.active = self.stream.isatty()
        self.every = every
        self.started = time.monotonic()
        self.shown = 0.0
        self.width = 0

    def __call__(self, done: int, failed: int, total: int) -> None:
        now = time.monotonic()
        if not self.active or (now - self.shown < self.every and done < total):
            return
        self.shown = now
        elapsed = max(now - self.started, 1e-6)
        rate = done / elapsed
        left = int((total - done) / rate) if rate > 0 else 0
        text = words()["summary"]["progress"].format(done=done, total=total, failed=failed,
                                                     rate=f"{rate:.1f}".replace(".", ","),
                                                     left=f"{left // 60}:{left % 60:02d}")
        bar_width = 24
        filled = bar_width * done // max(total, 1)
        line = f"[{'#' * filled}{'.' * (bar_width - filled)}] {text}"
        self.stream.write("\r" + line.ljust(self.width))
        self.width = len(line)
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()
