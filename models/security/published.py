"""Copies of photos for publication: location (and all other camera metadata) removed.

The stored original keeps its EXIF as evidence; anything published goes through
`strip_location`. Pure byte surgery on JPEG segments and PNG chunks: no image decoding, no
re-compression, so the picture itself is unchanged.
"""

import struct

from models.messages import english

_JPEG_SOI = b"\xff\xd8"
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# APP1 holds EXIF (with the GPS block) and XMP (which can repeat it); APP13 holds IPTC.
_JPEG_DROP = {0xE1, 0xED}
_PNG_DROP = {b"eXIf", b"tEXt", b"iTXt", b"zTXt"}


class UnsupportedImageError(ValueError):
    """A photo this module cannot clean; `code` names why (models/messages/security.py), for
    the caller that turns it into an error a person reads."""

    def __init__(self, code: str):
        super().__init__(english(code))
        self.code = code


def strip_location(data: bytes) -> bytes:
    """The image without its metadata blocks; refuses formats it cannot clean."""
    if data.startswith(_JPEG_SOI):
        return _strip_jpeg(data)
    if data.startswith(_PNG_SIGNATURE):
        return _strip_png(data)
    raise UnsupportedImageError("photo_not_cleanable")


def _strip_jpeg(data: bytes) -> bytes:
    out, pos = [_JPEG_SOI], 2
    while pos < len(data):
        if data[pos] != 0xFF:
            raise UnsupportedImageError("jpeg_damaged")
        marker = data[pos + 1]
        if marker == 0xDA:  # start of scan: the compressed picture follows, no more metadata
            out.append(data[pos:])
            break
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if 0xD0 <= marker <= 0xD9 or marker == 0x01:
            out.append(data[pos:pos + 2])
            pos += 2
            continue
        (length,) = struct.unpack(">H", data[pos + 2:pos + 4])
        if marker not in _JPEG_DROP:
            out.append(data[pos:pos + 2 + length])
        pos += 2 + length
    return b"".join(out)


def _strip_png(data: bytes) -> bytes:
    out, pos = [_PNG_SIGNATURE], len(_PNG_SIGNATURE)
    while pos + 8 <= len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        end = pos + 12 + length
        if kind not in _PNG_DROP:
            out.append(data[pos:end])
        pos = end
    return b"".join(out)
