"""Two exported cause encoders side by side, model alone (one item per ONNX Runtime call, as tweet_errors.py), at the
same global thresholds, per labelled set and source and pooled: whether a corpus round moved real complaints.

  python training/compare_encoders.py --b /tmp/run/cause-encoder /tmp/run/cause-head.json [--sets 3,4,5,6] [--thresholds 0.625,0.75]

--a defaults to the shipped encoder and head. Scored by train_causes.prf, the fallback rule included, as the curve is."""
import argparse, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus, export, train_causes as T
from shipped_scores import per_item

ap = argparse.ArgumentParser()
ap.add_argument('--a', nargs=2, metavar=('MODEL_DIR', 'HEAD'), default=(corpus.SHIPPED_MODEL, corpus.SHIPPED_HEAD))
ap.add_argument('--b', nargs=2, metavar=('MODEL_DIR', 'HEAD'), required=True)
ap.add_argument('--sets', default='3,4,5,6', help='held-out sets by number (eval/heldoutN-labels.csv)')
ap.add_argument('--thresholds', default='0.625,0.75')
a = ap.parse_args()
sets = {n: corpus.eval_items(os.path.join(corpus.ROOT, 'eval', f'heldout{n}-labels.csv')) for n in a.sets.split(',')}
pooled = [it for items in sets.values() for it in items]
for name, (model, head) in (('a', a.a), ('b', a.b)):
    probs = export.onnx_probs(model, head)
    scores = {n: per_item(items, probs) for n, items in sets.items()}
    for thr in map(float, a.thresholds.split(',')):
        at = [thr] * len(T.C)
        cells = []
        for n, items in sets.items():
            by_source = ', '.join(f"{s} {T.prf([it for it in items if it.part == s], [sc for it, sc in zip(items, scores[n]) if it.part == s], at)['f1']:.3f}"
                                  for s in sorted({it.part for it in items}))
            cells.append(f"held-out {n} {T.prf(items, scores[n], at)['f1']:.3f} ({by_source})")
        everything = T.prf(pooled, [sc for n in sets for sc in scores[n]], at)['f1']
        print(f'{name} {model} threshold {thr}: pooled micro F1 {everything:.4f}; ' + '; '.join(cells), flush=True)
