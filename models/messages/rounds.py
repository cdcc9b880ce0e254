"""Messages of random inspection rounds (双随机, issue 16 §1): the draw (models/draw), the round
file's verification and the `fieldinspect plan` commands (desktop/cli/plan_commands.py)."""

MESSAGES = {
    # Refusals of the draw (DomainError codes, models/draw/algorithm.py)
    "draw_pool_too_small": "The round asks for {units} units but the pool has only {pool}.",
    "draw_bad_window": "The date window {date_from} to {date_to} is empty.",
    "draw_team_short": "No eligible representative is left for unit {unit}: the team needs "
                       "{needed} and has {found}. Widen the pool, raise the visits per "
                       "representative or lower the team size.",
    # A round at HQ (models/rounds.py, models/round_pools.py)
    "round_hq_only": "Only HQ draws a random round.",
    "round_unknown_campaign": "No single campaign is named {campaign}.",
    "round_unknown": "No round {round}.",
    "round_not_committed": "Round {round} is not waiting for its public value: it was drawn "
                           "already or a newer commitment replaced it.",
    "round_not_drawn": "Round {round} has not been drawn yet.",
    "round_not_over": "The round runs until {date_to}: it is published only after its last "
                      "date.",
    # Stepping aside (回避) from a drawn visit (models/round_replace.py)
    "round_visit_unknown": "The round has no visit {visit} (give the visit's id or its "
                           "unit's name or path).",
    "round_replace_published": "Round {round} is published: its teams no longer change.",
    "round_replace_visit_done": "The visit is done: nobody steps aside from it any more.",
    "round_replace_not_on_visit": "{representative} is not on this visit's team.",
    "round_replace_none_eligible": "Nobody left in the round's reserve may go on this visit: "
                                   "draw a new round or leave the team one short.",
    "help_plan_replace": "At HQ: a representative steps aside from a drawn visit; the "
                         "next eligible representative of the round's reserve replaces them, "
                         "recorded in the round file and the audit trail.",
    "round_replaced": "{leaving} steps aside from the visit to {unit}; {replacement} goes "
                      "instead (recorded in the round and the audit trail).",
    # Import of representatives (models/imports/unit_references.py)
    "representative_work_unit_unknown": "No unit {unit}: give the unit of work as its path "
                                        "or name (e.g. township/unit).",
    "representative_work_unit_ambiguous": "{count} units answer to {unit}: give more of its "
                                          "path (e.g. township/unit).",
    # The round file (models/draw/round_file.py)
    "round_file_unreadable": "{path} is not a readable round file (UTF-8 JSON).",
    "round_file_not_round": "{path} is not a FieldInspect round file of a version this "
                            "program knows.",
    "round_verify_differs": "The round does not verify: {what} differs from what its inputs "
                            "and seed material give.",
    "round_verify_malformed": "The round file lacks a part the verification needs.",
    # Command line (desktop/cli/plan_commands.py)
    "help_plan": "Random inspection rounds (two randoms): draw, verify and publish.",
    "help_plan_commit": "At HQ: fix the pools and constraints and a random secret, record "
                        "and print the commitment; draw later with the public value.",
    "help_plan_draw": "At HQ: draw a committed round (--round ID --public-value TEXT), or "
                      "draw at once from --seed HEX (marked not verifiable); writes the full "
                      "round file.",
    "help_plan_publish": "At HQ, after the round's last date: write the public round file "
                         "with the units, their outcomes and the inspectors as pseudonyms.",
    "help_plan_export": "At HQ: write the full round file (the real representative pool), "
                        "recorded in the audit trail.",
    "round_options_missing": "Missing: {options}.",
    "round_commit_first": "A public value known before the commitment would let HQ choose the "
                          "outcome: run plan commit first, then plan draw --round ID "
                          "--public-value TEXT once the value is fixed.",
    "round_bad_seed": "A seed is 64 hexadecimal digits (32 bytes).",
    "round_file_not_written": "Could not write {path}.",
    "round_committed": "Round {round} committed.\nCommitment (SHA-256 of the secret): "
                       "{commitment}\nInputs' hash: {inputs_hash}\nPublish both now; once "
                       "the public value is fixed, run: fieldinspect plan draw --round {round} "
                       "--public-value TEXT --out ROUND_FILE",
    "round_drawn": "Round {round} drawn from seed {seed}: {visits} visits planned. Full round "
                   "file (keep it at HQ): {path}",
    "round_published": "Published: {units} units and their outcomes in {path}.",
    "round_exported": "Full round file written to {path} (recorded in the audit trail).",
    "help_plan_verify": "Recompute a round file's draw (full or public) and check it against "
                        "its inputs, commitment and seed material.",
    "round_verified_committed": "The round verifies: {units} units drawn as the file says, "
                                "from a seed HQ committed to before the public value was "
                                "known.",
    "round_verified_not_verifiable": "The draw matches its seed, but the seed was given "
                                     "directly (--seed): the round is marked not verifiable "
                                     "and proves nothing about who chose it.",
}
