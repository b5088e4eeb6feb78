"""What a Python user would otherwise reach for, on the same generated data.

Measures rdflib (parse and serialize Turtle) and networkx (ancestors over the
organization hierarchy) on a Turtle file written by the memory example:

    cargo run --release --features synthetic --example memory -- 100000 target/national.ttl
    python3 -m venv target/compare-venv
    target/compare-venv/bin/pip install rdflib==7.6.0 networkx==3.6.1
    target/compare-venv/bin/python benches/compare/compare.py target/national.ttl

Prints triples per second, nanoseconds per ancestor hop and the memory the
process grew by (tracemalloc, Python objects only).
"""

import sys
import time
import tracemalloc

import networkx as nx
import rdflib

SUB = rdflib.URIRef("http://www.w3.org/ns/org#subOrganizationOf")


def main(path):
    tracemalloc.start()
    t = time.perf_counter()
    g = rdflib.Graph()
    g.parse(path, format="turtle")
    parse = time.perf_counter() - t
    mem, _ = tracemalloc.get_traced_memory()
    n = len(g)
    print(f"rdflib parse: {n} triples in {parse:.2f} s, {n / parse:,.0f} triples/s, "
          f"{mem / 2**20:.0f} MiB, {mem / n:.0f} bytes per triple")

    t = time.perf_counter()
    g.serialize(format="turtle")
    ser = time.perf_counter() - t
    print(f"rdflib serialize Turtle: {ser:.2f} s, {n / ser:,.0f} triples/s")

    tracemalloc.reset_peak()
    before, _ = tracemalloc.get_traced_memory()
    d = nx.DiGraph()
    d.add_edges_from((s, o) for s, o in g.subject_objects(SUB))
    grown, _ = tracemalloc.get_traced_memory()
    nodes = d.number_of_nodes()
    print(f"networkx hierarchy: {nodes} nodes, {(grown - before) / nodes:.0f} bytes per node")
    leaves = [v for v in d.nodes if d.in_degree(v) == 0][:1000]
    t = time.perf_counter()
    hops = sum(len(nx.descendants(d, v)) for v in leaves)  # edges point child -> parent
    walk = time.perf_counter() - t
    print(f"networkx ancestors: {hops} hops from {len(leaves)} leaves, "
          f"{walk / hops * 1e9:.0f} ns per hop")


if __name__ == "__main__":
    main(sys.argv[1])
