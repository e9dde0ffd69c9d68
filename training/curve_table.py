"""Markdown tables of the learning curve (training/results/learning-curve.jsonl), for docs/BENCHMARK-CAUSES.md:
  python3 training/curve_table.py"""
import json, os

ROWS = [json.loads(l) for l in open(os.path.join(os.path.dirname(__file__), 'results', 'learning-curve.jsonl'))]
NAMES = {'lr': 'frozen all-MiniLM-L6-v2 + logistic regression per cause', 'tfidf': 'frozen embeddings + TF-IDF 1-2-grams + logistic regression',
         'finetune': 'fine-tuned (top 3 layers + head), PyTorch fp32', 'finetune-int8': 'fine-tuned, int8 ONNX per-channel as shipped (ONNX Runtime)',
         'finetune-int8-per-tensor': 'fine-tuned, int8 ONNX per-tensor (not shipped)',
         'finetune-fl1': 'fine-tuned (top 5 layers + head), PyTorch fp32', 'finetune-fl1-int8': 'fine-tuned (top 5 layers + head), int8 ONNX per-channel as shipped',
         'finetune-fl7-bge-small-en-v1.5': 'bge-small-en-v1.5 fine-tuned (top 5 of 12 layers + head), PyTorch fp32',
         'finetune-fl7-bge-small-en-v1.5-int8': 'bge-small-en-v1.5 fine-tuned (top 5 of 12 layers + head), int8 ONNX per-channel'}


def f(x):
    return f'{x:.3f}'


print('| candidate | corpus | training items | threshold | dev P | dev R | dev micro F1 | dev macro F1 | dev F1, per-cause thresholds | dev CFPB F1 | dev written F1 | held-out 3 P | held-out 3 R | held-out 3 micro F1 | held-out 3 macro F1 | twcs | airline | CFPB | held-out 4 micro F1 (model alone) | twcs | airline | CFPB | held-out 5 micro F1 (model alone) | twcs | airline | CFPB | threshold chosen on |')
print('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |')
for r in ROWS:
    d, h, s = r['dev_global'], r['heldout3_global'], r['heldout3_by_source']
    h4 = (f"{f(r['heldout4_global']['f1'])} | " + ' | '.join(f(r['heldout4_by_source'][x]['f1']) for x in ('twcs', 'airline', 'cfpb'))
          if 'heldout4_global' in r else ' | | | ')
    h5 = (f"{f(r['heldout5_global']['f1'])} | " + ' | '.join(f(r['heldout5_by_source'][x]['f1']) for x in ('twcs', 'airline', 'cfpb'))
          if 'heldout5_global' in r else ' | | | ')
    print(f"| {NAMES.get(r['candidate'], r['candidate'])} | {r.get('corpus', 'corpus of 3.0.0')} | {r['size']:,} | {r['global_threshold']} | {f(d['p'])} | {f(d['r'])} | {f(d['f1'])} | "
          f"{f(d['macro_f1'])} | {f(r['dev_per_cause_thresholds']['f1'])} | {f(r['dev_by_part']['cfpb']['f1'])} | {f(r['dev_by_part']['written']['f1'])} | "
          f"{f(h['p'])} | {f(h['r'])} | {f(h['f1'])} | {f(h['macro_f1'])} | {f(s['twcs']['f1'])} | {f(s['airline']['f1'])} | {f(s['cfpb']['f1'])} | {h4} | {h5} | {r.get('threshold_chosen_on', 'heldout3')} |")

last = [r for r in ROWS if r['candidate'] in ('finetune', 'finetune-fl1', 'finetune-fl7-bge-small-en-v1.5')][-1:]
for r in last:
    print(f"\nPer cause, fine-tuned on {r['size']:,} items (tp / fp / fn; dev split and held-out 3):\n")
    print('| cause | dev tp | dev fp | dev fn | dev F1 | held-out 3 tp | fp | fn | F1 |')
    print('| --- | --- | --- | --- | --- | --- | --- | --- | --- |')
    for c, (a, b, d) in r['dev_global']['per_cause'].items():
        x, y, z = r['heldout3_global']['per_cause'][c]
        f1 = lambda a, b, d: f(2 * a / (2 * a + b + d)) if a + b + d else 'n/a'
        print(f'| {c} | {a} | {b} | {d} | {f1(a, b, d)} | {x} | {y} | {z} | {f1(x, y, z)} |')
