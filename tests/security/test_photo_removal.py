"""Removing a photo (issue 12 §4) is open to office and representative devices only where
adding one is: a doctored client that names a photo on a record it does not receive removes
nothing and learns nothing. On SQLite and PostgreSQL."""

from tests.security.test_secret_visit_scope import _forge, _issue_codes, _secret_visit
from tests.sync import conftest as sync_conftest

# The sync tests' HQ on SQLite and on PostgreSQL (database_url is parametrised).
database_url, hq = sync_conftest.database_url, sync_conftest.hq
_passphrase = sync_conftest._passphrase  # autouse: the devices' passphrase


def _photo_id(s) -> str:
    [attachment] = s.boss.rows("attachment")
    return attachment


def test_representative_cannot_remove_a_photo_from_a_secret_visit_it_is_not_assigned(hq,
                                                                                    tmp_path):
    s = _secret_visit(hq, tmp_path)
    attachment = _photo_id(s)
    _forge(s.zhao, "attachment", attachment, {}, op="delete")  # same team, not assigned
    _forge(s.wang, "attachment", attachment, {}, op="delete")  # another team
    assert s.zhao.sync().forbidden == 1 and s.wang.sync().forbidden == 1
    assert _issue_codes(s.zhao) == {attachment: "not_in_scope"}
    assert _issue_codes(s.wang) == {attachment: "not_in_scope"}
    assert attachment in hq.rows("attachment")  # still there


def test_office_cannot_remove_a_photo_from_a_field_record(hq, tmp_path):
    s = _secret_visit(hq, tmp_path)
    attachment = _photo_id(s)
    office = hq.device("office", name="county-office")
    office.sync()
    _forge(office, "attachment", attachment, {}, op="delete")
    assert office.sync().forbidden == 1
    assert _issue_codes(office) == {attachment: "attachment_owner"}
    assert attachment in hq.rows("attachment")
