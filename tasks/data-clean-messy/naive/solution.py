import pandas as pd


def clean_orders(path):
    df = pd.read_csv(path, dtype=str)
    for col in df.columns:
        df[col] = df[col].str.strip()
    df = df.dropna(subset=["order_id"])
    df["order_id"] = df["order_id"].str.lstrip("#").astype(int)
    dates = pd.to_datetime(df["order_date"], format="mixed", errors="coerce")
    df["order_date"] = dates.dt.strftime("%Y-%m-%d")
    df["customer"] = df["customer"].str.upper()
    df["region"] = df["region"].str.lower()
    df["status"] = df["status"].str.lower()
    amount = df["amount"].str.replace("€", "").str.replace("EUR", "").str.replace(",", "")
    df["amount"] = pd.to_numeric(amount.str.strip(), errors="coerce")
    df["quantity"] = pd.to_numeric(df["quantity"], errors="coerce")
    df = df.drop_duplicates(subset="order_id").sort_values("order_id")
    records = df.astype(object).where(df.notna(), None).to_dict("records")
    for r in records:
        if r["quantity"] is not None:
            r["quantity"] = int(r["quantity"])
    return records


def summarize(path):
    orders = clean_orders(path)
    done = [o for o in orders if o["status"] == "completed" and o["amount"] is not None]
    by_region = {r: 0.0 for r in ["east", "north", "south", "west"]}
    by_month, by_customer = {}, {}
    for o in done:
        if o["region"] in by_region:
            by_region[o["region"]] += o["amount"]
        if o["order_date"]:
            by_month[o["order_date"][:7]] = by_month.get(o["order_date"][:7], 0) + o["amount"]
        by_customer[o["customer"]] = by_customer.get(o["customer"], 0) + o["amount"]
    return {
        "orders": len(orders),
        "completed_revenue": round(sum(o["amount"] for o in done), 2),
        "revenue_by_region": {k: round(v, 2) for k, v in by_region.items()},
        "revenue_by_month": {k: round(v, 2) for k, v in by_month.items()},
        "missing": {c: sum(1 for o in orders if o[c] is None)
                    for c in ["order_date", "customer", "region", "amount", "quantity", "status"]},
        "top_customer": max(by_customer, key=by_customer.get) if by_customer else None,
    }
