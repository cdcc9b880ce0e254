"""What the office hands on: the rectification ledger, public notices, circulated criticism
notices, unit feedback, the county summary, rankings and the overdue list (issue 7).

Qt-free: the command line, the window and the HQ produce the same files from here. Reports
read through `models` (queries, statistics, rules) and write XLSX (openpyxl), DOCX
(python-docx) and PDF (reportlab, with an embedded CJK TrueType font).
"""
