"""Checks govgraph's RDF with engines nobody here wrote.

* pySHACL: the export of the built-in dataset conforms to the shipped SHACL
  shapes (src/rdf/shapes.ttl), and broken documents do not.
* OWL-RL (owlrl): given the export plus the shipped ontology
  (src/rdf/ontology.ttl), an OWL 2 RL reasoner infers every body's whole
  ancestor chain through org:transitiveSubOrganizationOf, and merges no two
  distinct resources with owl:sameAs.

Usage: python3 checks/rdf_engines.py EXPORT.ttl
Prints one line per check and closes with 'N passed, N failed'; exits
non-zero when any check fails.
"""

import sys
from pathlib import Path

import owlrl
import pyshacl
from rdflib import OWL, RDF, Graph, Literal, Namespace, URIRef

ORG = Namespace("http://www.w3.org/ns/org#")
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
    center = URIRef(ID + "org/china-government-network-operation-center")
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

    passed = sum(results)
    failed = len(results) - passed
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
