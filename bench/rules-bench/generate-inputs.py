#!/usr/bin/env python3
"""Writes N inputs for insurance-agent-commission as NDJSON (seeded: the same file every run).

Usage: generate-inputs.py N OUT
"""
import json
import random
import sys

count, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(20261205)
types = ["auto", "home", "life", "travel"]
tiers = ["platinum", "gold", "silver", "bronze"]
with open(out, "w") as f:
    for _ in range(count):
        premium = rng.randint(100, 800000) / 100
        f.write(json.dumps({"policyType": rng.choice(types), "premiumAmount": premium,
                            "performanceTier": rng.choice(tiers)}) + "\n")
