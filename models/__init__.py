"""FieldInspect's domain: tables, rules, statistics and the local store. No Qt, no HTTP."""
