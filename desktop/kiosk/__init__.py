"""The satisfaction kiosk: a full-screen four-button evaluator for a service window."""
