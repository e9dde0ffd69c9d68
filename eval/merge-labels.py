"""The final labels of a held-out set labelled by two labellers (run from the repo root): `python3 eval/merge-labels.py SET > eval/SET-labels.csv`.
An item takes the labellers' set where they agree, else the adjudicated one (eval/SET-adjudicated.csv); ids sorted.
Reproduces eval/heldout7-labels.csv byte for byte."""
import csv, sys
S = sys.argv[1]
def load(p): return [(r['source'], r['id'], r['cause_ids']) for r in csv.DictReader(open(p))]
a = load(f'eval/{S}-labeller-a.csv'); b = {(s, i): c for s, i, c in load(f'eval/{S}-labeller-b.csv')}
adj = {(r['source'], r['id']): r['cause_ids'] for r in csv.DictReader(open(f'eval/{S}-adjudicated.csv'))}
w = csv.writer(sys.stdout, lineterminator='\n'); w.writerow(['source', 'id', 'cause_ids'])
for s, i, c in a:
    final = c if set(c.split()) == set(b[(s, i)].split()) else adj[(s, i)]
    w.writerow([s, i, ' '.join(sorted(final.split()))])
