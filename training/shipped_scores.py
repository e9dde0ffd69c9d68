"""The shipped pipeline's model-alone scores, shared by the measuring scripts: item scores as compare_encoders.py
computes them, and the taxonomy's thresholds per cause."""
import os, re

import numpy as np

import corpus, train_causes as T


def per_item(items, probs):
    """Item scores one item per ONNX Runtime call, as compare_encoders.py: int8 outputs move with batch padding."""
    return np.array([T.item_scores([it], probs)[0] for it in items])


TAXONOMY = os.path.join(corpus.ROOT, 'src/main/resources/rootcause/taxonomy/taxonomy.yaml')


def taxonomy_thresholds():
    """The shipped taxonomy's threshold per cause: its own where it sets one, else semantic.threshold."""
    text = open(TAXONOMY).read()
    global_t = float(re.search(r'^semantic:\n(?:  .*\n)*?  threshold: ([0-9.]+)', text, re.M).group(1))
    own = {}
    for block in re.split(r'\n  - id: ', text)[1:]:
        m = re.match(r'(\w+)\n(?:    .*\n|\s*\n)*?    threshold: ([0-9.]+)', block)
        if m:
            own[m.group(1)] = float(m.group(2))
    return [own.get(c, global_t) for c in T.C]
