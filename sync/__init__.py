"""Sync between devices and HQ: the protocol, the client engine, and the HQ server. No Qt."""
