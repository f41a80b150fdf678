"""Okapi BM25 over an incremental inverted index, scored with numpy.

Postings are kept per term as ``{slot: tf}`` dicts so one talent can be added, changed or
removed without touching the others; a term's numpy arrays are rebuilt lazily only when
that term's postings changed. Query time is then a handful of vectorised gathers.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

# Standard Okapi defaults; profiles are short so length normalisation matters little.
K1 = 1.2
B = 0.75


class BM25Index:
    def __init__(self, capacity: int = 1024) -> None:
        self._postings: dict[str, dict[int, int]] = {}
        self._arrays: dict[str, tuple[npt.NDArray[np.int64], npt.NDArray[np.float32]]] = {}
        self._doc_terms: dict[int, Counter[str]] = {}
        self._len = np.zeros(capacity, dtype=np.float32)
        self._total_len = 0
        self.n_docs = 0

    def _ensure(self, slot: int) -> None:
        if slot >= self._len.shape[0]:
            grown = np.zeros(max(slot + 1, 2 * self._len.shape[0]), dtype=np.float32)
            grown[: self._len.shape[0]] = self._len
            self._len = grown

    def add(self, slot: int, terms: Iterable[str], patch_arrays: bool = True) -> None:
        """Index one document. ``patch_arrays`` keeps materialised term arrays current by
        appending (cheap for one talent); bulk loads pass False and call materialise()."""
        self.remove(slot, patch_arrays)
        tf = Counter(terms)
        self._ensure(slot)
        self._doc_terms[slot] = tf
        n = sum(tf.values())
        self._len[slot] = n
        self._total_len += n
        self.n_docs += 1
        for term, c in tf.items():
            self._postings.setdefault(term, {})[slot] = c
            arr = self._arrays.get(term)
            if arr is None:
                continue
            if patch_arrays:
                self._arrays[term] = (
                    np.append(arr[0], np.int64(slot)),
                    np.append(arr[1], np.float32(c)),
                )
            else:
                del self._arrays[term]

    def materialise(self) -> None:
        """Build the numpy arrays of every term now rather than at its first query."""
        for term in self._postings:
            self._term_arrays(term)

    def remove(self, slot: int, patch_arrays: bool = True) -> None:
        tf = self._doc_terms.pop(slot, None)
        if tf is None:
            return
        self._total_len -= int(self._len[slot])
        self._len[slot] = 0
        self.n_docs -= 1
        for term in tf:
            plist = self._postings[term]
            del plist[slot]
            if not plist:
                del self._postings[term]
                self._arrays.pop(term, None)
                continue
            arr = self._arrays.get(term)
            if arr is None:
                continue
            if patch_arrays:
                keep = arr[0] != slot  # one vectorised pass, no Python loop over postings
                self._arrays[term] = (arr[0][keep], arr[1][keep])
            else:
                del self._arrays[term]

    def doc_terms(self, slot: int) -> Counter[str]:
        return self._doc_terms.get(slot, Counter())

    def idf(self, term: str) -> float:
        df = len(self._postings.get(term, ()))
        return math.log(1.0 + (self.n_docs - df + 0.5) / (df + 0.5))

    def _term_arrays(
        self, term: str
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float32]] | None:
        arr = self._arrays.get(term)
        if arr is None:
            plist = self._postings.get(term)
            if not plist:
                return None
            arr = (
                np.fromiter(plist.keys(), dtype=np.int64, count=len(plist)),
                np.fromiter(plist.values(), dtype=np.float32, count=len(plist)),
            )
            self._arrays[term] = arr
        return arr

    def scores(self, query: dict[str, float], size: int) -> npt.NDArray[np.float32]:
        """BM25 for every slot < ``size``; ``query`` maps term -> query weight."""
        out = np.zeros(size, dtype=np.float32)
        if not self.n_docs:
            return out
        avgdl = self._total_len / self.n_docs or 1.0
        for term, qw in query.items():
            arr = self._term_arrays(term)
            if arr is None:
                continue
            slots, tf = arr
            dl = self._len[slots]
            w = self.idf(term) * qw
            out[slots] += w * tf * (K1 + 1) / (tf + K1 * (1 - B + B * dl / avgdl))
        return out
