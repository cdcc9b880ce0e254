"""The pages of the main window, one module per screen, named after what the user sees.

`registry.py` is the table of pages (id, title, class, who sees each); `base.py` and
`record_page.py` are the pieces every page, and every list page, shares."""
