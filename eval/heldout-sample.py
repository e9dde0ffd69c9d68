"""Draws a held-out set (run from the repo root, before any tuning it judges): `python3 eval/heldout-sample.py SET [DATA]`
with SET heldout2 (eval/heldout2-labels.csv), heldout3 (eval/heldout3-labels.csv), heldout4, heldout5, heldout6, heldout7 or heldout8 (issue 24: 150
twcs, 150 airline, 100 CFPB from the 2015-2020 file, every item labelled by both labellers).

300 complaints: 100 twcs inbound tweets, 100 airline tweets (any sentiment, as the job ingests them) and 100 CFPB
narratives, 34/33/33 from the three CFPB files (narratives of at most 2,500 characters, so one labeller can read
them all). Each group is taken in order of sha1("rc-SET:" + id), skipping the ids of the labelled sets that existed
when SET was drawn (EARLIER_SETS) and texts already drawn. Every fourth item of each group (by that order) is
labelled by both labellers: 25 per group, 75 items of overlap; the rest alternate between labeller a and b.
The second held-out set was scored once, after the 2.0.0 tuning; from then on it is tuning data, and the third
takes its place.

Prints source,id,labeller (a, b or ab) only: the texts stay in the exports, never in the repository."""
import os
import csv, hashlib, re, sys
csv.field_size_limit(10**9)
EARLIER_SETS = {
    'heldout2': ('eval/labels.csv', 'eval/heldout-labels.csv'),
    'heldout3': ('eval/labels.csv', 'eval/heldout-labels.csv', 'eval/heldout2-labels.csv', 'eval/cfpb-train-labels.csv'),
    'heldout4': ('eval/labels.csv', 'eval/heldout-labels.csv', 'eval/heldout2-labels.csv', 'eval/cfpb-train-labels.csv',
                 'eval/heldout3-labels.csv'),
    'heldout5': ('eval/labels.csv', 'eval/heldout-labels.csv', 'eval/heldout2-labels.csv', 'eval/cfpb-train-labels.csv',
                 'eval/heldout3-labels.csv', 'eval/heldout4-labels.csv'),
    'heldout6': ('eval/labels.csv', 'eval/heldout-labels.csv', 'eval/heldout2-labels.csv', 'eval/cfpb-train-labels.csv',
                 'eval/heldout3-labels.csv', 'eval/heldout4-labels.csv', 'eval/heldout5-labels.csv',
                 # the 80 real tweets the corpus writers of rounds 2 and 3 read for the voice (texts stay out of the repo)
                 'eval/voice-sample-ids.csv'),
    'heldout7': ('eval/labels.csv', 'eval/heldout-labels.csv', 'eval/heldout2-labels.csv', 'eval/cfpb-train-labels.csv',
                 'eval/heldout3-labels.csv', 'eval/heldout4-labels.csv', 'eval/heldout5-labels.csv',
                 'eval/heldout6-labels.csv', 'eval/voice-sample-ids.csv'),
    'heldout8': ('eval/labels.csv', 'eval/heldout-labels.csv', 'eval/heldout2-labels.csv', 'eval/cfpb-train-labels.csv',
                 'eval/heldout3-labels.csv', 'eval/heldout4-labels.csv', 'eval/heldout5-labels.csv',
                 'eval/heldout6-labels.csv', 'eval/heldout7-labels.csv', 'eval/voice-sample-ids.csv'),
}
SET = sys.argv[1]
D = (sys.argv[2] if len(sys.argv) > 2 else os.environ.get('ROOTCAUSE_REAL_DATA', '../shared/data/real')) + '/'
seen_ids = set()
for f in EARLIER_SETS[SET]:
    for r in csv.DictReader(open(f)):
        seen_ids.add((r['source'], r['id']))

def h(i):
    return hashlib.sha1(('rc-' + SET + ':' + i).encode()).hexdigest()

def key(text):
    return re.sub(r'\W+', ' ', text.lower()).strip()

def pick(rows, n):
    out, texts, ids = [], set(), set()
    for src, i, t in sorted(rows, key=lambda x: h(x[1])):
        if (src, i) in seen_ids or i in ids or key(t) in texts:
            continue
        ids.add(i); texts.add(key(t)); out.append((src, i))
        if len(out) == n:
            break
    return out

def read(name):
    return list(csv.DictReader(open(D + name, encoding='utf-8')))

tw = [('twcs', r['tweet_id'], r['text']) for r in read('twcs_customer_support_twitter_first5000.csv')
      if r.get('inbound') in ('True', 'true') and (r.get('text') or '').strip()]
air = [('airline', r['tweet_id'], r['text']) for r in read('airline_tweets_Tweets.csv') if (r.get('text') or '').strip()]

def cfpb(name):
    return [('cfpb', r['Complaint ID'], r['Consumer complaint narrative']) for r in read(name)
            if r['Consumer complaint narrative'].strip() not in ('', 'None') and len(r['Consumer complaint narrative']) <= 2500]

if SET in ('heldout4', 'heldout5', 'heldout6', 'heldout7', 'heldout8'):
    # issue 24: 150 twcs, 150 airline and 100 CFPB narratives, all from the 2015-2020 file (which no model trains on);
    # every item is labelled by both labellers, so the overlap is the whole set. heldout5 replaces the spent heldout4
    # as the set the next model change is scored on once, heldout6 the spent heldout5, heldout7 the spent heldout6,
    # and heldout8 the spent heldout7.
    groups = [pick(tw, 150), pick(air, 150), pick(cfpb('cfpb_complaints_sample_2015_2020.csv'), 100)]
    print('source,id,labeller')
    for g in groups:
        for s, i in g:
            print(f'{s},{i},ab')
    sys.exit(0)

groups = [
    pick(tw, 100),
    pick(air, 100),
    pick(cfpb('cfpb_complaints_sample_2015_2020.csv'), 34)
    + pick(cfpb('cfpb_complaints_export_2023_payday_personal_loans_narratives.csv'), 33)
    + pick(cfpb('cfpb_complaints_sample_2012_2026.csv'), 33),
]
print('source,id,labeller')
for g in groups:
    single = 0
    for k, (s, i) in enumerate(g):
        if k % 4 == 0:
            who = 'ab'
        else:
            who = 'a' if single % 2 == 0 else 'b'
            single += 1
        print(f'{s},{i},{who}')
