"""The words of fee cells: periods, roles, free tuition, bounds and counts, in the languages catalogues use.

Each is a named pattern that ``money`` asks of an amount's context ("what period does this say?",
"is this a deposit?"); the words live here so the deciding code reads as decisions.
"""

from __future__ import annotations

import re


def _per(units: str) -> str:
    """'per year', 'a year', 'each year', '/ year', '/yr', 'pro Jahr', 'par an' for the given unit words."""
    return rf"(?:\b(?:per|a|an|each|every|pro|par|por|al|by|za|po|ao|em|kwa|je|pr\.?)[\s-]+|/\s*)(?:{units})\b"


PERIOD_PATTERNS = [
    ("credit", _per(r"credits?|credit hours?|cr|units?|ects(?: credits?)?|ec|point|points|unit of credit|"
                    r"cr[ée]dito(?: ects)?|cr[ée]ditos|crediti|cr[ée]dit(?: ects)?|leistungspunkte?|\d+ credits?")),
    ("module", _per(r"(?:\d+[- ]credit\s+)?modules?|courses?|class|subject")),
    ("semester", _per(r"semester|sem|semestre|semestr|semestru|félév|termin|lukukausi") + r"|\bsemesterly\b|"
     r"\bsemester fees?\b|\bper-semester\b|\bsemestergebühr\w*|\bsemestral\w*|学期当|학기당|每学期|\blukukausimaksu\b"),
    ("trimester", _per(r"trimester")),
    ("term", _per(r"term|quarter term")),
    ("quarter", _per(r"quarter") + r"|\bquarter(?:ly)? (?:tuition|fees?)\b"),
    ("month", _per(r"month|mo|mth|monat|mois|mes|mês|miesiąc") + r"|\bmonthly\b|\bp\.\s?m\.?(?=\W|$)|\bp/m\b|"
     r"^\s*pc?m\b|\bpcm\b|"
     r"\bmensalidade\b|\bmensual\w*|\bmonatlich\w*|\bmensuel\w*|\bmensa(?:is|l)\b"),
    ("week", _per(r"week|wk") + r"|\bweekly\b|^\s*pw\b|\bp/w\b"),
    ("year", _per(r"year|yr|annum|academic year|academic session|study year|session|ay|jahr|studienjahr|an|année|"
                  r"año|curso(?: académico)?|año académico|jaar|studiejaar|anno|anno accademico|"
                  r"år|rok|akademický rok|rok akademicki|vuosi|lukuvuosi|ano|ano letivo|yıl|év|ár|год")
     + r"|\bp\.?\s?a\.?(?=\W|$)|^\s*pa\b|\bp/a\b|"
     r"\bannu(?:al|ally|ale|ali|i|el|elle|ales|ual)\b|\byearly\b|\bper-year\b|"
     r"\bj[äa]hrlich\w*|\ball'anno\b|\bl'anno\b|\bpar an\b|\bal año\b|\bpor año\b|\banual\b|每年|年間|/年|"
     r"\bper jaar\b|\bper år\b|\bi året\b|\bannuo\b|\bannua\b|年額|年额|学年|\blukuvuosimaksu\b|\byıllık\b|"
     r"\bevente\b|\brocznie\b|\bročně\b|\bfor (?:the |each |one )?(?:\S+ )?(?:academic|study) year\b|"
     r"\bannual (?:tuition|fees?)\b"),
    ("total", r"\btotal\b|\bwhole (?:course|programme|program|degree)\b|\bfull (?:course|programme|program|degree)\b|"
     r"\boverall\b|\bentire\b|\bfor the (?:course|programme|program|degree)\b|\bin full\b"),
]  # fmt: skip
PERIODS = [(name, re.compile(pattern, re.IGNORECASE)) for name, pattern in PERIOD_PATTERNS]
PERIOD_WORDS = {"credit": "per credit", "module": "per module", "total": "in total"}

