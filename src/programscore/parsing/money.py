"""kind = "money": the tuition fee a cell states, its currency and the period it covers.

A cell is read in three steps. ``mentions`` masks every number that is not a value (links, phone
numbers, dates, academic years, fee bands, percentages). ``amounts`` finds each remaining amount with
its currency, multiplier and range, and classifies it by its context: its period ("per year"), its
label ("international") and its role (tuition, or an application fee, deposit, loan, scholarship,
contribution, living cost, placement fee, another award, a first instalment). ``choose`` then decides
which amount is the tuition fee, or says that none is, and why.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from .mentions import MASK, Context, contexts, has_digit, lines_apart, mask_noise, quote
from .text import ASSUMED, ERROR, MISSING, NAN, OK, Cell, clean, missing_marker, plain_number

# Symbols that name a currency. "$" is the US dollar unless the profile says otherwise.
SYMBOLS = {
    "£": "GBP", "€": "EUR", "$": "USD", "US$": "USD", "USD$": "USD", "HK$": "HKD", "HKD$": "HKD",
    "A$": "AUD", "AU$": "AUD", "AUD$": "AUD", "C$": "CAD", "CA$": "CAD", "CAN$": "CAD", "CAD$": "CAD",
    "NZ$": "NZD", "NZD$": "NZD", "S$": "SGD", "SG$": "SGD", "SGD$": "SGD", "NT$": "TWD", "R$": "BRL",
    "MX$": "MXN", "¥": "JPY", "円": "JPY", "元": "CNY", "₹": "INR", "Rs": "INR", "Rs.": "INR", "৳": "BDT",
    "Tk": "BDT", "Tk.": "BDT", "₩": "KRW", "₺": "TRY", "₦": "NGN", "zł": "PLN", "Kč": "CZK", "RM": "MYR",
    "Fr.": "CHF", "SFr.": "CHF", "sFr.": "CHF", "₽": "RUB", "₱": "PHP", "₫": "VND", "฿": "THB", "₪": "ILS",
    "₴": "UAH", "₨": "PKR",
}  # fmt: skip
WORDS = {
    "pound": "GBP", "pounds": "GBP", "sterling": "GBP", "gbp": "GBP", "euro": "EUR", "euros": "EUR",
    "eur": "EUR", "eur.": "EUR", "dollar": "USD", "dollars": "USD", "us dollars": "USD", "usd": "USD",
    "rupee": "INR", "rupees": "INR", "taka": "BDT", "yen": "JPY", "yuan": "CNY", "rmb": "CNY",
    "renminbi": "CNY", "swiss francs": "CHF", "francs": "CHF", "franken": "CHF", "chf": "CHF",
    "kronor": "SEK", "krona": "SEK", "swedish kronor": "SEK", "naira": "NGN", "ringgit": "MYR",
    "lira": "TRY", "zloty": "PLN", "złoty": "PLN", "forint": "HUF",
    "hong kong dollars": "HKD", "singapore dollars": "SGD", "australian dollars": "AUD",
    "canadian dollars": "CAD", "new zealand dollars": "NZD", "norwegian kroner": "NOK",
    "danish kroner": "DKK", "czech crowns": "CZK", "dirhams": "AED", "dirham": "AED", "riyal": "SAR",
    "riyals": "SAR", "sek": "SEK", "nok": "NOK", "dkk": "DKK", "人民币": "CNY",
}  # fmt: skip
# Words that name a currency only with a country: "Kronen" may be Swedish, Norwegian, Danish or Czech.
AMBIGUOUS = {
    "kr": ("Swedish, Norwegian or Danish kroner", "SEK, NOK or DKK"),
    "kr.": ("Swedish, Norwegian or Danish kroner", "SEK, NOK or DKK"),
    "kroner": ("Norwegian or Danish kroner", "NOK or DKK"),
    "kronen": ("Swedish, Norwegian, Danish or Czech crowns", "SEK, NOK, DKK or CZK"),
    "crowns": ("Swedish, Norwegian, Danish or Czech crowns", "SEK, NOK, DKK or CZK"),
}
_COUNTRY_CURRENCY = [
    (re.compile(r"\b(?:swed\w*|schwed\w*|su[eè]d\w*)", re.IGNORECASE), "SEK"),
    (re.compile(r"\b(?:norw\w*|norweg\w*|norge)", re.IGNORECASE), "NOK"),
    (re.compile(r"\b(?:denmark|danish|d[äa]ni?sch\w*|danmark)", re.IGNORECASE), "DKK"),
    (re.compile(r"\b(?:czech\w*|tschech\w*)", re.IGNORECASE), "CZK"),
]
_RUPEE_COUNTRY = [
    (re.compile(r"\bpakistan\w*|\bPKR\b", re.IGNORECASE), "PKR"),
    (re.compile(r"\bsri lanka\w*|\bLKR\b", re.IGNORECASE), "LKR"),
    (re.compile(r"\bnepal\w*|\bNPR\b", re.IGNORECASE), "NPR"),
]
# ISO 4217 codes a catalogue may use; other capitals beside a number (MSC, ECTS, TBC) are not money.
ISO = frozenset(
    [
        "AED", "ARS", "AUD", "BDT", "BGN", "BHD", "BRL", "CAD", "CHF", "CLP", "CNY", "COP", "CZK", "DKK", "EGP", "EUR",
        "GBP", "GEL", "GHS", "HKD", "HRK", "HUF", "IDR", "ILS", "INR", "IRR", "ISK", "JOD", "JPY", "KES", "KRW", "KWD",
        "KZT", "LBP", "LKR", "MAD", "MXN", "MYR", "NGN", "NOK", "NPR", "NZD", "OMR", "PEN", "PHP", "PKR", "PLN", "QAR",
        "RON", "RSD", "RUB", "SAR", "SEK", "SGD", "THB", "TND", "TRY", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS",
        "VND", "XAF", "XOF", "ZAR", "ZMW", "ETB", "RWF", "MUR", "BWP", "NAD",
    ]
)
# Capitals that follow a figure without naming a currency.
_NOT_CODES = frozenset(
    ["ECT", "CAT", "FTE", "TBC", "TBA", "MSC", "PHD", "MBA", "EEA", "USA", "FEE", "PER", "AND", "THE", "FOR", "NON"]
)
_MULTIPLIERS = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "lakh": 1e5, "lakhs": 1e5,
                "lac": 1e5, "lacs": 1e5, "crore": 1e7, "crores": 1e7}  # fmt: skip

_SYMBOL_RE = "|".join(
    sorted(
        (re.escape(s) for s in SYMBOLS if not s.isascii() or not s.replace(".", "").isalpha()), key=len, reverse=True
    )
)
_WORD_RE = "|".join(sorted((re.escape(w) for w in [*WORDS, *AMBIGUOUS]), key=len, reverse=True))
_CURRENCY = (
    rf"(?:{_SYMBOL_RE}|\b(?-i:[A-Z]{{3}})\b|\b(?:Rs|Tk|RM)\b\.?|\bS?Fr\.|"
    rf"(?<![\w]){'(?:'}{_WORD_RE}{')'}(?![\w]))"
)
# An amount as catalogues write it: 1,234.5 / 1.234,5 / 180 000 / 1'460 / 2,50,000 (lakh style) / 9250
_NUM = (
    r"(?:\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d{1,2})?"
    r"|\d{1,3}(?:(?P<sep>[,.'’\u00a0 ])\d{3})(?:(?P=sep)\d{3})*(?:[.,]\d{1,2}(?!\d))?"
    r"|\d+(?:[.,]\d+)?)"
)
_MULT = r"(?:\s?(?:k|K|m|M|mn|bn)\b|\s(?:thousand|million|lakhs?|lacs?|crores?)\b)"
AMOUNT = re.compile(
    rf"(?P<pre>{_CURRENCY}|\b(?-i:[A-Z]{{3}})(?=\d))?\s?(?P<num>{_NUM.replace('sep', 'sep1')})(?P<mult1>{_MULT})?"
    rf"(?:(?P<mid>\s?{_CURRENCY})?\s?(?:-|–|to|bis|till|until|a|à|hasta|tot)\s?(?P<pre2>{_CURRENCY})?\s?"
    rf"(?P<num2>{_NUM.replace('sep', 'sep2')})"
    rf"(?P<mult2>{_MULT})?)?"
    rf"(?P<post>\s?{_CURRENCY}|(?-i:[A-Z]{{3}})\b)?(?:[.,]-|[.,]–)?",
    re.IGNORECASE,
)


def _per(units: str) -> str:
    """'per year', 'a year', 'each year', '/ year', '/yr', 'pro Jahr', 'par an' for the given unit words."""
    return rf"(?:\b(?:per|a|an|each|every|pro|par|por|al|by)\s+|/\s*)(?:{units})\b"


PERIOD_PATTERNS = [
    ("credit", _per(r"credits?|credit hours?|cr|units?|ects(?: credits?)?|ec|point|points|unit of credit|"
                    r"cr[ée]dito(?: ects)?|cr[ée]ditos|crediti|cr[ée]dit(?: ects)?|leistungspunkte?|\d+ credits?")),
    ("module", _per(r"modules?|courses?|class|subject")),
    ("semester", _per(r"semester|sem|semestre") + r"|\bsemesterly\b|\bsemester fees?\b|\bper-semester\b|"
     r"\bsemestergebühr\w*|\bsemestral\w*"),
    ("trimester", _per(r"trimester")),
    ("term", _per(r"term|quarter term")),
    ("quarter", _per(r"quarter")),
    ("month", _per(r"month|mo|mth|monat|mois|mes") + r"|\bmonthly\b|\bp\.\s?m\.?(?=\W|$)|\bpcm\b"),
    ("week", _per(r"week|wk") + r"|\bweekly\b"),
    ("year", _per(r"year|yr|annum|academic year|study year|session|ay|jahr|an|année|año|jaar|anno|år")
     + r"|\bp\.?\s?a\.?(?=\W|$)|\bannu(?:al|ally|ale|ali|i|el|elle|ales|ual)\b|\byearly\b|\bper-year\b|"
     r"\bj[äa]hrlich\w*|\ball'anno\b|\bl'anno\b|\bpar an\b|\bal año\b|\bpor año\b|\banual\b|每年|年間|/年|"
     r"\bper jaar\b|\bper år\b|\bi året\b"),
    ("total", r"\btotal\b|\bwhole (?:course|programme|program|degree)\b|\bfull (?:course|programme|program|degree)\b|"
     r"\boverall\b|\bentire\b|\bfor the (?:course|programme|program|degree)\b|\bin full\b"),
]  # fmt: skip
_PERIODS = [(name, re.compile(pattern, re.IGNORECASE)) for name, pattern in PERIOD_PATTERNS]
PERIOD_WORDS = {"credit": "per credit", "module": "per module", "total": "in total"}

# Roles an amount can have besides tuition, by the words around it. Order matters: the first wins.
ROLES = [
    ("loan", r"\bloans?\b|\bborrow"),
    ("scholarship", r"scholarships?|fellowships?|bursar(?:y|ies)|stipends?|studentships?|\bgrants?\b|"
     r"\bawards?\b|\bfunding\b|\bfunded\b|\bprizes?\b|\ballowance|\bsalary\b|\bdiscount|\breduction|\bwaiver|"
     r"\bstipendium|\bstipendi"),
    ("application fee", r"applica(?:tion|nt)|\bapplying\b|admissions? fee|processing fee|assessment fee|"
     r"bewerbung|anmeldegebühr"),
    ("registration fee", r"registration|enrol(?:l)?ment fee|matriculation|administration fee|admin fee|"
     r"exam(?:ination)? fees?|graduation fee|immatrikulation|anmeldegebühr|einschreibegebühr"),
    ("deposit", r"\bdeposits?\b|acceptance fee|confirmation fee|reservation fee|\bto secure\b|\bto hold\b"),
    ("contribution", r"contribution|semesterbeitrag|semester ticket|student union|students' union|"
     r"student services? fee|service fee|activity fee|\bCVEC\b|social fee|solidarity|union fee|"
     r"student body fee|semesterbeitr|rückmeldegebühr"),
    ("living cost", r"living|accommodation|\brent\b|housing|insurance|\bvisa\b|travel|\bbooks?\b|materials|"
     r"cost of attendance|\bbudget\b|estimated expenses|hostel|\bmess\b|boarding|\btransport|\buniform|"
     r"\blibrary\b|\bsports?\b|\bmedical\b|\blaundry|"
     r"\bfood\b|\bmeals?\b|\bhealth\b|\blaptop|field ?trips?|bench fees?|lab fees?|maintenance|subsistence"),
    ("placement fee", r"placement(?: year)? fees?|year in industry fees?|sandwich fees?|internship fees?|"
     r"\bplacement\b|study abroad"),
    ("other award", r"pre-?masters?|pre-?master's|foundation|pre-?sessional|\bpg ?dip\b|\bpg ?cert\b|"
     r"postgraduate (?:diploma|certificate)|\bdiploma\b|\bcertificate\b|\bundergraduate\b|\bbachelor|"
     r"\bph\.?d\b|\bdoctoral|\bmphil\b|\bbridging\b|english language course"),
    ("instalment", r"first (?:payment|instal(?:l)?ment)|instal(?:l)?ments?|\bdown ?payment"),
]  # fmt: skip
_ROLES = [(name, re.compile(pattern, re.IGNORECASE)) for name, pattern in ROLES]
_MASTERS = re.compile(r"\bm\.?sc\b|\bm\.?a\b|\bmres\b|\bm\.?eng\b|\bmba\b|\bllm\b|\bmaster|\bm\.?s\b", re.IGNORECASE)
_TUITION = re.compile(
    r"tuition|course fee|programme fee|program fee|study fee|studiengebühr|frais de scolarité|tasse|matrícula|"
    r"collegegeld|lukuvuosimaksu|学费",
    re.IGNORECASE,
)
_EXCLUDED = {
    "loan", "scholarship", "application fee", "registration fee", "deposit", "contribution", "living cost",
    "figure that is not an amount",
}  # fmt: skip
_ARTICLE = {
    "application fee": "an application fee",
    "instalment": "a first instalment",
    "other award": "another award",
    "figure that is not an amount": "a figure that is not an amount",
}

_FREE = re.compile(
    r"free of charge|tuition[- ]free|free tuition|^free\b|(?::|=)\s*free\b|\bfree\s*(?=[.;,)|]|$)|"
    r"\bfree (?:for|to) (?:eu|eea|uk|home|swiss|nordic|all|"
    r"domestic|local|national|german|\w+ (?:students|citizens|nationals))|"
    r"no tuition(?: fees?)?(?! (?:fee )?(?:information|info|data|details))|there (?:are|is) no (?:tuition )?fees?|"
    r"\bno fees?\b(?! (?:information|info|data|details|given|stated|listed))|"
    r"(?:does|do) not charge (?:any )?(?:tuition|fees)|(?:fees?|tuition) (?:are |is )?waived|gebührenfrei|"
    r"keine studiengebühren|studiengebührenfrei|kostenlos|gratuit|gratis|\bnil fees?\b",
    re.IGNORECASE,
)
_NOT_STATED = re.compile(
    r"^(?:none|none given|none stated|none listed|no (?:fee |fees )?(?:information|info|data|details)\b.*|"
    r"no fee information available|not (?:provided|specified|listed|disclosed)|unavailable|information (?:not|un)"
    r"available|on request|upon request|depends\b.*|varies\b.*|ask\b.*|contact\b.*)$",
    re.IGNORECASE,
)
_BOUND = re.compile(r"\b(?:from|starting at|starts at|as low as|at least|minimum|min\.?|up to|maximum|max\.?|"
                    r"fino a|jusqu'à|bis zu|hasta|ab|à partir de|a partire da|dès|vanaf)\s*$",
                    re.IGNORECASE)  # fmt: skip
_RESTATED = re.compile(
    r"^\(?\s*(?:approx(?:imately|\.)?|about|around|ca\.?|c\.|circa|~|≈|equivalent to|equiv\.?|roughly|"
    r"or|i\.e\.?|=)?\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class MoneyRules:
    """What the parser needs from the profile and the column."""

    base: str
    rates: dict[str, float]
    symbols: dict[str, str]
    default_currency: str  # for a bare number
    default_period: str  # for an amount with no stated period
    prefer: tuple[str, ...] | str | None  # labels, in order, whose amount is used when a cell lists several
    currency_stated: bool = False  # the default currency came from the profile or the header
    period_stated: bool = False  # the default period came from the profile or the header

    @property
    def preferred(self) -> tuple[str, ...]:
        if not self.prefer:
            return ()
        return (self.prefer,) if isinstance(self.prefer, str) else tuple(self.prefer)


@dataclass
class Amount:
    """One amount a cell mentions, with what its context says of it."""

    start: int
    end: int
    high: float  # the amount (a range's upper end)
    low: float  # a range's lower end (= high for one amount)
    currency: str | None
    context: Context
    period: str | None = None
    role: str = "tuition"
    bound: str | None = None  # "from" / "up to": the amount is a bound, not the fee
    problem: str | None = None  # a currency that cannot be told
    symbol: str = ""  # the currency as written
    notes: list[str] = field(default_factory=list)

    @property
    def is_range(self) -> bool:
        return self.low != self.high


def parse_money(raw: object, rules: MoneyRules) -> Cell:
    """The tuition fee in the base currency, with its period (``Cell.period``) and what it was read from."""
    if isinstance(raw, bool):
        return Cell(NAN, ERROR, "not an amount of money")
    if isinstance(raw, int | float):
        if not math.isfinite(raw):
            return Cell(NAN, ERROR, "not a finite amount")
        return _convert(float(raw), float(raw), rules.default_currency, rules.default_period, rules, f"{raw:g}", [])
    text = clean(lines_apart(str(raw)))
    if not text:
        return Cell(NAN, MISSING)
    plain = plain_number(text)
    if plain is not None:  # a cell that is just a number: an amount in the default currency
        if plain < 0:
            return Cell(NAN, ERROR, "a fee cannot be negative")
        if re.fullmatch(_NUM.replace("sep", "s"), text):
            plain = amount_value(text)  # "12.500" in a fee column is twelve thousand five hundred
        return _convert(plain, plain, rules.default_currency, rules.default_period, rules, quote(text), [])
    scientific = _scientific(text)
    if isinstance(scientific, Cell):
        return scientific
    text = scientific
    masked = mask_noise(text)
    amounts = find_amounts(masked.masked, text, rules)
    free = [m for m in _FREE.finditer(masked.masked)]
    if not amounts and not free:
        return _nothing(text, masked.reason())
    return choose(text, amounts, free, rules)


def _scientific(text: str) -> str | Cell:
    """"1.2E+04", as spreadsheets export big numbers: written out, or refused when absurd."""
    found = re.search(r"(?<![\w.,])\d+(?:\.\d+)?[eE][+-]?\d+(?![\w.])", text)
    if not found:
        return text
    number = float(found.group(0))
    if not math.isfinite(number) or abs(number) >= 1e15:
        return Cell(NAN, ERROR, "not a plausible amount (too large)")
    return text[: found.start()] + f"{number:.2f}" + text[found.end() :]


def _nothing(text: str, reason: str | None) -> Cell:
    """A cell with no amount: missing, with the reason when it held digits."""
    if reason:
        return Cell(NAN, MISSING, f"{reason}, not an amount: not stated; treated as missing")
    if missing_marker(text) or _NOT_STATED.match(text) or not has_digit(text):
        if missing_marker(text) or _NOT_STATED.match(text):
            return Cell(NAN, MISSING, "not stated; treated as missing")
        return Cell(NAN, ERROR, "no amount found")
    return Cell(NAN, ERROR, "no amount found")


def amount_value(token: str) -> float:
    """The value of one written amount: ``12,500`` and ``12.500`` are 12500, ``12.5`` and ``1,5`` are 12.5
    and 1.5, ``2,50,000`` is 250000, ``180 000`` and ``1'460`` are thousands."""
    token = token.strip().replace("\u00a0", " ").replace("’", "'")
    if re.fullmatch(r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d{1,2})?", token):
        return float(token.replace(",", ""))
    grouped = re.fullmatch(r"(\d{1,3})((?:([,.' ])\d{3})(?:\3\d{3})*)(?:[.,](\d{1,2}))?", token)
    if grouped:
        whole = grouped.group(1) + re.sub(r"\D", "", grouped.group(2))
        decimals = grouped.group(4)
        return float(whole + ("." + decimals if decimals else ""))
    simple = re.fullmatch(r"(\d+)(?:([.,])(\d+))?", token)
    if simple is None:
        raise ValueError(token)
    whole, _, decimals = simple.groups()
    if decimals is None:
        return float(whole)
    if len(decimals) == 3:  # 12.500 and 1,500: a thousands separator, as money is written
        return float(whole + decimals)
    return float(f"{whole}.{decimals}")


