"""Draws eval/cfpb-train-labels.csv's complaints (run from the repo root): 200 CFPB narratives (<= 2,500 characters),
about a third from each of the three CFPB files, in order of sha1("rc-cfpb-train:" + id), skipping every id in the dev
and held-out sets. CFPB narratives are US public domain, so the labelled sentences may ship as training data of the
taxonomy's semantic layer. Prints source,id only."""
import os
import csv, hashlib, re, sys
csv.field_size_limit(10**9)
D = (sys.argv[1] if len(sys.argv) > 1 else os.environ.get('ROOTCAUSE_REAL_DATA', '../shared/data/real')) + '/'
seen = set()
for f in ('eval/labels.csv', 'eval/heldout-labels.csv', 'eval/heldout2-labels.csv'):
    for r in csv.DictReader(open(f)):
        seen.add((r['source'], r['id']))
def h(i): return hashlib.sha1(('rc-cfpb-train:' + i).encode()).hexdigest()
def key(t): return re.sub(r'\W+', ' ', t.lower()).strip()
texts = set()
def pick(name, n):
    rows = [r for r in csv.DictReader(open(D + name, encoding='utf-8'))
            if r['Consumer complaint narrative'].strip() not in ('', 'None') and len(r['Consumer complaint narrative']) <= 2500]
    out = []
    for r in sorted(rows, key=lambda r: h(r['Complaint ID'])):
        i, t = r['Complaint ID'], r['Consumer complaint narrative']
        if ('cfpb', i) in seen or key(t) in texts:
            continue
        seen.add(('cfpb', i)); texts.add(key(t)); out.append(i)
        if len(out) == n:
            break
    return out
print('source,id')
for name, n in (('cfpb_complaints_sample_2015_2020.csv', 67),
                ('cfpb_complaints_export_2023_payday_personal_loans_narratives.csv', 67),
                ('cfpb_complaints_sample_2012_2026.csv', 66)):
    for i in pick(name, n):
        print(f'cfpb,{i}')
