"""What a cell mentions, before anything is decided: the numbers that are not values, and the context
of the numbers that may be.

Money and duration cells are read in two steps. This module does the first: it finds every number
that is *not* a value (a link, a phone number, a date, an academic year, a fee band, a percentage, an
ordinal, a code glued to letters) and masks it, so no later step can take it for one; and it gives each
remaining figure its context: the words that lead up to it and the words that trail it within its
clause. The kind modules then classify each figure by that context (its currency, period, label and
role) and choose.

Masking keeps every position: a masked character is replaced by ``MASK``, which is neither a digit, a
letter nor a space, so spans found on the masked text index the original text too.
"""

from __future__ import annotations

import html
import itertools
import re
from dataclasses import dataclass

MASK = "\u2591"

# What a masked number was, in the words a person would use ("a phone number, not an amount").
NOISE_PHRASES = {
    "link": "a link",
    "email": "an e-mail address",
    "phone": "a phone number",
    "date": "a date",
    "academic year": "an academic year",
    "year": "a year",
    "band": "a fee band",
    "percent": "a percentage",
    "ordinal": "a rank or ordinal",
    "code": "a code",
}

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR = r"(?:19[89]\d|20[0-4]\d)"
MONTH = re.compile(_MONTH, re.IGNORECASE)
# Order matters: a link is masked before the dates and numbers inside it are looked at.
_NOISE = [
    ("link", r"\b(?:https?://|www\.)\S+|(?:\.\.\.|…)?/?(?:[\w.-]+/){2,}[\w.%?=&#-]*|"
     r"\b[\w-]+\.(?:php|html?|aspx?|jsp|pdf|docx?|cfm)\b\S*|\b[\w-]+(?:\.[\w-]+)*\.(?:ac\.uk|edu|com|org|de|nl|se)\b\S*"),
    ("email", r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    ("phone", r"(?:\+\d{1,3}[\s.-]?(?:\(0\)\s?)?\d{1,5}(?:[\s.-]\d{2,5}){1,4})|"
     r"(?<![\d,.])0\d{2,5}(?:[\s.-]\d{3,4}){1,3}(?![\d,])|"
     r"(?:\b(?:call|phone|telephone|tel\.?|ring|fax|whatsapp|mobile)\b:?\s*)\(?\d[\d\s().-]{6,}\d"),
    ("date", rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b|"
     rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?\b|\b{_MONTH}\s+{_YEAR}\b|"
     rf"\b\d{{1,2}}[./-]\d{{1,2}}[./-](?:{_YEAR}|\d{{2}})\b|\b{_YEAR}-\d{{2}}-\d{{2}}\b"),
    ("academic year", rf"\b(?:AY\s?)?{_YEAR}\s?[/–-]\s?(?:{_YEAR}|\d{{2}})\b(?![.,]\d)"),
    ("year", r"\b(?:founded|established|est\.?|since|opened|chartered|dating from|gegründet|fondée?)\s+(?:in\s+)?"
     r"1\d{3}\b"),
    ("code", r"\b(?:course|programme|program|student|module|ucas|cricos|reference|ref|id|zip|post ?code|postal "
     r"code|code|no|number|kennzahl|studiengang)\.?\s*(?:id|code|no\.?|number)?\s*[:#]?\s*[A-Z]{0,4}\d[\dA-Z-]{2,}\b|"
     r"\b[A-Z]{1,2}\d{1,2}[A-Z]?\s\d[A-Z]{2}\b|\b[A-Z]{2,5}\d{3,5}[A-Z]?\b"),
    ("band", r"\b(?:fee\s+)?(?:band|tier|category|group|level|grade|zone|class)\s+[0-9A-H]\b(?![.,]?\d)"),
    ("percent", r"(?<![\w.,])\d+(?:[.,]\d+)?\s?(?:%|per ?cent\b|pc\b)"),
    ("ordinal", r"\b\d+(?:st|nd|rd|th)\b|\b(?:no\.?|number|#)\s?\d+\b|\b(?:top|ranked|rank)\s+\d+\b"),
    ("year", rf"(?<![\d,.'£€$])(?<![£€$] )(?<!(?-i:[A-Z]{{3}}) )\b{_YEAR}\b"
     rf"(?![.,]\d|\s?(?:€|£|\$|(?-i:[A-Z]{{3}})\b|k\b|euros?\b|pounds?\b|dollars?\b))"),
]  # fmt: skip
_NOISE_RES = [(kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in _NOISE]
# Cheap tests that rule a kind out before its pattern runs (most cells have none of these).
_MAY_HAVE = {
    "link": re.compile(r"/.*/|www|http|\.(?:php|html?|aspx?|jsp|pdf|docx?|cfm|ac\.uk|edu|com|org|de|nl|se)\b", re.I),
    "email": re.compile("@"),
    "phone": re.compile(r"\+\d|(?<![\d,.])0\d|call|phone|tel|ring|fax|whatsapp|mobile", re.IGNORECASE),
    "date": re.compile(rf"{_MONTH}|\d[./-]\d{{1,2}}[./-]\d", re.IGNORECASE),
    "academic year": re.compile(rf"{_YEAR}\s?[/–-]"),
    "band": re.compile(r"band|tier|category|group|level|grade|zone|class", re.IGNORECASE),
    "percent": re.compile(r"%|per ?cent|pc\b", re.IGNORECASE),
    "code": re.compile(r"\d[A-Z]{2}\b|[A-Z]{2,5}\d|code|ref|\bid\b|zip|post|number|\bno\b|kennzahl|studiengang",
                       re.IGNORECASE),
    "ordinal": re.compile(r"\d(?:st|nd|rd|th)\b|no\.?\s?\d|number|#|top|rank", re.IGNORECASE),
    "year": re.compile(rf"(?<!\d)(?:{_YEAR}|1\d{{3}})(?!\d)"),
}


@dataclass(frozen=True)
class Masked:
    """A cell's text with every number that is not a value masked, and what was masked."""

    text: str  # the original (cleaned) text
    masked: str  # same length; masked numbers are MASK characters
    noise: tuple[str, ...]  # kinds masked, in order of appearance (may repeat)

    def reason(self) -> str | None:
        """Why a cell with digits gave no value, in a short phrase ("a phone number"), or None."""
        kinds = list(dict.fromkeys(self.noise))
        if not kinds:
            return None
        return " and ".join(NOISE_PHRASES[k] for k in kinds[:2])


def _priced(text: str) -> bool:
    """``CHF730``, ``SEK340000``: a currency code glued to its amount, not a course code."""
    from .currencies import ISO

    return text[:3] in ISO and text[3:4].isdigit()


def mask_noise(text: str, keep: tuple[str, ...] = ()) -> Masked:
    """Mask links, phone numbers, dates, academic years, bands, percentages, ordinals and years.

    ``keep`` names kinds not to mask (a duration cell keeps its percentages, say).
    """
    chars = list(text)
    found: list[tuple[int, str]] = []
    current = text
    for kind, pattern in _NOISE_RES:
        if kind in keep or not _MAY_HAVE[kind].search(current):
            continue
        masked_any = False
        for match in pattern.finditer(current):
            if not _DIGIT.search(match.group(0)) or (kind == "code" and _priced(match.group(0))):
                continue
            if kind == "link" and not re.search(r"[A-Za-z]", match.group(0)):
                continue  # "22/09/2025" is a date, not a path
            start, end = match.span()
            chars[start:end] = MASK * (end - start)
            found.append((start, kind))
            masked_any = True
        if masked_any:
            current = "".join(chars)
    noise = tuple(kind for _, kind in sorted(found))
    return Masked(text, current, noise)


_MOJIBAKE = re.compile("Â|Ã|â€|â‚|Å|\u00c2\u00a0")
# a lower-case letter before a capital or a figure, a figure before a capitalised word, a letter before a
# currency symbol: "FeesUK£9,250International", "Full-time1 yearPart-time2 years", "£47,500Fees"
_GLUED = re.compile(r"(?<=[a-z])(?<!\de)(?=[A-Z][a-z]|\d)|(?<=\d)(?=[A-Z][a-z])|(?<=[a-z])(?<!Can)(?<!Cdn)(?=[£€$¥₹])")
_MARKUP = re.compile(r"[\n\r<&\u00a0]|\s{3}")
_PERIOD_NEXT = re.compile(r"\s*(?:per|pro|por|je|/|p\.a|a year|an academic|each|every)\b", re.IGNORECASE)
_BREAKS = re.compile(r"\s*(?:\r?\n|<br\s*/?>|</p>|</li>|</div>)\s*", re.IGNORECASE)


def lines_apart(text: str) -> str:
    """Line breaks (and their HTML forms) as clause separators, before spaces are collapsed; text
    decoded with the wrong encoding repaired (UTF-8 read as Windows-1252: ``Â£9,250``); words glued by a
    scrape set apart (``Tuition$47,500Fees$2,300``)."""
    if _MOJIBAKE.search(text):
        import ftfy  # only for the cells that need it

        text = ftfy.fix_text(text).replace("Â ", " ").replace("Â", "")
    if _GLUED.search(text):
        text = _GLUED.sub(" ", text)
    if not _MARKUP.search(text):
        return text
    # "£9,\n250" is one number; "€\n12,000" one amount
    text = re.sub(r"(\d[,.])[ \t]*(?:\r?\n|<br\s*/?>)[ \t]*(\d{3}(?!\d))", r"\1\2", text)
    text = re.sub(r"([£€$¥₹])[ \t]*(?:\r?\n|<br\s*/?>)[ \t]*(?=\d)", r"\1", text)
    text = re.sub(r"(?:&nbsp;|\u00a0){2,}|\s{3,}", " | ", text)  # a run of blanks set things apart
    if "&#" in text or "&pound;" in text or "&euro;" in text or "&yen;" in text:
        text = html.unescape(text.replace("&nbsp;", " "))
    text = text.replace("&nbsp;", " ").replace("&amp;", "&").replace("&pound;", "£").replace("&euro;", "€")
    text = _BREAKS.sub(lambda m: " " if _PERIOD_NEXT.match(text, m.end()) else " | ", text)
    return re.sub(r"<[^<>]{1,40}>", " ", text).strip(" |")


_DIGIT = re.compile(r"\d")


def has_digit(text: str) -> bool:
    return bool(_DIGIT.search(text))


# Hard separators of clauses: a semicolon, a bar, a line break, a full stop that ends a sentence.
_HARD = re.compile(r"[;|\n•]|\.(?=\s+[A-Z(])|\s-\s(?=[A-Z])")
_SOFT = re.compile(
    r",(?!\d{3})|\band\b|\bwhile\b|\bwhereas\b|\bbut\b|\s/\s(?=[A-Z£€$\d])|\s\+\s|\bplus\b|\bvs\.?|"
    r"\s[-–]\s(?![£€$\d]|[A-Z]{3}\s?\d)"  # a dash between phrases, not the one between a label and its figure
)


@dataclass(frozen=True)
class Context:
    """The words around one figure: ``lead`` before it and ``tail`` after it, within its clause.

    ``lead`` and ``tail`` stop at commas and "and" too (what names the figure itself: "a £500 deposit");
    ``wide`` reaches to the clause's hard ends (a label that covers several figures: "International
    students, per year: £20,000").
    """

    lead: str
    tail: str
    wide_lead: str = ""
    wide_tail: str = ""
    heading: str = ""  # the nearest line before the figure's clause that holds no figure ("International students")

    @property
    def words(self) -> str:
        return f"{self.lead} {self.tail}"

    @property
    def wide(self) -> str:
        return f"{self.wide_lead} {self.wide_tail}"


_LINKING = {
    "of", "to", "from", "about", "approximately", "approx", "around", "is", "are", "be", "costs", "cost", "at",
    "pay", "pays", "paying", "charge", "charged", "only", "for", "by", "up", "with", "than", "over", "under", "ca",
    "c", "circa", "roughly", "nearly", "almost", "total", "totalling", "and", "or", "plus", "a", "an", "the",
}  # fmt: skip
_IMMEDIATE_TAIL = re.compile(
    r"^\s*(?:\([^()]*\)|\[[^\[\]]*\]|(?:per|a|an|each|every|/|pro|par|por|al)\s*(?:academic year|year|yr|annum|"
    r"semester|sem|term|trimester|quarter|month|week|credit|module|course|ects|an|année|jahr|año|anno|jaar|år)\b|"
    r"p\.?\s?a\.?(?=\W|$)|total\b|in total\b|annually\b|yearly\b)",
    re.IGNORECASE,
)
_LABEL_END = re.compile(r"(?::|\s[-–]|=)\s*$")


def contexts(masked: str, spans: list[tuple[int, int]]) -> list[Context]:
    """The lead and tail of each figure at ``spans`` (sorted, not overlapping) in ``masked`` text.

    Between two figures, text after the last clause separator leads the next figure and text before
    the first trails the previous one. With no separator, what follows a figure at once (a bracket,
    "per year") trails it; the rest leads the next figure when it ends like a label (``International:``)
    or when the first figure had a label of its own, else it trails.
    """
    if not spans:
        return []
    narrow = _split(masked, spans, _HARD, _SOFT)
    wide = _split(masked, spans, _HARD, None)
    headings = _headings(masked, spans)
    return [
        Context(lead.strip(), tail.strip(), wide_lead.strip(), wide_tail.strip(), heading)
        for (lead, tail), (wide_lead, wide_tail), heading in zip(narrow, wide, headings, strict=True)
    ]


def _headings(masked: str, spans: list[tuple[int, int]]) -> list[str]:
    bounds = [0, *(m.end() for m in _HARD.finditer(masked)), len(masked) + 1]
    clauses = [(a, b, masked[a : b - 1].strip()) for a, b in itertools.pairwise(bounds)]
    found = []
    for start, _ in spans:
        heading = ""
        for a, _b, clause in reversed(clauses):
            if a >= start:
                continue
            if clause and not has_digit(clause) and MASK not in clause and len(clause.split()) <= 6:
                heading = clause
                break
        found.append(heading)
    return found


def _split(
    masked: str, spans: list[tuple[int, int]], hard: re.Pattern[str], soft: re.Pattern[str] | None
) -> list[tuple[str, str]]:
    # separators are found on the whole text (a lookahead must see the figure that follows), then kept
    # per piece as (start, end) relative to that piece
    every = [m.span() for m in hard.finditer(masked)]
    if soft is not None:
        every += [m.span() for m in soft.finditer(masked)]
    every.sort()

    def cuts(a: int, b: int) -> list[tuple[int, int]]:
        return [(s - a, e - a) for s, e in every if a <= s and e <= b]

    before = masked[: spans[0][0]]
    found = cuts(0, spans[0][0])
    first_lead = before[found[-1][1] :] if found else before
    # "Statutory fee €2,530 / Institutional fee €20,500": words right before the first figure label it,
    # and so the words before each later figure label that one
    last_word = re.search(r"([A-Za-z\u00c0-\u024f']+)\W*$", first_lead)
    labels_lead = bool(_LABEL_END.search(first_lead)) or bool(
        last_word and last_word.group(1).lower() not in _LINKING and len(first_lead.split()) <= 6
    )
    leads = [first_lead]
    tails = []
    for (_, end), (next_start, _) in itertools.pairwise(spans):
        between = masked[end:next_start]
        separators = cuts(end, next_start)
        if separators:
            tails.append(between[: separators[0][0]])
            leads.append(between[separators[-1][1] :])
            continue
        immediate = _IMMEDIATE_TAIL.match(between)
        cut = immediate.end() if immediate else 0
        rest = between[cut:]
        opened = rest.rfind("(")
        if opened > rest.rfind(")"):  # "... for two years (total £18,000)": a bracket opened for the next figure
            tails.append(between[: cut + opened])
            leads.append(rest[opened:])
            continue
        if _LABEL_END.search(rest) or labels_lead:
            tails.append(between[:cut])
            leads.append(rest)
        else:
            tails.append(between)
            leads.append("")
    after = masked[spans[-1][1] :]
    found = cuts(spans[-1][1], len(masked))
    tails.append(after[: found[0][0]] if found else after)
    return list(zip(leads, tails, strict=True))


# A Master's degree named in a cell: "MSc", "M.A.", "MRes", "LLM", "Master of ..." (fees and lengths
# of the Master's win over those of another award named beside them)
MASTERS = re.compile(r"\bm\.?sc\b|\bm\.?a\b|\bmres\b|\bm\.?eng\b|\bmba\b|\bllm\b|\bmaster|\bm\.?s\b", re.IGNORECASE)


def quote(text: str, limit: int = 70) -> str:
    """A piece of a cell, quoted and shortened for a message."""
    text = text.strip(" ,;:-")
    if len(text) > limit:
        text = text[: limit - 3].rstrip() + "..."
    return f'"{text}"'
