"""HQ's recovery key: a forgotten passphrase does not cost the forms on a laptop.

HQ makes an X25519 key pair once and keeps the private half offline. Each device seals its data
key to the public half (ephemeral X25519 + HKDF-SHA256 + AES-GCM) in `store.escrow.json` beside
the store. With the private key, `recover_store` unwraps the data key and re-protects the store
with a new passphrase (and a new device part). The escrow file alone opens nothing.
"""

import hashlib
import json
import os
import secrets
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from models.errors import AppError, StoreLockedError
from models.security import audit
from models.store.database import DB_FILE, open_engine, write_transaction
from models.store.keys import KEY_FILE, write_key_file

ESCROW_FILE = "store.escrow.json"
PUBLIC_KEY_META = "hq_recovery_public_key"
_AAD = b"fieldinspect-escrow"
_RAW = serialization.Encoding.Raw, serialization.PublicFormat.Raw


class RecoveryError(AppError):
    code = "recovery"


def generate_recovery_keypair(password: str | None = None) -> tuple[bytes, bytes]:
    """(private PEM, public PEM); the private one encrypted when a password is given."""
    private = X25519PrivateKey.generate()
    encryption = (serialization.BestAvailableEncryption(password.encode()) if password
                  else serialization.NoEncryption())
    private_pem = private.private_bytes(serialization.Encoding.PEM,
                                        serialization.PrivateFormat.PKCS8, encryption)
    public_pem = private.public_key().public_bytes(serialization.Encoding.PEM,
                                                   serialization.PublicFormat.SubjectPublicKeyInfo)
    return private_pem, public_pem


def fingerprint(public: X25519PublicKey) -> str:
    return hashlib.sha256(public.public_bytes(*_RAW)).hexdigest()[:16]


def _load_public(public_pem: bytes) -> X25519PublicKey:
    try:
        key = serialization.load_pem_public_key(public_pem)
    except ValueError as exc:
        raise RecoveryError(code="recovery_key_not_public") from exc
    if not isinstance(key, X25519PublicKey):
        raise RecoveryError(code="recovery_key_not_x25519")
    return key


def _wrap_key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral + recipient,
                info=b"fieldinspect escrow v1").derive(shared)


def seal(data_key: bytes, public_pem: bytes) -> dict:
    recipient = _load_public(public_pem)
    ephemeral = X25519PrivateKey.generate()
    eph_raw = ephemeral.public_key().public_bytes(*_RAW)
    key = _wrap_key(ephemeral.exchange(recipient), eph_raw, recipient.public_bytes(*_RAW))
    nonce = secrets.token_bytes(12)
    return {"version": 1, "alg": "X25519-HKDF-SHA256-AESGCM", "recipient": fingerprint(recipient),
            "ephemeral": eph_raw.hex(), "nonce": nonce.hex(),
            "wrapped_key": AESGCM(key).encrypt(nonce, data_key, _AAD).hex()}


def unseal(doc: dict, private_pem: bytes, password: str | None = None) -> bytes:
    try:
        private = serialization.load_pem_private_key(
            private_pem, password.encode() if password else None)
    except (ValueError, TypeError) as exc:
        raise RecoveryError(code="recovery_key_unreadable") from exc
    if not isinstance(private, X25519PrivateKey):
        raise RecoveryError(code="recovery_private_key_not_x25519")
    if doc.get("recipient") != fingerprint(private.public_key()):
        raise RecoveryError(code="recovery_key_other_hq")
    eph = X25519PublicKey.from_public_bytes(bytes.fromhex(doc["ephemeral"]))
    key = _wrap_key(private.exchange(eph), bytes.fromhex(doc["ephemeral"]),
                    private.public_key().public_bytes(*_RAW))
    try:
        return AESGCM(key).decrypt(bytes.fromhex(doc["nonce"]), bytes.fromhex(doc["wrapped_key"]),
                                   _AAD)
    except InvalidTag:
        raise RecoveryError(code="escrow_damaged") from None


def write_escrow(data_dir: Path, data_key: bytes, public_pem: bytes) -> None:
    path = Path(data_dir) / ESCROW_FILE
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(seal(data_key, public_pem)), encoding="utf-8")
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def install_recovery_key(store, public_pem: bytes, *, profile: str = "") -> str:
    """Seal this store's data key to HQ's public key; remember the key; return its fingerprint."""
    public = _load_public(public_pem)
    write_escrow(store.data_dir, store.data_key, public_pem)
    with write_transaction(store.engine) as conn:
        audit.record(conn, "escrow", profile=profile, details={"recipient": fingerprint(public)})
        conn.exec_driver_sql(
            "INSERT INTO store_meta (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (PUBLIC_KEY_META, public_pem.decode("ascii")))
    return fingerprint(public)


def recover_store(data_dir: Path, private_pem: bytes, new_passphrase: str,
                  *, password: str | None = None) -> None:
    """Unwrap the data key with HQ's private key; protect the store with a new passphrase."""
    from models.security.lockout import UnlockGuard

    data_dir = Path(data_dir)
    try:
        doc = json.loads((data_dir / ESCROW_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise RecoveryError(code="escrow_missing") from exc
    if not new_passphrase:
        raise StoreLockedError(code="recovery_needs_passphrase")
    data_key = unseal(doc, private_pem, password)
    engine = open_engine(data_dir / DB_FILE, data_key)  # proves the key opens this database
    try:
        with write_transaction(engine) as conn:
            audit.record(conn, "recovered", details={"recipient": doc.get("recipient", "")})
    finally:
        engine.dispose()
    write_key_file(data_dir / KEY_FILE, data_key, new_passphrase)
    UnlockGuard(data_dir).succeeded()
