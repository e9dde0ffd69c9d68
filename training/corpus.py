"""The labelled corpus as training units: one unit per sentence, labelled from the evidence.

A sentence is a positive for each cause whose evidence lies in it, unknown (masked out of the loss) for the item's
other causes (labellers mark the clearest sentences, not every one), and a negative for every other cause. Items are
CFPB narratives (corpus/cfpb-labels.csv: ids and labels; the texts stay in the exports) and texts we wrote
(corpus/written/wN.jsonl, one file per writer: text, labels and evidence quotes). Held-out and evaluation sets are read as whole items."""
import csv, json, os, re
import exports, sentences

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
CORPUS = os.environ.get('ROOTCAUSE_CORPUS', os.path.join(ROOT, 'corpus'))
# The shipped cause encoder's folder and its head in the taxonomy bundle: what export.py writes and the scripts score.
SHIPPED_MODEL = os.path.join(ROOT, 'models', 'cause-encoder')
SHIPPED_HEAD = os.path.join(ROOT, 'src', 'main', 'resources', 'rootcause', 'taxonomy', 'cause-head.json')
CAUSES = ('staff_morale wrong_person indifference rudeness no_courtesy training_gaps information_not_at_hand '
          'rigid_rules no_empowerment fragmented_support waiting scripted_troubleshooting complaints_not_heard '
          'poor_systems inconsistency product_fault no_customer_focus culture_values complacency '
          'money_data_unsafe failed_recovery unmet_expectations venting').split()


class Item:
    def __init__(self, key, part, text, causes, evidence):
        self.key, self.part, self.text, self.causes = key, part, text, set(causes)
        self.sentences = sentences.split(text)
        # evidence: cause -> set of 0-based sentence indices
        self.evidence = evidence

    def units(self):
        """(sentence, positives, unknown) per sentence."""
        out = []
        for i, s in enumerate(self.sentences):
            pos = {c for c, idx in self.evidence.items() if i in idx}
            out.append((s, pos, self.causes - pos))
        return out


def _norm(t):
    return re.sub(r'\W+', ' ', t.lower()).strip()


def cfpb_items(path=os.path.join(CORPUS, 'cfpb-labels.csv')):
    texts = exports.cfpb(exports.CFPB_TRAIN_FILES)
    items = []
    for r in csv.DictReader(open(path)):
        key = (r['source'], r['id'])
        causes = r['cause_ids'].split()
        ev = {}
        for e in (r.get('evidence') or '').split():
            c, _, nums = e.partition(':')
            ev[c] = {int(n) - 1 for n in nums.split('+') if n.strip().isdigit()}
        items.append(Item(key, 'cfpb', texts[key], causes, ev))
    return items


WRITTEN = os.path.join(CORPUS, 'written')


def written_records(folder=WRITTEN):
    """The written texts as JSON objects, writer by writer (w1, w2, ..., w10: by number), each file in its order."""
    names = sorted((f for f in os.listdir(folder) if re.fullmatch(r'w\d+\.jsonl', f)), key=lambda f: int(f[1:-6]))
    for name in names:
        for line in open(os.path.join(folder, name), encoding='utf-8'):
            if line.strip():
                yield json.loads(line)


def written_items(folder=WRITTEN):
    items, seen = [], set()
    for o in written_records(folder):
        n = _norm(o['text'])
        if n in seen:
            continue
        seen.add(n)
        ss = sentences.split(o['text'])
        ev = {}
        for c, quotes in o['causes'].items():
            idx = set()
            for q in quotes:
                for i, s in enumerate(ss):
                    if q and (q in s or s in q):
                        idx.add(i)
            ev[c] = idx
        items.append(Item(('written', o['id']), 'written', o['text'], o['causes'].keys(), ev))
    return items


def eval_items(labels_csv):
    """A labelled export set (source,id,cause_ids) as items without evidence."""
    texts = exports.all_texts()
    return [Item((r['source'], r['id']), r['source'], texts[(r['source'], r['id'])], r['cause_ids'].split(), {})
            for r in csv.DictReader(open(labels_csv))]
