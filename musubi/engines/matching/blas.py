"""Run a BLAS call single-threaded, without new dependencies.

On a small shared machine (2 cores, other jobs running) OpenBLAS's two threads keep waiting
for each other: a 100,000 × 128 matrix-vector product took 12 ms multi-threaded and 2.4 ms
single-threaded here. numpy bundles OpenBLAS without an API for its thread count, so we
call OpenBLAS's own setter through ctypes around the large-index scoring, and restore it.
If the library or symbol is not found (another numpy build), this is a no-op.
threadpoolctl would be the tidy way to do this; it is not a dependency of the project.
"""

from __future__ import annotations

import ctypes
import glob
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

_LOCK = threading.Lock()


@cache
def _controls() -> tuple[Callable[[], int], Callable[[int], None]] | None:
    import numpy

    libdir = os.path.join(os.path.dirname(os.path.dirname(numpy.__file__)), "numpy.libs")
    for path in sorted(glob.glob(os.path.join(libdir, "libscipy_openblas*.so*"))):
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for suffix in ("64_", ""):
            get = getattr(lib, f"scipy_openblas_get_num_threads{suffix}", None)
            put = getattr(lib, f"scipy_openblas_set_num_threads{suffix}", None)
            if get is not None and put is not None:
                get.restype = ctypes.c_int
                put.argtypes = [ctypes.c_int]
                return _bind(get, put)
    return None


def _bind(get: Any, put: Any) -> tuple[Callable[[], int], Callable[[int], None]]:
    def read() -> int:
        return int(get())

    def write(n: int) -> None:
        put(n)

    return read, write


@contextmanager
def single_threaded() -> Iterator[None]:
    controls = _controls()
    if controls is None:
        yield
        return
    get, put = controls
    with _LOCK:
        before = get()
        put(1)
        try:
            yield
        finally:
            put(before)
