"""Shared fixtures: the real USE model is loaded once per session, with the network cut."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from musubi.engines.matching.embedding import HashingEmbedder, USEEmbedder
from musubi.engines.matching.index import TalentIndex
from musubi.engines.matching.types import Need, Talent

DATA = Path(__file__).resolve().parent / "data"


class _NoNetwork(socket.socket):
    def connect(self, *args: object, **kwargs: object) -> None:  # pragma: no cover
        raise AssertionError("the matching engine tried to use the network")


@pytest.fixture(scope="session")
def use_embedder() -> Iterator[USEEmbedder]:
    """The real model, loaded while any socket connection would fail (offline check)."""
    original = socket.socket
    socket.socket = _NoNetwork  # type: ignore[misc]
    try:
        emb = USEEmbedder()
        emb.encode(["起動確認"])
    finally:
        socket.socket = original  # type: ignore[misc]
    yield emb


@pytest.fixture
def fake() -> HashingEmbedder:
    return HashingEmbedder(dim=64)


def talent(tid: str, text: str, **kw: object) -> Talent:
    base: dict[str, object] = {
        "hours_per_month": 10,
        "available": frozenset({"weekday_day", "weekend"}),
        "onsite_visits_per_month": 1,
        "languages": frozenset({"ja"}),
        "fee": "low",
    }
    base.update(kw)
    return Talent(id=tid, text=text, **base)  # type: ignore[arg-type]


def need(nid: str, text: str, **kw: object) -> Need:
    base: dict[str, object] = {
        "hours_per_month_needed": 4,
        "windows": frozenset({"weekday_day"}),
        "needs_onsite": False,
        "language_needed": "ja",
        "budget": "standard",
    }
    base.update(kw)
    return Need(id=nid, text=text, **base)  # type: ignore[arg-type]


SMALL_TALENTS = [
    talent("ec", "Shopify構築とネットショップ運営、受注発送の仕組みづくり。", skills=("Shopify",)),
    talent("somm", "ソムリエ。ワインの選び方とペアリングの講師。", skills=("ワイン",)),
    talent("photo", "商品撮影のフォトグラファー。EC用の物撮り。", skills=("物撮り",)),
    talent("acct", "freee導入とインボイス対応の経理支援。", skills=("freee",)),
    talent("wifi", "旅館の無線LAN設計とWi-Fi工事。", skills=("Wi-Fi",), onsite_visits_per_month=2),
    talent("remote_ec", "BASEでのネットショップ開設支援。", onsite_visits_per_month=0),
    talent("en_ec", "I build online stores with Shopify.", languages=frozenset({"en"})),
]


@pytest.fixture
def small_index(fake: HashingEmbedder) -> TalentIndex:
    index = TalentIndex(fake)
    index.upsert_many(SMALL_TALENTS)
    return index
