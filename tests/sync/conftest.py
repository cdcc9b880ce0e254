"""Sync test set-up: an HQ server app per test (SQLite, and PostgreSQL when
FIELDINSPECT_TEST_PG_URL is set), devices in fresh data directories, a cuttable transport."""

import os
import uuid

import pytest
import sqlalchemy as sa

os.environ.setdefault("FIELDINSPECT_KDF_LOG2N", "10")
os.environ["FIELDINSPECT_KEYRING"] = "0"  # the keyring path has its own test

from tests.sync.helpers import PASSPHRASE, Hq  # noqa: E402

PG_URL = os.environ.get("FIELDINSPECT_TEST_PG_URL")


def _pg_database(url: str):
    """A throw-away database on the test server (dropped afterwards)."""
    name = f"fi_sync_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    target = sa.engine.make_url(url).set(database=name)
    return admin, name, target.render_as_string(hide_password=False)


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def database_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'hq-server'}"
        return
    yield from _throw_away_pg()


@pytest.fixture
def pg_url():
    """A fresh PostgreSQL database only (tests of what is particular to a PostgreSQL HQ)."""
    yield from _throw_away_pg()


def _throw_away_pg():
    if not PG_URL:
        pytest.skip("FIELDINSPECT_TEST_PG_URL is not set (CI sets it)")
    admin, name, url = _pg_database(PG_URL)
    yield url
    with admin.connect() as conn:
        conn.exec_driver_sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
            (name,))
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
    admin.dispose()


@pytest.fixture
def hq(database_url, tmp_path):
    server = Hq.start(database_url, tmp_path)
    yield server
    server.close()


@pytest.fixture(autouse=True)
def _passphrase(monkeypatch):
    monkeypatch.setenv("FIELDINSPECT_PASSPHRASE", PASSPHRASE)
