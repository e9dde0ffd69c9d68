"""Exports a fine-tuned CauseNet as the job consumes it:
  model.onnx      the encoder, int8 (dynamic quantization), with the base ONNX's signature
                  (input_ids, attention_mask, token_type_ids -> last_hidden_state), so the job's embedding path
                  (mean pooling, L2 normalisation) runs it unchanged
  tokenizer.json  the base model's tokenizer, unchanged
  cause-head.json the linear head over the normalised sentence vector (weights already scaled), the global
                  threshold and the training facts; the taxonomy bundle carries a copy
and checks that ONNX Runtime's int8 vectors stay close to PyTorch's fp32 ones."""
import hashlib, json, os, tempfile
import numpy as np
import onnx
import onnxruntime as ort
import torch
from onnxruntime.quantization import QuantType, quantize_dynamic

import base_model, corpus

MODEL_VERSION = '1.2.0'


def export(net, out, head_path, threshold, facts, b=None):
    b = b or base_model.base()
    os.makedirs(out, exist_ok=True)
    bert = net.bert.eval()

    # The fine-tuned weights are written into the base model's own ONNX graph (the one in the Maven jar, which
    # ONNX Runtime runs as PyTorch does to 4e-5), in place of the base weights: the reverse of base_model.load().
    # Tracing the model anew with torch.onnx's exporter (transformers 5, torch 2.13) gave a graph that differs from
    # PyTorch by up to 1.9 per hidden unit (measured), so nothing is traced.
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = os.path.join(tmp, 'fp32.onnx')
        graph = base_model.onnx_with_weights({k: v.detach().numpy() for k, v in bert.state_dict().items()}, b)
        onnx.save(graph, fp32)
        quantize_dynamic(fp32, os.path.join(out, "model.onnx"), weight_type=QuantType.QInt8, per_channel=True)
        check(bert, fp32, os.path.join(out, 'model.onnx'))
    with open(os.path.join(out, 'tokenizer.json'), 'wb') as f:
        f.write(base_model.tokenizer_json(b))
    with open(os.path.join(out, 'version.properties'), 'w') as f:
        f.write(f'version={MODEL_VERSION}\n')
    w = (net.head.weight.detach().numpy() * net.SCALE).astype(float)
    digest = hashlib.sha256()
    for name in ('model.onnx', 'tokenizer.json'):
        with open(os.path.join(out, name), 'rb') as f:
            digest.update(f.read())
    head = {'causes': corpus.CAUSES, 'threshold': threshold,
            'weights': [[round(x, 6) for x in row] for row in w.tolist()],
            'bias': [round(x, 6) for x in net.head.bias.detach().numpy().astype(float).tolist()],
            'encoder_sha256': digest.hexdigest(),
            'training': dict(facts, base_model=b.artifact, encoder_version=MODEL_VERSION)}
    with open(head_path, 'w') as f:
        json.dump(head, f)
    write_parity(out)
    print('exported to', out, os.path.getsize(os.path.join(out, 'model.onnx')) // 1024, 'KiB; head', head_path)


PARITY_SENTENCES = ['I was on hold for two hours and nobody ever picked up.',
                    'The agent on the phone was not rude at all.',
                    'Thanks so much, you guys are great!',
                    '@SkyLineAir lost my bag AGAIN, third time this year 😡']


def pooled_onnx(session, tok, texts):
    out = []
    for t in texts:
        ids = np.array([tok.encode(t).ids])
        feeds = {'input_ids': ids, 'attention_mask': np.ones_like(ids), 'token_type_ids': np.zeros_like(ids)}
        h = session.run(None, feeds)[0][0]
        v = h.mean(0)
        out.append(v / np.linalg.norm(v))
    return np.array(out)


def exported_tokenizer(out):
    with open(os.path.join(out, 'tokenizer.json'), 'rb') as f:
        return base_model.tokenizer(data=f.read())


def write_parity(out):
    """Vectors of a few sentences through the int8 ONNX, as the Java job must reproduce them (CauseEncoderTest)."""
    session = ort.InferenceSession(os.path.join(out, 'model.onnx'))
    vecs = pooled_onnx(session, exported_tokenizer(out), PARITY_SENTENCES)
    with open(os.path.join(out, 'parity.json'), 'w') as f:
        json.dump([{'text': t, 'vector': [round(float(x), 6) for x in v]} for t, v in zip(PARITY_SENTENCES, vecs)], f)


def onnx_probs(out, head_path):
    """Sentence probabilities through the exported int8 ONNX and head: the shipped form, scored like the others."""
    session = ort.InferenceSession(os.path.join(out, 'model.onnx'))
    tok = exported_tokenizer(out)
    head = json.load(open(head_path))
    W, b = np.array(head['weights']), np.array(head['bias'])

    def probs(texts):
        if not texts:
            return np.zeros((0, len(b)))
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        res = np.zeros((len(texts), len(b)), dtype=np.float32)
        for i in range(0, len(order), 64):
            idx = order[i:i + 64]
            enc = [tok.encode(texts[j]).ids for j in idx]
            n = max(len(e) for e in enc)
            ids = np.array([e + [0] * (n - len(e)) for e in enc])
            am = np.array([[1] * len(e) + [0] * (n - len(e)) for e in enc])
            h = session.run(None, {'input_ids': ids, 'attention_mask': am, 'token_type_ids': np.zeros_like(ids)})[0]
            v = (h * am[..., None]).sum(1) / am.sum(1, keepdims=True)
            v = v / np.linalg.norm(v, axis=1, keepdims=True)
            res[idx] = 1 / (1 + np.exp(-(v @ W.T + b)))
        return res
    return probs


def check(bert, fp32, int8):
    ids = np.array([[101, 1045, 2001, 2006, 2907, 2005, 2048, 2847, 102]])
    feeds = {'input_ids': ids, 'attention_mask': np.ones_like(ids), 'token_type_ids': np.zeros_like(ids)}
    with torch.no_grad():
        ref = bert(input_ids=torch.tensor(ids), attention_mask=torch.ones(ids.shape, dtype=torch.long)).last_hidden_state.numpy()
    a = ort.InferenceSession(fp32).run(None, feeds)[0]
    b = ort.InferenceSession(int8).run(None, feeds)[0]
    va, vb = ref.mean(1)[0], b.mean(1)[0]
    cos = float(va @ vb / np.linalg.norm(va) / np.linalg.norm(vb))
    diff = float(np.abs(a - ref).max())
    print(f'fp32 ONNX vs PyTorch max diff {diff:.2e}; int8 vs PyTorch pooled cosine {cos:.4f}')
    if diff > 1e-3:
        raise SystemExit(f'the exported graph does not compute what PyTorch does (max diff {diff})')