def find_amounts(masked: str, text: str, rules: MoneyRules) -> list[Amount]:
    """Every amount in the (masked) cell, with currency, range, context, period, role and bound."""
    found = []
    for match in AMOUNT.finditer(masked):
        num = match.group("num")
        if not num or not _stands_alone(masked, match):
            continue
        pre, post = (match.group("pre") or "").strip(), (match.group("post") or "").strip()
        pre2 = (match.group("pre2") or "").strip()
        if not post and match.group("mid"):
            post = match.group("mid").strip()
        before = re.search(r"\b((?-i:[A-Z]{3}))\s?$", masked[: match.start()])
        if before and before.group(1) in ISO and not pre[:3].isupper():
            pre = before.group(1)  # "AUD $49,500": the code says which dollar
        symbol = pre or pre2 or post
        currency, problem = _currency(pre or pre2, post, text, rules)
        if currency is None and problem is None and re.fullmatch(r"[A-Z]{3}", post) and post not in _NOT_CODES:
            problem = (
                f"unknown currency {post}: the profile has no rate for it "
                f"(add {post} = <value of 1 {post} in {rules.base}> to [currency] rates)"
            )
        high = amount_value(num) * _multiplier(match.group("mult1") or match.group("mult2"))
        low = high
        if match.group("num2"):
            second = amount_value(match.group("num2")) * _multiplier(match.group("mult2"))
            if not match.group("mult1") and match.group("mult2"):
                high = amount_value(num) * _multiplier(match.group("mult2"))  # "£9-12k"
            low, high = high, second
            if high < low:  # "£1,200 - 50 per credit" is no range: keep the first figure
                high = low
        if _negative(masked, match.start()):
            problem = "a fee cannot be negative"
        amount = Amount(match.start(), match.end(), high, low, currency, Context("", ""), problem=problem)
        amount.symbol = symbol
        found.append(amount)
    if not found:
        return []
    if any(a.currency or a.problem for a in found):  # bare figures beside priced ones are no amounts
        found = [a for a in found if a.currency or a.problem]
    for amount, context in zip(found, contexts(masked, [(a.start, a.end) for a in found]), strict=True):
        amount.context = context
        amount.period = next(
            (p for p in map(_period_of, (context.tail, context.lead, context.wide_tail, context.wide_lead)) if p), None
        )
        amount.role = _role_of(context)
        bound = _BOUND.search(context.lead)
        amount.bound = bound.group(0).strip().lower() if bound else None
    return _currency_for_bare(_resolve_families(found, masked, text, rules), masked, text, rules)


