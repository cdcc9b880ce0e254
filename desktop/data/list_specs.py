"""Every list of the window by name."""

from collections.abc import Callable

from desktop.data.lists import ListSpec
from desktop.data.specs_field import _cases, _criticisms, _findings, _visits
from desktop.data.specs_office import (
    _campaigns,
    _evaluations,
    _opinions,
    _problems,
    _representatives,
    _teams,
)

SPECS: dict[str, Callable[[], ListSpec]] = {
    "evaluations": _evaluations,
    "visits": _visits,
    "findings": _findings,
    "criticisms": _criticisms,
    "cases": _cases,
    "opinions": _opinions,
    "problems": _problems,
    "representatives": _representatives,
    "campaigns": _campaigns,
    "teams": _teams,
}

