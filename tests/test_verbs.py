"""The verb lexicon, its lookups, annotate_verbs and the actions table."""

import re
import warnings

import pandas as pd
import pytest

from analysis import verbs
from analysis.arabic import normalize_digits
from analysis.paths import SEED
from analysis.phrases import head_verb

# ---------------------------------------------------------------------------------------
# The lexicon files


def test_lexicon_is_well_formed():
    lex = verbs.lexicon()
    assert list(lex.columns[: len(verbs.LEXICON_COLUMNS)]) == verbs.LEXICON_COLUMNS
    assert set(lex["language"]) <= set(verbs.LANGUAGES)
    assert set(lex["section"]) <= set(verbs.SECTIONS)
    assert not lex.duplicated(["language", "section", "key"]).any()
    assert set(lex["verb_class"]) <= set(verbs.verb_classes()["class"])
    for col in ("lemma", "verb", "variants", "source"):
        assert (lex[col].str.strip() != "").all(), col
    # English is missing only where no aligned English text exists to derive it from.
    no_english = lex[lex["english"] == ""]
    assert no_english["source"].str.contains("no aligned English").all()
    assert len(no_english) <= 0.01 * len(lex)
    assert (lex["occurrences"] >= 1).all()
    assert (lex["lemma"] == lex["lemma"].str.strip()).all()


def test_variants_normalize_to_their_lemma():
    lex = verbs.lexicon()
    for row in lex.itertuples():
        for variant in row.variants.split("|"):
            assert verbs.lemma_key(variant, row.language) == row.key, (row.lemma, variant)
        # The lemma is its own normal form: no particles, no diacritics, no adverbs left.
        assert verbs.lemma_of(row.lemma, row.language) == row.lemma


def test_classes_and_class_map_are_closed():
    classes = verbs.verb_classes()
    assert classes["class"].is_unique
    assert (classes["description"].str.strip() != "").all()
    assert (classes["source"].str.strip() != "").all()
    with open(verbs.resources.files("analysis").joinpath("data/verb_class_map.csv"),
              encoding="utf-8") as f:
        class_map = pd.read_csv(f, dtype="str", keep_default_na=False)
    assert set(class_map["class"]) <= set(classes["class"])
    assert not class_map.duplicated(["language", "key"]).any()
    assert (class_map["source"].str.strip() != "").all()


def test_verb_words_have_sources_and_known_roles():
    with open(verbs.resources.files("analysis").joinpath("data/verb_words.csv"),
              encoding="utf-8") as f:
        data = pd.read_csv(f, dtype="str", keep_default_na=False)
    assert set(data["role"]) <= {"particle", "adverb", "trailing", "suffix", "to", "stop",
                                 "continue", "quantifier", "coordinator", "inclusion", "link",
                                 "determiner", "complement"}
    assert (data["source"].str.strip() != "").all()
    assert not data.duplicated(["language", "role", "word"]).any()


def test_every_language_has_entries():
    lex = verbs.lexicon()
    counts = lex.groupby("language").size()
    assert counts["ar"] > 300 and counts["en"] > 300
    assert counts["fr"] > 0 and counts["es"] > 0  # A/RES/76/186 F and S


# ---------------------------------------------------------------------------------------
# Lemmas and lookups


@pytest.mark.parametrize(("phrase", "language", "lemma"), [
    ("وإذ تحيط علماً أيضاً", "ar", "تحيط علما"),  # seed, preambular paragraph 21
    ("وإذ تشير كذلك", "ar", "تشير"),  # seed, preambular paragraph 11
    ("تقرّر أيضا", "ar", "تقرر"),  # seed, operative 5
    ("وإذ تؤكد مجددًا", "ar", "تؤكد مجددا"),  # seed, preambular paragraph 7
    ("واقتناعا منها", "ar", "اقتناعا منها"),
    ("وقد نظرت", "ar", "نظرت"),
    ("Recalling also", "en", "recalling"),
    ("Also requests", "en", "requests"),
    ("Once again calls upon", "en", "calls upon"),
    ("Takes note of", "en", "takes note"),
    ("Bearing in mind", "en", "bearing in mind"),
])
def test_lemma_of(phrase, language, lemma):
    assert verbs.lemma_of(phrase, language) == lemma