def _negative(masked: str, start: int) -> bool:
    """A minus sign right before an amount ("-£500", "fee: -500"), not a dash after a word or figure."""
    if start == 0 or masked[start - 1] != "-":
        return False
    before = masked[: start - 1].rstrip()
    return not before or before[-1] in "(:="


def _stands_alone(masked: str, match: re.Match[str]) -> bool:
    """Digits glued to letters (``4870f``, ``SW7``, ``12th``) or counted things are no amount."""
    start, _end = match.span("num")
    before = masked[start - 1] if start > 0 else " "
    after_text = masked[match.end() :] if match.end() < len(masked) else ""
    if before.isalpha() and not (match.group("pre") or "").strip():
        return False
    if (before and before in "/#" + MASK) or (before == "-" and start > 1 and masked[start - 2].isalnum()):
        return False
    if after_text[:1].isalpha() or after_text[:1] == MASK or re.match(r"[:.]\d", after_text):
        return False
    if before == ":" and start > 1 and masked[start - 2].isdigit():
        return False
    if after_text[:1] == "/" and not re.match(r"/\s*[a-z]", after_text, re.IGNORECASE):
        return False
    has_currency = bool((match.group("pre") or "").strip() or (match.group("post") or "").strip()
                        or (match.group("pre2") or "").strip())  # fmt: skip
    return not (not has_currency and _COUNTED.match(after_text))


