"""Trains and compares the cause-model candidates on the labelled corpus, and exports the one that ships.

  python training/train_causes.py curve   [--sizes 1000,2000,4000,all] [--candidates lr,tfidf,finetune]
  python training/train_causes.py ship    --out models/cause-encoder     (fine-tunes on every corpus item, exports)

Candidates (all score sentences; a complaint shows a cause when one of its sentences reaches the threshold):
  lr        frozen all-MiniLM-L6-v2 sentence embeddings, one logistic regression per cause
  tfidf     the same with TF-IDF word 1-2-grams beside the embeddings
  finetune  all-MiniLM-L6-v2 fine-tuned end to end (embeddings and the lowest layer frozen) with a multi-label
            linear head over the mean-pooled, L2-normalised sentence vector: exactly what the Java job computes,
            so the exported encoder plugs into the job's embedding path and the head is plain data.
Split: items grouped (a text's sentences never straddle), 20 % of corpus items held out as dev, by a hash of the id.
Thresholds: one global threshold, chosen on held-out 3 (which issue 24 frees for tuning), and per-cause thresholds
chosen on the corpus dev split, both reported. Seeds are fixed; CPU only."""
import argparse, hashlib, json, os, random, sys, time
import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import base_model, corpus
from base_model import tokenizer

SEED = 13
torch.set_num_threads(int(os.environ.get('TRAIN_THREADS', '2')))
C = corpus.CAUSES
CI = {c: i for i, c in enumerate(C)}
FALLBACK = {'venting'}  # `fallback: true` in src/main/resources/rootcause/taxonomy/taxonomy.yaml
HELDOUT3 = os.path.join(corpus.ROOT, 'eval', 'heldout3-labels.csv')
# Held-out 4 was scored once (issue 24) and is tuning data since: with held-out 3 it picks the global threshold.
HELDOUT4 = os.path.join(corpus.ROOT, 'eval', 'heldout4-labels.csv')
# Held-out 5 likewise, since it was scored once (taxonomy 3.1.0); held-out 6 takes its place and is not read here.
HELDOUT5 = os.path.join(corpus.ROOT, 'eval', 'heldout5-labels.csv')


def log(*a):
    print(time.strftime('%H:%M:%S'), *a, flush=True)


def is_dev(item):
    return int(hashlib.sha1(('rc-dev:' + item.key[0] + ':' + item.key[1]).encode()).hexdigest(), 16) % 5 == 0


def units_of(items):
    """Sentences, label matrix (1 positive, 0 negative) and mask (1 = trained on) of the items' units."""
    texts, y, m, owner = [], [], [], []
    for k, it in enumerate(items):
        for s, pos, unknown in it.units():
            texts.append(s)
            y.append([1.0 if c in pos else 0.0 for c in C])
            m.append([0.0 if c in unknown else 1.0 for c in C])
            owner.append(k)
    return texts, np.array(y, dtype=np.float32), np.array(m, dtype=np.float32), np.array(owner)


# ---------- scoring (whole items: a cause is found when any sentence reaches its threshold) ----------

def item_scores(items, sentence_probs_fn):
    """Per item, the max over its sentences of each cause's probability; and argmax sentence per cause."""
    texts = [s for it in items for s in it.sentences]
    probs = sentence_probs_fn(texts) if texts else np.zeros((0, len(C)))
    out, k = [], 0
    for it in items:
        n = len(it.sentences)
        out.append(probs[k:k + n].max(0) if n else np.zeros(len(C)))
        k += n
    return np.array(out)


def prf(items, scores, thresholds):
    tp = fp = fn = 0
    per = {c: [0, 0, 0] for c in C}
    for it, s in zip(items, scores):
        pred = {c for c in C if s[CI[c]] >= thresholds[CI[c]]}
        if pred - FALLBACK:
            pred -= FALLBACK  # the taxonomy's fallback causes count only when nothing else matched, as in the job
        gold = it.causes & set(C)
        for c in pred & gold: per[c][0] += 1
        for c in pred - gold: per[c][1] += 1
        for c in gold - pred: per[c][2] += 1
        tp += len(pred & gold); fp += len(pred - gold); fn += len(gold - pred)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    f1s = [2 * a / (2 * a + b + d) for c, (a, b, d) in per.items() if a + d > 0]
    return {'p': p, 'r': r, 'f1': f, 'macro_f1': float(np.mean(f1s)) if f1s else 0.0, 'per_cause': per}


