"""A push batch of new forms decoded and checked in one C pass (issue 18 §2).

A device's usual push is a batch of new forms and nothing else. `parse_push_body` decodes a
body first as such a batch, with msgspec types made from `sync.protocol.PushBatch` and
`PushEntry` (the one protocol definition: every bound of the envelope is theirs), in which
`table` is "evaluation", `op` is "insert" and `fields` is a Struct of the form's columns made
from HQ's column checks (`rows.SPECS`): text lengths, closed vocabularies, true/false, dates,
the required fields and no unknown one are checked in C while the body is decoded, and the
batch's values come out column by column. What msgspec does not check is done per column
after: a NUL in a text, and the defaults of the fields a row leaves out.

Anything this decode refuses (another table or operation in the batch, a value HQ's checks
would refuse or might convert, a key it does not know) is decoded again by
`sync.protocol.parse_push_body` and checked as before, so every refusal and its message are
exactly as they were. The checked columns go to `merge.precheck` as `rows.check_column_lists`
would give them; a batch that cannot be taken whole (a row HQ holds, a paper number taken,
a rule broken, entries replayed) is decoded again the ordinary way (`TypedForms.general`) and
goes the general way, entry by entry where it must.
"""

import datetime as dt
import typing
from operator import attrgetter
from typing import Annotated, Any, Literal

import msgspec
import sqlalchemy as sa

from models import rules
from models.base import META_COLUMNS, UTCDateTime
from sync import protocol
from sync.protocol import BadPush, PushBatch, PushEntry
from sync.server.forms import NumberColumns
from sync.server.rows import SPECS, TableSpec, _enum_of

TABLE = "evaluation"  # the only table whose new rows go column by column (merge._new_forms)


class TypedForms(list):
    """A batch's entries (`PushEntry`'s attributes; `fields` a typed Struct, not a dict), with
    their checked columns (`columns`: every data column of the form, converted and defaults
    made) and each entry's `created_at` as sent (`stated`, None where none was sent)."""

    def __init__(self, entries: list, body: bytes, columns: dict[str, list], stated: list):
        super().__init__(entries)
        self.body, self.columns, self.stated = body, columns, stated
        self._general: list | None = None

    def general(self) -> list:
        """The same entries as `sync.protocol.parse_push_body` decodes them (fields as dicts),
        for every path that is not the whole-batch one."""
        if self._general is None:
            self._general = protocol.parse_push_body(self.body).entries
        return self._general

    def number_rows(self) -> NumberColumns:
        """The entries' campaigns and paper numbers, for `forms.numbers_statement`."""
        return NumberColumns((self.columns["campaign_id"], self.columns["form_no"]))


def general(entries: list) -> list:
    """`entries` with their fields as dicts (decoded again if they came typed)."""
    return entries.general() if isinstance(entries, TypedForms) else entries


def _field_type(spec: TableSpec, column: sa.Column, limits: dict[str, int]) -> tuple[Any, bool]:
    """The msgspec type accepting only values `rows`' checker of the column returns unchanged
    (or converts as msgspec does: a date), and whether it is free text (searched for a NUL
    after); (None, False) for a column type it is not made for."""
    col_type = column.type
    text = False
    # the order of `rows._checker`: timestamps, numbers and JSON have no type here
    if isinstance(col_type, UTCDateTime | sa.Integer | sa.Float | sa.JSON):
        return None, False
    if isinstance(col_type, sa.Date):
        kind: Any = dt.date  # YYYY-MM-DD only, a real day: `_check_date` takes those (and more)
    elif isinstance(col_type, sa.Boolean):
        kind = bool
    else:  # text, as `rows._str_checker` checks it
        info = spec.model.model_fields.get(column.name)
        enum_cls = _enum_of(info.annotation if info else None)
        length = limits.get(column.name) or getattr(col_type, "length", None)
        if enum_cls is not None:
            codes = tuple(m.value for m in enum_cls if isinstance(m.value, str) and
                          "\x00" not in m.value and (length is None or len(m.value) <= length))
            if not codes:
                return None, False
            kind = Literal[codes]
        else:
            kind, text = Annotated[str, msgspec.Meta(max_length=length)] if length else str, True
    return (kind | None if column.name in spec.nullable else kind), text


