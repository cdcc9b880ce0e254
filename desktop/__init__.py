"""The desktop layer: the Qt window (desktop.app, pages, widgets) and the command line.

Nothing here imports Qt at package import time: the headless commands must start without it.
"""
