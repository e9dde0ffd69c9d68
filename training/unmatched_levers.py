"""Two levers for complaints that get no cause, measured on model-alone scores (the shipped encoder and head, scored by
train_causes.prf with the taxonomy's global and per-cause thresholds), per labelled set pooled:

  --floors 0.5,0.4,0.3   a complaint with no cause gets its best-scoring cause when that reaches the floor
  --mean-with DIR HEAD   the mean of the shipped model's sentence probabilities and another export's, thresholds swept

  python training/unmatched_levers.py [--sets 3,4,5,6] [--floors ...] [--mean-with DIR/cause-encoder DIR/cause-head.json]

Tuning data only (docs/BENCHMARK-CAUSES.md, "Held-out 7")."""
import argparse, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import numpy as np
import corpus, export, train_causes as T
from shipped_scores import per_item, taxonomy_thresholds


def with_best_cause(scores, thresholds, floor):
    """A complaint no cause reaches gets its best non-fallback cause, if that reaches the floor."""
    out = []
    for s in scores:
        s = np.array(s, dtype=float)
        matched = any(s[i] >= thresholds[i] for i, c in enumerate(T.C) if c not in T.FALLBACK)
        if not matched:
            best = max((i for i, c in enumerate(T.C) if c not in T.FALLBACK), key=lambda i: s[i])
            if s[best] >= floor:
                s[best] = max(s[best], thresholds[best])
        out.append(s)
    return out


ap = argparse.ArgumentParser()
ap.add_argument('--sets', default='3,4,5,6')
ap.add_argument('--floors', default='0.5,0.4,0.3,0.25,0.2,0.15,0.1')
ap.add_argument('--mean-with', nargs=2, metavar=('MODEL_DIR', 'HEAD'))
a = ap.parse_args()
items = [it for n in a.sets.split(',') for it in corpus.eval_items(os.path.join(corpus.ROOT, 'eval', f'heldout{n}-labels.csv'))]
shipped = export.onnx_probs(corpus.SHIPPED_MODEL, corpus.SHIPPED_HEAD)
scores = per_item(items, shipped)
th = taxonomy_thresholds()
print(f'held-out {a.sets} pooled, {len(items)} items, model alone with the taxonomy thresholds: '
      f'micro F1 {T.prf(items, scores, th)["f1"]:.4f}')
for floor in map(float, a.floors.split(',')):
    r = T.prf(items, with_best_cause(scores, th, floor), th)
    print(f'best cause of an unmatched complaint at floor {floor}: P {r["p"]:.3f} R {r["r"]:.3f} F1 {r["f1"]:.4f}', flush=True)
if a.mean_with:
    other = export.onnx_probs(*a.mean_with)
    grid = np.round(np.arange(0.4, 0.9, 0.025), 3)
    for name, sc in (('shipped', scores), ('other', per_item(items, other)),
                     ('mean', per_item(items, lambda t: (shipped(t) + other(t)) / 2))):
        f1, t = max((T.prf(items, sc, [t] * len(T.C))['f1'], t) for t in grid)
        print(f'{name}: best global threshold {t}, micro F1 {f1:.4f}', flush=True)
