from musubi.engines.matching.text import default_analyzer, normalise


def terms(text: str) -> list[str]:
    return default_analyzer().analyse(text).terms


def test_normalised_forms_meet_plain_words() -> None:
    # 売りたい → 売る, わからない → 分かる: owners' inflections meet dictionary forms.
    t = terms("ネットでワインを売りたいが何から始めればいいかわからない")
    assert {"ネット", "ワイン", "売る", "分かる"} <= set(t)
    assert "が" not in t and "を" not in t


def test_compounds_keep_mode_a_sub_units() -> None:
    t = terms("電子帳簿保存法に対応")
    assert "電子帳簿保存法" in t and "帳簿" in t and "保存" in t


def test_full_width_and_case_fold() -> None:
    assert normalise("ＥＣサイト") == "ecサイト"
    assert "shopify" in terms("SHOPIFYで構築")


def test_english_bridges_to_katakana_and_is_stemmed() -> None:
    t = terms("I built online stores for wineries")
    assert "オンライン" in t and "ストア" in t and "ワイナリー" in t
    assert "for" not in t and "i" not in t


def test_customer_spellings_fold() -> None:
    assert terms("お客さん") == terms("お客様") == ["客"]


def test_sentences_are_numbered() -> None:
    a = default_analyzer().analyse("写真を撮る。動画も作る。")
    assert {t.sentence for t in a.tokens} == {0, 1}
