#!/usr/bin/env python3
"""Writes a journal-lines CSV of ROWS rows (ROWS / 2 balanced entries: a debit on 411000, a credit
on 706000, one effective date per entry) and prints its control totals: the row count and the sum
of the debit column, as startImport takes them."""
import sys
from decimal import Decimal

rows, path = int(sys.argv[1]), sys.argv[2]
if rows % 2:
    sys.exit("ROWS must be even: every entry has two rows")
debit_sum = Decimal(0)
with open(path, "w") as csv:
    csv.write("Piece,Date,Compte,Debit,Credit,Devise,Libelle\n")
    for entry in range(1, rows // 2 + 1):
        amount = Decimal(entry % 997 + 1) + Decimal(entry % 100) / 100
        debit_sum += amount
        date = f"2026-03-{entry % 28 + 1:02d}"
        csv.write(f"VT-{entry},{date},411000,{amount},,EUR,Facture {entry}\n"
                  f"VT-{entry},{date},706000,,{amount},EUR,Facture {entry}\n")
print(rows, debit_sum)