@pytest.mark.parametrize(("phrase", "language", "section", "verb", "lemma", "english",
                          "verb_class"), [
    # Seed, preambular paragraph 20: "وإذ تحيط علماً بتقرير المقررة الخاصة".
    ("وإذ تحيط علماً", "ar", "preamble", "تحيط", "تحيط علما", "taking note",
     "recognizes/notes"),
    ("تحيط علما", "ar", "operative", "تحيط", "تحيط علما", "takes note", "recognizes/notes"),
    ("تقرّر", "ar", "operative", "تقرر", "تقرر", "decides", "decides"),  # seed, operative 4
    ("تهيب", "ar", "operative", "تهيب", "تهيب", "calls upon", "urges/calls upon"),  # op. 10
    ("تدعو", "ar", "operative", "تدعو", "تدعو", "invites", "invites/encourages"),  # op. 9
    ("تحث", "ar", "operative", "تحث", "تحث", "urges", "urges/calls upon"),  # seed, op. 1
    ("**تطلب**", "ar", "operative", "تطلب", "تطلب", "requests", "requests"),  # op. 13
    ("**ترحب**", "ar", "operative", "ترحب", "ترحب", "welcomes", "welcomes/appreciates"),
    ("وإذ تشير أيضاً", "ar", "preamble", "تشير", "تشير", "recalling", "recalls/reaffirms"),
    ("وإذ تعيد تأكيد", "ar", "preamble", "تعيد", "تعيد تأكيد", "reaffirming",
     "recalls/reaffirms"),
    ("وإذ تؤكد من جديد", "ar", "preamble", "تؤكد", "تؤكد من جديد", "reaffirming",
     "recalls/reaffirms"),
    ("وإذ تضع في اعتبارها", "ar", "preamble", "تضع", "تضع في اعتبارها", "bearing in mind",
     "recognizes/notes"),
    ("وإذ يساورها بالغ القلق", "ar", "preamble", "يساورها", "يساورها بالغ القلق",
     "deeply concerned", "expresses concern"),
    ("Taking note", "en", "preamble", "taking", "taking note", "taking note",
     "recognizes/notes"),
    ("Calls upon", "en", "operative", "calls", "calls upon", "calls upon",
     "urges/calls upon"),
    ("Bearing in mind", "en", "preamble", "bearing", "bearing in mind", "bearing in mind",
     "recognizes/notes"),
    ("Deeply concerned", "en", "preamble", "concerned", "deeply concerned",
     "deeply concerned", "expresses concern"),
    ("Prie également", "fr", "operative", "prie", "prie", "requests", "requests"),
    ("Recordando", "es", "preamble", "recordando", "recordando", "recalling",
     "recalls/reaffirms"),
])
def test_lookup_known_phrases(phrase, language, section, verb, lemma, english, verb_class):
    row = verbs.lookup(phrase, language, section)
    assert row is not None
    assert head_verb(phrase, language) == verb == row["verb"]
    assert row["lemma"] == lemma
    assert row["english"].split("|")[0] == english
    assert row["verb_class"] == verb_class


def test_lookup_takes_the_longest_lemma_and_falls_back_to_a_shorter_one():
    # "تعيد تأكيد التزامها" is its own entry; with more words it still finds it.
    row = verbs.lookup("وإذ تعيد تأكيد التزامها الراسخ الذي لا يتزعزع", "ar", "preamble")
    assert row["lemma"].startswith("تعيد تأكيد")
    assert verbs.lookup("تلاحظ مع التقدير", "ar", "operative")["verb_class"] == \
        "welcomes/appreciates"
    assert verbs.lookup("تلاحظ", "ar", "operative")["verb_class"] == "recognizes/notes"
    assert verbs.lookup("المختصرات", "ar", "operative") is None


# ---------------------------------------------------------------------------------------
# annotate_verbs


