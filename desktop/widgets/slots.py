"""Async slots of widgets that may be deleted while their data is still loading.

A page's coroutine awaits the DB worker or HQ; if the window closes (or is rebuilt in another
language) meanwhile, the coroutine resumes on deleted C++ objects. `widget_slot` is qasync's
`asyncSlot` that does not start on a deleted widget and drops the result quietly when the
widget went away while it was awaited.
"""

import functools
import logging

import shiboken6
from qasync import asyncSlot

log = logging.getLogger(__name__)


def widget_slot(*types):
    def decorate(fn):
        @functools.wraps(fn)
        async def guarded(self, *args, **kwargs):
            if not shiboken6.isValid(self):
                return None
            try:
                return await fn(self, *args, **kwargs)
            except RuntimeError:
                if shiboken6.isValid(self):
                    raise
                log.debug("%s finished after its widget was deleted", fn.__qualname__)
                return None

        return asyncSlot(*types)(guarded)

    return decorate
