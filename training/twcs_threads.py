"""twcs tweets of the labelled held-out sets, split by their place in the thread: a customer's first tweet (no
in_response_to_tweet_id) against a reply in a conversation (usually to the company's answer). Model alone (the shipped
encoder and head, the taxonomy's thresholds), scored by train_causes.prf: where on twcs the model loses.

  python training/twcs_threads.py [--sets 3,4,5,6,7]

The labellers were told to label each text on its own, with no thread context."""
import argparse, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus, export, exports, train_causes as T
from shipped_scores import per_item, taxonomy_thresholds

ap = argparse.ArgumentParser()
ap.add_argument('--sets', default='3,4,5,6,7')
a = ap.parse_args()
replies = {r['tweet_id'] for r in exports.read(exports.TWCS_FILE) if (r.get('in_response_to_tweet_id') or '').strip()}
items = [it for n in a.sets.split(',') for it in corpus.eval_items(os.path.join(corpus.ROOT, 'eval', f'heldout{n}-labels.csv'))
         if it.part == 'twcs']
scores = per_item(items, export.onnx_probs(corpus.SHIPPED_MODEL, corpus.SHIPPED_HEAD))
th = taxonomy_thresholds()
for kind, is_reply in (('first tweet', False), ('reply', True)):
    sel = [i for i, it in enumerate(items) if (it.key[1] in replies) == is_reply]
    r = T.prf([items[i] for i in sel], [scores[i] for i in sel], th)
    with_cause = sum(1 for i in sel if items[i].causes)
    print(f'{kind}: {len(sel)} tweets, {with_cause} with a cause: P {r["p"]:.3f} R {r["r"]:.3f} micro F1 {r["f1"]:.3f}')
