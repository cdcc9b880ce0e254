"""Stepping aside (回避, issue 16 §1) changes who goes on a secret visit, so only HQ does it:
another device's store refuses before reading the round."""

import pytest

from models.errors import DomainError
from models.round_replace import replace_representative


def test_an_office_store_refuses_to_replace_a_drawn_representative(store):
    store.set_meta("device_role", "office")
    with pytest.raises(DomainError) as refused, store.write("clerk") as w:
        replace_representative(w, "some-round", "some-visit", "some-representative")
    assert refused.value.code == "round_hq_only"
