"""Generate the graded datasets for ml-train-classifier (run OUTSIDE the box).

    python generate.py SEED OUTDIR

Writes OUTDIR/data/hNN_train.csv (features + target), OUTDIR/data/hNN_test.csv
(features only) and OUTDIR/hidden.json (expected = the true test labels). Every case
is drawn from a known process, so the generator also knows the Bayes-optimal
prediction for each test row; a case's threshold is that oracle's score on the same
test rows minus a per-case allowance, which takes most of the luck of the draw out of
the threshold. The allowances were tuned so that gradient boosting or a random forest
with basic preprocessing clears every case with room to spare, across many seeds.
"""
import json
import os
import sys

import numpy as np
import pandas as pd

DATA = "/task/data"


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def bernoulli(rng, p):
    return rng.random(len(p)) < p


def softmax_draw(rng, logits):
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    p = e / e.sum(axis=1, keepdims=True)
    u = rng.random(len(p))[:, None]
    return (u > np.cumsum(p, axis=1)).sum(axis=1), p


def holes(rng, df, columns, rate):
    for c in columns:
        mask = rng.random(len(df)) < rate
        df.loc[mask, c] = np.nan


# Each maker returns (features DataFrame, labels array, oracle labels array, n_train,
# target name, target position or None for last).

def numeric_linear(rng):
    n = 1800
    z = rng.normal(size=(n, 6))
    scale = np.array([1, 10, 0.1, 100, 1, 5.0])
    offset = np.array([0, 50, 2, 1000, -3, 20.0])
    x = z * scale + offset
    logit = 2.2 * (1.4 * z[:, 0] - 1.1 * z[:, 1] + 0.9 * z[:, 2])
    p = sigmoid(logit)
    y = bernoulli(rng, p)
    df = pd.DataFrame(x.round(4), columns=[f"x{i}" for i in range(1, 7)])
    lab = np.where(y, "yes", "no")
    oracle = np.where(p > 0.5, "yes", "no")
    return df, lab, oracle, 1200, "converted", None


def rings(rng):
    n = 1800
    xy = rng.uniform(-2, 2, size=(n, 2))
    inside = (xy ** 2).sum(axis=1) < 2.55
    flip = rng.random(n) < 0.05
    y = inside ^ flip
    noise = rng.normal(size=(n, 4))
    df = pd.DataFrame(np.column_stack([xy, noise]).round(4),
                      columns=["lat_offset", "lon_offset", "n1", "n2", "n3", "n4"])
    return df, np.where(y, "inside", "outside"), np.where(inside, "inside", "outside"), \
        1200, "zone", None


def categorical_signal(rng):
    n = 1800
    plans = np.array(["basic", "plus", "pro", "enterprise"])
    regions = np.array(["north", "south", "east", "west", "centre", "islands", "coast",
                        "mountains"])
    channels = np.array(["web", "store", "phone"])
    a = np.array([-2.0, -0.5, 0.8, 2.2])
    b = rng.permutation(np.linspace(-1.8, 1.8, len(regions)))
    c = np.array([0.6, -0.9, 0.3])
    pi = rng.integers(0, 4, n)
    ri = rng.integers(0, len(regions), n)
    ci = rng.choice(3, n, p=[0.5, 0.3, 0.2])
    spend = rng.gamma(3.0, 20.0, n)
    age = rng.integers(18, 80, n)
    logit = 1.6 * (a[pi] + b[ri] + c[ci]) + 0.01 * (spend - 60)
    p = sigmoid(logit)
    y = bernoulli(rng, p)
    df = pd.DataFrame({"age": age, "plan": plans[pi], "monthly_spend": spend.round(2),
                       "region": regions[ri], "channel": channels[ci]})
    return df, y.astype(int), (p > 0.5).astype(int), 1200, "renewed", None


def missing_values(rng):
    n = 1800
    z = rng.normal(size=(n, 7))
    logit = 2.0 * (1.3 * z[:, 0] + 0.9 * z[:, 1] * z[:, 2] + 1.4 * (z[:, 3] > 0.5)
                   - 0.7 * z[:, 4])
    p = sigmoid(logit)
    y = bernoulli(rng, p)
    df = pd.DataFrame((z * 3 + 10).round(3), columns=[f"m{i}" for i in range(1, 8)])
    holes(rng, df, ["m1", "m2", "m3", "m5", "m6"], 0.2)
    return df, np.where(y, "fraud", "ok"), np.where(p > 0.5, "fraud", "ok"), 1200, \
        "outcome", None


