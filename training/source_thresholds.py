"""Would one threshold per source (tweets against narratives) help? The exported encoder and head, model alone, on the
tuning sets (held-out 3, 4 and 5 pooled): micro P / R / F1 per source at thresholds 0.40-0.90.

  python training/source_thresholds.py [--model models/cause-encoder] [--head src/main/resources/rootcause/taxonomy/cause-head.json]"""
import argparse, os, sys
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus, export, train_causes as T

ap = argparse.ArgumentParser()
ap.add_argument('--model', default=corpus.SHIPPED_MODEL)
ap.add_argument('--head', default=corpus.SHIPPED_HEAD)
a = ap.parse_args()
probs = export.onnx_probs(a.model, a.head)
items = [i for p in (T.HELDOUT3, T.HELDOUT4, T.HELDOUT5) for i in corpus.eval_items(p)]
scores = T.item_scores(items, probs)
print('| source | threshold | micro P | micro R | micro F1 |')
print('| --- | --- | --- | --- | --- |')
for s in ('twcs', 'airline', 'cfpb'):
    chosen = [i.part == s for i in items]
    for t in np.round(np.arange(0.40, 0.91, 0.05), 2):
        r = T.prf([i for i in items if i.part == s], scores[chosen], [t] * len(T.C))
        print(f'| {s} | {t:.2f} | {r["p"]:.3f} | {r["r"]:.3f} | {r["f1"]:.3f} |')
