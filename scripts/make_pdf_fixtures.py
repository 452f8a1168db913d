#!/usr/bin/env python3
"""Writes the PDF fixtures of Tests/PoolImportTests/Fixtures (run once; the output is committed).

resume.pdf     a one-page PDF 1.4 resume in Helvetica that pdftotext reads
scanned.pdf    a valid page with a drawn box and no text: "no text layer"
broken.pdf     "%PDF-1.4 garbage": not a readable PDF
encrypted.pdf  resume.pdf with a user password (needs qpdf; skipped without it)
"""
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Tests", "PoolImportTests", "Fixtures")

RESUME_LINES = [
    "Maria Garcia",
    "Data Engineer",
    "maria.garcia@example.org | +34 600 123 456 | https://github.com/mgarcia",
    "Location: Madrid, Spain",
    "",
    "Skills: Python, Apache Airflow, dbt, PostgreSQL, Docker",
    "",
    "Experience",
    "Built batch pipelines with pandas and Spark for 6 years.",
]


def escape(text):
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf(content_stream, with_font=True):
    """A one-page PDF with correct xref offsets."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
         + (b" /Resources << /Font << /F1 5 0 R >> >>" if with_font else b" /Resources << >>") + b" >>"),
        b"<< /Length %d >>\nstream\n" % len(content_stream) + content_stream + b"\nendstream",
    ]
    if with_font:
        objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n" % (len(objects) + 1)
    out += b"0000000000 65535 f \n"
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def resume_stream():
    parts = ["BT", "/F1 12 Tf", "14 TL", "72 720 Td"]
    for line in RESUME_LINES:
        parts.append("(%s) Tj T*" % escape(line))
    parts.append("ET")
    return "\n".join(parts).encode("latin-1")


def main():
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "resume.pdf"), "wb") as f:
        f.write(pdf(resume_stream()))
    with open(os.path.join(OUT, "scanned.pdf"), "wb") as f:
        f.write(pdf(b"0.5 g 72 600 200 100 re f", with_font=False))
    with open(os.path.join(OUT, "broken.pdf"), "wb") as f:
        f.write(b"%PDF-1.4 garbage\n")
    qpdf = shutil.which("qpdf")
    if qpdf:
        subprocess.run([qpdf, "--encrypt", "user-secret", "owner-secret", "256", "--",
                        os.path.join(OUT, "resume.pdf"), os.path.join(OUT, "encrypted.pdf")], check=True)
    else:
        print("qpdf not found; encrypted.pdf not written", file=sys.stderr)


if __name__ == "__main__":
    main()
