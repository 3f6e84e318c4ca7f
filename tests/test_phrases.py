"""Opening phrases and head verbs (analysis.phrases)."""

import pytest

from analysis.phrases import head_verb, match_phrase, section_by_form, split_opening


@pytest.mark.parametrize(("text", "language", "section", "phrase", "verb"), [
    # Seed 68/192, preamble 9 (line 69) and operative 4 (line 139).
    ("وإذ تشير أيضاً إلى قرار المجلس الاقتصادي", "ar", "preamble", "وإذ تشير أيضاً", "تشير"),
    ("تقرّر القيام مرة كل أربع سنوات", "ar", "operative", "تقرّر", "تقرر"),
    # The first preambular paragraph has إذ without و (seed line 23).
    ("إذ تكرر الإعراب عن قلقها من أن", "ar", "preamble", "إذ تكرر الإعراب عن قلقها", "تكرر"),
    ("**تطلب** إلى الأمين العام", "ar", "operative", "تطلب", "تطلب"),
    ("وإذ تحيط علماً بتقرير المقررة", "ar", "preamble", "وإذ تحيط علماً", "تحيط"),
    ("و إذ تشير إلى قرارها", "ar", "preamble", "و إذ تشير", "تشير"),  # source typo, 75/110
    ("Recalling also its resolution 64/293", "en", "preamble", "Recalling also", "recalling"),
    ("Taking note of the report", "en", "preamble", "Taking note", "taking"),
    ("Having considered the report", "en", "preamble", "Having considered", "considered"),
    # Not in the lexicon: the fallback takes the head word and its adverbs.
    ("Gravely perturbed by the rise", "en", "preamble", "Gravely perturbed", "perturbed"),
    ("وإذ تتوجس من ازدياد", "ar", "preamble", "وإذ تتوجس", "تتوجس"),
    ("Is heartened by those countries", "en", "operative", "Is", "is"),  # cf. 75/227, op. 11
    # a verbal noun with منها and a negated verb (75/33 preamble 7, 75/129 preamble 1,
    # 75/90 operative 17), with words the lexicon lacks
    ("وتلهفا منها على السلام", "ar", "preamble", "وتلهفا منها", "تلهفا"),
    ("لا تفتأ تشعر بالقلق", "ar", "operative", "لا تفتأ", "لا"),
])
def test_phrase_and_verb(text, language, section, phrase, verb):
    found = split_opening(text, language, section)
    assert found == phrase
    assert head_verb(found, language) == verb


@pytest.mark.parametrize(("text", "language"), [
    # Paragraphs of a "Resolves that:" list (75/256) open with no verb.
    ("The Working Capital Fund shall be established", "en"),
    ("Member States shall pay", "en"),
    ("أن يحدد مبلغ صندوق رأس المال المتداول", "ar"),
    ("(a) Appointment of the members", "en"),
])
def test_no_verb_no_phrase(text, language):
    assert split_opening(text, language, "operative") == ""


def test_lexicon_match_is_word_by_word():
    # "Recalling" must not match inside "Recallings" or "Recall".
    assert match_phrase("Recalling its resolution", "en") == "Recalling"
    assert match_phrase("Recallings of", "en") is None


@pytest.mark.parametrize(("text", "language", "section"), [
    ("Appoints Mr. António Guterres Secretary-General", "en", "operative"),  # 75/286
    ("Resolves that:", "en", "operative"),  # 75/256
    ("Is encouraged by those countries", "en", "operative"),  # 75/227, op. 11
    ("Expressing its appreciation for", "en", "preamble"),
    ("Having considered the recommendation", "en", "preamble"),
    ("Conscious of the need", "en", "preamble"),
    ("Its members", "en", None),
    ("Basis of assessment", "en", None),
    ("recalls", "en", None),  # a lower-case word opens no paragraph
    ("**تعين** السيد أنطونيو غوتيريش", "ar", "operative"),  # 75/286
    ("وتقرر أن", "ar", "operative"),
    ("وإذ تعرب عن تقديرها", "ar", "preamble"),
    ("وقد نظرت في التوصية", "ar", "preamble"),
    ("واعترافا منها", "ar", "preamble"),
    ("الجمعية العامة", "ar", None),
    ("Réaffirmant le Programme", "fr", "preamble"),  # 75/274 (French), preamble 2
    ("Recordando su resolución", "es", "preamble"),
    ("Décide", "fr", None),
])
def test_section_by_form(text, language, section):
    assert section_by_form(text, language) == section
