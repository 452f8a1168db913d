"""Churn model: train on a labelled history export, predict churn for another export.

This pipeline was handed over with a note: "perfect score on the holdout, ship it".
"""
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.preprocessing import OneHotEncoder, StandardScaler

TARGET = "churned"


def train_and_predict(train_path, test_path):
    train = pd.read_csv(train_path)
    test = pd.read_csv(test_path)
    y = train.pop(TARGET)

    # Fit the encoders and the scaler on every row we have, so that no category in
    # the test file is unseen.
    everything = pd.concat([train, test], ignore_index=True).drop(columns=["customer_id"])
    categorical = everything.select_dtypes(exclude="number").columns.tolist()
    everything[categorical] = everything[categorical].fillna("none").astype(str)
    prep = ColumnTransformer(
        [("categorical", OneHotEncoder(handle_unknown="ignore"), categorical)],
        remainder=StandardScaler(),
    )
    X = prep.fit_transform(everything)
    X_train, X_test = X[: len(train)], X[len(train):]

    model = GradientBoostingClassifier(random_state=0)
    model.fit(X_train, y)
    return model.predict(X_test).tolist()
