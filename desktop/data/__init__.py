"""Qt-free reads for the window: list queries, reference lookups. They run on the DB worker."""
