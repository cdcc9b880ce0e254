"""HQ reached from outside the office's network answers on https (issue 14 §2): a real
`fieldinspect serve --certfile --keyfile` with a certificate signed by a throw-away office CA;
a device given that CA file (FIELDINSPECT_CA_FILE) enrolls and syncs over https, and a device
without it is told, in its language, that HQ's certificate cannot be verified (exit 3)."""

import datetime as dt
import ipaddress
import json
import os
import ssl
import subprocess
import sys
import time

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.cli_runner import run_cli
from tests.models.helpers import UNITS, write_csv
from tests.ports import free_port
from tests.sync.helpers import PASSPHRASE
from tests.sync.test_cli_sync import _forms, cli


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def _write_pem(path, data: bytes):
    path.write_bytes(data)
    return path


def make_office_ca(folder):
    """A CA as docs/tls.md makes one with openssl, and HQ's certificate for 127.0.0.1."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (x509.CertificateBuilder().subject_name(_name("County office CA"))
          .issuer_name(_name("County office CA")).public_key(ca_key.public_key())
          .serial_number(x509.random_serial_number())
          .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False,
                                       False), critical=True)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder().subject_name(_name("hq.county.example"))
            .issuer_name(ca.subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .sign(ca_key, hashes.SHA256()))
    pem = serialization.Encoding.PEM
    return (
        _write_pem(folder / "office-ca.pem", ca.public_bytes(pem)),
        _write_pem(folder / "hq-cert.pem", cert.public_bytes(pem)),
        _write_pem(folder / "hq-key.pem", key.private_bytes(
            pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())),
    )


@pytest.fixture
def tls_hq(tmp_path):
    """A SQLite HQ serving https on loopback; yields (data dir, url, CA file)."""
    ca, cert, key = make_office_ca(tmp_path)
    port, data_dir = free_port(), tmp_path / "hq"
    env = {**os.environ, "FIELDINSPECT_PASSPHRASE": PASSPHRASE}
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop.cli", "--data-dir", str(data_dir), "serve",
         "--port", str(port), "--certfile", str(cert), "--keyfile", str(key)], env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)
    url, trust = f"https://127.0.0.1:{port}", ssl.create_default_context(cafile=str(ca))
    deadline = time.monotonic() + 120  # a loaded CI machine starts Python slowly
    while True:
        try:
            httpx.get(f"{url}/v1/health", verify=trust, timeout=1)
            break
        except httpx.TransportError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError(proc.stderr.read()) from None
            time.sleep(0.1)
    yield data_dir, url, ca, proc
    proc.terminate()
    proc.wait(timeout=20)


def _enrollment_code(hq_dir) -> str:
    out = cli(hq_dir, "hq", "enroll-device", "--role", "office", "--name", "field-laptop")
    assert out.returncode == 0, out.stderr
    return out.stdout.strip().splitlines()[-1]


def _device_cli(dev, *args, ca=None):
    env = {**os.environ, "FIELDINSPECT_PASSPHRASE": PASSPHRASE, "FIELDINSPECT_KEYRING": "0"}
    env.pop("FIELDINSPECT_CA_FILE", None)
    if ca is not None:
        env["FIELDINSPECT_CA_FILE"] = str(ca)
    return run_cli(["--data-dir", dev, *args], env)  # in this process; HQ is a real one


def test_hq_served_on_https_says_so_and_a_device_with_the_office_ca_enrolls_and_syncs(
        tls_hq, tmp_path):
    hq_dir, url, ca, proc = tls_hq
    dev = tmp_path / "field-laptop"
    done = _device_cli(dev, "enroll", "--server", url, "--code", _enrollment_code(hq_dir), ca=ca)
    assert done.returncode == 0, done.stderr
    units = write_csv(tmp_path / "units.csv", ["name", "kind", "parent"], UNITS)
    assert _device_cli(dev, "import", "units", units).returncode == 0
    assert _device_cli(dev, "import", "evaluations", _forms(tmp_path, "tls", [1])).returncode == 0
    synced = _device_cli(dev, "sync", "--json", ca=ca)
    assert synced.returncode == 0, synced.stderr
    assert json.loads(synced.stdout)["pushed"] >= 1
    again = _device_cli(dev, "sync", "--json", ca=ca)
    assert json.loads(again.stdout)["pushed"] == 0  # HQ holds the form: nothing left to send
    proc.terminate()
    printed = proc.communicate(timeout=20)[0]
    assert f"https://127.0.0.1:{url.rsplit(':', 1)[1]}" in printed


def test_a_device_without_the_office_ca_is_told_hq_is_untrusted_in_its_language(
        tls_hq, tmp_path):
    hq_dir, url, ca, _proc = tls_hq
    code = _enrollment_code(hq_dir)
    refused = _device_cli(tmp_path / "d1", "enroll", "--server", url, "--code", code)
    assert refused.returncode == 3
    assert "cannot verify" in refused.stderr and "FIELDINSPECT_CA_FILE" in refused.stderr
    assert "Traceback" not in refused.stderr and "SSL" not in refused.stderr
    zh = _device_cli(tmp_path / "d2", "--lang", "zh_CN", "enroll", "--server", url,
                     "--code", code)
    assert zh.returncode == 3 and "安全证书无法被本设备验证" in zh.stderr
    # Nothing was sent: the code is still good for a device given the CA file.
    ok = _device_cli(tmp_path / "d3", "enroll", "--server", url, "--code", code, ca=ca)
    assert ok.returncode == 0, ok.stderr


def test_a_device_enrolled_over_https_that_loses_the_ca_file_gets_the_typed_failure(
        tls_hq, tmp_path):
    hq_dir, url, ca, _proc = tls_hq
    dev = tmp_path / "dev"
    code = _enrollment_code(hq_dir)
    assert _device_cli(dev, "enroll", "--server", url, "--code", code, ca=ca).returncode == 0
    unreadable = _device_cli(dev, "sync", ca=tmp_path / "no-such-ca.pem")
    assert unreadable.returncode == 3 and "no-such-ca.pem" in unreadable.stderr
    untrusted = _device_cli(dev, "sync")
    assert untrusted.returncode == 3 and "cannot verify" in untrusted.stderr


def test_serve_refuses_half_a_tls_setting_before_starting(tmp_path):
    env = {**os.environ, "FIELDINSPECT_PASSPHRASE": PASSPHRASE}
    env.pop("FIELDINSPECT_TLS_KEYFILE", None)
    cert = _write_pem(tmp_path / "cert.pem", b"x")
    out = subprocess.run([sys.executable, "-m", "desktop.cli", "--data-dir", str(tmp_path),
                          "serve", "--certfile", str(cert)], capture_output=True, text=True,
                         env=env, stdin=subprocess.DEVNULL, timeout=60)
    assert out.returncode == 1 and "--keyfile" in out.stderr
    missing = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--data-dir", str(tmp_path), "serve",
         "--certfile", str(cert), "--keyfile", str(tmp_path / "absent.pem")],
        capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=60)
    assert missing.returncode == 1 and "absent.pem" in missing.stderr
