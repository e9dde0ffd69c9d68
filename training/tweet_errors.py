"""The shipped encoder and head, model alone, on a tuning set's tweets: every complaint whose predicted causes differ
from the gold ones, with its text, gold, prediction and top four probabilities, as JSON lines for an error reading.
The texts come from the exports at run time; write them outside the repository (the tweets are CC BY-NC-SA).

  python training/tweet_errors.py [--labels eval/heldout5-labels.csv] [--threshold 0.75] --out /tmp/tweet-errors.jsonl"""
import argparse, json, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus, export, train_causes as T

ap = argparse.ArgumentParser()
ap.add_argument('--labels', default=T.HELDOUT5)
ap.add_argument('--threshold', type=float, default=0.75)  # taxonomy 3.2.0's semantic.threshold
ap.add_argument('--model', default=corpus.SHIPPED_MODEL)
ap.add_argument('--head', default=corpus.SHIPPED_HEAD)
ap.add_argument('--out', required=True)
a = ap.parse_args()
probs = export.onnx_probs(a.model, a.head)
items = [i for i in corpus.eval_items(a.labels) if i.part in ('twcs', 'airline')]
# One item per ONNX Runtime call, as close as Python gets to the job's one sentence per call: int8 activations are
# quantized per call, so a batch's neighbours move a sentence's probabilities a little (docs/BENCHMARKS.md).
scores = [T.item_scores([it], probs)[0] for it in items]
n = 0
with open(a.out, 'w') as out:
    for it, sc in zip(items, scores):
        predicted = {T.C[j] for j in range(len(T.C)) if sc[j] >= a.threshold}
        if predicted != it.causes:
            n += 1
            top = sorted(((float(sc[j]), T.C[j]) for j in range(len(T.C))), reverse=True)[:4]
            out.write(json.dumps({'n': n, 'source': it.part, 'id': it.key[1], 'text': it.text, 'gold': sorted(it.causes),
                                  'predicted': sorted(predicted), 'top_probabilities': [[c, round(p, 3)] for p, c in top]}) + '\n')
print(f'{n} of {len(items)} tweets differ from gold; written to {a.out}')