def imbalanced(rng):
    n = 2000
    z = rng.normal(size=(n, 6))
    tiers = np.array(["free", "trial", "paid"])
    ti = rng.choice(3, n, p=[0.5, 0.3, 0.2])
    t = np.array([-0.4, 0.9, -1.0])
    logit = -5.2 + 2.0 * (1.2 * z[:, 0] + 1.0 * z[:, 1] - 0.8 * z[:, 2]) + 1.5 * t[ti]
    p = sigmoid(logit)
    y = bernoulli(rng, p)
    df = pd.DataFrame(z.round(4), columns=["f1", "f2", "f3", "f4", "f5", "f6"])
    df.insert(3, "tier", tiers[ti])
    return df, np.where(y, "churn", "stay"), np.where(p > 0.5, "churn", "stay"), 1200, \
        "status", None


def multiclass(rng):
    n = 1800
    names = np.array(["bronze", "silver", "gold", "platinum"])
    prior = np.log(np.array([0.4, 0.3, 0.2, 0.1]))
    z = rng.normal(size=(n, 5))
    seg = rng.integers(0, 3, n)
    w = np.array([[0.0, 0.0, 0.0, 0.0, 0.0],
                  [1.5, 0.5, 0.0, 0.0, 0.0],
                  [2.5, 1.8, 0.8, 0.0, 0.0],
                  [3.5, 2.2, 2.0, 0.0, 0.0]])
    segeff = np.array([[0, 0, 0], [0.5, 0, -0.5], [1.0, -0.5, 0], [1.5, -1.0, -0.5]])
    logits = prior[None, :] + 1.4 * (z @ w.T) + 1.4 * segeff[:, seg].T - \
        0.5 * (z @ w.T).mean(axis=1, keepdims=True)
    yi, p = softmax_draw(rng, logits)
    df = pd.DataFrame((z * [12, 3, 40, 1, 7] + [50, 10, 200, 0, 30]).round(3),
                      columns=["visits", "basket", "spend", "returns", "tenure"])
    df["segment"] = np.array(["consumer", "small-business", "public-sector"])[seg]
    return df, names[yi], names[p.argmax(axis=1)], 1200, "tier", None


def label_noise(rng):
    n = 1800
    z = rng.normal(size=(n, 5))
    clean = z[:, 0] + np.sin(2 * z[:, 1]) - 0.5 * z[:, 2] > 0
    flip = rng.random(n) < 0.2
    y = clean ^ flip
    df = pd.DataFrame(z.round(4), columns=["a", "b", "c", "d", "e"])
    return df, y.astype(int), clean.astype(int), 1200, "label", 2


def id_and_unseen_categories(rng):
    n = 1800
    states = np.array(["AL", "BE", "CA", "DO", "EL", "FA", "GI", "HU"])
    s_eff = rng.permutation(np.linspace(-2.0, 2.0, len(states)))
    n_cities = 90
    city_state = rng.integers(0, len(states), n_cities)
    freq = 1.0 / np.arange(1, n_cities + 1) ** 0.9
    ci = rng.choice(n_cities, n, p=freq / freq.sum())
    si = city_state[ci]
    z = rng.normal(size=(n, 3))
    logit = 1.5 * (s_eff[si] + 1.0 * z[:, 0] - 0.6 * z[:, 1])
    p = sigmoid(logit)
    y = bernoulli(rng, p)
    ids = rng.permutation(n) + 100000
    df = pd.DataFrame({"customer_id": [f"CUST-{i}" for i in ids],
                       "city": [f"city_{c:03d}" for c in ci],
                       "state": states[si],
                       "score_a": z[:, 0].round(4), "score_b": z[:, 1].round(4),
                       "score_c": z[:, 2].round(4)})
    # rare cities appear only in the test rows: move every row of some tail cities to the end
    tail = set(range(60, n_cities))
    is_tail = np.isin(ci, list(tail))
    order = np.concatenate([np.where(~is_tail)[0], np.where(is_tail)[0]])
    df = df.iloc[order].reset_index(drop=True)
    return df, np.where(y, "buy", "skip")[order], np.where(p > 0.5, "buy", "skip")[order], \
        1200, "decision", 0


def mixed_missing_categoricals(rng):
    n = 1800
    devices = np.array(["ios", "android", "web"])
    di = rng.choice(3, n, p=[0.35, 0.4, 0.25])
    news = rng.random(n) < 0.4
    z = rng.normal(size=(n, 3))
    logits = np.column_stack([
        np.zeros(n),
        1.6 * z[:, 0] + 1.2 * news + np.array([0.8, -0.4, 0.0])[di],
        -1.4 * z[:, 0] + 1.6 * z[:, 1] + np.array([-0.6, 1.2, 0.2])[di] - 0.6 * news,
    ]) * 1.5
    yi, p = softmax_draw(rng, logits)
    df = pd.DataFrame({"device": devices[di].astype(object),
                       "newsletter": np.where(news, "yes", "no").astype(object),
                       "sessions": (np.exp(z[:, 0] * 0.6 + 2)).round(1),
                       "avg_minutes": (z[:, 1] * 4 + 12).round(2),
                       "pages": (z[:, 2] * 3 + 9).round(0)})
    holes(rng, df, ["device", "sessions", "avg_minutes"], 0.12)
    return df, yi, p.argmax(axis=1), 1200, "segment", 0


