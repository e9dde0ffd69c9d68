"""Agreement of the two held-out labellers on the items both labelled (run from the repo root; the argument names the
set, heldout2 (default), heldout3, heldout4, heldout5, heldout6, heldout7 or heldout8, read from eval/SET-labeller-a.csv and -b.csv):
micro F1 of labeller b against labeller a over (item, cause) pairs, and Cohen's kappa over the binary
(item, cause) decisions, per source and per cause group. Prints the disagreements with --list."""
import csv, sys

GROUPS = {
    'people': 'staff_morale wrong_person indifference rudeness no_courtesy',
    'knowledge': 'training_gaps information_not_at_hand',
    'process': 'rigid_rules no_empowerment fragmented_support waiting scripted_troubleshooting complaints_not_heard',
    'systems': 'poor_systems inconsistency product_fault',
    'leadership': 'no_customer_focus culture_values complacency',
    'trust': 'money_data_unsafe', 'recovery': 'failed_recovery', 'customer': 'unmet_expectations venting',
}
GROUPS = {g: v.split() for g, v in GROUPS.items()}
CAUSES = [c for v in GROUPS.values() for c in v]

def load(path):
    return {(r['source'], r['id']): set(r['cause_ids'].split()) for r in csv.DictReader(open(path))}

def micro_f1(gold, pred, items, causes):
    tp = sum(len((gold[i] & pred[i]) & set(causes)) for i in items)
    fp = sum(len((pred[i] - gold[i]) & set(causes)) for i in items)
    fn = sum(len((gold[i] - pred[i]) & set(causes)) for i in items)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

def kappa(a, b, items, causes):
    n = n11 = n10 = n01 = n00 = 0
    for i in items:
        for c in causes:
            x, y = c in a[i], c in b[i]
            n += 1
            n11 += x and y; n10 += x and not y; n01 += y and not x; n00 += not x and not y
    po = (n11 + n00) / n
    pa, pb = (n11 + n10) / n, (n11 + n01) / n
    pe = pa * pb + (1 - pa) * (1 - pb)
    return (po - pe) / (1 - pe) if pe < 1 else 1.0

if __name__ == '__main__':
    name = next((x for x in sys.argv[1:] if not x.startswith('--')), 'heldout2')
    a, b = load(f'eval/{name}-labeller-a.csv'), load(f'eval/{name}-labeller-b.csv')
    both = [k for k in a if k in b]
    print(f'items labelled by both: {len(both)}')
    print(f'{"subset":<22} {"items":>5} {"micro F1":>8} {"kappa":>6}')
    for name, items in [('all', both)] + [(s, [k for k in both if k[0] == s]) for s in ('twcs', 'airline', 'cfpb')]:
        print(f'{name:<22} {len(items):>5} {micro_f1(a, b, items, CAUSES):>8.3f} {kappa(a, b, items, CAUSES):>6.3f}')
    for g, causes in GROUPS.items():
        print(f'{"group " + g:<22} {len(both):>5} {micro_f1(a, b, both, causes):>8.3f} {kappa(a, b, both, causes):>6.3f}')
    exact = sum(a[k] == b[k] for k in both)
    print(f'exact label-set agreement: {exact} of {len(both)}')
    if '--list' in sys.argv:
        for k in both:
            if a[k] != b[k]:
                print(f'{k[0]},{k[1]},a={" ".join(sorted(a[k]))},b={" ".join(sorted(b[k]))}')
