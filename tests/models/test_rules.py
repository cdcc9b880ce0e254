from datetime import date

import pytest

from models import rules
from models.enums import Level, ProblemStatus, ProfileRole
from models.errors import DomainError, ValidationError


def test_dissatisfied_form_needs_a_reason():
    assert rules.evaluation_problems(Level.DISSATISFIED, "  ")[0].field == "reason"
    assert rules.evaluation_problems(Level.DISSATISFIED, "推诿拖延") == []
    assert rules.evaluation_problems(Level.SATISFIED, "") == []


def test_criticism_names_a_person_and_a_unit():
    fields = {p.field for p in rules.criticism_problems("", None)}
    assert fields == {"person_name", "unit_id"}


def test_deadline_cannot_precede_the_problem():
    assert rules.deadline_problems(date(2024, 5, 2), date(2024, 5, 1))
    assert not rules.deadline_problems(date(2024, 5, 2), date(2024, 5, 2))


def test_problem_moves_forward_and_may_skip():
    rules.check_status_change(ProblemStatus.OPEN, ProblemStatus.RECTIFIED)
    rules.check_status_change(ProblemStatus.INVESTIGATING, ProblemStatus.VERIFIED)


def test_going_back_needs_a_supervisor_and_a_reason():
    with pytest.raises(DomainError):
        rules.check_status_change(ProblemStatus.RECTIFIED, ProblemStatus.RECTIFYING,
                                  actor_role=ProfileRole.CLERK, reopen_reason="x")
    with pytest.raises(ValidationError):
        rules.check_status_change(ProblemStatus.RECTIFIED, ProblemStatus.RECTIFYING,
                                  actor_role=ProfileRole.SUPERVISOR, reopen_reason="")
    rules.check_status_change(ProblemStatus.RECTIFIED, ProblemStatus.RECTIFYING,
                              actor_role=ProfileRole.SUPERVISOR, reopen_reason="群众反映未整改")


def test_verified_is_final():
    with pytest.raises(DomainError) as err:
        rules.check_status_change(ProblemStatus.VERIFIED, ProblemStatus.OPEN,
                                  actor_role=ProfileRole.SUPERVISOR, reopen_reason="x")
    assert err.value.code == "verified_is_final"


def test_overdue_until_rectified():
    as_of = date(2024, 6, 1)
    assert rules.is_overdue(date(2024, 5, 31), ProblemStatus.RECTIFYING, as_of)
    assert not rules.is_overdue(date(2024, 6, 1), ProblemStatus.RECTIFYING, as_of)
    assert not rules.is_overdue(date(2024, 5, 31), ProblemStatus.RECTIFIED, as_of)
    assert not rules.is_overdue(None, ProblemStatus.OPEN, as_of)


def test_every_enum_value_has_an_english_and_a_chinese_label():
    """One table names every value (issue 13 §2): a new value without its labels fails here."""
    from enum import StrEnum

    import models.enums as enums

    classes = [c for c in vars(enums).values()
               if isinstance(c, type) and issubclass(c, StrEnum) and c is not StrEnum]
    missing = [(c.__name__, m.value) for c in classes for m in c
               if not all(enums.LABELS.get(c, {}).get(m) or ("", "")) ]
    assert len(classes) > 15 and missing == []
