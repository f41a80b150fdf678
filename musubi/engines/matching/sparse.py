"""Column-wise sparse matrix (concept postings) with one-row updates and numpy dot products.

A talent mentions two to six of the ~80 taxonomy concepts, so scoring "talents × need
concepts" densely reads 80 floats per talent to use four. Postings per concept make it
proportional to the talents that actually have the concept, and one talent's row can be
replaced without touching the others.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

_Arrays = tuple[npt.NDArray[np.int64], npt.NDArray[np.float32]]


class SparseColumns:
    def __init__(self) -> None:
        self._cols: dict[int, dict[int, float]] = {}
        self._rows: dict[int, dict[int, float]] = {}
        self._arrays: dict[int, _Arrays] = {}

    def set_row(self, slot: int, row: dict[int, float]) -> None:
        self.remove_row(slot)
        row = {c: w for c, w in row.items() if w}
        self._rows[slot] = row
        for c, w in row.items():
            self._cols.setdefault(c, {})[slot] = w
            self._arrays.pop(c, None)  # rebuilt lazily, once per changed column

    def remove_row(self, slot: int) -> None:
        for c in self._rows.pop(slot, {}):
            del self._cols[c][slot]
            self._arrays.pop(c, None)

    def _col(self, c: int) -> _Arrays | None:
        arr = self._arrays.get(c)
        if arr is None:
            col = self._cols.get(c)
            if not col:
                return None
            arr = (
                np.fromiter(col.keys(), dtype=np.int64, count=len(col)),
                np.fromiter(col.values(), dtype=np.float32, count=len(col)),
            )
            self._arrays[c] = arr
        return arr

    def dot(self, query: npt.NDArray[np.float32], size: int) -> npt.NDArray[np.float32]:
        """``M @ query`` for the first ``size`` rows, visiting only non-zero query entries."""
        out = np.zeros(size, dtype=np.float32)
        for c in np.flatnonzero(query).tolist():
            arr = self._col(c)
            if arr is not None:
                out[arr[0]] += query[c] * arr[1]
        return out
