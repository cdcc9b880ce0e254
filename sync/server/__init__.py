"""The HQ server: FastAPI over the same `models` tables plus its own bookkeeping tables."""
