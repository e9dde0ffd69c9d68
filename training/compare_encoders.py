"""Two exported cause encoders side by side, model alone (one item per ONNX Runtime call, as tweet_errors.py), at the
same global thresholds, per labelled set and source and pooled: whether a corpus round moved real complaints.

  python training/compare_encoders.py --b /tmp/run/cause-encoder /tmp/run/cause-head.json [--sets 3,4,5,6] [--thresholds 0.625,0.75]

--a defaults to the shipped encoder and head."""
import argparse, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus, export, train_causes as T

SHIPPED = (os.path.join(corpus.ROOT, 'models', 'cause-encoder'),
           os.path.join(corpus.ROOT, 'src', 'main', 'resources', 'rootcause', 'taxonomy', 'cause-head.json'))
ap = argparse.ArgumentParser()
ap.add_argument('--a', nargs=2, metavar=('MODEL_DIR', 'HEAD'), default=SHIPPED)
ap.add_argument('--b', nargs=2, metavar=('MODEL_DIR', 'HEAD'), required=True)
ap.add_argument('--sets', default='3,4,5,6', help='held-out sets by number (eval/heldoutN-labels.csv)')
ap.add_argument('--thresholds', default='0.625,0.75')
a = ap.parse_args()


def f1(c):
    return 2 * c[0] / max(1, 2 * c[0] + c[1] + c[2])


sets = {n: corpus.eval_items(os.path.join(corpus.ROOT, 'eval', f'heldout{n}-labels.csv')) for n in a.sets.split(',')}
for name, (model, head) in (('a', a.a), ('b', a.b)):
    probs = export.onnx_probs(model, head)
    scores = {n: [T.item_scores([it], probs)[0] for it in items] for n, items in sets.items()}
    for thr in map(float, a.thresholds.split(',')):
        pooled, cells = [0, 0, 0], []
        for n, items in sets.items():
            per_set, per_source = [0, 0, 0], {}
            for it, sc in zip(items, scores[n]):
                pred = {T.C[j] for j in range(len(T.C)) if sc[j] >= thr}
                c = (len(pred & it.causes), len(pred - it.causes), len(it.causes - pred))
                for acc in (pooled, per_set, per_source.setdefault(it.part, [0, 0, 0])):
                    for k in range(3):
                        acc[k] += c[k]
            cells.append(f'held-out {n} {f1(per_set):.3f} (' + ', '.join(f'{s} {f1(v):.3f}' for s, v in sorted(per_source.items())) + ')')
        print(f'{name} {model} threshold {thr}: pooled micro F1 {f1(pooled):.4f}; ' + '; '.join(cells), flush=True)
