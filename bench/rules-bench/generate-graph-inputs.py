#!/usr/bin/env python3
"""Writes N inputs for any JDM graph as NDJSON, seeded (the same file every run), from the graph's shipped test
inputs: each line takes one of them at random, scales every number by a random factor in [0.5, 1.5] (integers stay
integers) and gives lists of empty objects (purchase counts) a random length from 0 to 12. Strings are kept, so the
inputs stay in the graph's vocabulary (codes, tiers, currencies).

Usage: generate-graph-inputs.py N OUT GRAPH.json
"""
import json
import random
import sys

count, out, graph = int(sys.argv[1]), sys.argv[2], sys.argv[3]
rng = random.Random(20261205)
samples = [test["input"] for test in json.load(open(graph)).get("tests", [])]
if not samples:
    sys.exit(f"{graph} ships no test inputs to vary")


def vary(value):
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int):
        return int(value * rng.uniform(0.5, 1.5))
    if isinstance(value, float):
        return round(value * rng.uniform(0.5, 1.5), 2)
    if isinstance(value, list):
        if value == [] or all(element == {} for element in value):
            return [{} for _ in range(rng.randint(0, 12))]
        return [vary(element) for element in value]
    return {key: vary(element) for key, element in value.items()}


with open(out, "w") as f:
    for _ in range(count):
        f.write(json.dumps(vary(rng.choice(samples))) + "\n")
