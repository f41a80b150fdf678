"""Japanese (and English) text analysis with SudachiPy.

Owners write plain Japanese (「ネットで売りたい」), experts write jargon (「EC構築」,
"built online stores"). To let both meet we index *normalised forms* (売りたい→売る,
フェイスブック→facebook, ｅコマース→eコマース) and, for compounds, both the mode-C unit
(電子帳簿保存法) and its mode-A sub-units (電子, 帳簿, 保存) so a query for 帳簿 still hits.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# Parts of speech that carry content. Particles, auxiliaries, symbols and whitespace are
# dropped; 接尾辞 is kept because 化/性 change meaning (6次産業化) but only as a sub-unit.
_CONTENT_POS = frozenset({"名詞", "動詞", "形容詞", "形状詞", "接頭辞", "接尾辞"})

# Normalised forms that appear in nearly every sentence and only add noise to BM25.
_JA_STOP = frozenset(
    [
        "為る",
        "居る",
        "有る",
        "成る",
        "出来る",
        "言う",
        "思う",
        "見る",
        "行く",
        "来る",
        "良い",
        "無い",
        "事",
        "物",
        "所",
        "方",
        "様",
        "時",
        "人",
        "何",
        "中",
        "上",
        "下",
        "前",
        "後",
        "等",
        "毎",
        "今",
        "的",
        "さん",
        "様",
        "達",
        "化",
        "感",
        "頃",
        "くらい",
        "ため",
        "等",
        "分",
        "度",
        "回",
        "年",
        "月",
        "日",
        "件",
        "つ",
        "ちゃん",
        "者",
        "お",
        "ご",
        "御",
        "私",
        "僕",
        "俺",
        "自分",
        "当社",
        "弊社",
        "うち",
        "皆",
        "みんな",
        "今回",
        "最近",
        "色々",
        "いろいろ",
    ]
)
_EN_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "i",
        "we",
        "you",
        "he",
        "she",
        "they",
        "my",
        "our",
        "your",
        "their",
        "me",
        "us",
        "them",
        "have",
        "has",
        "had",
        "do",
        "does",
        "did",
        "can",
        "could",
        "will",
        "would",
        "should",
        "may",
        "might",
        "not",
        "no",
        "so",
        "if",
        "but",
        "than",
        "then",
        "also",
        "very",
        "about",
        "into",
        "over",
        "more",
        "most",
        "some",
        "any",
        "all",
        "each",
        "other",
        "such",
        "only",
        "own",
        "same",
        "too",
        "just",
        "etc",
    ]
)
# A few spellings Sudachi keeps apart but owners use interchangeably.
_FOLD = {
    "お客さん": "客",
    "御客": "客",
    "御客様": "客",
    "客様": "客",
    "顧客": "客",
    "hp": "ホームページ",
    "ウェブサイト": "ホームページ",
    "ｗｅｂサイト": "ホームページ",
    "webサイト": "ホームページ",
    "website": "ホームページ",
    "後継ぎ": "跡継ぎ",
    "後継者": "跡継ぎ",
    "スマートフォン": "スマホ",
    "御店": "店",
}
_SENTENCE_SPLIT = re.compile(r"[。．！？!?\n]+|(?<=[a-z0-9])\.\s+", re.IGNORECASE)
_ASCII_WORD = re.compile(r"^[a-z][a-z0-9\-+.]*$")


def normalise(text: str) -> str:
    """NFKC + lower-case: folds full-width letters (ＥＣ→ec) and case before anything else."""
    return unicodedata.normalize("NFKC", text).lower()


def _stem_en(word: str) -> str:
    """A deliberately tiny English stemmer: only plural/-ing/-ed, enough for profiles."""
    if len(word) <= 4 or not word.isascii():
        return word
    for suffix, repl in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "es" and not word.endswith(("sses", "shes", "ches", "xes")):
                continue
            if suffix == "s" and word.endswith("ss"):
                return word
            return word[: len(word) - len(suffix)] + repl
    return word


@dataclass(frozen=True, slots=True)
class Token:
    term: str  # normalised, lower-cased form used for matching
    surface: str  # original surface, for explanations
    sentence: int
    sub: bool  # True for a mode-A sub-unit of a longer mode-C word
    begin: int = 0  # character offsets within the sentence, to quote the text back
    end: int = 0


@dataclass(frozen=True, slots=True)
class Analysis:
    tokens: tuple[Token, ...]
    sentences: tuple[str, ...] = ()

    @property
    def terms(self) -> list[str]:
        return [t.term for t in self.tokens]

    def quote(self, sentence: int, begin: int, end: int) -> str:
        """The original (NFKC) text of a span, for explanations."""
        return self.sentences[sentence][begin:end] if sentence < len(self.sentences) else ""


class Analyzer:
    """Thread-safe wrapper around one Sudachi tokenizer (Sudachi objects are not shareable)."""

    def __init__(self) -> None:
        from sudachipy import Dictionary, SplitMode

        self._mode_a = SplitMode.A
        self._dict = Dictionary(dict="core")
        self._local = threading.local()
        self._mode_c = SplitMode.C
        self._en_cache: dict[str, str] = {}

    def _tok(self) -> Any:
        tok = getattr(self._local, "tok", None)
        if tok is None:
            tok = self._dict.tokenizer(mode=self._mode_c)
            self._local.tok = tok
        return tok

    def term_for(self, surface: str, normalized: str, pos: str) -> str | None:
        low = surface.lower()
        # "it" is a pronoun, "IT" the trade: upper-case acronyms escape the stop list.
        acronym = len(surface) >= 2 and surface.isupper()
        if low.isascii() and low.isalpha() and low in _EN_STOP and not acronym:
            return None
        if pos not in _CONTENT_POS:
            return None
        norm = normalized.lower()
        if norm in _JA_STOP or not norm.strip():
            return None
        if _ASCII_WORD.match(low):
            # Sudachi maps some English words to katakana (online→オンライン); keep that
            # because it bridges scripts, but stem the rest ("stores"→"store") and give the
            # stem a second chance at the dictionary (store→ストア).
            if norm.isascii():
                norm = self._english(_stem_en(norm))
            return _FOLD.get(norm, norm)
        if len(norm) == 1 and pos in {"接尾辞", "接頭辞"}:
            return None
        return _FOLD.get(norm, norm)

    def _english(self, stem: str) -> str:
        hit = self._en_cache.get(stem)
        if hit is None:
            ms = list(self._tok().tokenize(stem))
            hit = ms[0].normalized_form().lower() if len(ms) == 1 else stem
            self._en_cache[stem] = hit
        return hit

    def analyse(self, text: str) -> Analysis:
        return _analyse_cached(self, text)

    def _analyse(self, text: str) -> Analysis:
        tokens: list[Token] = []
        tok = self._tok()
        # NFKC only: case is folded per token so acronyms (IT) can be told from words (it).
        sentences = tuple(_SENTENCE_SPLIT.split(unicodedata.normalize("NFKC", text)))
        for s_idx, sentence in enumerate(sentences):
            if not sentence.strip():
                continue
            for m in tok.tokenize(sentence):
                pos = m.part_of_speech()[0]
                term = self.term_for(m.surface(), m.normalized_form(), pos)
                if term is None:
                    continue
                tokens.append(Token(term, m.surface(), s_idx, False, m.begin(), m.end()))
                subs = m.split(self._mode_a)
                if len(subs) > 1:
                    for sub in subs:
                        st = self.term_for(sub.surface(), sub.normalized_form(), pos)
                        if st is not None and st != term and len(st) > 1:
                            tokens.append(
                                Token(st, sub.surface(), s_idx, True, sub.begin(), sub.end())
                            )
        return Analysis(tuple(tokens), sentences)


# Texts repeat a lot (taxonomy phrases, re-indexed talents); analysis is pure, so cache it.
@lru_cache(maxsize=65536)
def _analyse_cached(analyzer: Analyzer, text: str) -> Analysis:
    return analyzer._analyse(text)


_DEFAULT: Analyzer | None = None
_LOCK = threading.Lock()


def default_analyzer() -> Analyzer:
    """Process-wide analyzer; loading the dictionary once costs ~30 ms."""
    global _DEFAULT
    with _LOCK:
        if _DEFAULT is None:
            _DEFAULT = Analyzer()
        return _DEFAULT
