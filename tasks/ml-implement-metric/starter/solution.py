def macro_f1(y_true, y_pred, labels=None, zero_division=0.0):
    """Mean of the per-label F1 scores. See the task description for the exact rules."""
    raise NotImplementedError


def roc_auc(y_true, y_score):
    """Area under the ROC curve for binary labels 0/1, ties counted as half."""
    raise NotImplementedError
