"""Graph export with hostile labels (issue 14): control characters are cleaned so that GEXF and GraphML read
back, and a failed export leaves no file behind."""

from __future__ import annotations

import networkx as nx
import pytest

from diplolib.comention.graph import export_graph


def _graph():
    g = nx.Graph()
    g.add_node("SYR", label="Syria\x00\x07 \ufffe", note="a\x1fb")
    g.add_node("per:x\x01", label="Bashar\x0bal-Assad")
    g.add_edge("SYR", "per:x\x01", weight=0.5, label="ok\x02")
    return g


@pytest.mark.parametrize("suffix, read", [(".gexf", nx.read_gexf), (".graphml", nx.read_graphml)])
def test_control_characters_are_cleaned_and_the_file_reads_back(tmp_path, suffix, read):
    path = export_graph(_graph(), tmp_path / f"g{suffix}")
    back = read(path)
    labels = {d.get("label") for _, d in back.nodes(data=True)}
    assert "Syria " in labels and "Basharal-Assad" in labels
    assert back.number_of_edges() == 1 and "per:x" in back.nodes
    from lxml import etree

    etree.parse(str(path))  # a strict XML parser accepts it


def test_failed_export_leaves_no_file(tmp_path):
    g = nx.Graph()
    g.add_node("a", payload=object())  # str(object()) is fine, so fail differently: an unwritable type in graph
    g.graph["bad"] = {1, 2}
    path = tmp_path / "g.graphml"
    try:
        export_graph(g, path)
    except Exception:  # noqa: BLE001 - whatever the writer raises, nothing must be left behind
        pass
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "g.graphml"]
    assert leftovers == []
    assert not path.exists() or path.stat().st_size > 0