def best_global(items, scores):
    grid = np.round(np.arange(0.2, 0.96, 0.025), 3)
    res = [(prf(items, scores, [t] * len(C))['f1'], t) for t in grid]
    return max(res)[1]


def best_per_cause(items, scores, fallback):
    th = [fallback] * len(C)
    for c in C:
        best = (prf(items, scores, th)['f1'], th[CI[c]])
        for t in np.round(np.arange(0.2, 0.96, 0.05), 3):
            trial = list(th); trial[CI[c]] = t
            f = prf(items, scores, trial)['f1']
            if f > best[0] + 1e-9:
                best = (f, t)
        th[CI[c]] = best[1]
    return th


# ---------- frozen embeddings ----------

class Frozen:
    def __init__(self, b=None):
        self.tok = tokenizer(b)
        self.bert = base_model.load(b)
        self.memo = {}

    def embed(self, texts):
        todo = sorted((t for t in dict.fromkeys(texts) if t not in self.memo), key=len)  # similar lengths: less padding
        for i in range(0, len(todo), 64):
            batch = todo[i:i + 64]
            vecs = encode(self.bert, self.tok, batch)
            for t, v in zip(batch, vecs):
                self.memo[t] = v
        return np.array([self.memo[t] for t in texts]) if texts else np.zeros((0, 384), dtype=np.float32)


def encode(bert, tok, texts):
    enc = tok.encode_batch(texts)
    n = max(len(e.ids) for e in enc)
    ids = torch.tensor([e.ids + [0] * (n - len(e.ids)) for e in enc])
    am = torch.tensor([[1] * len(e.ids) + [0] * (n - len(e.ids)) for e in enc])
    with torch.no_grad():
        return pooled(bert, ids, am).numpy()


def pooled(bert, ids, am):
    h = bert(input_ids=ids, attention_mask=am, token_type_ids=torch.zeros_like(ids)).last_hidden_state
    v = (h * am[..., None]).sum(1) / am.sum(1, keepdim=True)
    return F.normalize(v, dim=-1)


def fit_lr(X, y, m, C_reg=4.0):
    from sklearn.linear_model import LogisticRegression
    models = []
    for j in range(len(C)):
        keep = m[:, j] > 0
        yy = y[keep, j]
        if yy.sum() == 0 or yy.sum() == len(yy):
            models.append(None); continue
        lr = LogisticRegression(C=C_reg, class_weight='balanced', max_iter=2000)
        lr.fit(X[keep], yy)
        models.append(lr)
    return models


def lr_probs(models, X):
    out = np.zeros((X.shape[0], len(C)), dtype=np.float32)
    for j, lr in enumerate(models):
        if lr is not None:
            out[:, j] = lr.predict_proba(X)[:, 1]
    return out


def candidate_lr(frozen, train, with_tfidf):
    texts, y, m, _ = units_of(train)
    X = frozen.embed(texts)
    vec = None
    if with_tfidf:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from scipy.sparse import hstack, csr_matrix
        vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, lowercase=True)
        T = vec.fit_transform(texts)
        X = hstack([csr_matrix(X * 3.0), T]).tocsr()
    models = fit_lr(X, y, m)

    def probs(ts):
        Z = frozen.embed(ts)
        if vec is not None:
            from scipy.sparse import hstack, csr_matrix
            Z = hstack([csr_matrix(Z * 3.0), vec.transform(ts)]).tocsr()
        return lr_probs(models, Z)
    return probs


# ---------- end-to-end fine-tuning ----------

class CauseNet(torch.nn.Module):
    SCALE = 10.0

    def __init__(self, b=None):
        super().__init__()
        self.bert = base_model.load(b)
        self.head = torch.nn.Linear(384, len(C))

    def forward(self, ids, am):
        return self.head(pooled(self.bert, ids, am) * self.SCALE)


def masks(bert, am, h):
    mask, _ = bert._create_attention_masks(attention_mask=am, encoder_attention_mask=None, embedding_output=h,
                                           encoder_hidden_states=None, past_key_values=None)
    return mask


def lower_states(bert, tok, texts, k, batch=64):
    """Hidden states after the k frozen lower layers, per sentence (its own length), computed once: the frozen part of
    the network does not change, so training runs only the upper layers (3x faster on 2 cores)."""
    out = [None] * len(texts)
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    with torch.no_grad():
        for i in range(0, len(order), batch):
            b = order[i:i + batch]
            enc = [tok.encode(texts[j]).ids for j in b]
            n = max(len(e) for e in enc)
            ids = torch.tensor([e + [0] * (n - len(e)) for e in enc])
            am = torch.tensor([[1] * len(e) + [0] * (n - len(e)) for e in enc])
            h = bert.embeddings(input_ids=ids, token_type_ids=torch.zeros_like(ids))
            mask = masks(bert, am, h)
            for layer in bert.encoder.layer[:k]:
                h = layer(h, mask)
            for r, j in enumerate(b):
                out[j] = h[r, :len(enc[r])].to(torch.float16)
    return out


