"""The corpus's size, voices and positives per cause (training/results/corpus-stats.txt):
  python3 training/corpus_stats.py > training/results/corpus-stats.txt"""
import collections, csv, os

import corpus

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
written = list(corpus.written_records())
cfpb = list(csv.DictReader(open(os.path.join(ROOT, 'corpus', 'cfpb-labels.csv'))))
w_none = sum(not o['causes'] for o in written)
c_none = sum(not r['cause_ids'].split() for r in cfpb)
voices = collections.Counter(o['voice'] for o in written)
rounds = collections.Counter(o['id'].split('-')[0] for o in written)
print(f'written: {len(written)} texts, {w_none} ({w_none / len(written):.1%}) with no cause; voices {dict(voices.most_common())}')
print(f'written by file: {dict(sorted(rounds.items(), key=lambda kv: int(kv[0][1:])))}')
print(f'cfpb: {len(cfpb)} narratives, {c_none} ({c_none / len(cfpb):.1%}) with no cause')
per_w = collections.Counter(c for o in written for c in o['causes'])
per_c = collections.Counter(c for r in cfpb for c in r['cause_ids'].split())
print(f"{'cause':<26} {'written':>7} {'cfpb':>5} {'total':>6}")
for c, n in sorted(((c, per_w[c] + per_c[c]) for c in set(per_w) | set(per_c)), key=lambda kv: -kv[1]):
    print(f'{c:<26} {per_w[c]:>7} {per_c[c]:>5} {n:>6}')
