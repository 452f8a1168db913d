import pandas as pd
from sklearn.linear_model import LogisticRegression


def train_and_predict(train_path, test_path, target, metric):
    train = pd.read_csv(train_path)
    test = pd.read_csv(test_path)
    X = train.drop(columns=[target]).select_dtypes("number")
    model = LogisticRegression(max_iter=1000)
    model.fit(X, train[target])
    return model.predict(test[X.columns]).tolist()