def _paragraphs(rows: list[tuple[str, str, str]], sub: str = "") -> pd.DataFrame:
    """A paragraphs table like tables.blocks_to_paragraphs makes: (section, phrase, text)."""
    df = pd.DataFrame({
        "part": "", "section": [r[0] for r in rows], "number": range(1, len(rows) + 1),
        "sub": sub, "phrase": [r[1] for r in rows],
        "verb": [head_verb(r[1], "ar") if r[1] else "" for r in rows],
        "text": [r[2] for r in rows], "footnotes": [[] for _ in rows], "heading": "",
        "line": None,
    })
    df["number"] = df["number"].astype("Int64")
    for col in ("part", "section", "sub", "phrase", "verb", "text", "heading"):
        df[col] = df[col].astype("str")
    return df


def test_annotate_verbs_ar():
    df = _paragraphs([
        ("preamble", "وإذ تحيط علماً", "وإذ تحيط علماً بتقرير المقررة الخاصة"),
        ("operative", "تقرّر", "تقرّر القيام مرة كل أربع سنوات"),
        ("operative", "", "تهيب بالدول الأعضاء مواصلة جهودها"),  # phrase from the text
        ("operative", "كلمة", "كلمة لا تعرفها القائمة"),
    ])
    out = verbs.annotate_verbs(df, "ar")
    assert list(out["verb_en"]) == ["taking note", "decides", "calls upon", ""]
    assert list(out["verb_class"]) == ["recognizes/notes", "decides", "urges/calls upon", ""]
    assert out["verb_en"].dtype == "str" and out["verb_class"].dtype == "str"
    assert list(df.columns) == [c for c in out.columns if c not in ("verb_en", "verb_class")]


def test_annotate_verbs_en_and_empty():
    df = _paragraphs([("preamble", "Recalling also", "Recalling also its resolution"),
                      ("operative", "Further requests", "Further requests the Secretary")])
    out = verbs.annotate_verbs(df, "en")
    assert list(out["verb_en"]) == ["recalling", "requests"]
    assert list(out["verb_class"]) == ["recalls/reaffirms", "requests"]
    empty = verbs.annotate_verbs(df.iloc[:0], "en")
    assert list(empty.columns[-2:]) == ["verb_en", "verb_class"] and len(empty) == 0


def test_annotate_verbs_warns_once_for_a_language_without_entries():
    df = _paragraphs([("operative", "Beschließt", "Beschließt, ..."),
                      ("operative", "Ersucht", "Ersucht den Generalsekretär")])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = verbs.annotate_verbs(df, "de")
    assert len(caught) == 1 and "no entries for language 'de'" in str(caught[0].message)
    assert list(out["verb_class"]) == ["", ""]


# ---------------------------------------------------------------------------------------
# Actions


def _seed_operative(number: int) -> str:
    """The text of an operative paragraph of the seed (its line starts "N - ")."""
    for line in SEED.read_text(encoding="utf-8").splitlines():
        m = re.match(r"([\u0660-\u0669]+) - ", line)
        if m and int(normalize_digits(m.group(1))) == number:
            return line
    raise AssertionError(f"no operative paragraph {number} in the seed")


def test_actions_seed_operative_4():
    # "٤ - تقرّر القيام ... وتطلب إلى الأمين العام أن يتخذ جميع التدابير اللازمة"
    text = _seed_operative(4)
    acts = verbs.find_actions(text, "ar", "operative")
    assert [(a.row["verb"], a.is_opening) for a in acts] == [("تقرر", True), ("تطلب", False)]
    assert acts[0].surface == "تقرّر"
    assert acts[1].surface == "وتطلب"
    assert acts[1].addressee == "الأمين العام"
    assert acts[1].row["verb_class"] == "requests"
    for a in acts:
        assert text[a.start:a.end] == a.surface


