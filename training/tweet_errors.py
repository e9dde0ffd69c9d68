"""The shipped encoder and head, model alone, on a tuning set's tweets: every complaint whose predicted causes differ
from the gold ones, with its text, gold, prediction and top four probabilities, as JSON lines for an error reading.
The texts come from the exports at run time; write them outside the repository (the tweets are CC BY-NC-SA).

  python training/tweet_errors.py [--labels eval/heldout5-labels.csv] [--threshold T] --out /tmp/tweet-errors.jsonl

Thresholds: the shipped taxonomy's, per cause; --threshold gives every cause one instead."""
import argparse, json, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus, export, train_causes as T
from shipped_scores import per_item, taxonomy_thresholds

ap = argparse.ArgumentParser()
ap.add_argument('--labels', default=T.HELDOUT5)
ap.add_argument('--threshold', type=float)
ap.add_argument('--model', default=corpus.SHIPPED_MODEL)
ap.add_argument('--head', default=corpus.SHIPPED_HEAD)
ap.add_argument('--out', required=True)
a = ap.parse_args()
probs = export.onnx_probs(a.model, a.head)
items = [i for i in corpus.eval_items(a.labels) if i.part in ('twcs', 'airline')]
scores = per_item(items, probs)
thresholds = [a.threshold] * len(T.C) if a.threshold is not None else taxonomy_thresholds()
n = 0
with open(a.out, 'w') as out:
    for it, sc in zip(items, scores):
        predicted = {T.C[j] for j in range(len(T.C)) if sc[j] >= thresholds[j]}
        if predicted != it.causes:
            n += 1
            top = sorted(((float(sc[j]), T.C[j]) for j in range(len(T.C))), reverse=True)[:4]
            out.write(json.dumps({'n': n, 'source': it.part, 'id': it.key[1], 'text': it.text, 'gold': sorted(it.causes),
                                  'predicted': sorted(predicted), 'top_probabilities': [[c, round(p, 3)] for p, c in top]}) + '\n')
print(f'{n} of {len(items)} tweets differ from gold; written to {a.out}')