def wide_small(rng):
    n = 800
    z = rng.normal(size=(n, 40))
    logit = 2.5 * (1.0 * z[:, 3] - 0.9 * z[:, 17] + 0.8 * z[:, 25] + 0.6 * z[:, 31])
    p = sigmoid(logit)
    y = bernoulli(rng, p)
    df = pd.DataFrame(z.round(4), columns=[f"g{i:02d}" for i in range(40)])
    return df, np.where(y, "pos", "neg"), np.where(p > 0.5, "pos", "neg"), 300, "class", None


def scale_disparity(rng):
    n = 1800
    income = rng.lognormal(11, 0.8, n)
    ratio = rng.uniform(0.001, 0.01, n)
    count = rng.integers(0, 50, n)
    other = rng.normal(0, 1e5, n)
    logit = 3.0 * ((ratio - 0.0055) / 0.0026 + (count - 25) / 14.4 * (ratio > 0.004))
    p = sigmoid(logit)
    y = bernoulli(rng, p)
    df = pd.DataFrame({"income": income.round(2), "ratio": ratio.round(6), "count": count,
                       "balance": other.round(2)})
    return df, np.where(y, "approve", "decline"), np.where(p > 0.5, "approve", "decline"), \
        1200, "decision", None


# name, maker, metric, allowance below the oracle's score
CASES = [
    ("numeric features on very different scales, linear signal", numeric_linear,
     "accuracy", 0.08),
    ("nonlinear boundary (a ring)", rings, "accuracy", 0.11),
    ("signal lives in categorical columns", categorical_signal, "accuracy", 0.10),
    ("20% missing values in five columns", missing_values, "accuracy", 0.17),
    ("imbalanced: about 9% positives, macro-F1", imbalanced, "macro-f1", 0.16),
    ("four classes with string labels, macro-F1", multiclass, "macro-f1", 0.14),
    ("20% label noise, target column in the middle", label_noise, "accuracy", 0.17),
    ("useless id column, rare cities seen only in the test file", id_and_unseen_categories,
     "accuracy", 0.11),
    ("integer classes, missing categoricals and yes/no column, macro-F1",
     mixed_missing_categoricals, "macro-f1", 0.17),
    ("300 training rows, 40 columns of which 4 matter", wide_small, "accuracy", 0.15),
    ("features spanning nine orders of magnitude", scale_disparity, "accuracy", 0.08),
]


def score(metric, y_true, y_pred):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if metric == "accuracy":
        return float((y_true == y_pred).mean())
    labels = np.unique(y_true)  # as the grader does: the true classes only
    f1 = []
    for lab in labels:
        tp = np.sum((y_true == lab) & (y_pred == lab))
        fp = np.sum((y_true != lab) & (y_pred == lab))
        fn = np.sum((y_true == lab) & (y_pred != lab))
        d = 2 * tp + fp + fn
        f1.append(2 * tp / d if d else 0.0)
    return float(np.mean(f1))


def plain(values):
    return [v.item() if hasattr(v, "item") else v for v in values]


def main():
    seed, outdir = int(sys.argv[1]), sys.argv[2]
    os.makedirs(os.path.join(outdir, "data"), exist_ok=True)
    cases = []
    for i, (name, maker, metric, allowance) in enumerate(CASES):
        rng = np.random.default_rng([seed, i])
        df, y, oracle, n_train, target, position = maker(rng)
        train = df.iloc[:n_train].copy()
        test = df.iloc[n_train:].reset_index(drop=True)
        train.insert(len(train.columns) if position is None else position, target,
                     y[:n_train])
        tag = f"h{i + 1:02d}"
        train.to_csv(os.path.join(outdir, "data", f"{tag}_train.csv"), index=False)
        test.to_csv(os.path.join(outdir, "data", f"{tag}_test.csv"), index=False)
        y_test = y[n_train:]
        threshold = round(score(metric, y_test, oracle[n_train:]) - allowance, 3)
        cases.append({
            "name": name,
            "input": {"train": f"{DATA}/{tag}_train.csv", "test": f"{DATA}/{tag}_test.csv",
                      "target": target, "metric": metric},
            "expected": plain(y_test),
            "compare": {"mode": "metric", "metric": metric, "min": threshold},
        })
    with open(os.path.join(outdir, "hidden.json"), "w") as f:
        json.dump(cases, f)


if __name__ == "__main__":
    main()
