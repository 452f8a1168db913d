from collections import Counter


def macro_f1(y_true, y_pred, labels=None, zero_division=0.0):
    """Mean of the per-label F1 scores, F1 = 2TP / (2TP + FP + FN)."""
    y_true, y_pred = list(y_true), list(y_pred)
    if len(y_true) != len(y_pred):
        raise ValueError("y_true and y_pred differ in length")
    if not y_true:
        raise ValueError("no samples")
    if labels is None:
        labels = set(y_true) | set(y_pred)
    labels = list(dict.fromkeys(labels))
    if not labels:
        raise ValueError("no labels")
    tp = Counter(t for t, p in zip(y_true, y_pred) if t == p)
    true_count = Counter(y_true)
    pred_count = Counter(y_pred)
    scores = []
    for label in labels:
        # FP + FN = (predicted - TP) + (true - TP)
        denominator = true_count[label] + pred_count[label]
        if denominator == 0:
            scores.append(float(zero_division))
        else:
            scores.append(2 * tp[label] / denominator)
    return sum(scores) / len(scores)


def roc_auc(y_true, y_score):
    """Probability that a random positive scores above a random negative, ties as half.

    Sort once and walk the groups of equal scores: O(n log n)."""
    y_true, y_score = list(y_true), list(y_score)
    if len(y_true) != len(y_score):
        raise ValueError("y_true and y_score differ in length")
    if any(t not in (0, 1) for t in y_true):
        raise ValueError("labels must be 0 or 1")
    positives = sum(1 for t in y_true if t == 1)
    negatives = len(y_true) - positives
    if positives == 0 or negatives == 0:
        raise ValueError("ROC AUC needs both classes")
    pairs = sorted(zip(y_score, y_true), key=lambda pair: pair[0])
    negatives_below = 0
    wins = 0.0
    i = 0
    while i < len(pairs):
        j = i
        group_pos = group_neg = 0
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:
            if pairs[j][1] == 1:
                group_pos += 1
            else:
                group_neg += 1
            j += 1
        wins += group_pos * (negatives_below + 0.5 * group_neg)
        negatives_below += group_neg
        i = j
    return wins / (positives * negatives)
