"""Prints the medians of the last `cargo bench` run as the Markdown table of
BENCHMARKS.md: per group and size, each function's median time, its
throughput and its ratio to the group's baseline (the ceiling or bare
library, whose name is not `govgraph`).

    python3 benches/compare/table.py [target/criterion]
"""

import json
import pathlib
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "target/criterion")
GROUPS = ["build", "lookup_slug", "lookup_label", "ancestors", "slug_then_ancestors",
          "descendants", "path", "export_turtle", "export_ntriples", "import_turtle",
          "import_ntriples", "json_write", "json_read"]


def fmt_time(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}"
    return f"{ns:.3g} ns"


def fmt_rate(per_s, unit):
    for prefix, scale in (("G", 1e9), ("M", 1e6), ("k", 1e3)):
        if per_s >= scale:
            return f"{per_s / scale:.3g} {prefix}{unit}/s"
    return f"{per_s:.3g} {unit}/s"


rows = []
for group in GROUPS:
    gdir = root / group
    if not gdir.is_dir():
        continue
    results = {}
    for est in gdir.glob("*/*/new/estimates.json"):
        func, size = est.parts[-4], est.parts[-3]
        bench = json.loads((est.parent / "benchmark.json").read_text())
        median = json.loads(est.read_text())["median"]["point_estimate"]
        results.setdefault(size, {})[func] = (median, bench.get("throughput") or {})
    for size in sorted(results, key=lambda s: int(s.replace("^", "_").split("_")[1])):
        funcs = results[size]
        ours = funcs.get("govgraph")
        for func in sorted(funcs, key=lambda f: (f != "govgraph", f)):
            median, thr = funcs[func]
            if "Elements" in thr:
                n, unit = thr["Elements"], "elem"
                per = f"{median / n:.3g} ns" if n else ""
            elif "Bytes" in thr:
                n, unit = thr["Bytes"], "B"
                per = ""
            else:
                n, unit, per = 0, "", ""
            rate = fmt_rate(n / (median / 1e9), unit) if n else ""
            ratio = ""
            if ours and func != "govgraph":
                # Throughput of ours over the baseline's: 1.0 = as fast.
                ratio = f"{median / ours[0]:.2f}x"
            rows.append(f"| {group} | {size.replace('_', '^')} | {func} | {fmt_time(median)} | {per} | {rate} | {ratio} |")

print("| group | size | function | median | per element | throughput | govgraph / this |")
print("|---|---|---|---|---|---|---|")
print("\n".join(rows))
