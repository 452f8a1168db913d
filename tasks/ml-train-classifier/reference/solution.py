"""Gradient boosting with native categorical support.

- Text columns whose values are nearly all distinct are identifiers: dropped.
- Other text columns are categorical: ordinal-encoded (unseen or missing -> NaN) and
  declared categorical to the booster, which also handles missing numbers natively,
  so no imputation is needed and unseen test categories cannot crash.
- Trees do not care about feature scales, capture interactions and nonlinear
  boundaries, and early-stopping-free defaults are fine at this size.
- For macro-F1, classes are weighted inversely to their frequency so rare classes are
  not ignored.
"""
import numpy as np
import pandas as pd
from pandas.api.types import is_numeric_dtype
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OrdinalEncoder


def is_identifier(column):
    return not is_numeric_dtype(column) and column.nunique() > 0.5 * len(column)


def train_and_predict(train_path, test_path, target, metric):
    train = pd.read_csv(train_path)
    test = pd.read_csv(test_path)
    y = train.pop(target)
    features = [c for c in train.columns if not is_identifier(train[c])]
    categorical = [c for c in features if not is_numeric_dtype(train[c])]
    numeric = [c for c in features if c not in categorical]
    X = train[categorical + numeric].copy()
    X_test = test[categorical + numeric].copy()
    for frame in (X, X_test):
        frame[categorical] = frame[categorical].astype(object)

    encode = ColumnTransformer(
        [("categorical", OrdinalEncoder(handle_unknown="use_encoded_value",
                                        unknown_value=np.nan, max_categories=250),
          categorical)],
        remainder="passthrough",
    )
    booster = HistGradientBoostingClassifier(
        categorical_features=[True] * len(categorical) + [False] * len(numeric),
        class_weight="balanced" if metric == "macro-f1" else None,
        random_state=0,
    )
    model = make_pipeline(encode, booster).fit(X, y)
    return model.predict(X_test).tolist()
