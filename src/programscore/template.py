"""``init``: a workbook to fill in and a commented profile to edit."""

from __future__ import annotations

import io
from importlib import resources
from pathlib import Path

from .errors import ProgramscoreError

# (header, what to enter, example 1, example 2, drop-down choices)
COLUMNS = [
    ("Programme", "The programme's name, e.g. MSc Data Science.", "MSc Data Science", "MSc Machine Learning", None),
    ("University", "Who teaches it.", "Example University", "Sample Institute of Technology", None),
    ("Country", "Where it is taught (not scored).", "UK", "Netherlands", None),
    (
        "Length",
        "How long it takes full-time: '1 year', '12 months', '18 months with placement', '120 ECTS (2 years)'.",
        "1 year",
        "2 years",
        None,
    ),
    (
        "Tuition fees",
        "The fee with its currency and period: '£12,500', '€15,000 / year', '$45k per year'. "
        "Fees per year are multiplied by the length.",
        "£12,500",
        "€2,530 / year",
        None,
    ),
    (
        "Industry links",
        "How strong the links with industry are: none, low, medium, high, excellent, or 0-5.",
        "high",
        "medium",
        "none,low,medium,high,excellent",
    ),
    (
        "Placement",
        "Is a work placement or internship offered? yes, no or optional.",
        "yes",
        "optional",
        "yes,no,optional",
    ),
    (
        "Careers support",
        "How well it supports graduates into a job: none, low, medium, high, excellent, or 0-5.",
        "high",
        "medium",
        "none,low,medium,high,excellent",
    ),
    (
        "Graduate employment",
        "Share of graduates in work after six months, e.g. 92% (leave blank if not published).",
        "92%",
        "",
        None,
    ),
]


# What ``init`` adds to the profile it writes: the two keys that turn fees into the cost of study.
COSTS_COMMENT = """
# What studying costs besides the fees, in the base currency. Remove the # of the three lines below
# (and of `total = true` under the cost criterion) to rank by the whole cost of study: a programme
# of 18 months then costs its fees plus 18 months of living and 1.5 years of earnings forgone.
# [costs]
# living = 1100        # living costs per month while you study
# earnings = 24000     # what you would earn in a year if you worked instead
"""

TOTAL_COMMENT = """# total = true        # with [costs]: fees + (living + earnings / 12) x months, not fees alone
"""


def template_workbook() -> bytes:
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Programmes"
    for j, (header, guidance, first, second, choices) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=j, value=header)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="305496")
        cell.comment = Comment(guidance, "programscore", width=320, height=110)
        for row, value in ((2, first), (3, second)):
            if value:
                sheet.cell(row=row, column=j, value=value)
        letter = get_column_letter(j)
        sheet.column_dimensions[letter].width = max(14, len(header) + 4, len(first) + 4)
        if choices:
            validation = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True)
            validation.showErrorMessage = False  # a suggestion: other readable values are welcome
            validation.prompt = guidance
            validation.showInputMessage = True
            sheet.add_data_validation(validation)
            validation.add(f"{letter}2:{letter}500")
    sheet.freeze_panes = "B2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_template(directory: str | Path = ".") -> list[Path]:
    """Write programmes.xlsx and profile.toml into ``directory``; never overwrite a file."""
    from .reports import write_output

    folder = Path(directory)
    targets = [folder / "programmes.xlsx", folder / "profile.toml"]
    existing = [str(t) for t in targets if t.exists()]
    if existing:
        raise ProgramscoreError(f"{', '.join(existing)} already exist(s); init never overwrites a file")
    folder.mkdir(parents=True, exist_ok=True)
    profile_text = (resources.files("programscore") / "profiles" / "article.toml").read_text("utf-8")
    profile_text = profile_text.replace('name = "article"', 'name = "my-profile"', 1)
    profile_text = profile_text.replace("\n[[criteria]]\n", COSTS_COMMENT + "\n[[criteria]]\n", 1)
    profile_text = profile_text.replace('kind = "money"\n', 'kind = "money"\n' + TOTAL_COMMENT, 1)
    write_output(template_workbook(), str(targets[0]))
    write_output(profile_text.encode("utf-8"), str(targets[1]))
    return targets
