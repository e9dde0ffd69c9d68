"""The shipped pipeline's model-alone scores, shared by the measuring scripts: item scores one item per ONNX Runtime
call, and the taxonomy's threshold per cause."""
import os

import numpy as np
import yaml

import corpus, train_causes as T

TAXONOMY = os.path.join(corpus.ROOT, 'src/main/resources/rootcause/taxonomy/taxonomy.yaml')


def per_item(items, probs):
    """Item scores one item per ONNX Runtime call, as close as Python gets to the job's one sentence per call: int8
    activations are quantized per call, so a batch's neighbours move a sentence's probabilities a little
    (docs/BENCHMARKS.md)."""
    return np.array([T.item_scores([it], probs)[0] for it in items])


def taxonomy_thresholds(path=TAXONOMY):
    """The taxonomy's threshold per cause, in train_causes.C's order: its own where it sets one, else semantic.threshold."""
    taxonomy = yaml.safe_load(open(path))
    own = {c['id']: c['threshold'] for c in taxonomy['causes'] if 'threshold' in c}
    return [float(own.get(c, taxonomy['semantic']['threshold'])) for c in T.C]
