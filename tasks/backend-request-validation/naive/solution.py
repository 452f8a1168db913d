import re
from typing import List, Optional

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, field_validator

app = FastAPI(title="Orders")

CATALOG = {"MUG-001": 1250, "TEE-010": 1999, "CAP-100": 1500, "PEN-005": 250, "BAG-020": 4500}
SHIPPING = {"DE": 499, "FR": 899, "NL": 899, "AT": 899}
COUPONS = {"SPRING10", "WELCOME5", "BIG20"}


class Item(BaseModel):
    sku: str = Field(pattern=r"^[A-Z]{3}-\d{3}$")
    quantity: int = Field(ge=1, le=99)


class Shipping(BaseModel):
    country: str
    postcode: str

    @field_validator("country")
    @classmethod
    def check_country(cls, v):
        if v not in SHIPPING:
            raise ValueError("unsupported country")
        return v

    @field_validator("postcode")
    @classmethod
    def check_postcode(cls, v, info):
        patterns = {"DE": r"\d{5}", "FR": r"\d{5}", "AT": r"\d{4}", "NL": r"\d{4} ?[A-Z]{2}"}
        country = info.data.get("country")
        if country and not re.fullmatch(patterns[country], v):
            raise ValueError("invalid postcode")
        return v


class Order(BaseModel):
    customer_email: str = Field(max_length=254)
    items: List[Item] = Field(min_length=1, max_length=20)
    coupon: Optional[str] = Field(None, pattern=r"^[A-Z0-9]{4,12}$")
    shipping: Shipping

    @field_validator("customer_email")
    @classmethod
    def check_email(cls, v):
        if not re.match(r".+@.+\..+", v):
            raise ValueError("invalid email")
        return v


@app.exception_handler(RequestValidationError)
async def handle_validation(request: Request, exc: RequestValidationError):
    errors = []
    for err in exc.errors():
        field = ".".join(str(x) for x in err["loc"][1:]) or "body"
        errors.append({"field": field, "message": err["msg"]})
    return JSONResponse(status_code=422, content={"errors": errors})


def error(code, message):
    return JSONResponse(status_code=400, content={"code": code, "message": message})


@app.post("/orders", status_code=201)
def create_order(order: Order):
    skus = [item.sku for item in order.items]
    for sku in skus:
        if sku not in CATALOG:
            return error("unknown_sku", sku)
    if len(set(skus)) < len(skus):
        return error("duplicate_sku", "duplicate sku")
    lines = []
    subtotal = 0
    for item in order.items:
        cents = CATALOG[item.sku] * item.quantity
        lines.append({"sku": item.sku, "quantity": item.quantity, "line_cents": cents})
        subtotal += cents
    discount = 0
    if order.coupon:
        if order.coupon not in COUPONS:
            return error("unknown_coupon", order.coupon)
        if order.coupon == "SPRING10":
            discount = subtotal // 10
        elif order.coupon == "WELCOME5":
            discount = 500
        elif order.coupon == "BIG20":
            if subtotal < 10000:
                return error("coupon_not_applicable", "subtotal too small")
            discount = subtotal // 5
    shipping = SHIPPING[order.shipping.country]
    return {"lines": lines, "subtotal_cents": subtotal, "discount_cents": discount,
            "shipping_cents": shipping, "total_cents": subtotal - discount + shipping}
