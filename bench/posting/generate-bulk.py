#!/usr/bin/env python3
"""Writes the postJournalEntries request of one benchmark round (entries x 2 lines) and the same
lines as CSV for PostgreSQL COPY, so both sides of the comparison carry identical data."""
import json
import sys

bank, sales, entries, key, json_path, csv_path = sys.argv[1:7]
entries = int(entries)
batch = []
with open(csv_path, "w") as csv:
    for index in range(entries):
        amount = f"{index % 997 + 1}.{index % 100:02d}"
        date = f"2026-03-{index % 28 + 1:02d}"
        batch.append({"idempotencyKey": "unused", "effectiveDate": date, "description": f"Bench {key} {index}",
                      "lines": [{"accountId": bank, "side": "DEBIT", "amount": amount, "currency": "EUR"},
                                {"accountId": sales, "side": "CREDIT", "amount": amount, "currency": "EUR"}]})
        csv.write(f"{index},1,DEBIT,{amount},EUR,{date}\n{index},2,CREDIT,{amount},EUR,{date}\n")
query = ("mutation($input: PostJournalEntriesInput!) { postJournalEntries(input: $input) "
         "{ postedCount postedLineCount userErrors { code message } } }")
with open(json_path, "w") as out:
    json.dump({"query": query, "variables": {"input": {"idempotencyKey": key, "entries": batch}}}, out)
