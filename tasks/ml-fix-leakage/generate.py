"""Generate the graded data for ml-fix-leakage (run OUTSIDE the box).

    python generate.py SEED OUTDIR

For each case: OUTDIR/data/hNN_history.csv (a labelled history export, same shape as
box/data/history.csv) and OUTDIR/data/hNN_scoring.csv (a scoring export: customers as
of the snapshot date, exported on that date, before their outcome is known), plus
OUTDIR/hidden.json whose expected values are the true outcomes of the scoring rows.

In a history export three columns carry the outcome: cancellation_reason and
retention_offer_sent are written after a customer cancels, and days_since_last_login is
computed on the export date, months after the snapshot. In a scoring export they carry
nothing about the outcome. A model that uses them looks excellent on a held-out slice
of history and predicts almost nobody churns on scoring data.

The public sample data in box/data was made by this module too (see make_public).
"""
import json
import os
import sys

import numpy as np
import pandas as pd

DATA = "/task/data"
PLANS = np.array(["basic", "plus", "pro"])
CHANNELS = np.array(["web", "store", "partner"])
REASONS = np.array(["price", "moved", "competitor", "not using it", "other"])


def customers(rng, n, churn_shift, first_id):
    """Snapshot-time features and each customer's churn probability."""
    plan = rng.choice(3, n, p=[0.5, 0.3, 0.2])
    channel = rng.choice(3, n, p=[0.55, 0.25, 0.2])
    tenure = np.minimum(rng.geometric(1 / 18, n), 96)
    discount = rng.choice([0, 10, 20, 30], n, p=[0.55, 0.2, 0.15, 0.1])
    fee = np.round(np.array([9.0, 19.0, 39.0])[plan] * (1 - discount / 100)
                   + rng.normal(0, 0.5, n), 2)
    engagement = rng.normal(0, 1, n)
    logins = rng.poisson(np.exp(1.8 + 0.8 * engagement))
    tickets = rng.poisson(0.6 + 0.8 * (engagement < -0.8))
    late = rng.poisson(0.25, n)
    logit = (churn_shift - 0.035 * tenure + 0.75 * tickets - 1.3 * engagement
             + 0.9 * late + np.array([0.4, 0.0, -0.6])[plan]
             + np.array([0.0, -0.3, 0.9])[channel] - 0.03 * discount)
    p = 1 / (1 + np.exp(-1.6 * logit))
    frame = pd.DataFrame({
        "customer_id": first_id + rng.permutation(n),
        "plan": PLANS[plan],
        "signup_channel": CHANNELS[channel],
        "tenure_months": tenure,
        "monthly_fee": fee,
        "discount_pct": discount,
        "logins_30d": logins,
        "support_tickets_90d": tickets,
        "late_payments_12m": late,
    })
    return frame, p


def history_export(rng, frame, churned):
    """Columns as the history export writes them, months after the snapshot."""
    n = len(frame)
    frame = frame.copy()
    idle = rng.exponential(30.0 / (frame["logins_30d"].to_numpy() + 1))
    frame["days_since_last_login"] = np.where(
        churned, rng.integers(35, 320, n), np.minimum(idle, 60)).astype(int)
    frame["retention_offer_sent"] = np.where(
        churned, rng.random(n) < 0.9, rng.random(n) < 0.03).astype(int)
    reason = np.where(rng.random(n) < 0.9, REASONS[rng.integers(0, 5, n)], "")
    frame["cancellation_reason"] = np.where(churned, reason, "")
    return frame


def scoring_export(rng, frame):
    """The same columns on the snapshot date: nothing has happened yet."""
    frame = frame.copy()
    idle = rng.exponential(30.0 / (frame["logins_30d"].to_numpy() + 1))
    frame["days_since_last_login"] = np.minimum(idle, 60).astype(int)
    frame["retention_offer_sent"] = 0
    frame["cancellation_reason"] = ""
    return frame


def labels(flags):
    return np.where(flags, "yes", "no")


def macro_f1(y_true, y_pred):
    scores = []
    for label in np.unique(y_true):  # as the grader does: the true classes only
        tp = np.sum((y_true == label) & (y_pred == label))
        d = np.sum(y_true == label) + np.sum(y_pred == label)
        scores.append(2 * tp / d if d else 0.0)
    return float(np.mean(scores))


# name, training rows, scoring rows, churn shift (sets the churn rate), allowance
CASES = [
    ("scoring export, typical churn", 1500, 600, -1.5, 0.16),
    ("scoring export, low churn", 1500, 600, -2.1, 0.18),
    ("scoring export, high churn", 1500, 600, -0.8, 0.16),
    ("scoring export, small history", 700, 600, -1.5, 0.18),
    ("scoring export, large history", 2000, 600, -1.5, 0.16),
    ("scoring export, second quarter", 1500, 500, -1.2, 0.16),
    ("scoring export, third quarter", 1500, 500, -1.8, 0.18),
    ("scoring export, very low churn", 1600, 700, -2.8, 0.21),
    ("scoring export, new partner push", 1500, 600, -1.0, 0.16),
    ("scoring export, fourth quarter", 1500, 600, -2.0, 0.16),
]


def make_case(rng, n_train, n_test, shift):
    train, p_train = customers(rng, n_train, shift, 10_000)
    churned_train = rng.random(n_train) < p_train
    train = history_export(rng, train, churned_train)
    train["churned"] = labels(churned_train)
    test, p_test = customers(rng, n_test, shift, 50_000)
    churned_test = rng.random(n_test) < p_test
    return train, scoring_export(rng, test), labels(churned_test), labels(p_test > 0.5)


def main():
    seed, outdir = int(sys.argv[1]), sys.argv[2]
    os.makedirs(os.path.join(outdir, "data"), exist_ok=True)
    cases = []
    for i, (name, n_train, n_test, shift, allowance) in enumerate(CASES):
        rng = np.random.default_rng([seed, i])
        train, test, y_test, oracle = make_case(rng, n_train, n_test, shift)
        tag = f"h{i + 1:02d}"
        train.to_csv(os.path.join(outdir, "data", f"{tag}_history.csv"), index=False)
        test.to_csv(os.path.join(outdir, "data", f"{tag}_scoring.csv"), index=False)
        threshold = round(macro_f1(y_test, oracle) - allowance, 3)
        cases.append({
            "name": name,
            "input": {"train": f"{DATA}/{tag}_history.csv", "test": f"{DATA}/{tag}_scoring.csv"},
            "expected": y_test.tolist(),
            "compare": {"mode": "metric", "metric": "macro-f1", "min": threshold},
        })
    with open(os.path.join(outdir, "hidden.json"), "w") as f:
        json.dump(cases, f)


def make_public(boxdata):
    """box/data/history.csv and holdout.csv: one history export split at random, the
    holdout's outcome removed. Returns the holdout's labels (public.json's expected)."""
    rng = np.random.default_rng(20240101)
    frame, p = customers(rng, 1900, -1.5, 10_000)
    churned = rng.random(len(frame)) < p
    frame = history_export(rng, frame, churned)
    frame["churned"] = labels(churned)
    history, holdout = frame.iloc[:1500], frame.iloc[1500:]
    history.to_csv(os.path.join(boxdata, "history.csv"), index=False)
    holdout.drop(columns=["churned"]).to_csv(os.path.join(boxdata, "holdout.csv"),
                                             index=False)
    return holdout["churned"].tolist(), labels(p[1500:] > 0.5).tolist()


if __name__ == "__main__":
    main()