# A figure followed by what it counts is no amount: "36 credits", "2 years", "50 students".
_COUNTED = re.compile(
    r"^\s*(?:-\s*)?(?:credits?|credit hours?|ects|ec\b|cats|points?|modules?|units?|courses?|classes|years?|yrs?|"
    r"months?|mths?|weeks?|wks?|days?|hours?|hrs?|semesters?|terms?|trimesters?|quarters?|students?|places?|"
    r"people|participants|applicants|staff|partners?|companies|employers|pages?|words?|minutes?|am|pm|"
    r"h\b|x\b|times|instal(?:l)?ments|payments|jahre?|monate?|mois|ans?\b|años?|meses|plätze|studierende|"
    r"cr[ée]ditos?|crediti|cr[ée]dits|leistungspunkte?)",
    re.IGNORECASE,
)


def _multiplier(suffix: str | None) -> float:
    if not suffix:
        return 1.0
    word = suffix.strip().lower()
    if word == "bn":
        return 1e9
    return _MULTIPLIERS[word]


# Symbols shared by several currencies: a code elsewhere in the cell, or the column's currency, says which.
FAMILIES = {
    "$": {"USD", "CAD", "AUD", "NZD", "SGD", "HKD", "TWD", "MXN"},
    "¥": {"JPY", "CNY"},
    "kr": {"SEK", "NOK", "DKK", "ISK"},
    "kr.": {"SEK", "NOK", "DKK", "ISK"},
    "kronen": {"SEK", "NOK", "DKK", "CZK"},
    "kroner": {"NOK", "DKK"},
    "crowns": {"SEK", "NOK", "DKK", "CZK"},
    "rs": {"INR", "PKR", "LKR", "NPR"},
    "rs.": {"INR", "PKR", "LKR", "NPR"},
    "dollars": {"USD", "CAD", "AUD", "NZD", "SGD", "HKD"},
}


