"""Currencies as catalogues write them: symbols, codes and words, in several languages, and how a
symbol shared by several currencies ($, kr, ¥, Rs) is told apart."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .money import MoneyRules

# Symbols that name a currency. "$" is the US dollar unless the profile says otherwise.
SYMBOLS = {
    "£": "GBP", "€": "EUR", "$": "USD", "US$": "USD", "USD$": "USD", "HK$": "HKD", "HKD$": "HKD",
    "A$": "AUD", "AU$": "AUD", "AUD$": "AUD", "C$": "CAD", "CA$": "CAD", "CAN$": "CAD", "CAD$": "CAD",
    "NZ$": "NZD", "NZD$": "NZD", "S$": "SGD", "SG$": "SGD", "SGD$": "SGD", "NT$": "TWD", "R$": "BRL",
    "MX$": "MXN", "¥": "JPY", "円": "JPY", "元": "CNY", "₹": "INR", "Rs": "INR", "Rs.": "INR", "৳": "BDT",
    "Tk": "BDT", "Tk.": "BDT", "₩": "KRW", "₺": "TRY", "₦": "NGN", "zł": "PLN", "Kč": "CZK", "RM": "MYR",
    "Fr.": "CHF", "SFr.": "CHF", "sFr.": "CHF", "₽": "RUB", "₱": "PHP", "₫": "VND", "฿": "THB", "₪": "ILS",
    "₴": "UAH", "₨": "PKR", "KSh": "KES", "Ksh": "KES", "Rp": "IDR", "Rp.": "IDR", "FCFA": "XOF", "CFA": "XOF",
    "Dhs": "AED", "Dh": "AED", "GH₵": "GHS", "₵": "GHS", "₸": "KZT", "원": "KRW", "￦": "KRW", "лв": "BGN",
    "R": "ZAR", "TL": "TRY", "CDN$": "CAD", "Can$": "CAD", "Cdn$": "CAD", "AU $": "AUD",
}  # fmt: skip
# Words that name a currency only after the figure ("2 million won", "5 000 rand"): before one they are words.
POST_ONLY = frozenset({"won", "rand", "dong", "ft", "real", "lei", "R"})
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
    "riyals": "SAR", "sek": "SEK", "nok": "NOK", "dkk": "DKK", "人民币": "CNY", "lei": "RON", "won": "KRW",
    "euroa": "EUR", "euroja": "EUR", "eurot": "EUR", "reais": "BRL", "rand": "ZAR", "baht": "THB",
    "rupiah": "IDR", "dong": "VND", "złotych": "PLN", "zlotych": "PLN", "korun": "CZK", "koruna": "CZK",
    "leva": "BGN", "tenge": "KZT", "cedis": "GHS", "cedi": "GHS", "birr": "ETB", "kwacha": "ZMW", "ft": "HUF",
    "pesos chilenos": "CLP", "pesos mexicanos": "MXN", "pesos colombianos": "COP", "pesos argentinos": "ARS",
    "kenyan shillings": "KES", "ugandan shillings": "UGX", "tanzanian shillings": "TZS",
}  # fmt: skip
# Words that name a currency only with a country: "Kronen" may be Swedish, Norwegian, Danish or Czech.
AMBIGUOUS = {
    "kr": ("Swedish, Norwegian or Danish kroner", "SEK, NOK or DKK"),
    "kr.": ("Swedish, Norwegian or Danish kroner", "SEK, NOK or DKK"),
    "kroner": ("Norwegian or Danish kroner", "NOK or DKK"),
    "kronen": ("Swedish, Norwegian, Danish or Czech crowns", "SEK, NOK, DKK or CZK"),
    "crowns": ("Swedish, Norwegian, Danish or Czech crowns", "SEK, NOK, DKK or CZK"),
    "pesos": ("Mexican, Chilean, Colombian or Argentine pesos", "MXN, CLP, COP or ARS"),
    "peso": ("Mexican, Chilean, Colombian or Argentine pesos", "MXN, CLP, COP or ARS"),
    "shillings": ("Kenyan, Ugandan or Tanzanian shillings", "KES, UGX or TZS"),
    "dinars": ("the dinars of several countries", "its code (KWD, BHD, JOD, TND, RSD ...)"),
    "dinar": ("the dinars of several countries", "its code (KWD, BHD, JOD, TND, RSD ...)"),
}
# fmt: off
# Countries (and their cities, states and schemes) that settle a symbol or word several currencies share.
_COUNTRY_CURRENCY = [
    (re.compile(r"\b(?:swed\w*|schwed\w*|su[eè]d\w*|sverige|stockholm|uppsala|lund|göteborg)", re.I), "SEK"),
    (re.compile(r"\b(?:norw\w*|norweg\w*|norge|oslo|bergen|trondheim)", re.IGNORECASE), "NOK"),
    (re.compile(r"\b(?:denmark|danish|d[äa]ni?sch\w*|danmark|copenhagen|københavn|aarhus)", re.IGNORECASE), "DKK"),
    (re.compile(r"\b(?:czech\w*|tschech\w*|prague|praha|brno)", re.IGNORECASE), "CZK"),
    (re.compile(r"\b(?:iceland\w*|reykjav\w*)", re.IGNORECASE), "ISK"),
    (re.compile(r"\b(?:canad\w*|montr[ée]al|toronto|vancouver|ontario|qu[ée]bec|alberta|ottawa|mcgill|british "
                r"columbia)", re.IGNORECASE), "CAD"),
    (re.compile(r"\b(?:australi\w*|melbourne|sydney|brisbane|perth|adelaide|canberra|queensland|victoria, "
                r"au|CRICOS|FEE-HELP|commonwealth supported|CSP)\b", re.IGNORECASE), "AUD"),
    (re.compile(r"\b(?:new zealand|auckland|wellington|otago|canterbury, nz|aotearoa)", re.IGNORECASE), "NZD"),
    (re.compile(r"\b(?:hong kong|kowloon|HKU|HKUST|CUHK)\b", re.IGNORECASE), "HKD"),
    (re.compile(r"\b(?:singapor\w*|NUS|NTU|SMU)\b", re.IGNORECASE), "SGD"),
    (re.compile(r"\b(?:taiwan\w*|taipei)", re.IGNORECASE), "TWD"),
    (re.compile(r"\b(?:mexic\w*|méxico)", re.IGNORECASE), "MXN"),
    (re.compile(r"\b(?:chile\w*|santiago de chile)", re.IGNORECASE), "CLP"),
    (re.compile(r"\b(?:colombi\w*|bogot[áa])", re.IGNORECASE), "COP"),
    (re.compile(r"\b(?:argentin\w*|buenos aires)", re.IGNORECASE), "ARS"),
    (re.compile(r"\b(?:kenya\w*|nairobi)", re.IGNORECASE), "KES"),
    (re.compile(r"\b(?:uganda\w*|kampala)", re.IGNORECASE), "UGX"),
    (re.compile(r"\b(?:tanzania\w*|dar es salaam)", re.IGNORECASE), "TZS"),
    (re.compile(r"\b(?:united states|USA|U\.S\.|american)\b", re.IGNORECASE), "USD"),
    (re.compile(r"\b(?:china|chinese|beijing|shanghai|RMB)\b|人民币|学费|元|每年|学年|学制|费用", re.I), "CNY"),
    (re.compile(r"\b(?:japan\w*|tokyo|kyoto|osaka)\b|[\u3040-\u30ff]|円|授業料|年額", re.IGNORECASE), "JPY"),
    (re.compile(r"\b(?:india\w*|delhi|mumbai|bangalore|bengaluru|chennai|IIT|IIM)\b|₹", re.IGNORECASE), "INR"),
    (re.compile(r"\bpakistan\w*|\blahore\b|\bkarachi\b|\bislamabad\b|\bPKR\b", re.IGNORECASE), "PKR"),
    (re.compile(r"\bsri lanka\w*|\bcolombo\b|\bLKR\b", re.IGNORECASE), "LKR"),
    (re.compile(r"\bnepal\w*|\bkathmandu\b|\bNPR\b", re.IGNORECASE), "NPR"),
]


# fmt: on


def country_currency(text: str, family: set[str]) -> str | None:
    """The one currency of ``family`` that a country, city or scheme named in ``text`` points to."""
    found = {code for pattern, code in _COUNTRY_CURRENCY if code in family and pattern.search(text)}
    return found.pop() if len(found) == 1 else None
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
NOT_CODES = frozenset(
    ["ECT", "CAT", "FTE", "TBC", "TBA", "MSC", "PHD", "MBA", "EEA", "USA", "FEE", "PER", "AND", "THE", "FOR", "NON"]
)
MULTIPLIERS = {"万": 1e4, "萬": 1e4, "만": 1e4,
               "k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "lakh": 1e5, "lakhs": 1e5,
                "lac": 1e5, "lacs": 1e5, "crore": 1e7, "crores": 1e7}  # fmt: skip

_SYMBOL_RE = "|".join(
    sorted(
        (re.escape(s) for s in SYMBOLS if not s.isascii() or not s.replace(".", "").isalpha()), key=len, reverse=True
    )
)
# The symbols of one currency each, for the shortcut that reads "£9,250 / year" at once.
SIMPLE_SYMBOLS = "|".join(sorted((re.escape(s) for s in SYMBOLS), key=len, reverse=True))
_WORD_RE = "|".join(sorted((re.escape(w) for w in [*WORDS, *AMBIGUOUS]), key=len, reverse=True))
CURRENCY = (
    rf"(?:{_SYMBOL_RE}|\b(?-i:[A-Z]{{3}})\b|\b(?:Rs|Tk|RM|Rp)(?:\b|(?=\d))\.?|\bS?Fr\.|\b(?-i:KSh|Ksh|FCFA|CFA|Dhs|Dh|R|TL)\b|"
    rf"(?<![\w]){'(?:'}{_WORD_RE}{')'}(?![\w]))"
)
# Symbols shared by several currencies: a code elsewhere in the cell, or the column's currency, says which.
FAMILIES = {
    "$": {"USD", "CAD", "AUD", "NZD", "SGD", "HKD", "TWD", "MXN", "CLP", "COP", "ARS"},
    "¥": {"JPY", "CNY"},
    "kr": {"SEK", "NOK", "DKK", "ISK"},
    "kr.": {"SEK", "NOK", "DKK", "ISK"},
    "kronen": {"SEK", "NOK", "DKK", "CZK"},
    "kroner": {"NOK", "DKK"},
    "crowns": {"SEK", "NOK", "DKK", "CZK"},
    "rs": {"INR", "PKR", "LKR", "NPR"},
    "rs.": {"INR", "PKR", "LKR", "NPR"},
    "dollars": {"USD", "CAD", "AUD", "NZD", "SGD", "HKD"},
    "pesos": {"MXN", "CLP", "COP", "ARS"},
    "peso": {"MXN", "CLP", "COP", "ARS"},
    "shillings": {"KES", "UGX", "TZS"},
}


def currency_code(token: str, text: str, rules: MoneyRules) -> tuple[str | None, str | None]:
    """The code a currency token names, with the profile's symbols first; (None, problem) when unsure."""
    token = token.strip()
    lowered = token.lower()
    if token in rules.symbols:
        return rules.symbols[token], None
    if lowered in AMBIGUOUS:
        code = country_currency(text, FAMILIES.get(lowered, set()))
        if code:
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