# Roles an amount can have besides tuition, by the words around it. Order matters: the first wins.
ROLES = [
    ("loan", r"\bloans?\b|\bborrow|FEE-HELP|HECS|VET Student Loan|\bfinanciamiento\b|\bprêt\b|\bdarlehen\b"),
    ("salary", r"\bsalar(?:y|ies)\b|\bearn(?:s|ing|ings)?\b|\bwages?\b|\bstarting pay\b|\bgehalt\b|"
     r"\bsalaire\b|\bincome\b|\bpay rise\b"),
    ("scholarship", r"scholarships?|fellowships?|bursar(?:y|ies)|stipends?|studentships?|\bgrants?\b|"
     r"\bawards?\b|\bfunding\b|(?<!self-)(?<!self )\bfunded\b|\bprizes?\b|\ballowance|\bdiscount|\breduction|"
     r"\bwaiver|\bstipendium|\bstipendi|\bbeca\b|\bbourse\b"),
    ("application fee", r"applica(?:tion|nt)|\bapplying\b|admissions? fee|processing fee|assessment fee|"
     r"bewerbung|anmeldegebühr|入学金|入学費|입학금|报名费|\bfrais de dossier\b"),
    ("registration fee", r"registration|enrol(?:l)?ment fee|matriculation|administrat(?:ion|ive) fee|admin fee|"
     r"exam(?:ination)? fees?|graduation fee|immatrikulation|anmeldegebühr|einschreibegebühr|technology fee|"
     r"mandatory fees|student fees|comprehensive fee|campus fee|prüfungsgebühr|rekrutacyjn\w*|\bbilled separately\b|"
     r"\bcharged separately\b|\bsurcharge\b|\bresearch (?:support|training) fee\b"),
    ("deposit", r"\bdeposits?\b|acceptance fee|confirmation fee|reservation fee|\bto secure\b|\bto hold\b|"
     r"reserva de plaza|\bacompte\b|\banzahlung\b|\bcaution\b|\bseat (?:deposit|reservation)\b"),
    ("contribution", r"contribution|semesterbeitrag|semester ticket|student union|students' union|"
     r"student services? fee|service fee|activity fee|\bCVEC\b|social fee|solidarity|union fee|"
     r"student body fee|semesterbeitr|rückmeldegebühr|semesteravgift|kåravgift|studentavgift|"
     r"\bstudentenwerk\b|\bcontributo regionale\b"),
    ("living cost", r"living|accommodation|\brent\b|housing|insurance|\bvisa\b|travel|\bbooks?\b|materials|"
     r"cost of attendance|\bbudget\b|estimated expenses|hostel|\bmess\b|boarding|\btransport|\buniform|"
     r"\blibrary\b|\bsports?\b|\bmedical\b|\blaundry|"
     r"\bfood\b|\bmeals?\b|\bhealth\b|\blaptop|field ?trips?|bench fees?|lab fees?|maintenance|subsistence|"
     r"blocked account|sperrkonto|proof of funds|financial requirement|funds? required|show funds"),
    ("placement fee", r"placement(?: year)? fees?|year in industry fees?|sandwich fees?|internship fees?|"
     r"\bplacement\b|study abroad"),
    ("other award", r"pre-?masters?|pre-?master's|foundation|pre-?sessional|\bpg ?dip\b|\bpg ?cert\b|"
     r"postgraduate (?:diploma|certificate)|\bdiploma\b|\bcertificate\b|\bundergraduate\b|\bbachelor|"
     r"\bph\.?d\b|\bdoctoral|\bmphil\b|\bbridging\b|english language course|language course|"
     r"\bielts preparation\b|\bsummer school\b|\bshort course\b"),
    ("instalment", r"\b(?:first|second|third|initial|final) (?:payment|instal(?:l)?ment)|\bdown ?payment|\bbalance\b|"
     r"\bremainder\b|\braten?\b|\bparcelas?\b|\bcuotas?\b|\bmensualit\w*"),
]  # fmt: skip
ROLE_PATTERNS = [(name, re.compile(pattern, re.IGNORECASE)) for name, pattern in ROLES]
TUITION = re.compile(
    r"tuition|course fee|programme fee|program fee|study fee|studiengebühr|frais de scolarité|tasse|matrícula|"
    r"collegegeld|lukuvuosimaksu|学费",
    re.IGNORECASE,
)
# Words that say whom a fee is for: amounts labelled so are alternatives, not extras.
AUDIENCE = re.compile(
    r"\b(?:home|uk|eu|eea|international|overseas|domestic|non-?eu|non-?eea|in-state|out-of-state|resident|"
    r"non-?resident|national|foreign|citizens?|students?|nordic|swiss|local|scottish|rest of (?:the )?uk|rUK|"
    r"commonwealth|EER|niet-EER|hors UE|UE)\b",
    re.IGNORECASE,
)
EXCLUDED = {
    "loan", "salary", "scholarship", "application fee", "registration fee", "deposit", "contribution", "living cost",
    "figure that is not an amount",
}  # fmt: skip
ARTICLE = {
    "application fee": "an application fee",
    "instalment": "a first instalment",
    "other award": "another award",
    "figure that is not an amount": "a figure that is not an amount",
}

