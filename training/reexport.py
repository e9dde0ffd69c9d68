"""Re-exports a saved fine-tuned model (train_causes.py --export keeps models/cause-encoder-fp32.pt.tmp, untracked)
and scores the exported int8 form: python training/reexport.py --threshold 0.675"""
import argparse, os, sys
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus, train_causes as T
from export import export, onnx_probs

ap = argparse.ArgumentParser()
ap.add_argument('--state', default=os.path.join(corpus.ROOT, 'models', 'cause-encoder-fp32.pt.tmp'))
ap.add_argument('--out', default=os.path.join(corpus.ROOT, 'models', 'cause-encoder'))
ap.add_argument('--head', default=os.path.join(corpus.ROOT, 'src', 'main', 'resources', 'rootcause', 'taxonomy', 'cause-head.json'))
ap.add_argument('--results', default=os.path.join(corpus.ROOT, 'training', 'results', 'learning-curve.jsonl'))
ap.add_argument('--threshold', type=float, required=True)
a = ap.parse_args()
net = T.CauseNet()
net.load_state_dict(torch.load(a.state))
net.eval()
items, train, dev = T.load_corpus()
h3 = corpus.eval_items(T.HELDOUT3)
export(net, a.out, a.head, a.threshold, {'items': len(train), 'cfpb': sum(i.part == 'cfpb' for i in train),
                                        'written': sum(i.part == 'written' for i in train), 'epochs': 3,
                                        'frozen_layers': 3, 'seed': T.SEED, 'dev_items': len(dev)})
with open(a.results, 'a') as out:
    T.report('finetune-int8', len(train), dev, h3, onnx_probs(a.out, a.head), out)
