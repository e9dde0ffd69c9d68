"""Prints the tables of jobs/benchmark from the raw results it leaves in target/bench (or the folder given)."""
import json, sys
out = sys.argv[1]
def tsv(name):
    rows = {}
    for line in open(f"{out}/{name}"):
        f = line.rstrip("\n").split("\t")
        rows[(f[0], f[1])] = dict(texts=int(f[2]), sentences=int(f[3]), wall=float(f[5]), cpu=float(f[12]))
    return rows
small, large = tsv("results-small.tsv"), tsv("results-large.tsv")

print("(a) and (b) on the small sample, one thread each (sentences/s, wall clock):\n")
print("| data | texts | sentences | (a) PCFG | (b) project | (b) / (a) |")
print("| --- | ---: | ---: | ---: | ---: | ---: |")
for d in ("cfpb", "twcs"):
    a, b = small[("pcfg", d)], small[("sr", d)]
    ra, rb = a["sentences"] / a["wall"], b["sentences"] / b["wall"]
    print(f"| {d} | {b['texts']} | {b['sentences']} | {ra:.2f} | {rb:.2f} | {rb / ra:.1f}x |")
sa = sum(small[("pcfg", d)]["sentences"] for d in ("cfpb", "twcs")) / sum(small[("pcfg", d)]["wall"] for d in ("cfpb", "twcs"))
sb_small = sum(small[("sr", d)]["sentences"] for d in ("cfpb", "twcs")) / sum(small[("sr", d)]["wall"] for d in ("cfpb", "twcs"))

lb_sent = sum(large[("sr", d)]["sentences"] for d in ("cfpb", "twcs"))
lb_texts = sum(large[("sr", d)]["texts"] for d in ("cfpb", "twcs"))
lb_wall = sum(large[("sr", d)]["wall"] for d in ("cfpb", "twcs"))
rb = lb_sent / lb_wall
print(f"\n(b) and (c) on the large sample: {lb_texts} texts, {lb_sent} sentences (per core = rate / cores; (c) is the whole job,"
      " every stage, the shipped cause model on):\n")
print("| run | cores | whole job s | NLP stage s | classify s | sentences/s per core (NLP stage) | sentences/s per core (whole job)"
      " | heap pools' peak MB | peak resident MB | resident beyond the heap limit MB |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
print(f"| (b) SentimentAnalyzer directly | 1 | | {lb_wall:.1f} | | {rb:.1f} | | | | |")
c = {}
for cores in (1, 2):
    m = json.load(open(f"{out}/job-{cores}core/manifest.json"))
    _, start, end = open(f"{out}/job-{cores}core.wall").read().split()
    wall = float(end) - float(start)
    t = m["timings_ms"]
    nlp_s, classify_s = t["nlp"] / 1000, t["classify"] / 1000
    sent = m["nlp"]["sentences"]
    rss = int(open(f"{out}/job-{cores}core.rss").read().split()[-1]) // 1024
    heap, heap_max = m["resources"]["driver_peak_heap_mb"], m["resources"]["driver_max_heap_mb"]
    c[cores] = dict(wall=wall, nlp=nlp_s, classify=classify_s, rate=sent / nlp_s / cores, whole=sent / wall / cores,
                    heap=heap, rss=rss)
    print(f"| (c) jobs/rootcause local[{cores}] | {cores} | {wall:.1f} | {nlp_s:.1f} | {classify_s:.1f} | {c[cores]['rate']:.1f} | "
          f"{c[cores]['whole']:.1f} | {heap} | {rss} | {max(0, rss - heap_max)} |")
import glob, re
from datetime import datetime
def steady(cores):
    """Texts/s between the first progress line with texts done and the last (run log): the NLP stage without model load."""
    pts = []
    for log in glob.glob(f"{out}/job-{cores}core/logs/run-*.log"):
        for line in open(log, errors="replace"):
            m = re.match(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d),\d+Z INFO .*rootcause\.runlog: nlp: ([\d,]+) /", line)
            if m:
                pts.append((datetime.strptime(m.group(1), "%Y-%m-%dT%H:%M:%S"), int(m.group(2).replace(",", ""))))
    pts = sorted(p for p in pts if p[1] > 0)
    if len(pts) < 2:
        return float("nan")
    (t0, n0), (t1, n1) = pts[0], pts[-1]
    return (n1 - n0) / max(1.0, (t1 - t0).total_seconds())
s1, s2 = steady(1), steady(2)
rb_texts = lb_texts / lb_wall
print(f"\nSteady state (from the run log's nlp progress lines, model load and JIT warm-up left out): "
      f"local[1] {s1:.1f} texts/s, local[2] {s2:.1f} texts/s; (b) {rb_texts:.1f} texts/s. (a) on the small sample: "
      f"{sa:.2f} sentences/s; (b) there: {sb_small:.2f}.")
def row(what, value, target, ok=None):
    print(f"| {what} | {value} | {target} | {'' if ok is None else 'met' if ok else 'missed'} |")
print("\nRatios against their targets (issue 28; the classify share is issue 24's):\n")
print("| ratio | measured | target | |")
print("| --- | --- | --- | --- |")
whole = c[1]["whole"] / sa
row("whole job per core / (a) CoreNLP's default per core, 1 core", f"{whole:.1f}x", ">= 10x", whole >= 10)
row("whole job per core / (a), 2 cores", f"{c[2]['whole'] / sa:.1f}x", ">= 10x", c[2]["whole"] / sa >= 10)
row("NLP stage per core / (a), 1 core; 2 cores", f"{c[1]['rate'] / sa:.1f}x; {c[2]['rate'] / sa:.1f}x", "(for reference)")
nlp21, whole21 = c[1]["nlp"] / c[2]["nlp"], c[1]["wall"] / c[2]["wall"]
row("2 cores / 1 core, NLP stage", f"{nlp21:.2f}x", ">= 1.8x", nlp21 >= 1.8)
row("2 cores / 1 core, NLP stage at steady state", f"{s2 / s1:.2f}x", "(for reference)")
row("2 cores / 1 core, whole job", f"{whole21:.2f}x", ">= 1.6x", whole21 >= 1.6)
for cores in (1, 2):
    share = c[cores]["classify"] / c[cores]["nlp"]
    row(f"classify / NLP stage, local[{cores}]", f"{share:.2f}", "<= 0.5", share <= 0.5)
heap = max(c[1]["heap"], c[2]["heap"])
row("heap pools' peak (driver = executor in local mode; an upper bound)", f"{heap} MB", "<= 2,560 MB", heap <= 2560)