def test_actions_seed_operative_5():
    # "تقرّر أيضا ... وتدعو جميع الدول الأعضاء والوكالات ذات الصلة ... وتلاحظ أنه ينبغي"
    text = _seed_operative(5)
    acts = verbs.find_actions(text, "ar", "operative")
    assert [a.row["verb"] for a in acts] == ["تقرر", "تدعو", "تلاحظ"]
    assert [a.is_opening for a in acts] == [True, False, False]
    assert acts[1].addressee.startswith("جميع الدول الأعضاء")
    assert acts[2].addressee == ""  # تلاحظ addresses no one
    assert text[acts[2].start:acts[2].end] == "وتلاحظ"


def test_actions_seed_with_adverb_and_preposition():
    # Operative 16: "وتدعو في هذا الصدد المكتب وغيره من أعضاء فريق التنسيق ... إلى التعاون"
    acts = verbs.find_actions(_seed_operative(16), "ar", "operative")
    assert [a.row["verb"] for a in acts] == ["تشجع", "تدعو"]
    assert acts[0].addressee.startswith("مكتب الأمم المتحدة المعني بالمخدرات والجريمة")
    assert acts[1].addressee.startswith("المكتب")
    # Operative 10: "تهيب بالدول الأعضاء ... والقطاع الخاص دعم وزيادة": بـ is not part of it.
    acts = verbs.find_actions(_seed_operative(10), "ar", "operative")
    assert acts[0].addressee == "الدول الأعضاء والمنظمات الدولية ومنظمات المجتمع المدني " \
                                "والقطاع الخاص"


def test_actions_secondary_in_preamble():
    # Seed, preambular paragraph 24: "وإذ تشير إلى قرارها ١٥٦/٥٩ ...، وتعرب عن بالغ قلقها".
    text = ("وإذ تشير إلى قرارها ١٥٦/٥٩ المؤرخ ٢٠ كانون الأول/ديسمبر ٢٠٠٤، وتعرب عن بالغ "
            "قلقها إزاء عدد الحوادث")
    acts = verbs.find_actions(text, "ar", "preamble")
    assert [a.row["lemma"] for a in acts] == ["تشير", "تعرب عن بالغ قلقها"]
    assert acts[1].row["verb_class"] == "expresses concern"


def test_actions_english():
    text = ("Takes note of the report of the Secretary-General, and requests the "
            "Secretary-General to submit a report; and also invites Member States, "
            "in accordance with their laws, to contribute")
    acts = verbs.find_actions(text, "en", "operative")
    assert [a.row["lemma"] for a in acts] == ["takes note", "requests", "invites"]
    assert [a.addressee for a in acts] == ["", "the Secretary-General", "Member States"]
    assert [a.surface for a in acts] == ["Takes note", "requests", "also invites"]


def test_no_secondary_action_without_a_boundary():
    # "and requests" without a comma, a masdar after و: no secondary action.
    acts = verbs.find_actions("Welcomes the work and requests of States", "en", "operative")
    assert [a.row["lemma"] for a in acts] == ["welcomes"]
    acts = verbs.find_actions("تشجع الدول على التعاون، ودعوة تلك المنظمات", "ar", "operative")
    assert [a.row["verb"] for a in acts] == ["تشجع"]


def test_actions_table():
    df = _paragraphs([("operative", "تقرّر", _seed_operative(4)),
                      ("operative", "تقرّر أيضا", _seed_operative(5))])
    df.index = [7, 8]
    table = verbs.actions_table(df, "ar")
    assert list(table.columns) == verbs.ACTION_COLUMNS
    assert list(table["paragraph"]) == [7, 7, 8, 8, 8]
    assert list(table["verb"]) == ["تقرر", "تطلب", "تقرر", "تدعو", "تلاحظ"]
    assert list(table["is_opening"]) == [True, False, True, False, False]
    assert list(table["verb_en"])[:2] == ["decides", "requests"]
    for row in table.itertuples():
        assert df.loc[row.paragraph, "text"][row.start:row.end] == row.surface
    for col in ("verb", "verb_en", "verb_class", "surface", "addressee", "addressee_id"):
        assert table[col].dtype == "str"
    assert table["is_opening"].dtype == "bool"
    empty = verbs.actions_table(df.iloc[:0], "ar")
    assert list(empty.columns) == verbs.ACTION_COLUMNS and len(empty) == 0