def _typed_decoder(spec: TableSpec) -> tuple[msgspec.json.Decoder, list[str], list[str]] | None:
    """The decoder of a batch of new rows of `spec`'s table, the data columns, and those of
    them to search for a NUL; None when a column's check has no msgspec type here."""
    limits = rules.text_limits(spec.model)
    fields: list[tuple] = []
    data: list[str] = []
    free_text: list[str] = []
    for column in spec.table.columns:
        name = column.name
        if name in META_COLUMNS:  # not checked (HQ stamps them; `created_at` read after)
            fields.append((name, Any, None))
            continue
        kind, text = _field_type(spec, column, limits)
        info = spec.model.model_fields.get(name)
        if kind is None or info is None:
            return None
        data.append(name)
        if text:
            free_text.append(name)
        if name in spec.required:
            fields.append((name, kind))
        elif info.default_factory is not None:  # as `rows.check_fields` makes a default
            fields.append((name, kind, msgspec.field(default_factory=info.default_factory)))
        else:
            fields.append((name, kind, info.default))
    # gc=False: decoded JSON holds no cycle (and the collector is paused meanwhile anyway)
    row = msgspec.defstruct(f"Typed_{spec.name}_fields", fields, kw_only=True,
                            forbid_unknown_fields=True, gc=False)
    entry = msgspec.defstruct(f"Typed_{spec.name}_entry", [
        _retyped(f, {"table": Literal[spec.name], "op": Literal["insert"], "fields": row})
        for f in msgspec.structs.fields(PushEntry)], forbid_unknown_fields=True, gc=False)
    envelope = msgspec.structs.fields(PushBatch)
    entries = next(f.type for f in envelope if f.name == "entries")
    batch = msgspec.defstruct(f"Typed_{spec.name}_batch", [
        _retyped(f, {"entries": _list_of(entries, entry)}) for f in envelope],
        forbid_unknown_fields=True)
    return msgspec.json.Decoder(batch), data, free_text


def _retyped(field: msgspec.structs.FieldInfo, types: dict[str, Any]) -> tuple:
    """A field of `PushEntry` or `PushBatch` as it is, or with the type given in `types` (and
    then required)."""
    if field.name in types:
        return field.name, types[field.name]
    if field.required:
        return field.name, field.type
    if field.default_factory is not msgspec.NODEFAULT:
        return field.name, field.type, msgspec.field(default_factory=field.default_factory)
    return field.name, field.type, field.default


def _list_of(annotated: Any, item: type) -> Any:
    """`PushBatch.entries`' type (a list with its bounds) with `item` as the element type."""
    base, *meta = typing.get_args(annotated)
    assert typing.get_origin(base) is list, annotated
    return Annotated[(list[item], *meta)]


_TYPED = _typed_decoder(SPECS[TABLE])


def parse_push_body(body: bytes) -> PushBatch:
    """`sync.protocol.parse_push_body`, a batch of new forms decoded and checked typed first
    (its entries a `TypedForms`); BadPush as that function words it."""
    typed = _decode_forms(body) if _TYPED is not None else None
    return typed if typed is not None else protocol.parse_push_body(body)


_FIELDS = attrgetter("fields")


def _decode_forms(body: bytes) -> Any:
    decoder, data, free_text = _TYPED
    try:
        batch = decoder.decode(body)
    except (msgspec.ValidationError, msgspec.DecodeError):
        return None  # decoded and refused (or not) the ordinary way, with its own words
    rows = list(map(_FIELDS, batch.entries))
    columns = {name: list(map(attrgetter(name), rows)) for name in data}
    for name in free_text:  # PostgreSQL text cannot hold a NUL: refused by `rows`' check
        values = columns[name]
        if "\x00" in "".join([v for v in values if type(v) is str]):
            return None
    stated = list(map(attrgetter("created_at"), rows))  # None where none was sent
    batch.entries = TypedForms(batch.entries, body, columns, stated)
    return batch


__all__ = ["BadPush", "TypedForms", "general", "parse_push_body"]
