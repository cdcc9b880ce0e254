"""Notice numbers in the county's pattern, kept per year."""

import pytest

from models.errors import ValidationError
from reports.numbering import format_number, parse_number


def test_format_and_parse_round_trip():
    assert format_number("余纠通", 2014, 3) == "余纠通〔2014〕3号"
    n = parse_number("余纠通〔2014〕3号")
    assert (n.prefix, n.year, n.seq) == ("余纠通", 2014, 3)
    assert str(parse_number("余纠通[2026]12号")) == "余纠通〔2026〕12号"


@pytest.mark.parametrize("bad", ["余纠通2026-3", "〔2026〕3号", "余纠通〔26〕3号"])
def test_a_malformed_number_is_refused(bad):
    with pytest.raises(ValidationError):
        parse_number(bad)


def test_a_draft_leaves_the_number_blank_and_zero_is_refused():
    assert format_number("余纠通", 2026, None) == "余纠通〔2026〕　　号"
    with pytest.raises(ValidationError):
        format_number("余纠通", 2026, 0)