def _resolve_families(amounts: list[Amount], masked: str, text: str, rules: MoneyRules) -> list[Amount]:
    """``$`` in a cell that says "(all amounts CAD)", ``kr`` in a SEK column, ``¥`` beside "RMB"."""
    loose = {t for t in re.findall(r"\b(?-i:[A-Z]{3})\b", masked) if t in ISO}
    if re.search(r"\bRMB\b|人民币|yuan|元", text, re.IGNORECASE):
        loose.add("CNY")
    for amount in amounts:
        family = FAMILIES.get(amount.symbol.lower()) or FAMILIES.get(amount.symbol)
        if not family:
            continue
        named = loose & family
        if len(named) == 1:
            amount.currency, amount.problem = named.pop(), None
        elif rules.currency_stated and rules.default_currency in family:
            amount.currency, amount.problem = rules.default_currency, None
    return amounts


def _currency(pre: str, post: str, text: str, rules: MoneyRules) -> tuple[str | None, str | None]:
    """(code, problem) of the currency named next to an amount; a code beats a symbol ("$7,500 CAD")."""
    if re.fullmatch(r"[A-Z]{3}", post) and post in ISO and pre in SYMBOLS:
        pre = ""
    for token in (pre, post):
        if not token:
            continue
        code, problem = currency_code(token, text, rules)
        if code or problem:
            return code, problem
    return None, None


