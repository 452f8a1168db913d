import csv
import re
from datetime import datetime

MISSING = {"", "na", "n/a", "null", "none", "-", "?"}
REGIONS = {"north", "south", "east", "west"}
STATUSES = {"completed": "completed", "complete": "completed", "cancelled": "cancelled",
            "canceled": "cancelled", "refunded": "refunded", "pending": "pending"}
DATE_FORMATS = ["%Y-%m-%d", "%Y/%m/%d", "%d/%m/%Y", "%d.%m.%Y", "%b %d, %Y", "%d %B %Y"]
COLUMNS = ["order_date", "customer", "region", "amount", "quantity", "status"]


def blank(value):
    """Trimmed text, or None for an empty cell or a missing-value marker."""
    if value is None:
        return None
    text = value.strip()
    return None if text.lower() in MISSING else text


def parse_order_id(value):
    text = blank(value)
    if text is None:
        return None
    match = re.fullmatch(r"#?\s*(\d+)", text)
    return int(match.group(1)) if match else None


def parse_date(value):
    text = blank(value)
    if text is None:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?", text):
        text = text[:10]
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def parse_amount(value):
    text = blank(value)
    if text is None:
        return None
    text = re.sub(r"€|eur", "", text, flags=re.IGNORECASE).replace(",", "").strip()
    try:
        amount = float(text)
    except ValueError:
        return None
    return round(amount, 2) if 0 <= amount <= 10000 else None


def parse_quantity(value):
    text = blank(value)
    if text is None:
        return None
    try:
        number = float(text)
    except ValueError:
        return None
    return int(number) if number.is_integer() and number >= 1 else None


def clean_row(row):
    region = blank(row.get("region"))
    region = region.lower() if region else None
    status = blank(row.get("status"))
    customer = blank(row.get("customer"))
    return {
        "order_id": parse_order_id(row.get("order_id")),
        "order_date": parse_date(row.get("order_date")),
        "customer": customer.upper() if customer else None,
        "region": region if region in REGIONS else None,
        "amount": parse_amount(row.get("amount")),
        "quantity": parse_quantity(row.get("quantity")),
        "status": STATUSES.get(status.lower()) if status else None,
    }


def clean_orders(path):
    """Cleaned orders sorted by order_id; rows without an order id are dropped and a
    repeated order id keeps its first row."""
    seen = {}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            record = clean_row(row)
            if record["order_id"] is not None and record["order_id"] not in seen:
                seen[record["order_id"]] = record
    return [seen[key] for key in sorted(seen)]


def summarize(path):
    orders = clean_orders(path)
    completed = [o for o in orders if o["status"] == "completed" and o["amount"] is not None]
    by_region = {region: 0.0 for region in sorted(REGIONS)}
    by_month = {}
    by_customer = {}
    for o in completed:
        if o["region"]:
            by_region[o["region"]] += o["amount"]
        if o["order_date"]:
            month = o["order_date"][:7]
            by_month[month] = by_month.get(month, 0.0) + o["amount"]
        if o["customer"]:
            by_customer[o["customer"]] = by_customer.get(o["customer"], 0.0) + o["amount"]
    top = min(by_customer, key=lambda c: (-round(by_customer[c], 2), c)) if by_customer else None
    return {
        "orders": len(orders),
        "completed_revenue": round(sum(o["amount"] for o in completed), 2),
        "revenue_by_region": {k: round(v, 2) for k, v in by_region.items()},
        "revenue_by_month": {k: round(v, 2) for k, v in sorted(by_month.items())},
        "missing": {c: sum(1 for o in orders if o[c] is None) for c in COLUMNS},
        "top_customer": top,
    }

