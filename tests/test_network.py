"""The citation network: graph, most-cited and depth tables, GraphML export."""

from pathlib import Path
from types import SimpleNamespace

import networkx as nx
import pandas as pd
import pytest

from analysis import load_corpus
from analysis.network import citation_graph, graphml_value


def _corpus():
    """Three resolutions: A (English and Arabic), B (English), C (Arabic only).

    A cites B and, twice, the outside document X; B cites A (a cycle) and X; C cites A.
    The Arabic A repeats A's citation of B: it must not count twice.
    """
    meta = pd.DataFrame({"symbol": ["A/RES/1/1", "A/RES/1/1", "A/RES/1/2", "A/RES/1/3"],
                         "language": ["en", "ar", "en", "ar"],
                         "title": ["a", "أ", "b", "ج"]})
    paragraphs = pd.DataFrame({
        "symbol": ["A/RES/1/1", "A/RES/1/1", "A/RES/1/1", "A/RES/1/2", "A/RES/1/3"],
        "language": ["en", "en", "ar", "en", "ar"],
        "row": [0, 1, 0, 0, 0],
        "verb": ["Recalling", "Decides", "إذ تشير", "Welcomes", "تقرر"],
        "verb_en": ["recalling", "decides", "recalling", "welcomes", ""],
    })
    refs = pd.DataFrame({
        "symbol": ["A/RES/1/1", "A/RES/1/1", "A/RES/1/1", "A/RES/1/1", "A/RES/1/2",
                   "A/RES/1/2", "A/RES/1/3"],
        "language": ["en", "en", "en", "ar", "en", "en", "ar"],
        "row": [0, 1, 2, 0, 0, 1, 0],
        "kind": ["resolution", "document", "document", "resolution", "resolution",
                 "document", "resolution"],
        "cited_symbol": ["A/RES/1/2", "X/1", "X/1", "A/RES/1/2", "A/RES/1/1", "X/1",
                         "A/RES/1/1"],
        "paragraph": [0, 1, 1, 0, 0, 0, 0],
        "section": ["preamble", "operative", "operative", "preamble", "operative",
                    "operative", "operative"],
        "via_footnote": [False, True, False, False, False, False, False],
    })
    return SimpleNamespace(meta=meta, paragraphs=paragraphs, references=refs)


@pytest.fixture
def net():
    return citation_graph(_corpus())


def test_graph_nodes_and_edges(net):
    g = net.graph
    assert g.nodes["A/RES/1/1"]["in_corpus"] and not g.nodes["X/1"]["in_corpus"]
    assert g.nodes["A/RES/1/1"]["language"] == "en"  # the most common language wins
    assert g.nodes["A/RES/1/3"]["language"] == "ar"  # only version
    assert g.number_of_edges("A/RES/1/1", "A/RES/1/2") == 1  # not again from Arabic
    assert g.number_of_edges("A/RES/1/1", "X/1") == 2
    edge = g.get_edge_data("A/RES/1/1", "A/RES/1/2")[0]
    assert edge["verb"] == "recalling" and edge["section"] == "preamble"
    assert edge["paragraph"] == 0 and edge["via_footnote"] is False
    # C's verb has no English gloss: the verb as written stands in.
    assert g.get_edge_data("A/RES/1/3", "A/RES/1/1")[0]["verb"] == "تقرر"


def test_arabic_first_when_asked():
    g = citation_graph(_corpus(), language="ar").graph
    assert g.nodes["A/RES/1/1"]["language"] == "ar"
    assert g.number_of_edges("A/RES/1/1", "X/1") == 0  # the Arabic A cites only B


def test_most_cited(net):
    top = net.most_cited()
    # X and A are both cited by two resolutions; X three times, A twice.
    assert list(top["symbol"]) == ["X/1", "A/RES/1/1", "A/RES/1/2"]
    x = top.set_index("symbol").loc["X/1"]
    assert (x["cited_by"], x["citations"], x["in_corpus"]) == (2, 3, False)
    assert len(net.most_cited(1)) == 1


def test_depth_collapses_cycles(net):
    depth = net.depth().set_index("symbol")
    # C -> {A <-> B} -> X: two steps, one inside the corpus.
    assert depth.loc["A/RES/1/3", "depth"] == 2
    assert depth.loc["A/RES/1/3", "corpus_depth"] == 1
    assert depth.loc["A/RES/1/1", "depth"] == 1
    assert depth.loc["A/RES/1/1", "corpus_depth"] == 0
    assert "X/1" not in depth.index


def test_graphml_round_trip(net, tmp_path):
    path = tmp_path / "citations.graphml"
    net.to_graphml(path)
    back = nx.read_graphml(path, force_multigraph=True)
    assert back.number_of_edges() == net.graph.number_of_edges()
    edges = [d for u, v, d in back.edges(data=True) if (u, v) == ("A/RES/1/1", "X/1")]
    assert sorted(e["via_footnote"] for e in edges) == [False, True]
    assert back.nodes["A/RES/1/3"]["title"] == "ج"


def test_graphml_values():
    assert graphml_value(pd.NA) is None
    assert graphml_value(float("nan")) is None
    assert graphml_value(pd.Series([3], dtype="int64").iloc[0]) == 3
    assert graphml_value([1, 2]) == "1; 2"
    assert graphml_value(pd.Timestamp("2020-12-07")) == "2020-12-07 00:00:00"


def test_real_resolution_citations(tmp_path):
    fixtures = Path(__file__).parent / "fixtures"
    corpus = load_corpus([fixtures / "75_100_E.xml", fixtures / "75_19_E.xml"], processes=1,
                         cache=False, metadata=False)
    net = corpus.network()
    g = net.graph
    # 75/100, second preambular paragraph: "Recalling its resolutions 67/123 of 18 December
    # 2012, 68/85 of 11 December 2013, ..."
    edge = g.get_edge_data("A/RES/75/100", "A/RES/67/123")[0]
    assert (edge["paragraph"], edge["section"], edge["verb"]) == (1, "preamble", "recalling")
    assert edge["via_footnote"] is False
    # Tenth preambular paragraph, footnote 1: "A/66/340 and A/66/7/Add.21."
    assert g.get_edge_data("A/RES/75/100", "A/66/340")[0]["via_footnote"] is True
    # 75/19: "Approves the report of the Credentials Committee" (footnote 1: A/75/606)
    assert g.get_edge_data("A/RES/75/19", "A/75/606")[0]["verb"] == "approves"
    assert not g.nodes["A/RES/67/123"]["in_corpus"]
    assert g.nodes["A/RES/67/123"]["kind"] == "GA resolution"
    # The cover page's "on the report of the Fourth Committee (A/75/414)" is not a citation
    # unless asked for.
    assert "A/75/414" not in g
    assert corpus.network().graph.number_of_edges() < (
        corpus.network(cover=True).graph.number_of_edges())
    assert "A/75/414" in corpus.network(cover=True).graph
    resolutions = net.most_cited(kind="GA resolution")
    assert set(resolutions["kind"]) == {"GA resolution"}
    assert "A/RES/74/91" in set(resolutions["symbol"])  # 75/100, preamble 2
    net.to_graphml(tmp_path / "real.graphml")
    assert nx.read_graphml(tmp_path / "real.graphml").number_of_nodes() == g.number_of_nodes()
