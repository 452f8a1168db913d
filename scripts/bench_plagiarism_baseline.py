#!/usr/bin/env python3
"""The baseline for the plagiarism benchmark: copydetect (https://pypi.org/project/copydetect/),
the winnowing detector a Python developer would reach for, run in-process over a folder of
.py files (searched recursively) with its default thresholds, every file against every other.

    bench_plagiarism_baseline.py FOLDER OUTPUT.json [--starters FOLDER]

Writes, and prints, one JSON object:
    {"seconds": s, "peakRSSMB": m, "files": n, "pairs": [{"a", "b", "similarity"}]}
`a` and `b` are paths relative to FOLDER (a < b); `similarity` is the larger of copydetect's
two per-file scores (the share of each file's tokens found in the other), the counterpart of
our containment over the smaller document. Pairs copydetect scores 0 are left out: read a
missing pair as 0. `seconds` covers fingerprinting and comparing, not writing the JSON;
`peakRSSMB` is the process's peak resident set size.

Needs copydetect: /usr/bin/python3 -m venv /opt/vetted-bench && /opt/vetted-bench/bin/pip install copydetect
"""
import json
import os
import resource
import sys
import time


def main(argv):
    if len(argv) < 3:
        sys.exit("usage: bench_plagiarism_baseline.py FOLDER OUTPUT.json [--starters FOLDER]")
    folder, output = argv[1], argv[2]
    starters = argv[argv.index("--starters") + 1] if "--starters" in argv else None
    try:
        from copydetect import CopyDetector
    except ImportError:
        sys.exit("copydetect is not installed for " + sys.executable + ": run\n"
                 "  /usr/bin/python3 -m venv /opt/vetted-bench && /opt/vetted-bench/bin/pip install copydetect\n"
                 "and run this script with /opt/vetted-bench/bin/python")
    if not os.path.isdir(folder):
        sys.exit("not a folder: " + folder)

    start = time.perf_counter()
    detector = CopyDetector(
        test_dirs=[folder], ref_dirs=[folder], boilerplate_dirs=[starters] if starters else [],
        extensions=["py"], display_t=0.0, autoopen=False, silent=True)
    detector.run()
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    pairs = []
    matrix = detector.similarity_matrix
    tests, refs = detector.test_files, detector.ref_files
    for i, a in enumerate(tests):
        for j, b in enumerate(refs):
            if a >= b:
                continue
            first, second = matrix[i, j]
            score = max(float(first), float(second))
            if score > 0:
                pairs.append({"a": os.path.relpath(a, folder), "b": os.path.relpath(b, folder),
                              "similarity": round(score, 4)})
    pairs.sort(key=lambda pair: (-pair["similarity"], pair["a"], pair["b"]))
    result = {"seconds": round(seconds, 3), "peakRSSMB": round(peak, 1), "files": len(tests), "pairs": pairs}
    with open(output, "w", encoding="utf-8") as handle:
        json.dump(result, handle)
    summary = dict(result, pairs=len(pairs))
    print(json.dumps(summary))


if __name__ == "__main__":
    main(sys.argv)
