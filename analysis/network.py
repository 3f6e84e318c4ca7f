"""The citation network of a corpus: resolution -> the resolutions and documents it cites.

    >>> net = corpus.network()
    >>> net.most_cited(10)
    >>> net.depth().sort_values("depth", ascending=False).head()
    >>> net.to_graphml("reports/citations.graphml")

A ``networkx.MultiDiGraph``: one node per resolution of the corpus and per cited document
(keyed by symbol), one edge per citation, carrying where it is made (paragraph row,
section, number, the citing paragraph's opening verb, whether it is in a footnote). A
resolution present in several languages is counted once (see ``citation_graph``).
"""

from __future__ import annotations

import math

import networkx as nx
import pandas as pd

from .un_metadata import symbol_key

#: Node attributes taken from a corpus's meta table when present.
NODE_META = ("title", "committee", "adopted", "adoption_type", "session")
#: The references table's column for the cited symbol once the corpus has keyed it.
CITED = "cited_symbol"


class CitationNetwork:
    """A citation graph and its summaries; ``graph`` is the networkx MultiDiGraph."""

    def __init__(self, graph: nx.MultiDiGraph):
        self.graph = graph

    def __repr__(self) -> str:
        g = self.graph
        inside = sum(1 for _, d in g.nodes(data=True) if d.get("in_corpus"))
        return (f"<CitationNetwork: {inside} resolutions of the corpus, "
                f"{g.number_of_nodes() - inside} other documents, "
                f"{g.number_of_edges()} citations>")

    def most_cited(self, n: int | None = None, kind: str | None = None) -> pd.DataFrame:
        """``in_degree_table``, the first ``n`` rows, only nodes of ``kind`` if given (the
        references' kind, e.g. "GA resolution")."""
        table = in_degree_table(self.graph)
        if kind is not None:
            table = table[table["kind"] == kind].reset_index(drop=True)
        return table.head(n)

    def depth(self) -> pd.DataFrame:
        return depth_table(self.graph)

    def to_graphml(self, path) -> None:
        to_graphml(self.graph, path)


def citation_graph(corpus, language: str | None = None, cover: bool = False
                   ) -> CitationNetwork:
    """The network of ``corpus`` (anything with ``meta``, ``paragraphs``, ``references``).

    Each resolution's citations are taken from one language version only: ``language`` when
    it has that version, else the corpus's most common language, else its first one;
    otherwise a resolution loaded in Arabic and English would cite everything twice.
    References on the cover page (section "meta": the committee report a resolution was
    adopted on) are citations only with ``cover=True``.
    """
    meta, paragraphs, refs = corpus.meta, corpus.paragraphs, corpus.references
    if not cover and "section" in refs.columns:
        refs = refs[refs["section"] != "meta"]
    chosen = one_language_per_resolution(meta, language)
    graph = nx.MultiDiGraph()
    for row in chosen.itertuples(index=False):
        row = row._asdict()
        graph.add_node(row["symbol"], in_corpus=True, language=row["language"],
                       **{k: row[k] for k in NODE_META if k in row})
    refs = refs.merge(chosen[["symbol", "language"]], on=["symbol", "language"])
    refs = attach_verbs(refs, paragraphs)
    corpus_nodes = {symbol_key(s): s for s in graph.nodes}
    for r in refs.to_dict("records"):
        target = r.get(CITED)
        if not isinstance(target, str) or not target:
            continue
        target = corpus_nodes.get(symbol_key(target), target)
        if target not in graph:
            graph.add_node(target, in_corpus=False)
        if r.get("kind") and "kind" not in graph.nodes[target]:
            graph.nodes[target]["kind"] = r["kind"]
        if target == r["symbol"]:
            continue  # a resolution naming its own symbol is not a citation
        graph.add_edge(r["symbol"], target, **edge_attributes(r))
    return CitationNetwork(graph)


def one_language_per_resolution(meta: pd.DataFrame, language: str | None) -> pd.DataFrame:
    """One meta row per symbol: in ``language`` if there, else in the most common one."""
    order = list(meta["language"].value_counts().index)
    if language is not None:
        order = [language] + [lang for lang in order if lang != language]
    rank = meta["language"].map({lang: i for i, lang in enumerate(order)})
    return (meta.assign(_rank=rank).sort_values("_rank", kind="stable")
            .drop_duplicates("symbol").drop(columns="_rank")
            .sort_index())


