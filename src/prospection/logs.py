"""Logging to a rotated file in the log folder, with personal data masked.

Log records name ids, never names, emails or phone numbers. As a safety net (an
exception's text can quote SQL parameters or a file's content), the formatter masks
email addresses, long digit runs and SQL parameter lists in everything it writes.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

LOG_NAME = "prospection.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5

_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"\+?\d(?:[\s.\-/]?\d){5,}")
# Dates and times (the log's own timestamps, "at 09:15") stay readable: matched first and kept.
_TIME = r"\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?"
_DATE_TIME = rf"\d{{4}}-\d{{2}}-\d{{2}}(?:[ T]{_TIME})?|\b{_TIME}"
_PHONE_OR_TIME = re.compile(rf"(?P<keep>{_DATE_TIME})|{_PHONE.pattern}")
_PARAMETERS = re.compile(r"\[parameters: .*?\](?=\s*(?:\(|$|\n))", re.S)
_MARKER = "_prospection_handler"

log = logging.getLogger("prospection")


def redact(text: str) -> str:
    """`text` with email addresses, phone-like numbers and SQL parameters masked."""
    text = _PARAMETERS.sub("[parameters hidden]", text)
    text = _EMAIL.sub("<email>", text)
    return _PHONE_OR_TIME.sub(lambda m: m["keep"] or "<number>", text)


class RedactingFormatter(logging.Formatter):
    """A formatter whose whole output (message and traceback) goes through `redact`."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def configure_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    """Send Prospection's logs to `log_dir`/prospection.log (rotated); returns the file.

    Calling it again (another data folder, a test) replaces the previous handler.
    """
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_NAME
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, _MARKER, False):
            root.removeHandler(handler)
            handler.close()
    handler = RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=False
    )
    setattr(handler, _MARKER, True)
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(level)
    root.addHandler(handler)
    root.setLevel(min(root.level or logging.WARNING, level))
    if os.name == "posix":
        path.chmod(0o600)
    return path


ExceptionHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def install_excepthook(show: Callable[[BaseException], None] | None = None) -> ExceptionHook:
    """Log every uncaught exception, then let `show` tell the user calmly; returns the old hook.

    Never re-raises and never prints a traceback to the user: the details are in the log.
    """
    previous = sys.excepthook

    def hook(
        kind: type[BaseException], error: BaseException, traceback: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, error, traceback)
            return
        log.error("Unexpected error", exc_info=(kind, error, traceback))
        if show is not None:
            try:
                show(error)
            except Exception:  # the hook must never raise; the log has the details
                log.exception("Could not show the error message")

    sys.excepthook = hook
    return previous
