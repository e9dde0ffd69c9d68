"""Exports a fine-tuned CauseNet as the job consumes it:
  model.onnx      the encoder, int8 (dynamic quantization), with the base ONNX's signature
                  (input_ids, attention_mask, token_type_ids -> last_hidden_state), so the job's embedding path
                  (mean pooling, L2 normalisation) runs it unchanged
  tokenizer.json  the base model's tokenizer, unchanged
  cause-head.json the linear head over the normalised sentence vector (weights already scaled), the global
                  threshold and the training facts; the taxonomy bundle carries a copy
and checks that ONNX Runtime's int8 vectors stay close to PyTorch's fp32 ones."""
import json, os, tempfile
import numpy as np
import onnxruntime as ort
import torch
from onnxruntime.quantization import QuantType, quantize_dynamic

import base_model, corpus


def export(net, out, threshold, facts):
    os.makedirs(out, exist_ok=True)
    bert = net.bert.eval()

    class Encoder(torch.nn.Module):
        def __init__(self, b):
            super().__init__()
            self.b = b

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.b(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids).last_hidden_state

    ids = torch.tensor([[101, 2023, 2003, 1037, 3231, 102]])
    am = torch.ones_like(ids)
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = os.path.join(tmp, 'fp32.onnx')
        torch.onnx.export(Encoder(bert), (ids, am, torch.zeros_like(ids)), fp32, dynamo=False,
                          input_names=['input_ids', 'attention_mask', 'token_type_ids'], output_names=['last_hidden_state'],
                          dynamic_axes={n: {0: 'batch', 1: 'sequence'} for n in ['input_ids', 'attention_mask', 'token_type_ids', 'last_hidden_state']},
                          opset_version=14)
        quantize_dynamic(fp32, os.path.join(out, 'model.onnx'), weight_type=QuantType.QInt8)
        check(bert, fp32, os.path.join(out, 'model.onnx'))
    with open(os.path.join(out, 'tokenizer.json'), 'wb') as f:
        f.write(base_model.tokenizer_json())
    w = (net.head.weight.detach().numpy() * net.SCALE).astype(float)
    head = {'causes': corpus.CAUSES, 'threshold': threshold, 'dimension': int(w.shape[1]),
            'weights': [[round(x, 6) for x in row] for row in w.tolist()],
            'bias': [round(x, 6) for x in net.head.bias.detach().numpy().astype(float).tolist()],
            'base_model': base_model.ARTIFACT, 'training': facts}
    with open(os.path.join(out, 'cause-head.json'), 'w') as f:
        json.dump(head, f)
    print('exported to', out, os.path.getsize(os.path.join(out, 'model.onnx')) // 1024, 'KiB')


def check(bert, fp32, int8):
    ids = np.array([[101, 1045, 2001, 2006, 2907, 2005, 2048, 2847, 102]])
    feeds = {'input_ids': ids, 'attention_mask': np.ones_like(ids), 'token_type_ids': np.zeros_like(ids)}
    with torch.no_grad():
        ref = bert(input_ids=torch.tensor(ids), attention_mask=torch.ones(ids.shape, dtype=torch.long)).last_hidden_state.numpy()
    a = ort.InferenceSession(fp32).run(None, feeds)[0]
    b = ort.InferenceSession(int8).run(None, feeds)[0]
    va, vb = ref.mean(1)[0], b.mean(1)[0]
    cos = float(va @ vb / np.linalg.norm(va) / np.linalg.norm(vb))
    print(f'fp32 ONNX vs PyTorch max diff {np.abs(a - ref).max():.2e}; int8 vs fp32 pooled cosine {cos:.4f}')
