"""Checks govgraph's RDF with engines nobody here wrote.

* pySHACL: the export of the built-in dataset conforms to the shipped SHACL
  shapes (src/rdf/shapes.ttl), and broken documents do not.
* OWL-RL (owlrl): given the export plus the shipped ontology
  (src/rdf/ontology.ttl), an OWL 2 RL reasoner infers every body's whole
  ancestor chain through org:transitiveSubOrganizationOf, and merges no two
  distinct resources with owl:sameAs.
* Time (VOCABULARY.md, "Time"): relationship nodes, dated names and events
  that break their shapes do not conform, and the reasoner infers nothing
  from history: no ancestor through an ended parent link, no org:holds for
  an ended tenure.

Usage: python3 checks/rdf_engines.py EXPORT.ttl
Prints one line per check and closes with 'N passed, N failed'; exits
non-zero when any check fails.
"""

import sys
from pathlib import Path

import owlrl
import pyshacl
from rdflib import OWL, RDF, BNode, Graph, Literal, Namespace, URIRef

ORG = Namespace("http://www.w3.org/ns/org#")
GG = Namespace("https://w3id.org/govgraph/ns#")
TIME = Namespace("http://www.w3.org/2006/time#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
ID = "https://w3id.org/govgraph/id/"
ROOT = Path(__file__).resolve().parent.parent

results = []


def check(name, ok, detail=""):
    results.append(ok)
    print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail and not ok else ''}")


def load(path):
    g = Graph()
    g.parse(path, format="turtle")
    return g


def conforms(data):
    shapes = load(ROOT / "src/rdf/shapes.ttl")
    ok, _, text = pyshacl.validate(data, shacl_graph=shapes, inference="none", allow_warnings=False)
    return ok, text


def copy(g):
    out = Graph()
    for t in g:
        out.add(t)
    return out


def instant(g, year):
    node = BNode()
    g.add((node, RDF.type, TIME.Instant))
    if year is not None:
        g.add((node, TIME.inXSDgYear, Literal(year, datatype=XSD.gYear)))
    return node


def relationship(g, child, parent, begin, end):
    """Adds a dated parent link as the export writes it; returns its node."""
    node, interval = BNode(), BNode()
    g.add((node, RDF.type, GG.SubOrganizationRelationship))
    g.add((node, GG.child, child))
    g.add((node, GG.parent, parent))
    g.add((node, GG.during, interval))
    g.add((interval, RDF.type, TIME.ProperInterval))
    g.add((interval, TIME.hasBeginning, instant(g, begin)))
    g.add((interval, TIME.hasEnd, instant(g, end)))
    return node


def time_shapes(export, office, council):
    """The shapes of the time terms: each well-formed case conforms, each
    broken one does not."""
    good = copy(export)
    node = relationship(good, office, council, "1954", None)
    ok, text = conforms(good)
    check("a dated parent link with an end of unknown date conforms", ok, text)

    broken = copy(good)
    broken.add((node, GG.parent, office))
    ok, _ = conforms(broken)
    check("a parent link with two parents does not conform", not ok)

    broken = copy(good)
    broken.remove((node, GG.during, None))
    ok, _ = conforms(broken)
    check("a parent link with no interval does not conform", not ok)

    event = URIRef(ID + "event/a-test-event")
    good = copy(export)
    good.add((event, RDF.type, ORG.ChangeEvent))
    good.add((event, GG.changeKind, GG.Rename))
    good.add((event, ORG.originalOrganization, office))
    good.add((event, ORG.resultingOrganization, office))
    ok, text = conforms(good)
    check("a rename event conforms", ok, text)

    broken = copy(good)
    broken.add((event, GG.changeKind, GG.Merger))
    ok, _ = conforms(broken)
    check("an event of two kinds does not conform", not ok)

    broken = copy(good)
    broken.remove((event, GG.changeKind, None))
    broken.add((event, GG.changeKind, GG.Coup))
    ok, _ = conforms(broken)
    check("an event of a kind outside gg:changeKinds does not conform", not ok)

    broken = copy(export)
    name = BNode()
    broken.add((office, GG.name, name))
    broken.add((name, RDF.type, GG.DatedName))
    broken.add((name, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("Old name", lang="en")))
    ok, _ = conforms(broken)
    check("a dated name with no interval does not conform", not ok)


