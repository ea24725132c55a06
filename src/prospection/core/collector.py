"""Python's cyclic garbage collector kept from freezing the window during bulk work.

A collection holds the interpreter lock for as long as it walks the heap: after reading
or planning 100,000 rows that is up to a second, during which the GUI thread cannot run,
whichever thread the collection happens in.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def quiet_collector(*, keep: bool = False) -> Iterator[None]:
    """Pause the cyclic collector during bulk work (reference counting still frees).

    Planning 100,000 rows allocates millions of small objects that all stay alive: the
    collector would walk the growing heap again and again for nothing (quadratic work).

    `keep`: what the work leaves alive (a file read, an import plan) is big and will live
    on; it is moved out of the collector's sight (`gc.freeze`) instead of being walked by
    the next collections. Call `thaw()` once it has been dropped.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if keep:
            gc.freeze()
        if enabled:
            gc.enable()


def thaw() -> None:
    """Give what `quiet_collector(keep=True)` froze back to the collector."""
    gc.unfreeze()