def currency_code(token: str, text: str, rules: MoneyRules) -> tuple[str | None, str | None]:
    """The code a currency token names, with the profile's symbols first; (None, problem) when unsure."""
    token = token.strip()
    lowered = token.lower()
    if token in rules.symbols:
        return rules.symbols[token], None
    if lowered in AMBIGUOUS:
        for pattern, code in _COUNTRY_CURRENCY:
            if pattern.search(text):
                return code, None
        names, codes = AMBIGUOUS[lowered]
        return None, f"{token!r} could be {names}; write {codes}"
    if token.rstrip(".") in ("Rs", "rs") or lowered in ("rupee", "rupees", "₨"):
        for pattern, code in _RUPEE_COUNTRY:
            if pattern.search(text):
                return code, None
    if token in SYMBOLS:
        return SYMBOLS[token], None
    if token.rstrip(".") in SYMBOLS:
        return SYMBOLS[token.rstrip(".")], None
    if lowered in WORDS:
        return WORDS[lowered], None
    if re.fullmatch(r"[A-Z]{3}", token):
        if token in ISO or token in rules.rates or token == rules.base:
            return token, None
        return None, None
    return None, None


def _currency_for_bare(amounts: list[Amount], masked: str, text: str, rules: MoneyRules) -> list[Amount]:
    """Bare figures beside priced ones are not amounts; a lone currency elsewhere in the cell ("Fees
    (EUR): 12,000") names the bare ones' currency; a bare figure with nothing to say it is money
    ("Number of places: 40", "IELTS 6.5") is marked as no amount."""
    priced = [a for a in amounts if a.currency or a.problem]
    if priced:
        return priced
    loose = _loose_currency(masked, text, rules)
    for amount in amounts:
        if loose:
            amount.currency = loose
        elif not _money_like(amount, masked, rules):
            amount.role = "figure that is not an amount"
    return amounts


_MONEY_WORDS = re.compile(
    r"fee|tuition|cost|price|charge|pay|gebühr|frais|tasse|precio|prezzo|matr[íi]cula|collegegeld|kosten|"
    r"per (?:year|annum|semester|term|credit|module)|p\.a\.|/\s?(?:year|yr|semester|term)|annual|total",
    re.IGNORECASE,
)


def _money_like(amount: Amount, masked: str, rules: MoneyRules) -> bool:
    """A figure with no currency is an amount only when something says so: fee words around it, a
    currency from the column or profile, or a cell that is little more than the figure."""
    if amount.high < 100 and amount.high != 0:
        return False  # no tuition fee is under 100: a band, a count, a score
    if rules.currency_stated or _MONEY_WORDS.search(amount.context.wide) or _MONEY_WORDS.search(amount.context.words):
        return True
    rest = (masked[: amount.start] + " " + masked[amount.end :]).strip()
    return len(re.findall(r"[^\W\d_]+", rest)) <= 2


def _loose_currency(masked: str, text: str, rules: MoneyRules) -> str | None:
    codes = set()
    for token in re.finditer(_CURRENCY, masked, re.IGNORECASE):
        code, _ = currency_code(token.group(0), text, rules)
        if code and (token.group(0).strip().upper() != token.group(0).strip() or len(token.group(0).strip()) != 3
                     or token.group(0).strip() in ISO):  # fmt: skip
            codes.add(code)
    return codes.pop() if len(codes) == 1 else None


def _period_of(text: str) -> str | None:
    for name, pattern in _PERIODS:
        if pattern.search(text):
            return name
    return None


def _role_of(context: Context) -> str:
    """What an amount is, from the words right after it ("£1,500 placement fee"), then right before it
    ("Application fee: £50", "loans of up to £11,836"). A bracket after it speaks of something else."""
    near_tail = " ".join(re.split(r"[(\[]", context.tail)[0].split()[:4])
    near_lead = " ".join(context.lead.split()[-7:])
    for part in (near_tail, near_lead):
        for name, pattern in _ROLES:
            if pattern.search(part):
                if name == "placement fee" and not re.search(r"fee|cost|charge|extra|additional|\+", part, re.I):
                    continue  # "with placement: £12,000" is a tuition fee
                if name == "instalment" and re.search(r"\btotal\b", part, re.IGNORECASE):
                    continue
                return name
    if _PART_TIME.search(near_lead) or _PART_TIME.search(near_tail):
        return "part-time fee"
    return "tuition"