def main(export_path):
    export = load(export_path)

    ok, text = conforms(export)
    check("the dataset export conforms to the SHACL shapes", ok, text)

    office = URIRef(ID + "org/general-office-of-the-state-council")
    council = URIRef(ID + "org/state-council")
    post = URIRef(ID + "post/secretary-general-of-the-state-council")

    broken = Graph()
    for t in export:
        broken.add(t)
    broken.add((post, ORG.postIn, council))
    ok, _ = conforms(broken)
    check("a post in two organizations does not conform", not ok)

    broken = Graph()
    for t in export:
        broken.add(t)
    broken.remove((office, SKOS.prefLabel, None))
    ok, _ = conforms(broken)
    check("an organization with no English preferred label does not conform", not ok)

    broken = Graph()
    for t in export:
        broken.add(t)
    founding = URIRef("http://schema.org/foundingDate")
    broken.remove((office, founding, None))
    broken.add((office, founding, Literal("27 September 1949")))
    ok, _ = conforms(broken)
    check("a founding date that is not xsd:date, gYearMonth or gYear does not conform", not ok)

    broken = Graph()
    for t in export:
        broken.add(t)
    membership = URIRef(ID + "membership/wu-zhenglong-secretary-general-of-the-state-council")
    broken.remove((membership, ORG.member, None))
    ok, _ = conforms(broken)
    check("a membership without a member does not conform", not ok)

    time_shapes(export, office, council)

    # An ended parent link, as the export writes one: a relationship node
    # and no plain triple. The reasoner must not take it as a parent.
    center = URIRef(ID + "org/china-government-network-operation-center")
    former = URIRef(ID + "org/a-former-parent")
    export.add((former, RDF.type, ORG.Organization))
    export.add((former, SKOS.prefLabel, Literal("A former parent", lang="en")))
    ended = relationship(export, center, former, "1990", "2000")

    # OWL 2 RL over the export without inverse or closure shortcuts: the
    # reasoner must derive the chain from the ontology alone.
    reasoned = Graph()
    for t in export:
        if t[1] not in (ORG.transitiveSubOrganizationOf, ORG.hasSubOrganization):
            reasoned.add(t)
    reasoned += load(ROOT / "src/rdf/ontology.ttl")
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(reasoned)

    parent = {}
    for child, _, p in export.triples((None, ORG.subOrganizationOf, None)):
        parent[child] = p
    missing = []
    pairs = 0
    for body in parent:
        up = parent.get(body)
        while up is not None:
            pairs += 1
            if (body, ORG.transitiveSubOrganizationOf, up) not in reasoned:
                missing.append((body, up))
            up = parent.get(up)
    check(
        f"OWL 2 RL infers all {pairs} ancestor pairs through org:transitiveSubOrganizationOf",
        pairs > 0 and not missing,
        f"missing {missing}",
    )
    check(
        "the Operation Center's chain reaches the State Council",
        (center, ORG.transitiveSubOrganizationOf, council) in reasoned,
    )
    check(
        "the inverse transitive chain is inferred too",
        (council, ORG.transitiveHasSubOrganization, center) in reasoned,
    )
    merged = [
        (a, b)
        for a, _, b in reasoned.triples((None, OWL.sameAs, None))
        if a != b
    ]
    check("no two distinct resources are merged by owl:sameAs", not merged, f"{merged[:5]}")
    bodies = set(reasoned.subjects(RDF.type, ORG.Organization))
    check("every organization stays an organization after reasoning", office in bodies and council in bodies)

    history_leaks = [
        (a, p, b)
        for a, p, b in [
            (center, ORG.subOrganizationOf, former),
            (center, ORG.transitiveSubOrganizationOf, former),
            (former, ORG.hasSubOrganization, center),
            (ended, ORG.subOrganizationOf, former),
        ]
        if (a, p, b) in reasoned
    ]
    check("OWL 2 RL infers no parent from an ended parent link", not history_leaks, f"{history_leaks}")
    ended_holds = []
    ended = 0
    for m in export.subjects(RDF.type, ORG.Membership):
        interval = export.value(m, ORG.memberDuring)
        if interval is None or export.value(interval, TIME.hasEnd) is None:
            continue
        ended += 1
        person, post = export.value(m, ORG.member), export.value(m, GG.post)
        current = any(
            export.value(other, ORG.member) == person
            and export.value(other, GG.post) == post
            and export.value(export.value(other, ORG.memberDuring), TIME.hasEnd) is None
            for other in export.subjects(RDF.type, ORG.Membership)
            if export.value(other, ORG.memberDuring) is not None
        )
        if not current and (person, ORG.holds, post) in reasoned:
            ended_holds.append((person, post))
    check(
        f"OWL 2 RL infers no org:holds from any of the {ended} ended tenures",
        ended > 0 and not ended_holds,
        f"{ended_holds}",
    )

    passed = sum(results)
    failed = len(results) - passed
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
