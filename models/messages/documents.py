"""Refusals met while making the office's documents (reports/): a unit or campaign that is not
there, the criticisms a notice may carry, a notice number, the Chinese font a PDF needs, the
format asked for, and the folder an output goes into (models/output_folder.py)."""

MESSAGES = {
    # What a document is about (reports/data.py)
    "no_such_unit": "There is no unit named '{name}'.",
    "unit_name_ambiguous": "'{name}' names {count} units; say which: {choices}",
    "no_such_campaign": "There is no campaign named '{name}'.",
    "unknown_status": "'{value}' is not a status; one of: {accepted}",
    # Circulated criticism (reports/criticism.py, reports/outputs.py)
    "no_circulated_criticism": "No circulated criticism was decided in that period.",
    "no_such_criticism": "No criticism record {ids}.",
    "criticism_not_circulated": "Only a circulated criticism is published; not: {ids}",
    "criticisms_already_circulated": "All {count} criticism(s) chosen were already circulated "
                                     "in an earlier notice; nothing new to circulate (include "
                                     "them again to circulate them anew).",
    # The assignment notice (reports/assignment.py, desktop/data/assignments.py)
    "assignment_text_missing": "The problem of {unit} due {deadline} ({problem}) has a "
                               "confidential source and no assignment text: write the text the "
                               "unit reads, then assign it. Nothing was numbered or written.",
    "assignment_needs_hq": "Headquarters numbers the assignment notices and could not be "
                           "asked: no notice was written and no problem was marked as "
                           "assigned. Try again once headquarters can be reached.",
    "assignment_notice_hq_only": "Only headquarters issues assignment notices; this device "
                                 "reads them.",
    # The exposure notice (reports/exposure.py)
    "no_published_case": "No accountability case is chosen for the exposure notice: tick "
                         "Publish in the exposure notice on the cases to publish.",
    # The opinions list with contacts (desktop/spreadsheets/export.py)
    "contacts_export_hq_only": "Only headquarters exports the complainants' contacts.",
    # Notice numbers (reports/numbering.py)
    "notice_number_from_one": "A notice number starts at 1.",
    "not_a_notice_number": "'{text}' is not a notice number like {example}.",
    # Fonts and formats (reports/fonts.py, reports/tabular.py)
    "no_cjk_font": "No Chinese TrueType font was found for PDF output. Install WenQuanYi Micro "
                   "Hei (apt-get install fonts-wqy-microhei) or set FIELDINSPECT_CJK_FONT to a "
                   ".ttf/.ttc file.",
    "bad_cjk_font": "The font {path} cannot be embedded in a PDF (TrueType outlines are needed).",
    "publicity_days_range": "The publicity period is 1 to 365 days, not {days}.",
    "bad_format": "This output is written as {formats}; '{chosen}' is not one of them.",
    # The folder an output goes into (models/output_folder.py)
    "output_folder_permission": "FieldInspect may not write in {folder}; choose another folder.",
    "output_folder_not_a_folder": "{folder} cannot be made a folder: a file of that name is in "
                                  "the way; choose another place.",
    "output_folder_read_only": "{folder} is on a read-only disk; choose another folder.",
    "output_folder_disk_full": "The disk holding {folder} is full; nothing was written.",
    "output_folder_is_a_folder": "{folder} is a folder; give the file a name.",
    "output_folder_cannot_write": "FieldInspect cannot write in {folder}; choose another folder.",
}
