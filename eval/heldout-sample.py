"""Selects the held-out set of eval/heldout-labels.csv (run from the repo root): 40 airline 'Customer Service Issue'
tweets, 20 other negative airline tweets, 20 twcs inbound tweets, 20 CFPB 2015-2020 narratives (<= 2,000 chars),
each group in order of sha1("rc-heldout:" + id), skipping ids already in eval/labels.csv."""
import csv, hashlib, sys
csv.field_size_limit(10**9)
D=(sys.argv[1] if len(sys.argv)>1 else '/work/shared/data/real')+'/'
dev=set()
for r in csv.DictReader(open('eval/labels.csv')): dev.add((r['source'],r['id']))
def h(i): return hashlib.sha1(('rc-heldout:'+i).encode()).hexdigest()
def pick(rows, n):
    seen=set(); out=[]
    for src,i,t in sorted(rows, key=lambda x:h(x[1])):
        if (src,i) in dev or i in seen: continue
        seen.add(i); out.append((src,i,t))
        if len(out)==n: break
    return out
air=list(csv.DictReader(open(D+'airline_tweets_Tweets.csv',encoding='utf-8')))
csi=[('airline',r['tweet_id'],r['text']) for r in air if r['negativereason']=='Customer Service Issue']
oth=[('airline',r['tweet_id'],r['text']+'   ['+r['negativereason']+']') for r in air if r['airline_sentiment']=='negative' and r['negativereason'] not in ('Customer Service Issue','')]
tw=[('twcs',r['tweet_id'],r['text']) for r in csv.DictReader(open(D+'twcs_customer_support_twitter_first5000.csv',encoding='utf-8')) if r.get('inbound')=='True' and r.get('text')]
cf=[('cfpb',r['Complaint ID'],r['Consumer complaint narrative']) for r in csv.DictReader(open(D+'cfpb_complaints_sample_2015_2020.csv',encoding='utf-8')) if r['Consumer complaint narrative'].strip() not in ('','None') and len(r['Consumer complaint narrative'])<=2000]
# Prints the selected ids only; read the texts from the exports themselves (never store them in the repo).
for name,rows,n in [('csi',csi,40),('oth',oth,20),('twcs',tw,20),('cfpb',cf,20)]:
    for s,i,t in pick(rows,n):
        print(f'{s},{i}')
