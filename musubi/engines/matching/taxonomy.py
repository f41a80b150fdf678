"""The curated skill taxonomy and concept extraction.

Both sides are mapped onto the same categories/skills: an owner's 「ネットで売りたい」 and an
expert's "built Shopify stores" both land on ``ec``. That shared layer is what lets plain
words meet jargon even when they share no token and the sentence encoder is unsure.
The data lives in ``taxonomy_data.json`` so non-programmers can extend it.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .text import Analysis, Analyzer, Token, default_analyzer
from .types import ConceptHit

# Generic category words (デザイン, data, IT) are weaker evidence than a named skill or an
# owner phrase, which are specific by construction.
_W_CATEGORY_TERM = 0.6
_W_SKILL = 1.0
_W_PHRASE = 1.0


@dataclass(frozen=True, slots=True)
class SkillChoice:
    id: str
    ja: str
    en: str


@dataclass(frozen=True, slots=True)
class CategoryChoice:
    id: str
    ja: str
    en: str
    skills: tuple[SkillChoice, ...]


@dataclass(frozen=True, slots=True)
class _Pattern:
    terms: frozenset[str]
    category_id: str
    skill_id: str  # "" = category-level evidence
    weight: float


@dataclass(frozen=True, slots=True)
class ConceptProfile:
    """Saturated concept weights in [0, 1) plus the evidence, for scoring and explaining."""

    categories: dict[str, float]
    skills: dict[str, float]
    hits: tuple[ConceptHit, ...]


class Taxonomy:
    def __init__(self, data: dict[str, object], analyzer: Analyzer | None = None) -> None:
        self._analyzer = analyzer or default_analyzer()
        self.choices: tuple[CategoryChoice, ...] = ()
        self._by_first: dict[str, list[_Pattern]] = defaultdict(list)
        self._cat_terms: dict[str, set[str]] = defaultdict(set)
        self._skill_cat: dict[str, str] = {}
        self._labels: dict[str, str] = {}  # lower-cased id/label -> skill id
        cats = data["categories"]
        assert isinstance(cats, list)
        choices = []
        for cat in cats:
            cid = cat["id"]
            self._labels[cid] = ""
            for t in cat["terms"]:
                self._add(t, cid, "", _W_CATEGORY_TERM)
            for p in cat["owner_phrases"]:
                self._add(p, cid, "", _W_PHRASE)
            skills = []
            for sk in cat["skills"]:
                self._skill_cat[sk["id"]] = cid
                for label in (sk["id"], sk["ja"], sk["en"]):
                    self._labels[label.lower()] = sk["id"]
                for syn in sk["synonyms"]:
                    self._add(syn, cid, sk["id"], _W_SKILL)
                skills.append(SkillChoice(sk["id"], sk["ja"], sk["en"]))
            choices.append(CategoryChoice(cid, cat["ja"], cat["en"], tuple(skills)))
        self.choices = tuple(choices)
        self.category_ids: tuple[str, ...] = tuple(c.id for c in self.choices)
        self.skill_ids: tuple[str, ...] = tuple(s.id for c in self.choices for s in c.skills)
        self._cat_label = {c.id: c.ja for c in self.choices}
        # Text describing each category in people's words, for dense concept matching.
        self.category_texts: dict[str, list[str]] = {
            cat["id"]: [cat["ja"], cat["en"]]
            + [p.replace(" ", "") for p in cat["owner_phrases"]]
            + [f"{sk['ja']} {sk['en']}" for sk in cat["skills"]]
            for cat in cats
        }
        # Whole example sentences in owners' words: the encoder compares sentences with
        # sentences far better than with bags of words (see ranking.soft_categories).
        self.category_examples: dict[str, list[str]] = {
            cat["id"]: list(cat.get("examples", [])) for cat in cats
        }
        self._skill_label = {s.id: s.ja for c in self.choices for s in c.skills}

    def _add(self, pattern: str, cid: str, sid: str, weight: float) -> None:
        terms: set[str] = set()
        for word in pattern.split():
            found = {t.term for t in self._analyzer.analyse(word).tokens if not t.sub}
            if not found:
                return  # a word we cannot match would silently make the pattern broader
            terms |= found
        p = _Pattern(frozenset(terms), cid, sid, weight)
        if sid or weight == _W_CATEGORY_TERM:  # jargon, not owner phrasing
            self._cat_terms[cid].update(terms)
        # Index under the longest term: long terms are rarer, so fewer candidates to verify.
        key = max(terms, key=len)
        self._by_first[key].append(p)

    def category_terms(self, category_id: str) -> frozenset[str]:
        """Expert vocabulary of a category (skill synonyms and category terms)."""
        return frozenset(self._cat_terms.get(category_id, ()))

    def category_of(self, skill_id: str) -> str:
        return self._skill_cat[skill_id]

    def label(self, concept_id: str) -> str:
        return self._skill_label.get(concept_id) or self._cat_label.get(concept_id, concept_id)

    def skill_for_label(self, label: str) -> str | None:
        """Exact picker values (skill id or its ja/en label) map straight to a skill."""
        sid = self._labels.get(label.strip().lower())
        return sid or None

    def extract(self, analysis: Analysis) -> list[ConceptHit]:
        by_sentence: dict[int, list[Token]] = defaultdict(list)
        for t in analysis.tokens:
            by_sentence[t.sentence].append(t)
        hits: list[ConceptHit] = []
        seen: set[tuple[str, str, frozenset[str]]] = set()
        for s_idx, toks in by_sentence.items():
            present = {t.term for t in toks}
            for term in present:
                for p in self._by_first.get(term, ()):
                    if not p.terms <= present:
                        continue
                    key = (p.category_id, p.skill_id, p.terms)
                    if key in seen:
                        continue
                    seen.add(key)
                    hits.append(
                        ConceptHit(
                            p.skill_id, p.category_id, _quote(analysis, s_idx, toks, p), p.weight
                        )
                    )
        return hits

    def profile(self, text: str, skills: tuple[str, ...] = ()) -> ConceptProfile:
        hits = self.extract(self._analyzer.analyse(text))
        for s in skills:
            sid = self.skill_for_label(s)
            if sid is not None:
                hits.append(ConceptHit(sid, self._skill_cat[sid], s, _W_SKILL))
            else:
                hits.extend(self.extract(self._analyzer.analyse(s)))
        cat_raw: dict[str, float] = defaultdict(float)
        skill_raw: dict[str, float] = defaultdict(float)
        for h in hits:
            cat_raw[h.category_id] += h.weight
            if h.skill_id:
                skill_raw[h.skill_id] += h.weight
        # Saturate: the third mention of Instagram says little more than the first, and it
        # stops a long profile from outweighing a precise one.
        return ConceptProfile(
            {c: 1.0 - math.exp(-w) for c, w in cat_raw.items()},
            {s: 1.0 - math.exp(-w) for s, w in skill_raw.items()},
            tuple(hits),
        )


# Quote the text itself when the matched words sit close together (「ネットで売りたい」),
# otherwise list them (「ネット…売り」) rather than quoting half a paragraph.
_MAX_QUOTE = 24


def _quote(analysis: Analysis, s_idx: int, toks: list[Token], p: _Pattern) -> str:
    first: dict[str, Token] = {}
    for t in toks:
        if t.term in p.terms and t.term not in first:
            first[t.term] = t
    used = sorted(first.values(), key=lambda t: t.begin)
    begin, end = used[0].begin, max(t.end for t in used)
    if end - begin <= _MAX_QUOTE:
        quoted = analysis.quote(s_idx, begin, end)
        if quoted:
            return quoted
    return "…".join(dict.fromkeys(t.surface for t in used))


@cache
def default_taxonomy() -> Taxonomy:
    raw = resources.files(__package__).joinpath("taxonomy_data.json").read_text("utf-8")
    return Taxonomy(json.loads(raw))


def taxonomy_choices() -> tuple[CategoryChoice, ...]:
    """Categories with their skills (id, Japanese label, English label) for a skill picker."""
    return default_taxonomy().choices
