"""The device side of sync: a Qt-free async engine over httpx."""