def upper_pooled(bert, states, k):
    n = max(s.shape[0] for s in states)
    h = torch.zeros(len(states), n, states[0].shape[1])
    am = torch.zeros(len(states), n, dtype=torch.long)
    for r, s in enumerate(states):
        h[r, :s.shape[0]] = s.float()
        am[r, :s.shape[0]] = 1
    mask = masks(bert, am, h)
    for layer in bert.encoder.layer[k:]:
        h = layer(h, mask)
    v = (h * am[..., None]).sum(1) / am.sum(1, keepdim=True)
    return F.normalize(v, dim=-1)


def finetune(train, epochs=3, neg_ratio=1.0, lr=1e-4, frozen_layers=3, batch=32, seed=SEED, deadline=None, b=None):
    """Fine-tunes the upper layers (all but frozen_layers) of base b and the head on the train items' sentences: every sentence
    that evidences a cause, and as many sentences that evidence none, drawn afresh each epoch."""
    torch.manual_seed(seed); random.seed(seed); np.random.seed(seed)
    tok = tokenizer(b)
    texts, y, m, _ = units_of(train)
    positive = [i for i in range(len(texts)) if y[i].sum() > 0]
    negative = [i for i in range(len(texts)) if y[i].sum() == 0]
    net = CauseNet(b)
    for p in net.bert.embeddings.parameters():
        p.requires_grad = False
    for layer in net.bert.encoder.layer[:frozen_layers]:
        for p in layer.parameters():
            p.requires_grad = False
    t0 = time.time()
    lower = lower_states(net.bert, tok, texts, frozen_layers)
    log(f'{len(texts)} sentences ({len(positive)} with a cause) through the {frozen_layers} frozen layers in {time.time() - t0:.0f} s')
    pos_weight = torch.tensor(np.clip((1 - y.mean(0)) / np.maximum(y.mean(0), 1e-3), 1, 8) ** 0.5, dtype=torch.float32)
    opt = torch.optim.AdamW([{'params': [p for p in net.bert.parameters() if p.requires_grad], 'lr': lr},
                             {'params': net.head.parameters(), 'lr': lr * 20}], weight_decay=0.01)
    rng = random.Random(seed)
    steps_per_epoch = (len(positive) + min(len(negative), int(len(positive) * neg_ratio))) // batch + 1
    total = steps_per_epoch * epochs
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, s / max(1, total // 10)) * max(0.0, (total - s) / total))
    for ep in range(epochs):
        idx = positive + rng.sample(negative, min(len(negative), int(len(positive) * neg_ratio)))
        rng.shuffle(idx)
        # batches of similar length (less padding), in random order
        chunks = [sorted(idx[i:i + batch * 20], key=lambda j: lower[j].shape[0]) for i in range(0, len(idx), batch * 20)]
        bs = [ch[i:i + batch] for ch in chunks for i in range(0, len(ch), batch)]
        rng.shuffle(bs)
        net.train()
        t0, seen, loss_sum = time.time(), 0, 0.0
        for b in bs:
            logits = net.head(upper_pooled(net.bert, [lower[j] for j in b], frozen_layers) * net.SCALE)
            yy, mm = torch.tensor(y[b]), torch.tensor(m[b])
            loss = (F.binary_cross_entropy_with_logits(logits, yy, pos_weight=pos_weight, reduction='none') * mm).sum() / mm.sum()
            loss.backward(); opt.step(); sched.step(); opt.zero_grad()
            seen += len(b); loss_sum += loss.item() * len(b)
            if len(bs) > 200 and (seen // len(b)) % 100 == 0:
                log(f'  {seen} sentences, {seen / (time.time() - t0):.1f} sentences/s')
            if deadline and time.time() > deadline:
                log('deadline reached, stopping early in epoch', ep + 1)
                net.eval(); return net, tok
        log(f'epoch {ep + 1}/{epochs}: {seen} sentences, loss {loss_sum / max(seen, 1):.4f}, {seen / (time.time() - t0):.1f} sentences/s')
    net.eval()
    return net, tok


def net_probs(net, tok):
    def probs(ts):
        out = []
        order = sorted(range(len(ts)), key=lambda i: len(ts[i]))
        res = np.zeros((len(ts), len(C)), dtype=np.float32)
        for i in range(0, len(order), 64):
            b = order[i:i + 64]
            enc = tok.encode_batch([ts[j] for j in b])
            n = max(len(e.ids) for e in enc)
            ids = torch.tensor([e.ids + [0] * (n - len(e.ids)) for e in enc])
            am = torch.tensor([[1] * len(e.ids) + [0] * (n - len(e.ids)) for e in enc])
            with torch.no_grad():
                res[b] = torch.sigmoid(net(ids, am)).numpy()
        return res
    return probs


# ---------- drivers ----------

def load_corpus():
    items = corpus.cfpb_items() + corpus.written_items()
    train = [it for it in items if not is_dev(it)]
    dev = [it for it in items if is_dev(it)]
    return items, train, dev


def subsample(train, n):
    if n == 'all' or int(n) >= len(train):
        return train
    rng = random.Random(SEED)
    s = list(train); rng.shuffle(s)
    return s[:int(n)]


def report(name, size, dev, h3, probs, out, h4=(), corpus_items=0, h5=()):
    dev_scores = item_scores(dev, probs)
    h3_scores = item_scores(h3, probs)
    h4_scores = item_scores(list(h4), probs) if h4 else np.zeros((0, len(C)))
    h5_scores = item_scores(list(h5), probs) if h5 else np.zeros((0, len(C)))
    t = best_global(h3 + list(h4) + list(h5), np.concatenate([h3_scores, h4_scores, h5_scores]))
    per = best_per_cause(dev, dev_scores, t)
    row = {'candidate': name, 'size': size, 'global_threshold': float(t),
           'dev_global': summary(prf(dev, dev_scores, [t] * len(C))),
           'dev_per_cause_thresholds': summary(prf(dev, dev_scores, per)),
           'heldout3_global': summary(prf(h3, h3_scores, [t] * len(C))),
           'heldout3_per_cause_thresholds': summary(prf(h3, h3_scores, per)),
           'heldout3_by_source': {s: summary(prf([i for i in h3 if i.part == s], h3_scores[[i.part == s for i in h3]], [t] * len(C)))
                                  for s in ('twcs', 'airline', 'cfpb')},
           'dev_by_part': {s: summary(prf([i for i in dev if i.part == s], dev_scores[[i.part == s for i in dev]], [t] * len(C)))
                           for s in ('cfpb', 'written')},
           'threshold_chosen_on': 'heldout3' + ('+heldout4' if h4 else '') + ('+heldout5' if h5 else ''),
           'corpus': f'{corpus_items:,} items'}
    if h4:
        row['heldout4_global'] = summary(prf(list(h4), h4_scores, [t] * len(C)))
        row['heldout4_by_source'] = {s: summary(prf([i for i in h4 if i.part == s], h4_scores[[i.part == s for i in h4]], [t] * len(C)))
                                     for s in ('twcs', 'airline', 'cfpb')}
    if h5:
        row['heldout5_global'] = summary(prf(list(h5), h5_scores, [t] * len(C)))
        row['heldout5_by_source'] = {s: summary(prf([i for i in h5 if i.part == s], h5_scores[[i.part == s for i in h5]], [t] * len(C)))
                                     for s in ('twcs', 'airline', 'cfpb')}
    log(json.dumps({k: (v if not k.endswith('_by_source') else {x: y['f1'] for x, y in v.items()}) for k, v in row.items()
                    if k in ('candidate', 'size', 'global_threshold', 'dev_global', 'heldout3_global', 'heldout4_global', 'heldout4_by_source',
                             'heldout5_global', 'heldout5_by_source')}))
    out.write(json.dumps(row) + '\n'); out.flush()
    return row


def summary(r):
    return {k: round(v, 4) for k, v in r.items() if k != 'per_cause'} | {'per_cause': r['per_cause']}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('mode', choices=['curve', 'ship'])
    ap.add_argument('--sizes', default='1000,2000,4000,all')
    ap.add_argument('--candidates', default='lr,tfidf,finetune')
    ap.add_argument('--epochs', type=int, default=3)
    ap.add_argument('--frozen-layers', type=int, default=3, help='fine-tuning: how many of the base model\'s layers stay frozen')
    ap.add_argument('--base', default=base_model.DEFAULT, choices=sorted(base_model.BASES), help='the base encoder')
    ap.add_argument('--with-heldout5', action='store_true', help='held-out 5 (scored once for 3.1.0) joins the tuning sets')
    ap.add_argument('--no-heldout4', action='store_true', help='choose the threshold on held-out 3 alone (before issue 24 freed held-out 4)')
    ap.add_argument('--out', default=corpus.SHIPPED_MODEL)
    ap.add_argument('--results', default=os.path.join(corpus.ROOT, 'training', 'results', 'learning-curve.jsonl'))
    ap.add_argument('--minutes', type=float, default=0, help='stop fine-tuning after this long (0: no limit)')
    ap.add_argument('--export', action='store_true',
                    help='curve: export the fine-tuned model of the largest size (models/cause-encoder and the head)')
    ap.add_argument('--head', default=corpus.SHIPPED_HEAD)
    a = ap.parse_args()
    items, train, dev = load_corpus()
    h3 = corpus.eval_items(HELDOUT3)
    h4 = [] if a.no_heldout4 else corpus.eval_items(HELDOUT4)
    h5 = corpus.eval_items(HELDOUT5) if a.with_heldout5 else []
    b = base_model.base(a.base)
    log(f'base {a.base}; corpus: {len(items)} items ({len(train)} train, {len(dev)} dev); tuning: held-out 3 {len(h3)}, '
        f'held-out 4 {len(h4)}, held-out 5 {len(h5)}')
    if a.mode == 'curve':
        os.makedirs(os.path.dirname(a.results), exist_ok=True)
        out = open(a.results, 'a')
        frozen = None
        for size in a.sizes.split(','):
            tr = subsample(train, size)
            label = f'{len(tr)}' if size != 'all' else f'all ({len(tr)})'
            for cand in a.candidates.split(','):
                log(f'{cand} on {label} items')
                if cand in ('lr', 'tfidf'):
                    frozen = frozen or Frozen(b)
                    probs = candidate_lr(frozen, tr, cand == 'tfidf')
                else:
                    deadline = time.time() + a.minutes * 60 if a.minutes else None
                    net, tok = finetune(tr, epochs=a.epochs, frozen_layers=a.frozen_layers, deadline=deadline, b=b)
                    probs = net_probs(net, tok)
                # the fine-tuned model is named by how many layers it trains when that is not the original recipe's 3
                name = cand if cand != 'finetune' or a.frozen_layers == 3 else f'finetune-fl{a.frozen_layers}'
                name += '' if a.base == base_model.DEFAULT else f'-{a.base}'
                row = report(name, len(tr), dev, h3, probs, out, h4, len(items), h5)
                if cand == 'finetune' and a.export and size == a.sizes.split(',')[-1]:
                    import export
                    os.makedirs(a.out, exist_ok=True)  # a fresh --out: torch.save needs the parent of its path
                    torch.save(net.state_dict(), os.path.join(a.out, '..', 'cause-encoder-fp32.pt.tmp'))
                    export.export(net, a.out, a.head, row['global_threshold'],
                                  {'items': len(tr), 'cfpb': sum(i.part == 'cfpb' for i in tr),
                                   'written': sum(i.part == 'written' for i in tr), 'epochs': a.epochs,
                                   'frozen_layers': a.frozen_layers, 'seed': SEED, 'dev_items': len(dev),
                                   'dev_micro_f1': row['dev_global']['f1'],
                                   'heldout3_micro_f1': row['heldout3_global']['f1']}, b)
                    # The shipped form: int8 ONNX through ONNX Runtime, as the job runs it.
                    report(name + '-int8', len(tr), dev, h3, export.onnx_probs(a.out, a.head), out, h4, len(items), h5)
    else:
        import export
        deadline = time.time() + a.minutes * 60 if a.minutes else None
        net, tok = finetune(items, epochs=a.epochs, frozen_layers=a.frozen_layers, deadline=deadline, b=b)
        tuning = h3 + h4 + h5
        tuning_scores = item_scores(tuning, net_probs(net, tok))
        t = best_global(tuning, tuning_scores)
        r = prf(tuning, tuning_scores, [t] * len(C))
        log(f'shipped model on the tuning sets (held-out 3 and 4): threshold {t} P {r["p"]:.3f} R {r["r"]:.3f} F1 {r["f1"]:.3f}')
        export.export(net, a.out, a.head, float(t), {'items': len(items), 'cfpb': sum(i.part == 'cfpb' for i in items),
                                             'written': sum(i.part == 'written' for i in items), 'epochs': a.epochs,
                                             'heldout3_f1_at_threshold': round(r['f1'], 4)}, b)


if __name__ == '__main__':
    main()
