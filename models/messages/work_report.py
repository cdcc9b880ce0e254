"""Messages of the upward work report (工作情况汇报, issue 15 §3; reports/work_report.py) and of
the campaign's category-grouping setting (issue 15 §2)."""

MESSAGES = {
    # Command-line help
    "opt_report_signer": "work-report: the signer printed right of the document "
                         "number; when not given, the signer set in the office settings, "
                         "else left blank for the name to be written in",
}
