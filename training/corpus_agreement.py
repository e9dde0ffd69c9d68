"""Agreement of independent labellers on the corpus's overlaps (run from the repo root):
  CFPB part:    corpus/cfpb-labels.csv's first labeller (kept in corpus/cfpb-overlap-labeller-a.csv) against
                corpus/cfpb-overlap-labeller-x.csv, who labelled the same 220 narratives from the texts alone;
  written part: the writers' own labels (corpus/written-overlap-writer.csv) against corpus/written-overlap-labeller-y.csv:
                two blind labellers who labelled 240 and 160 written texts from the texts alone; the 42 of the first 240
                that their writers edited after the blind labelling are left out, so 358 remain;
  written, second round (ids w7-w11, real-tweet voice): the writers' labels (corpus/written2-overlap-writer.csv)
                against corpus/written2-overlap-labeller-z.csv, a blind labeller of 240 of them (80 from each of w7, w8,
                w9, by a hash of the id); the differences adjudicated in corpus/written2-adjudicated.csv;
  written, round 3 (ids w10-w15: airline and support tweets, CFPB-style narratives): the writers' labels
                (corpus/written3-overlap-writer.csv) against corpus/written3-overlap-labeller-v.csv, a blind labeller of
                240 of them (40 from each file); the differences adjudicated in corpus/written3-adjudicated.csv;
  written, round 4 (ids w16-w18: tweets aimed at the shipped model's errors on held-out 5's tweets): the writers'
                labels (corpus/written4-overlap-writer.csv) against corpus/written4-overlap-labeller-u.csv, a blind
                labeller of 240 of them (80 from each file, by a hash of the id); the differences adjudicated in
                corpus/written4-adjudicated.csv;
  written, round 5 (ids w19-w21: airline and support tweets, contrast pairs, aimed at the errors left on the tuning
                sets' tweets): the writers' labels (corpus/written5-overlap-writer.csv) against
                corpus/written5-overlap-labeller-t.csv, a blind labeller of 240 of them (80 from each file, by a hash of
                the id); the differences adjudicated in corpus/written5-adjudicated.csv.
Micro F1 of one against the other over (item, cause) pairs and Cohen's kappa, as eval/agreement.py computes them."""
import csv, importlib.util, os

spec = importlib.util.spec_from_file_location('agreement', os.path.join('eval', 'agreement.py'))
ag = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ag)


def load(path, key):
    return {key(r): set(r['cause_ids'].split()) for r in csv.DictReader(open(path))}


for name, a_path, b_path, key in [
        ('cfpb', 'corpus/cfpb-overlap-labeller-a.csv', 'corpus/cfpb-overlap-labeller-x.csv', lambda r: r['id']),
        ('written', 'corpus/written-overlap-writer.csv', 'corpus/written-overlap-labeller-y.csv', lambda r: r['id']),
        ('written, round 2', 'corpus/written2-overlap-writer.csv', 'corpus/written2-overlap-labeller-z.csv', lambda r: r['id']),
        ('written, round 3', 'corpus/written3-overlap-writer.csv', 'corpus/written3-overlap-labeller-v.csv', lambda r: r['id']),
        ('written, round 4', 'corpus/written4-overlap-writer.csv', 'corpus/written4-overlap-labeller-u.csv', lambda r: r['id']),
        ('written, round 5', 'corpus/written5-overlap-writer.csv', 'corpus/written5-overlap-labeller-t.csv', lambda r: r['id'])]:
    a, b = load(a_path, key), load(b_path, key)
    both = [k for k in b if k in a]
    print(f'{name}: {len(both)} items labelled by both; micro F1 {ag.micro_f1(a, b, both, ag.CAUSES):.3f}, '
          f'kappa {ag.kappa(a, b, both, ag.CAUSES):.3f}, exact label sets {sum(a[k] == b[k] for k in both)} of {len(both)}')
    for g, causes in ag.GROUPS.items():
        print(f'  group {g:<11} micro F1 {ag.micro_f1(a, b, both, causes):.3f}  kappa {ag.kappa(a, b, both, causes):.3f}')