def test_addressee_ids_come_from_the_actor_lexicon():
    actors = pytest.importorskip("analysis.actors")
    text = _seed_operative(4)
    df = _paragraphs([("operative", "تقرّر", text)])
    table = verbs.actions_table(df, "ar")
    request = table[table["verb"] == "تطلب"].iloc[0]
    # "وتطلب إلى الأمين العام": the actor named there is the one the actor lexicon finds.
    found = [m.actor for m in actors.find_actors(text, "ar")
             if m.start < request["end"] + 20 and m.end > request["end"]]
    assert found and request["addressee_id"] == found[0]
    assert table.loc[table["verb"] == "تقرر", "addressee_id"].tolist() == [""]


def _addressee_ids(text: str, language: str) -> list[tuple[str, str]]:
    """(verb, addressee_id) of each addressing action of one operative paragraph."""
    table = verbs.actions_table(_paragraphs([("operative", "", text)]), language)
    table = table[table["verb_class"].isin(verbs.ADDRESSING_CLASSES)]
    return list(zip(table["verb"], table["addressee_id"], strict=True))


@pytest.mark.parametrize(("number", "expected"), [
    # "تحث الدول الأعضاء وسائر أصحاب الشأن المذكورين في خطة عمل ... على الاستمرار ...،
    # وتدعو مؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية
    # والمنظمات الدولية والإقليمية ودون الإقليمية ذات الصلة إلى القيام بذلك أيضا"
    (2, [("تحث", "member_states|stakeholders"),
         ("تدعو", "cop_untoc|international_organizations")]),
    # "وتدعو جميع الدول الأعضاء والوكالات ذات الصلة في منظومة الأمم المتحدة والمنظمات
    # الدولية الأخرى، فضلاً عن المجتمع المدني، إلى الاحتفال بهذا اليوم العالمي"
    (5, [("تدعو", "member_states|un_system|international_organizations|civil_society")]),
    # "تهيب بالدول الأعضاء والمنظمات الدولية ومنظمات المجتمع المدني والقطاع الخاص دعم
    # وزيادة جهود الوقاية": four addressees, then the masdar دعم.
    (10, [("تهيب", "member_states|international_organizations|civil_society|private_sector")]),
    # "تدعو لجنة منع الجريمة والعدالة الجنائية والفريق العامل المعني بالاتجار بالأشخاص،
    # عملاً باتفاقية الأمم المتحدة ...، إلى النظر": the clause after the comma is no party.
    (12, [("تدعو", "ccpcj|wg_trafficking")]),
    # "تشجع مكتب الأمم المتحدة المعني بالمخدرات والجريمة والأعضاء الآخرين في فريق التنسيق
    # المشترك بين الوكالات على مواصلة الإسهام ...، وتدعو في هذا الصدد المكتب وغيره من
    # أعضاء فريق التنسيق المشترك بين الوكالات إلى التعاون مع الدول الأعضاء": the Member
    # States there are the complement's, and "المكتب" alone names no actor of the lexicon.
    (16, [("تشجع", "unodc|iacg_trafficking"), ("تدعو", "iacg_trafficking")]),
])
def test_addressees_of_the_seed(number, expected):
    assert _addressee_ids(_seed_operative(number), "ar") == expected


def test_addressee_is_a_list_in_english():
    # A/RES/75/177 (corpus 75/en, 75_177_E.xml), operative paragraph 1.
    text = ("Reaffirms the Declaration on the Right to Peace, adopted by the General Assembly "
            "on 19 December 2016, and invites States, agencies and organizations of the "
            "United Nations system and intergovernmental and non-governmental organizations "
            "to disseminate the Declaration and to promote universal respect and "
            "understanding thereof;")
    # The General Assembly is named before the verb: not addressed.
    assert _addressee_ids(text, "en") == [("invites", "states|un_system|ngos")]