_PART_TIME = re.compile(r"\bpart[- ]?time\b|\bPT\b", re.IGNORECASE)


def choose(text: str, amounts: list[Amount], free: list[re.Match[str]], rules: MoneyRules) -> Cell:
    """Decide which amount is the tuition fee, or say that none is and why.

    ``notes`` say what was decided (they go into the reading); ``doubts`` say what was guessed (they
    also become the warning).
    """
    notes: list[str] = []
    doubts: list[str] = []
    if free:  # beside "no tuition", a semester fee is the students' contribution, not tuition
        for amount in amounts:
            if re.search(r"semester fee|semestergebühr", amount.context.wide, re.IGNORECASE):
                amount.role = "contribution"
    tuition = [a for a in amounts if a.role not in _EXCLUDED]
    left_out = [a for a in amounts if a.role in _EXCLUDED]
    if left_out:
        notes.append("not tuition: " + ", ".join(_describe(a, rules) for a in left_out))
    if free and not tuition:
        reading = f"no tuition fee, from {quote(free[0].group(0))}" + "".join(f"; {n}" for n in notes)
        return Cell(0.0, OK, None, "total", 0.0, reading)
    if not tuition:
        roles = list(dict.fromkeys(a.role for a in left_out))
        names = " and ".join(_ARTICLE.get(r, f"a {r}") for r in roles[:2])
        return Cell(NAN, MISSING, f"only {names}, not a tuition fee: treated as missing")
    readable = [a for a in tuition if not a.problem]
    if not readable:
        return Cell(NAN, ERROR, tuition[0].problem)
    tuition = _drop_restatements(readable, text)
    for role, why in (("other award", "another award"), ("instalment", "a part payment"),
                      ("part-time fee", "the part-time fee")):  # fmt: skip
        kept = [a for a in tuition if a.role != role]
        if kept and len(kept) < len(tuition):
            notes.append(f"left out {_listing([a for a in tuition if a.role == role], rules)} ({why})")
            tuition = kept
    extras = [a for a in tuition if a.role == "placement fee"]
    if extras and len(extras) < len(tuition):
        doubts.append(f"tuition only: {_listing(extras, rules)} ({extras[0].role}) not added")
        tuition = [a for a in tuition if a.role != "placement fee"]
    if free:
        tuition = sorted([*tuition, *(_free_amount(m, text) for m in free)], key=lambda a: a.start)
    chosen, doubt = _pick(tuition, rules)
    if doubt:
        doubts.append(doubt)
    return _reading(chosen, text, rules, notes, doubts)


def _free_amount(match: re.Match[str], text: str) -> Amount:
    lead = text[max(0, match.start() - 40) : match.start()]
    tail = text[match.end() : match.end() + 60]
    tail = re.split(r"[;|\n]|\.\s", tail)[0]
    return Amount(match.start(), match.end(), 0.0, 0.0, None, Context(lead, tail), period="total")


def _drop_restatements(amounts: list[Amount], text: str) -> list[Amount]:
    """A second figure in brackets right after a first (``€12,500 (about £10,700)``) restates it."""
    kept: list[Amount] = []
    for amount in amounts:
        if kept:
            between = text[kept[-1].end : amount.start]
            if "(" in between and _RESTATED.match(between.split("(")[-1]) and kept[-1].currency != amount.currency:
                continue
        kept.append(amount)
    return kept


def _pick(amounts: list[Amount], rules: MoneyRules) -> tuple[Amount, str | None]:
    """The amount to use among several tuition amounts, and the doubt if the choice is a guess."""
    if len(amounts) == 1:
        return amounts[0], None
    for label in rules.preferred:
        pattern = _label_pattern(label)
        for where in ("words", "wide", "heading"):
            matches = [a for a in amounts if pattern.search(getattr(a.context, where) or "")]
            if matches:
                return matches[0], None
    fee_totals = [a for a in amounts if re.search(r"\btotal (?:tuition|fee|programme fee|course fee|cost of tuition)|"
                                              r"\btuition (?:fee )?total", a.context.words, re.IGNORECASE)]  # fmt: skip
    if fee_totals and len(fee_totals) < len(amounts):
        return fee_totals[0], None
    labelled = [a for a in amounts if _TUITION.search(" ".join(a.context.lead.split()[-6:]))]
    if labelled and len(labelled) < len(amounts):
        amounts = labelled
        if len(amounts) == 1:
            return amounts[0], None
    # a total beside the same fee per year or per semester (not beside other students' fees)
    totals = [a for a in amounts if re.search(r"\btotal\b", a.context.words, re.IGNORECASE)]
    per_period = [a for a in amounts if a not in totals and a.period not in (None, "total")]
    if totals and per_period and len(totals) + len(per_period) == len(amounts):
        return totals[0], None
    masters = [a for a in amounts if _MASTERS.search(a.context.words)]
    if len(masters) == 1:
        return masters[0], None
    if len({(a.high, a.low, a.currency or "") for a in amounts}) == 1:
        # the same fee written twice, perhaps with two periods: the whole programme needs no length
        totals = [a for a in amounts if a.period == "total"]
        return (totals or amounts)[0], None
    listed = _listing(amounts[:4], rules)
    if rules.preferred:
        wanted = ", ".join(repr(p) for p in rules.preferred)
        return amounts[0], f"several amounts ({listed}) and none labelled {wanted}; used the first"
    return amounts[0], f'several amounts ({listed}); used the first (set prefer = "label" in the profile to choose)'


