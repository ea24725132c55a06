"""Conditions for bulk work in Python: the cyclic garbage collector paused meanwhile."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector (restored after).

    Planning 100,000 rows allocates millions of small objects that all stay alive; the
    collector would walk the growing heap again and again for nothing, making the work
    quadratic. Reference counting still frees everything it can.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
