"""Draws the twcs polarity sample of eval/twcs-polarity-labels.csv (run from the repo root, before the sentiment
layer is built or tuned).

240 inbound (customer) twcs tweets, taken in order of sha1("rc-polarity:" + tweet_id), skipping empty texts and
texts already drawn (compared lower-cased, punctuation removed). Both labellers label every item, so the whole sample
is their overlap. It is the out-of-domain check for a sentiment model trained on airline tweets.

Prints source,id only: the texts stay in the export, never in the repository."""
import os
import csv, hashlib, re, sys
csv.field_size_limit(10**9)
D = (sys.argv[1] if len(sys.argv) > 1 else os.environ.get('ROOTCAUSE_REAL_DATA', '../shared/data/real')) + '/'

def h(i):
    return hashlib.sha1(('rc-polarity:' + i).encode()).hexdigest()

def key(text):
    return re.sub(r'\W+', ' ', text.lower()).strip()

rows = [(r['tweet_id'], r['text']) for r in csv.DictReader(open(D + 'twcs_customer_support_twitter_first5000.csv',
        encoding='utf-8')) if r.get('inbound') in ('True', 'true') and (r.get('text') or '').strip()]
out, texts, ids = [], set(), set()
for i, t in sorted(rows, key=lambda x: h(x[0])):
    if i in ids or key(t) in texts:
        continue
    ids.add(i); texts.add(key(t)); out.append(i)
    if len(out) == 240:
        break
print('source,id')
for i in out:
    print('twcs,' + i)
