"""The words of length cells: units in many languages, study modes, bounds, other awards, variants and
the phrases that are no length at all. ``duration`` asks them of each figure's context.
"""

from __future__ import annotations

import re

from .text import NUMBER, NUMBER_WORD

MONTHS = {
    "years": 12.0, "months": 1.0, "weeks": 12.0 / 52.0, "days": 12.0 / 365.0, "semesters": 6.0,
    "trimesters": 4.0, "terms": 4.0, "quarters": 3.0, "ects": 12.0 / 60.0,
}  # fmt: skip
UNIT_WORDS = [
    ("years", r"years?|yrs?|y|academic years?|calendar years?|jahre?|ans?|années?|años?|anni|anno|jaar|år|anos?|"
     r"lata?|roky?|let|vuotta|vuosi|yıl|年|년"),
    ("months", r"months?|mo|mos|mths?|m|monate?n?|mois|meses|mes|mesi|maanden|månader|miesięcy|měsíců|kuukautta|"
     r"个月|個月|ヶ月|か月|カ月|개월"),
    ("weeks", r"weeks?|wks?|w|wochen"),
    ("days", r"days?|d"),
    ("semesters", r"semesters?|sem|semestres?|semestrů|semestrów|学期|학기"),
    ("trimesters", r"trimesters?"),
    ("terms", r"terms?"),
    ("quarters", r"quarters?"),
    ("ects", r"ects(?: credits?| points?)?|ec|ects-punkte|credits? ects"),
]
UNIT = "|".join(f"(?P<{name}>{words})" for name, words in UNIT_WORDS)
VALUE = rf"(?:{NUMBER}|\b(?:{NUMBER_WORD})\b)"
QUANTITY = re.compile(
    rf"(?P<low>{VALUE})(?:\s*(?P<join>-|to|/|or|bis)\s*(?P<high>{VALUE}))?\s*-?\s*(?:{UNIT})"
    r"(?:\b|(?<=[\u3000-\u9fff\uac00-\ud7af]))",  # a Chinese, Japanese or Korean unit needs no word boundary
    re.IGNORECASE,
)

MODES = [
    ("part-time", r"\bpart[- ]?time\b|\bPT\b|\bteilzeit\b|\btemps partiel\b|\bpart time\b|\bberufsbegleitend\b|"
     r"\bdeeltijd\b|\bdeltid\b|\btiempo parcial\b|非全日制|在职"),
    ("flexible", r"\bflexible\b|\bmodular\b|\bblock\b|\bdistance\b|\bonline\b(?= (?:learning|study))|\bexecutive\b|"
     r"\bDL\b|\bfernstudium\b|\bonline\b(?=\s*:)"),
    ("full-time", r"\bfull[- ]?time\b|\bFT\b|\bvollzeit\b|\btemps plein\b|\bintensive\b|\bvoltijd\b|\bheltid\b|"
     r"\btiempo completo\b|(?<!非)全日制|全職"),
]
MODE_RES = [(name, re.compile(pattern, re.IGNORECASE)) for name, pattern in MODES]
BOUNDS = re.compile(
    r"\b(?:max(?:imum\b|\.|\b)|up to\b|within\b|no (?:more|longer) than\b|at most\b|registration period\b|"
    r"time limit\b|"
    r"(?:must|may) be completed|to complete|longest)\b",
    re.IGNORECASE,
)
OTHER_AWARD = re.compile(
    r"\bpg ?dip\b|\bpg ?cert\b|postgraduate (?:diploma|certificate)|\bdiploma\b|\bcertificate\b|\bpre-?masters?\b|"
    r"\bfoundation\b|\bph\.?d\b|\bmphil\b|\bdoctora",
    re.IGNORECASE,
)
VARIANT = re.compile(
    r"\bwith (?:an? )?(?:\w+ )?(?:placement|internship|year in industry|industr\w+ (?:placement|experience)|"
    r"professional (?:practice|experience)|work experience|study abroad|advanced practice)|\bsandwich\b|"
    r"\bextended\b|\bplacement year\b|\byear in industry\b",
    re.IGNORECASE,
)
# "a 4-year bachelor's", "2 years of work experience": a length the applicant brings, not the programme's
REQUIREMENT = re.compile(
    r"\b\d+\+?[- ]?(?:years?|yrs?)(?:'s|’s|’)?\s+(?:of\s+)?(?:relevant\s+|professional\s+|full[- ]time\s+|"
    r"post-?qualification\s+)?(?:work|professional|industry|managerial|bachelor|undergraduate|honours|first degree|"
    r"degree|experience)",
    re.IGNORECASE,
)
NOT_A_LENGTH = re.compile(r"\b(?:starts?|starting|start date|intake|begins?|commenc\w*|deadline|entry)\b", re.I)
HALF = re.compile(r"\b(?:a|one) (year|month) and a half\b|\bhalf a (year)\b", re.IGNORECASE)
AND_A_HALF = re.compile(
    rf"\b({NUMBER_WORD}|\d+) and a half\b|\b(\d+|un|uno|una|ein|un)\s+(año|anno|jahr|an|year)s?\s+"
    r"(?:y medio|e mezzo|und (?:ein )?halb|et demi|and a half)\b",
    re.IGNORECASE,
)
SPELLED = re.compile(r"half|halb|medio|mezzo|demi|[½¼¾⅓⅔]|/|\+|plus|[一二两三四五六]", re.IGNORECASE)
CJK_NUMERAL = re.compile(r"([一二两三四五六])(?=\s*(?:年|个月|個月|学期|년|개월))")
CJK_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6}
MIXED = re.compile(r"\b(\d+)\s+(\d)/(\d)(?=\s*[a-z])", re.IGNORECASE)


YEAR_OUT = re.compile(r"\s+(?:in industry|in practice|abroad|out|of (?:industrial |professional )?placement|"
                       r"placement|of work experience|in work)\b", re.IGNORECASE)  # fmt: skip
PART = re.compile(r"\b(?:including|includes|incl\.?|inclusive of|of which|comprising|consisting of|with an? "
                   r"(?:integrated|embedded))\b[^()]*$", re.IGNORECASE)  # fmt: skip
BEFORE_CUT = re.compile(r"[;,|(]|\.\s|\band\b|\bor\b")
AFTER_CUT = re.compile(r"[;,|)]|\.\s|\band\b|\bor\b")
TRAILING_BOUND = re.compile(r"\s*(?:max(?:imum)?|at most)\b", re.IGNORECASE)
CLAUSE_CUTS = re.compile(r"[,;|]|\s(?:or|and|/)\s")
