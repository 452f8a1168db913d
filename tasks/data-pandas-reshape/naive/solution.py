import pandas as pd


def monthly_units(sales):
    df = pd.DataFrame(sales)
    df["month"] = df["date"].str[:7]
    table = df.pivot_table(index=["store", "month"], columns="product", values="units",
                           aggfunc="sum", fill_value=0)
    table["total"] = table.sum(axis=1)
    table = table.reset_index()
    table.columns.name = None
    return table.to_dict("records")


def budget_long(rows, id_columns):
    df = pd.DataFrame(rows)
    long = df.melt(id_vars=id_columns, var_name="month", value_name="budget").dropna()
    return long.sort_values(id_columns + ["month"]).to_dict("records")


def top_products(sales, n):
    df = pd.DataFrame(sales)
    df["quarter"] = pd.to_datetime(df["date"]).dt.to_period("Q").astype(str).str.replace("Q", "-Q")
    df["revenue"] = df["units"] * df["price"]
    totals = df.groupby(["store", "quarter", "product"], as_index=False)["revenue"].sum()
    totals = totals.sort_values(["store", "quarter", "revenue"], ascending=[True, True, False])
    top = totals.groupby(["store", "quarter"]).head(n).copy()
    top["rank"] = top.groupby(["store", "quarter"]).cumcount() + 1
    top["revenue"] = top["revenue"].round(2)
    return top.to_dict("records")
