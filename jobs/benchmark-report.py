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
print(f"\n(b) and (c) on the large sample: {lb_texts} texts, {lb_sent} sentences (per core = rate / cores):\n")
print("| run | cores | whole job s | NLP stage s | sentences/s per core (NLP stage) | complaints/s per core (NLP stage) | driver peak heap MB |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
print(f"| (b) SentimentAnalyzer directly | 1 | | {lb_wall:.1f} | {rb:.1f} | {lb_texts / lb_wall:.2f} | |")
c = {}
for cores in (1, 2):
    m = json.load(open(f"{out}/job-{cores}core/manifest.json"))
    _, start, end = open(f"{out}/job-{cores}core.wall").read().split()
    wall = float(end) - float(start)
    nlp_s = m["timings_ms"]["nlp"] / 1000
    sent = m["nlp"]["sentences"]
    texts = m["nlp"]["complaints_analysed"]
    c[cores] = dict(wall=wall, nlp=nlp_s, rate=sent / nlp_s / cores, texts=texts / nlp_s / cores, whole=sent / wall / cores)
    print(f"| (c) jobs/rootcause local[{cores}] | {cores} | {wall:.1f} | {nlp_s:.1f} | {c[cores]['rate']:.1f} | {c[cores]['texts']:.2f} | {m['resources']['driver_peak_heap_mb']} |")
import re
from datetime import datetime
def steady(cores):
    """Texts/s between the first progress line with texts done and the last: the NLP stage without model load."""
    pts = []
    for line in open(f"{out}/job-{cores}core.log", errors="replace"):
        m = re.match(r"(\d\d/\d\d/\d\d \d\d:\d\d:\d\d) INFO NlpProgress: nlp: ([\d,]+) /", line)
        if m:
            pts.append((datetime.strptime(m.group(1), "%y/%m/%d %H:%M:%S"), int(m.group(2).replace(",", ""))))
    pts = [p for p in pts if p[1] > 0]
    (t0, n0), (t1, n1) = pts[0], pts[-1]
    return (n1 - n0) / max(1.0, (t1 - t0).total_seconds())
s1, s2 = steady(1), steady(2)
rb_texts = lb_texts / lb_wall
print(f"\nSteady state (from the job's progress lines, model load and JIT warm-up left out): "
      f"local[1] {s1:.1f} texts/s, local[2] {s2:.1f} texts/s; (b) {rb_texts:.1f} texts/s.")
print("\nRatios (targets in brackets):\n")
print(f"- (c) per core / (a) per core, sentences/s: {c[1]['rate'] / sa:.1f}x on 1 core, {c[2]['rate'] / sa:.1f}x on 2 cores  [>= 10x]"
      f"  ((a) on the small sample: {sa:.2f} sentences/s; (b) there: {sb_small:.2f})")
print(f"- (c) per core / (b), NLP stage: {c[1]['rate'] / rb:.2f} on 1 core, {c[2]['rate'] / rb:.2f} on 2 cores  [>= 0.90]")
print(f"- (c) per core / (b), whole job wall clock incl. Spark start and model load: {c[1]['whole'] / rb:.2f} on 1 core, {c[2]['whole'] / rb:.2f} on 2 cores")
print(f"- (c) / (b) per core at steady state: {s1 / rb_texts:.2f} on 1 core, {s2 / 2 / rb_texts:.2f} on 2 cores")
print(f"- 2 cores / 1 core at steady state: {s2 / s1:.2f}x")
print(f"- 2 cores / 1 core, NLP stage throughput: {c[1]['nlp'] / c[2]['nlp']:.2f}x; whole job: {c[1]['wall'] / c[2]['wall']:.2f}x  [>= 1.8x]")