def attach_verbs(refs: pd.DataFrame, paragraphs: pd.DataFrame) -> pd.DataFrame:
    """``refs`` with ``verb`` (English gloss when the lexicon gives one, else as written)
    and ``section`` of the citing paragraph, joined on symbol, language and paragraph row."""
    if "paragraph" not in refs.columns:
        return refs
    cols = ["symbol", "language", "row", "verb"] + (["verb_en"] if "verb_en" in paragraphs
                                                     else [])
    par = paragraphs[cols].rename(columns={"row": "paragraph", "verb": "citing_verb"})
    if "verb_en" in par.columns:
        gloss = par.pop("verb_en").fillna("")
        par["citing_verb"] = gloss.where(gloss != "", par["citing_verb"])
    return refs.merge(par, on=["symbol", "language", "paragraph"], how="left")


def edge_attributes(r: dict) -> dict:
    """GraphML-safe edge attributes (str, int, float, bool; missing ones left out)."""
    wanted = {"paragraph": r.get("paragraph"), "section": r.get("section"),
              "number": r.get("number"), "verb": r.get("citing_verb"),
              "via_footnote": r.get("via_footnote"), "kind": r.get("kind"),
              "date": r.get("date"), "language": r.get("language")}
    return {k: v for k, v in ((k, graphml_value(v)) for k, v in wanted.items())
            if v is not None}


def graphml_value(value):
    """A value GraphML can hold, or None for a missing one."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, bool | str):
        return value
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, int | float | bool):
        return value
    if isinstance(value, list | tuple | set):
        return "; ".join(str(v) for v in value) if value else None
    return str(value)


def to_graphml(graph: nx.MultiDiGraph, path) -> None:
    """Write the graph as GraphML, every attribute made GraphML-safe."""
    safe = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        safe.add_node(node, **_safe(data))
    for u, v, data in graph.edges(data=True):
        safe.add_edge(u, v, **_safe(data))
    nx.write_graphml(safe, path)


def _safe(data: dict) -> dict:
    return {k: v for k, v in ((k, graphml_value(v)) for k, v in data.items()) if v is not None}


def in_degree_table(graph: nx.MultiDiGraph) -> pd.DataFrame:
    """Most cited first: symbol, cited_by (citing resolutions), citations (edges),
    in_corpus, kind."""
    rows = [{"symbol": node,
             "cited_by": len(set(graph.predecessors(node))),
             "citations": graph.in_degree(node),
             "in_corpus": bool(data.get("in_corpus")),
             "kind": data.get("kind") or ""}
            for node, data in graph.nodes(data=True)]
    df = pd.DataFrame(rows, columns=["symbol", "cited_by", "citations", "in_corpus", "kind"])
    df = df.astype({"symbol": "str", "kind": "str", "cited_by": "int64",
                    "citations": "int64", "in_corpus": "bool"})
    df = df[df["citations"] > 0]
    return df.sort_values(["cited_by", "citations", "symbol"], ascending=[False, False, True],
                          kind="stable").reset_index(drop=True)


def depth_table(graph: nx.MultiDiGraph) -> pd.DataFrame:
    """Per corpus resolution: ``depth``, the longest chain of citations that starts there
    (cited documents outside the corpus end a chain), and ``corpus_depth``, the same within
    the corpus. Resolutions that cite each other count as one step (cycles collapsed)."""
    everywhere = longest_chains(nx.DiGraph(graph))
    inside_nodes = [n for n, d in graph.nodes(data=True) if d.get("in_corpus")]
    inside = longest_chains(nx.DiGraph(graph.subgraph(inside_nodes)))
    df = pd.DataFrame({"symbol": pd.Series(inside_nodes, dtype="str"),
                       "depth": [everywhere[n] for n in inside_nodes],
                       "corpus_depth": [inside[n] for n in inside_nodes]})
    return df.sort_values(["depth", "corpus_depth", "symbol"], ascending=[False, False, True],
                          kind="stable").reset_index(drop=True)


def longest_chains(graph: nx.DiGraph) -> dict:
    """Node -> number of edges on the longest path leaving it, on the graph of its strongly
    connected components (so that cycles end)."""
    dag = nx.condensation(graph)
    depth: dict[int, int] = {}
    for c in reversed(list(nx.topological_sort(dag))):
        depth[c] = max((depth[s] + 1 for s in dag.successors(c)), default=0)
    mapping = dag.graph["mapping"]
    return {node: depth[mapping[node]] for node in graph.nodes}
