"""Build the matching development set (JSON lines) from the hand-written sources.

    .venv/bin/python tests/engines/matching/data/build_devset.py

Texts, facets and grades are hand-written (talents_src.py, needs_src.py). Only the
logistics (hours, windows, visits, fee, budget) are drawn from a seeded RNG, since they do
not depend on wording; a need's logistics are redrawn until at least two excellent talents
can actually take it, so every need stays scorable with constraints on.
Split: every third need of N (index % 3 == 2) is held out and never used for tuning;
N2 and N3 are further held-out sets written later (see needs_src.py for their history).
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from needs_src import N2, N3, N4, N  # noqa: E402
from talents_src import T  # noqa: E402

WINDOWS = ["weekday_day", "weekday_evening", "weekend"]
# Hands-on work: these people usually do visit, so they are drawn with visits more often.
HANDS_ON = {
    "pos",
    "cashless",
    "inventory",
    "wifi_network",
    "it_support",
    "security",
    "photo_product",
    "photo_food",
    "video",
    "drone",
    "events",
    "care_ict",
    "care_ops",
    "tour_design",
    "nature_guide",
    "food_processing",
    "interpret_guide",
    "live_commerce",
    "retention_hr",
}


def _windows(rng: random.Random, lo: int, hi: int) -> list[str]:
    k = rng.randint(lo, hi)
    return sorted(rng.sample(WINDOWS, k), key=WINDOWS.index)


def build() -> None:
    rng = random.Random(20261129)
    talents = []
    facets: dict[str, set[str]] = {}
    for i, (fac, text, skills, langs) in enumerate(T, start=1):
        tid = f"t{i:03d}"
        facets[tid] = set(fac.split())
        talents.append(
            {
                "id": tid,
                "text": text,
                "skills": skills,
                "hours_per_month": rng.choice([4, 6, 8, 10, 12, 16, 20]),
                "available": _windows(rng, 1, 3),
                "onsite_visits_per_month": rng.choice(
                    [1, 1, 2, 4, 0] if facets[tid] & HANDS_ON else [0, 0, 1, 2, 4]
                ),
                "languages": langs,
                "fee": rng.choice(["probono", "low", "low", "standard"]),
            }
        )

    def ok(need: dict[str, object], t: dict[str, object]) -> bool:
        return (
            t["hours_per_month"] >= need["hours_per_month_needed"]  # type: ignore[operator]
            and bool(set(t["available"]) & set(need["windows"]))  # type: ignore[arg-type]
            and (not need["needs_onsite"] or t["onsite_visits_per_month"] >= 1)  # type: ignore[operator]
            and need["language_needed"] in t["languages"]  # type: ignore[operator]
        )

    splits: dict[str, tuple[list[dict[str, object]], list[dict[str, object]]]] = {
        "dev": ([], []),
        "heldout": ([], []),
        "heldout2": ([], []),
        "heldout3": ([], []),
        "heldout4": ([], []),
    }
    for i, (g2, g1, business, text, onsite, lang) in enumerate(N + N2 + N3 + N4):
        nid = f"n{i + 1:03d}"
        g2s, g1s = set(g2.split()), set(g1.split())
        grades = {}
        for tid, fs in facets.items():
            if fs & g2s:
                grades[tid] = 2
            elif fs & g1s:
                grades[tid] = 1
        for _attempt in range(200):
            need = {
                "id": nid,
                "business": business,
                "text": text,
                "hours_per_month_needed": rng.choice([2, 4, 4, 6, 8]),
                "needs_onsite": onsite,
                "windows": _windows(rng, 1, 2),
                "language_needed": lang,
                "budget": rng.choice(["probono_ok", "low", "standard", "standard"]),
            }
            by_id = {t["id"]: t for t in talents}
            if sum(1 for t, g in grades.items() if g == 2 and ok(need, by_id[t])) >= 2:
                break
        else:
            best = [t for t, g in grades.items() if g == 2]
            raise SystemExit(f"{nid}: no feasible logistics for its excellent talents {best}")
        if i >= len(N) + len(N2) + len(N3):
            split = "heldout4"
        elif i >= len(N) + len(N2):
            split = "heldout3"
        elif i >= len(N):
            split = "heldout2"
        else:
            split = "heldout" if i % 3 == 2 else "dev"
        splits[split][0].append(need)
        splits[split][1].extend(
            {"need": nid, "talent": t, "grade": g} for t, g in sorted(grades.items())
        )

    def dump(name: str, rows: list[dict[str, object]]) -> None:
        with open(HERE / name, "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")

    dump("talents.jsonl", talents)  # type: ignore[arg-type]
    for split, (needs, qrels) in splits.items():
        dump(f"needs_{split}.jsonl", needs)
        dump(f"qrels_{split}.jsonl", qrels)
        print(split, len(needs), "needs", len(qrels), "qrels")
    print(len(talents), "talents")


if __name__ == "__main__":
    build()
