import pandas as pd


def monthly_units(sales):
    """One record per (store, month) for every store and every month from the first to
    the last month in the data, with units per product (0 when none) and a total."""
    if not sales:
        return []
    df = pd.DataFrame(sales, columns=["date", "store", "product", "units"])
    df["month"] = pd.to_datetime(df["date"], format="%Y-%m-%d").dt.to_period("M")
    months = pd.period_range(df["month"].min(), df["month"].max(), freq="M")
    stores = sorted(df["store"].unique())
    products = sorted(df["product"].unique())
    table = df.pivot_table(index=["store", "month"], columns="product", values="units",
                           aggfunc="sum", fill_value=0)
    full = pd.MultiIndex.from_product([stores, months], names=["store", "month"])
    table = table.reindex(index=full, columns=products, fill_value=0)
    records = []
    for (store, month), row in table.iterrows():
        record = {"store": store, "month": str(month)}
        record.update({product: int(row[product]) for product in products})
        record["total"] = int(row.sum())
        records.append(record)
    return records


def budget_long(rows, id_columns):
    """Melt the month columns into (id columns..., month, budget), dropping blanks."""
    if not rows:
        return []
    df = pd.DataFrame(rows)
    month_columns = [c for c in df.columns if c not in id_columns]
    long = df.melt(id_vars=id_columns, value_vars=month_columns, var_name="month",
                   value_name="budget").dropna(subset=["budget"])
    long = long.sort_values(list(id_columns) + ["month"], kind="stable")
    return [
        {**{c: row[c] for c in id_columns}, "month": row["month"],
         "budget": row["budget"].item() if hasattr(row["budget"], "item") else row["budget"]}
        for row in long.to_dict("records")
    ]


def top_products(sales, n):
    """Per (store, quarter), the n products with the highest positive revenue; ties go to
    the alphabetically first product."""
    if not sales:
        return []
    df = pd.DataFrame(sales, columns=["date", "store", "product", "units", "price"])
    df["quarter"] = pd.to_datetime(df["date"], format="%Y-%m-%d").dt.to_period("Q")
    df["revenue"] = df["units"] * df["price"]
    totals = df.groupby(["store", "quarter", "product"], as_index=False)["revenue"].sum()
    totals["revenue"] = totals["revenue"].round(2)
    totals = totals[totals["revenue"] > 0]
    totals = totals.sort_values(["store", "quarter", "revenue", "product"],
                                ascending=[True, True, False, True])
    totals["rank"] = totals.groupby(["store", "quarter"]).cumcount() + 1
    top = totals[totals["rank"] <= n]
    return [
        {"store": r.store, "quarter": f"{r.quarter.year}-Q{r.quarter.quarter}",
         "product": r.product, "revenue": float(r.revenue), "rank": int(r.rank)}
        for r in top.itertuples(index=False)
    ]
