"""Churn model without the leaks.

Only columns known on the snapshot date may be features. In a history export,
cancellation_reason and retention_offer_sent are written after the customer cancels,
and days_since_last_login is computed on the export date, months after the snapshot,
so churned customers show huge values. On a scoring export (made on the snapshot date)
none of them says anything about the outcome, so they are dropped. Preprocessing is
fitted on the training rows only, inside one pipeline.
"""
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

TARGET = "churned"
NOT_FEATURES = [
    TARGET,
    "customer_id",            # an identifier
    "cancellation_reason",    # written after the outcome
    "retention_offer_sent",   # sent after a cancellation request
    "days_since_last_login",  # computed on the export date, after the outcome
]


def train_and_predict(train_path, test_path):
    train = pd.read_csv(train_path)
    test = pd.read_csv(test_path)
    features = [c for c in train.columns if c not in NOT_FEATURES]
    categorical = train[features].select_dtypes(exclude="number").columns.tolist()
    model = make_pipeline(
        ColumnTransformer(
            [("categorical", OneHotEncoder(handle_unknown="ignore"), categorical)],
            remainder=StandardScaler(),
        ),
        GradientBoostingClassifier(random_state=0),
    )
    model.fit(train[features], train[TARGET])
    return model.predict(test[features]).tolist()