FREE = re.compile(
    r"free of charge|tuition[- ]free|free tuition|^free\b|(?::|=)\s*free\b|\bfree\s*(?=[.;,)|]|$)|"
    r"\bfree (?:for|to) (?:eu|eea|uk|home|swiss|nordic|all|"
    r"domestic|local|national|german|\w+ (?:students|citizens|nationals))|"
    r"no tuition(?: fees?)?(?! (?:fee )?(?:information|info|data|details))|there (?:are|is) no (?:tuition )?fees?|"
    r"\bno fees?\b(?! (?:information|info|data|details|given|stated|listed))|"
    r"(?:does|do) not charge (?:any )?(?:tuition|fees)|(?:fees?|tuition) (?:are |is )?waived|gebührenfrei|"
    r"keine studiengebühren|studiengebührenfrei|kostenlos|gratuit|gratis|\bnil fees?\b|"
    r"(?:tuition(?: fees?)?|studiengebühren|collegegeld|frais de scolarité|skolepenger|studieavgift)\s*:?\s*"
    r"(?:none|nil|keine|aucun|ingen|free)\b|\bingen (?:skolepenger|studieavgift|undervisningsavgift)\b|"
    r"\bsin costo\b|\bbez opłat\b|\bzdarma\b|\bmaksuton\b|\bsem propinas\b|学费全免|免学费",
    re.IGNORECASE,
)
NOT_STATED = re.compile(
    r"^(?:none|none given|none stated|none listed|no (?:fee |fees )?(?:information|info|data|details)\b.*|"
    r"no fee information available|not (?:provided|specified|listed|disclosed)|unavailable|information (?:not|un)"
    r"available|on request|upon request|depends\b.*|varies\b.*|ask\b.*|contact\b.*)$",
    re.IGNORECASE,
)
BOUND = re.compile(r"\b(?:from|starting at|starts at|as low as|at least|minimum|min\.?|up to|maximum|max\.?|"
                    r"fino a|jusqu'à|bis zu|hasta|ab|à partir de|a partire da|dès|vanaf)\s*$",
                    re.IGNORECASE)  # fmt: skip
RESTATED = re.compile(
    r"^\(?\s*(?:approx(?:imately|\.)?|about|around|ca\.?|c\.|circa|~|≈|equivalent to|equiv\.?|roughly|"
    r"or|i\.e\.?|=)?\s*$",
    re.IGNORECASE,
)


# A figure followed by what it counts is no amount: "36 credits", "2 years", "50 students".
COUNTED = re.compile(
    r"^\s*(?:-\s*)?(?:credits?|credit hours?|ects|ec\b|cats|points?|modules?|units?|courses?|classes|years?|yrs?|"
    r"months?|mths?|weeks?|wks?|days?|hours?|hrs?|semesters?|terms?|trimesters?|quarters?|students?|places?|"
    r"people|participants|applicants|staff|partners?|companies|employers|pages?|words?|minutes?|am|pm|"
    r"h\b|x\b|times|instal(?:l)?ments|payments|jahre?|monate?|mois|ans?\b|años?|meses|plätze|studierende|"
    r"cr[ée]ditos?|crediti|cr[ée]dits|leistungspunkte?)",
    re.IGNORECASE,
)


MONEY_WORDS = re.compile(
    r"fee|tuition|cost|price|charge|pay|gebühr|frais|tasse|precio|prezzo|matr[íi]cula|collegegeld|kosten|"
    r"per (?:year|annum|semester|term|credit|module)|p\.a\.|/\s?(?:year|yr|semester|term)|annual|total",
    re.IGNORECASE,
)


PART_TIME = re.compile(r"\bpart[- ]?time\b|\bPT\b", re.IGNORECASE)


def period_of(text: str) -> str | None:
    for name, pattern in PERIODS:
        if pattern.search(text):
            return name
    return None


