#!/usr/bin/env python3
"""Seeds the read-path benchmark through the server's API (100 accounts, ENTRIES journal entries of 2-4
lines over 2026, one tenant) and writes the request bodies of each query shape for both sides, one JSON
body per line. Usage: seed.py <server url> <postgraphile url> <token> <entries> <out dir>"""
import json
from decimal import Decimal
import sys
import urllib.request

server, peer, token, entries, out = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
ACCOUNTS = 100
TYPES = ["ASSET", "LIABILITY", "EQUITY", "REVENUE", "EXPENSE"]


def call(url, query, variables=None):
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    request = urllib.request.Request(url, body, {"Content-Type": "application/json", "Authorization": "Bearer " + token})
    with urllib.request.urlopen(request, timeout=300) as response:
        answer = json.load(response)
    if answer.get("errors"):
        raise SystemExit(f"{url}: {answer['errors']}")
    return answer["data"]


def seed():
    create = ("mutation($input: CreateAccountInput!) { createAccount(input: $input) "
              "{ account { id } userErrors { code message } } }")
    ids = []
    for index in range(ACCOUNTS):
        code = f"{600000 + index * 10}"
        data = call(server, create, {"input": {"idempotencyKey": "bench-account-" + code, "code": code,
                                               "name": f"Bench account {code}", "type": TYPES[index % 5], "currency": "EUR"}})
        ids.append(data["createAccount"]["account"]["id"])
    batch = []
    for index in range(entries):
        amount = f"{index % 997 + 1}.{index % 100:02d}"
        count = 2 + index % 3
        lines = [{"accountId": ids[(index * 7 + line) % ACCOUNTS], "side": "DEBIT", "amount": amount, "currency": "EUR"}
                 for line in range(count - 1)]
        total = str(Decimal(amount) * (count - 1))
        lines.append({"accountId": ids[(index * 13 + 50) % ACCOUNTS], "side": "CREDIT", "amount": total, "currency": "EUR"})
        batch.append({"idempotencyKey": "unused", "effectiveDate": f"2026-{index % 12 + 1:02d}-{index % 28 + 1:02d}",
                      "description": f"Bench entry {index}", "reference": f"B-{index}", "lines": lines})
    post = ("mutation($input: PostJournalEntriesInput!) { postJournalEntries(input: $input) "
            "{ postedCount userErrors { code message } } }")
    data = call(server, post, {"input": {"idempotencyKey": "bench-entries", "entries": batch}})
    if data["postJournalEntries"]["userErrors"]:
        raise SystemExit(data["postJournalEntries"]["userErrors"])
    return ids


def write(name, bodies):
    with open(f"{out}/{name}.bodies", "w") as file:
        for query in bodies:
            file.write(json.dumps({"query": query}) + "\n")


ids = seed()
peer_ids = [node["nodeId"] for node in call(peer, "{ allLedgerAccounts(orderBy: CODE_ASC) { nodes { nodeId } } }")
            ["allLedgerAccounts"]["nodes"]]
assert len(peer_ids) == ACCOUNTS, peer_ids
write("list.server", ["{ accounts(first: 20) { totalCount nodes { code name type currency } } }"])
write("list.peer", ["{ allLedgerAccounts(first: 20, orderBy: CODE_ASC) { totalCount nodes { code name type currency } } }"])
write("node.server", ['{ node(id: "%s") { ... on Account { code name type currency } } }' % i for i in ids])
write("node.peer", ['{ node(nodeId: "%s") { ... on LedgerAccount { code name type currency } } }' % i for i in peer_ids])
write("nested.server", ["{ journalEntries(first: 20) { nodes { reference description effectiveDate "
                        "lines { lineNumber side amount { amount currency } account { code name } } } } }"])
write("nested.peer", ["{ allLedgerJournalEntries(first: 20, orderBy: [EFFECTIVE_DATE_ASC, POSTING_SEQ_ASC]) { nodes { "
                      "reference description effectiveDate ledgerJournalLinesByEntryId(orderBy: LINE_NUMBER_ASC) { nodes { "
                      "lineNumber side amount currency ledgerAccountByAccountId { code name } } } } } }"])
write("balances.server", ['{ accountBalances(asOf: "2026-06-30", first: 20) { totalCount nodes { account { code name } '
                          'debitTotal { amount currency } creditTotal { amount } net { amount } lineCount } } }'])
write("balances.peer", ['{ accountBalances(asOf: "2026-06-30", first: 20) { totalCount nodes { code name currency '
                        'debit credit net lineCount } } }'])
print(f"seeded {ACCOUNTS} accounts and {entries} entries")