def _label_pattern(label: str) -> re.Pattern[str]:
    escaped = re.escape(label.strip())
    lead = r"(?<!non-)(?<!non )(?<!non)" if not label.lower().startswith("non") else ""
    return re.compile(rf"{lead}(?<!\w){escaped}(?!\w)", re.IGNORECASE)


def _describe(amount: Amount, rules: MoneyRules) -> str:
    what = _ARTICLE.get(amount.role, f"a {amount.role}")
    return f"{what} of {_figure(amount.high)} {amount.currency or rules.default_currency}"


def _listing(amounts: list[Amount], rules: MoneyRules) -> str:
    return ", ".join(f"{_figure(a.high)} {a.currency or rules.default_currency}" for a in amounts)


def _figure(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def _reading(amount: Amount, text: str, rules: MoneyRules, notes: list[str], doubts: list[str]) -> Cell:
    """The chosen amount as a Cell: totalled per credit or module when the cell counts them, converted."""
    period = amount.period
    high, low = amount.high, amount.low
    if amount.is_range:
        doubts.append(f"a range {_figure(low)}-{_figure(high)}; the upper end scores")
    if amount.bound:
        doubts.append(f"stated as a bound ({amount.bound!r}): the fee may differ")
    block = re.match(r"\s*per\s+(\d+)\s+(?:credits?|ects|cr[ée]ditos?)", amount.context.tail, re.IGNORECASE)
    if period == "credit" and block and float(block.group(1)) > 1:  # "£1,250 per 15 credits"
        high, low = high / float(block.group(1)), low / float(block.group(1))
    if period in ("credit", "module"):
        counted = _count(text, period)
        if counted is None:
            if period == "module":
                return Cell(NAN, ERROR, "fee per module: the cell does not say how many modules")
        else:
            count_low, count_high = counted
            if count_low != count_high:
                doubts.append(f"{_figure(count_low)}-{_figure(count_high)} {period}s; the upper count scores")
            notes.append(f"{_figure(high)} per {period} x {_figure(count_high)} {period}s")
            high, low = high * count_high, low * count_low
            period = "total"
    currency = amount.currency or rules.default_currency
    if amount.currency is None and not rules.currency_stated:
        notes.append(f"no currency stated: read as {currency}")
    if amount.period is None and period is None and rules.period_stated:
        notes.append(f"period {rules.default_period} from the column")
    period = period or rules.default_period
    lead = amount.context.wide_lead or amount.context.lead
    source = quote(text[max(0, amount.start - len(lead) - 1) : amount.end + len(amount.context.tail) + 1])
    return _convert(high, low, currency, period, rules, source, notes, doubts)


def _count(text: str, period: str) -> tuple[float, float] | None:
    """How many credits (or modules) the cell says the programme has: (low, high)."""
    unit = (
        r"credits?|credit hours?|ects|units?|points|cr[ée]ditos?|crediti|cr[ée]dits?|leistungspunkte?"
        if period == "credit"
        else r"modules?|courses?"
    )
    number = r"(\d+(?:\.\d+)?)(?:\s?(?:-|–|to)\s?(\d+(?:\.\d+)?))?"
    text = re.sub(rf"\bper\s+\d+\s+(?:{unit})", " ", text, flags=re.IGNORECASE)  # "per 15 credits" is no count
    found = re.search(rf"{number}\s*(?:{unit})\b(?!\s*(?:fee|cost))", text, re.IGNORECASE) or re.search(
        rf"(?:{unit})\s*(?:required|in total|total)?\s*:\s*{number}", text, re.IGNORECASE
    )
    if not found:
        return None
    low = float(found.group(1))
    high = float(found.group(2) or low)
    return low, max(low, high)


def _convert(
    high: float,
    low: float,
    code: str,
    period: str,
    rules: MoneyRules,
    source: str,
    notes: list[str],
    doubts: list[str] | None = None,
) -> Cell:
    rate = 1.0 if code == rules.base else rules.rates.get(code)
    if rate is None:
        return Cell(
            NAN,
            ERROR,
            f"unknown currency {code}: the profile has no rate for it "
            f"(add {code} = <value of 1 {code} in {rules.base}> to [currency] rates)",
        )
    if high < 0 or low < 0:
        return Cell(NAN, ERROR, "a fee cannot be negative")
    if not math.isfinite(high) or high >= 1e15:
        return Cell(NAN, ERROR, "not a plausible amount (too large)")
    value, value_low = high * rate, low * rate
    stated = f"{_figure(high)} {code}" if low == high else f"{_figure(low)}-{_figure(high)} {code}"
    reading = f"{stated} {PERIOD_WORDS.get(period, 'per ' + period)}, from {source}"
    if code != rules.base:
        reading += f"; converted at {rate:g}"
    if notes:
        reading += "; " + "; ".join(notes)
    if doubts:
        return Cell(value, ASSUMED, "; ".join(doubts), period, value_low, reading)
    return Cell(value, OK, None, period, value_low, reading)
