"""Reads the public exports' texts by (source, id), the way the held-out sampler does. The texts stay in the exports:
the repository holds ids and labels only."""
import csv, os
csv.field_size_limit(10**9)

DATA = os.environ.get('ROOTCAUSE_REAL_DATA', os.path.join(os.path.dirname(__file__), '..', '..', 'shared', 'data', 'real'))
CFPB_TRAIN_FILES = ('cfpb_complaints_export_2023_payday_personal_loans_narratives.csv', 'cfpb_complaints_sample_2012_2026.csv')
CFPB_EVAL_FILE = 'cfpb_complaints_sample_2015_2020.csv'  # evaluation only: no model trains on it


TWCS_FILE = 'twcs_customer_support_twitter_first5000.csv'


def read(name):
    """An export's rows, by file name under DATA."""
    return list(csv.DictReader(open(os.path.join(DATA, name), encoding='utf-8')))


def cfpb(files):
    out = {}
    for name in files:
        for r in read(name):
            t = r['Consumer complaint narrative'].strip()
            if t and t != 'None':
                out[('cfpb', r['Complaint ID'])] = t
    return out


def tweets():
    out = {}
    for r in read(TWCS_FILE):
        if r.get('inbound') in ('True', 'true') and (r.get('text') or '').strip():
            out[('twcs', r['tweet_id'])] = r['text']
    for r in read('airline_tweets_Tweets.csv'):
        if (r.get('text') or '').strip():
            out[('airline', r['tweet_id'])] = r['text']
    return out


def all_texts():
    out = tweets()
    out.update(cfpb(CFPB_TRAIN_FILES + (CFPB_EVAL_FILE,)))
    return out