def test_addressee_reads_names_whole_in_english():
    from analysis import load_resolution
    from analysis.paths import RAW

    res = load_resolution(RAW / "A_RES_76_186-2119241E.xml")
    table = res.actions
    operative = res.paragraphs[(res.paragraphs["section"] == "operative")
                               & (res.paragraphs["sub"] == "")]
    by_number = dict(zip(operative["number"], operative.index, strict=True))

    def addressed(number: int) -> list[tuple[str, str]]:
        rows = table[(table["paragraph"] == by_number[number]) & (table["addressee"] != "")]
        return list(zip(rows["addressee"], rows["addressee_id"], strict=True))

    # Operative 10: "Encourages the United Nations Office on Drugs and Crime to cooperate":
    # "on" and "and" inside the name do not end it.
    assert addressed(10) == [("the United Nations Office on Drugs and Crime", "unodc")]
    # Operative 15: "Invites the United Nations Office on Drugs and Crime, in its capacity as
    # coordinator of the Inter-Agency Coordination Group, and other relevant agencies of the
    # United Nations system to further strengthen ..., and invites Member States and other
    # international and bilateral donors to provide": the Coordination Group is named in a
    # clause about the Office, not addressed.
    assert [ids for _, ids in addressed(15)] == ["unodc|un_system", "member_states|donors"]


def test_addressee_stops_at_the_next_verb():
    # A/RES/75/158 (corpus 75/ar), operative 49: "تحث الحكومات وتشجع الهيئات الحكومية
    # الدولية والمنظمات الدولية المعنية على كفالة ...": each verb has its own addressee.
    text = ("تحث الحكومات وتشجع الهيئات الحكومية الدولية والمنظمات الدولية المعنية على "
            "كفالة توفير التدريب")
    assert _addressee_ids(text, "ar") == [("تحث", "governments"),
                                          ("تشجع", "international_organizations")]


def test_long_line_returns():
    # A 1 MB line of repeated clauses must not make the search quadratic (no timing here).
    text = "تقرر القيام، وتطلب إلى الأمين العام أن يتخذ التدابير " * 20_000
    # The first تقرر opens the paragraph; each وتطلب is a secondary action.
    assert len(verbs.find_actions(text, "ar", "operative")) == 1 + 20_000


# ---------------------------------------------------------------------------------------
# Coverage


def test_coverage_report_lists_unknown_phrases():
    df = verbs.annotate_verbs(_paragraphs([
        ("preamble", "وإذ تشير", "وإذ تشير إلى قرارها"),
        ("operative", "", "يتألف الاجتماع من أربع جلسات"),
    ]), "ar")
    rows = verbs.coverage_rows(df, "ar")
    assert list(rows["known"]) == [True, False]
    report = verbs.coverage_report(rows)
    assert "ar preamble       1 /      1 = 100.00%" in report
    assert "يتألف الاجتماع من أربع" in report


def test_the_class_comes_from_the_text_not_the_phrase_extent():
    # A/RES/76/186, operative 18: the XML marks up "Reaffirms", the text reader's lexicon
    # finds "Reaffirms its commitment"; the class is the text's longest lemma either way
    from analysis.verbs import verb_columns

    text = "Reaffirms its commitment to fight trafficking in persons;"
    marked = verb_columns(["Reaffirms"], [text], ["operative"], [""], "en")
    matched = verb_columns(["Reaffirms its commitment"], [text], ["operative"], [""], "en")
    assert marked == matched


def test_a_row_of_the_paragraphs_section_wins_over_a_longer_one_of_the_other():
    # "تؤكد أهمية" is a lemma of the preamble only ("emphasizing"), longer than the
    # operative "تؤكد": an operative paragraph "تؤكد أهمية أن تقدم الأمانة العامة ..."
    # (75/101 A-B, operative) is the operative "stresses"
    from analysis.verbs import lookup

    text = "تؤكد أهمية أن تقدم الأمانة العامة معلومات"
    assert lookup(text, "ar", "operative")["english"].startswith("stresses")
    assert lookup(text, "ar", "preamble")["section"] == "preamble"
