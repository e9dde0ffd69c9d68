"""Scores a saved fine-tuned model again (the fp32 state `train_causes.py --export` keeps beside the exported folder,
models/cause-encoder-fp32.pt.tmp, untracked), with the global threshold chosen on held-out 3, 4 and 5, and appends the
row to the learning curve: the like-for-like comparison for a candidate trained with --with-heldout5. With --export T
it also exports the saved weights again (int8 ONNX in --out, the head with threshold T) and scores that export.

  python training/rescore_saved.py [--state models/cause-encoder-fp32.pt.tmp] [--base all-minilm-l6-v2] [--export T]"""
import argparse, os, sys
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import base_model, corpus, export, train_causes as T

ap = argparse.ArgumentParser()
ap.add_argument('--state', default=os.path.join(corpus.ROOT, 'models', 'cause-encoder-fp32.pt.tmp'))
ap.add_argument('--base', default=base_model.DEFAULT, choices=sorted(base_model.BASES))
ap.add_argument('--name', default='finetune-fl1', help='the candidate name of its learning-curve row')
ap.add_argument('--results', default=os.path.join(corpus.ROOT, 'training', 'results', 'learning-curve.jsonl'))
ap.add_argument('--export', type=float, metavar='THRESHOLD', help='export again with this head threshold, and score the export')
ap.add_argument('--out', default=corpus.SHIPPED_MODEL)
ap.add_argument('--head', default=corpus.SHIPPED_HEAD)
a = ap.parse_args()
b = base_model.base(a.base)
net = T.CauseNet(b)
net.load_state_dict(torch.load(a.state))
net.eval()
items, train, dev = T.load_corpus()
h3, h4, h5 = (corpus.eval_items(p) for p in (T.HELDOUT3, T.HELDOUT4, T.HELDOUT5))
with open(a.results, 'a') as out:
    T.report(a.name, len(train), dev, h3, T.net_probs(net, T.tokenizer(b)), out, h4, len(items), h5)
    if a.export is not None:
        export.export(net, a.out, a.head, a.export, {'items': len(train), 'seed': T.SEED, 'dev_items': len(dev)}, b)
        T.report(a.name + '-int8', len(train), dev, h3, export.onnx_probs(a.out, a.head), out, h4, len(items), h5)
