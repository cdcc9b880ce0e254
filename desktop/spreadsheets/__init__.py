"""Spreadsheets in the window: import with a preview and a list of problems, export of any list."""
