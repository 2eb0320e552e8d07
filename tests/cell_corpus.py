"""A ground-truth corpus of catalogue cells: what a careful human reads in each one.

Every case is a cell as it appears in real catalogue spreadsheets (UK course pages, Mastersportal and
FindAMasters scrapes, European, US, Asian, Australian, South Asian and Nigerian university pages), with
the value a person would take from it. The expectations are written from the text, never from what any
parser returns; ``tests/cell_accuracy.py`` measures a parser against them.

Conventions (see DESIGN.md, "Cell kinds"):

- money: ``(amount, "CUR", period)`` in the currency the cell states (a bare number: the criterion's
  currency, else the header's, else GBP); period is "total" when none is stated. Ranges give the upper end;
  free tuition is ``(0, "GBP", "total")``. Where a cell lists several labelled fees, the ``prefer`` labels
  choose; without them, the first amount listed. A fee per credit (or per module) with the count in the
  cell is totalled; per credit with no count stays per credit; per module with no count is MISSING.
- duration: months of the full-time Master's; ranges give the upper bound; a bare 1, 1.5 or 2 in a
  months column means years. Weeks are 52 to the year.
- boolean: 1 yes, 0 no, 0.5 optional / possible / on request.
- rating: the value on the criterion's scale (default [0, 5]).
- percent: a share in [0, 1].
``MISSING`` (None) means the cell states no value of that kind; a careful reader would not commit to one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MISSING = None


@dataclass(frozen=True)
class Case:
    kind: str  # "money" | "duration" | "boolean" | "rating" | "percent"
    raw: object  # the cell as read (usually str; some int/float as a workbook gives them)
    expected: object  # see the module docstring; MISSING (None) when the cell states no value
    options: dict = field(default_factory=dict)  # criterion options, see the module docstring
    why: str = ""  # one short phrase when the reading is not obvious


def money(raw: object, expected: object, why: str = "", **options: object) -> Case:
    return Case("money", raw, expected, options, why)


def duration(raw: object, expected: object, why: str = "", **options: object) -> Case:
    return Case("duration", raw, expected, options, why)


def boolean(raw: object, expected: object, why: str = "", **options: object) -> Case:
    return Case("boolean", raw, expected, options, why)


def rating(raw: object, expected: object, why: str = "", **options: object) -> Case:
    return Case("rating", raw, expected, options, why)


def percent(raw: object, expected: object, why: str = "", **options: object) -> Case:
    return Case("percent", raw, expected, options, why)


INTL = ["international", "overseas"]
FREE = (0, "GBP", "total")
WEEK = 12 / 52  # months in a week
LMH = {"low": 1, "medium": 3, "high": 5}
WORDS5 = {"poor": 1, "fair": 2, "good": 3, "very good": 4, "excellent": 5}

# ---------------------------------------------------------------------------------------------------------
# money: UK course pages
# ---------------------------------------------------------------------------------------------------------
MONEY_UK = [
    money("£9,250 per year", (9250, "GBP", "year")),
    money("£11,500", (11500, "GBP", "total")),
    money("£14,950 (UK); £31,200 (International)", (14950, "GBP", "total"), "no prefer: the first (home) amount"),
    money("£14,950 (UK); £31,200 (International)", (31200, "GBP", "total"), prefer=INTL),
    money("Home: £12,750 | International: £28,600", (12750, "GBP", "total"), "no prefer: the first (home) amount"),
    money("Home: £12,750 | International: £28,600", (28600, "GBP", "total"), prefer=INTL),
    money("UK: £13,500 (Total) International: £31,300 (Total)", (13500, "GBP", "total"), "no prefer: first"),
    money("Fees UK: £18,000 (Total) International: £34,750 (Total)", (34750, "GBP", "total"), prefer=INTL),
    money("UK students £10,750; EU and overseas students £24,950", (24950, "GBP", "total"), prefer=INTL),
    money(
        "Full-time UK fee: £12,100 (total)\nPart-time UK fee: £6,050 per year",
        (12100, "GBP", "total"),
        "the full-time fee; the per-year figure is part-time",
    ),
    money("£9,000-12,000", (12000, "GBP", "total"), "range: upper end"),
    money("£9,000 – £12,000 depending on optional modules", (12000, "GBP", "total"), "range: upper end"),
    money("From £9,950", (9950, "GBP", "total"), "the only figure stated (a minimum)"),
    money("£1,200 per module (8 modules)", (9600, "GBP", "total"), "8 modules stated: 8 × £1,200"),
    money("£1,200 per module", MISSING, "a module is not a credit and the count is not stated"),
    money(
        "£1,250 per 15 credits (180 credits in total)",
        (15000, "GBP", "total"),
        "180 / 15 = 12 blocks of £1,250",
    ),
    money("£9,250 p.a.", (9250, "GBP", "year")),
    money("£27,750 per annum", (27750, "GBP", "year")),
    money("£ 9 250", (9250, "GBP", "total"), "space as thousands separator"),
    money(9250, (9250, "GBP", "total"), "bare number: default currency GBP"),
    money(9250.0, (9250, "GBP", "total"), "bare number from a workbook"),
    money("£12.5k", (12500, "GBP", "total")),
    money("£12k", (12000, "GBP", "total")),
    money("GBP 24,500", (24500, "GBP", "total")),
    money("24,500 GBP", (24500, "GBP", "total")),
    money("£24,500 (full programme)", (24500, "GBP", "total")),
    money("£13,700\u00a0per\u00a0year", (13700, "GBP", "year"), "non-breaking spaces"),
    money(
        "The fee for this course is £10,400 for UK students and £24,100 for international students. "
        "Please note that fees are subject to an annual increase of up to 5%.",
        (10400, "GBP", "total"),
        "no prefer: the first (home) amount; 5% is not a fee",
    ),
    money(
        "The fee for this course is £10,400 for UK students and £24,100 for international students. "
        "Please note that fees are subject to an annual increase of up to 5%.",
        (24100, "GBP", "total"),
        prefer=INTL,
    ),
    money(
        "Tuition fees for 2025/26: UK full-time £14,200; UK part-time £7,100 per year; International full-time £32,800",
        (32800, "GBP", "total"),
        "international full-time; 2025/26 is the academic year",
        prefer=["international"],
    ),
    money(
        "Tuition fees for 2025/26: UK full-time £14,200; UK part-time £7,100 per year; International full-time £32,800",
        (14200, "GBP", "total"),
        "no prefer: first (UK full-time); 2025/26 is the academic year",
    ),
    money(
        "UK fees: 2022/23 fees TBC; 2021/22 fees - 10400",
        (10400, "GBP", "total"),
        "academic years are not amounts; the only fee is 10400",
    ),
    money(
        "Pre-Master's (3 terms): £9,995; MSc Data Science: £26,500",
        (26500, "GBP", "total"),
        "the master's fee, not the pre-master's",
    ),
    money(
        "International Year One / Pre-masters £14,950 + Master's £24,000",
        (24000, "GBP", "total"),
        "the master's fee, not the pre-master's",
    ),
    money(
        "Pre-sessional English (10 weeks) £3,950; MSc fee £23,400",
        (23400, "GBP", "total"),
        "the MSc fee, not the English course",
    ),
    money("£9,535 (2025/26) – UK students", (9535, "GBP", "total"), "2025/26 is the academic year"),
    money("Full-time fee: £13,950 (UK) £29,500 (International)", (13950, "GBP", "total"), "no prefer: first"),
    money("UK £12,900 International £28,750 Fees for 2025/26 entry", (12900, "GBP", "total"), "no prefer: first"),
    money("£9,900 (UK/EU) / £19,800 (International) – 2025 entry", (9900, "GBP", "total"), "no prefer: first"),
    money("£450 per month (online, pay monthly)", (450, "GBP", "month")),
    money("£30 per credit (180 credits)", (5400, "GBP", "total"), "180 credits stated"),
    money("£15,750", (15750, "GBP", "year"), "the header states the period", header="Tuition fee per year"),
    money("£9,250", (9250, "GBP", "year"), "the header states the period", header="Fee (per annum)"),
    money(9250, (9250, "GBP", "total"), header="Fees (£)"),
    money("UK/EU: £8,700 pa, International: £17,200 pa", (8700, "GBP", "year"), "no prefer: first"),
    money("Home fee £12,000; Overseas fee £26,000", (26000, "GBP", "total"), prefer=INTL),
    money(
        "Total fee: £23,400 (payable in two instalments of £11,700)",
        (23400, "GBP", "total"),
        "the instalment is half the fee",
    ),
    money("£9,250 (10% alumni discount available)", (9250, "GBP", "total"), "10% is a discount"),
    money(
        "Deposit of £2,000 payable on acceptance; tuition fee £24,500",
        (24500, "GBP", "total"),
        "deposit is not the fee",
    ),
    money("Tuition fee £27,750. Bench fee £3,000 (lab-based projects)", (27750, "GBP", "total"), "bench fee is extra"),
    money("Application deadline: 31 July 2025; fee £11,950", (11950, "GBP", "total"), "the date is not a fee"),
    money("September 2025 intake: £12,250", (12250, "GBP", "total"), "2025 is the intake"),
    money("2025/26: £12,900; 2026/27: TBC", (12900, "GBP", "total"), "academic years are not amounts"),
    money("From September 2025: £31,300", (31300, "GBP", "total"), "2025 is a date"),
    money(
        "Our MSc Artificial Intelligence is designed for graduates from numerate disciplines who want to move into "
        "industry. Tuition fees for UK students starting in September 2025 are £14,500; international students should "
        "see the international fees page. A deposit of £1,000 is payable when you accept your offer. Call 0161 306 6000 "
        "with any questions.",
        (14500, "GBP", "total"),
        "the fee in a paragraph with a deposit, a date and a phone number",
    ),
    money(
        "Fees and funding\nUK students\nFull-time: £12,250\nPart-time: £6,125 per year\nInternational students\n"
        "Full-time: £27,300\nFind out more about our scholarships, which are worth up to £5,000.",
        (12250, "GBP", "total"),
        "no prefer: UK full-time, the first",
    ),
    money(
        "Fees and funding\nUK students\nFull-time: £12,250\nPart-time: £6,125 per year\nInternational students\n"
        "Full-time: £27,300\nFind out more about our scholarships, which are worth up to £5,000.",
        (27300, "GBP", "total"),
        "international full-time",
        prefer=INTL,
    ),
    money("Free", FREE),
    money("No tuition fees", FREE),
    money("£0", FREE),
    money(0, FREE, "a bare 0 in a fee column: no fee"),
    money("Fully funded - no tuition fees payable", FREE),
]

# ---------------------------------------------------------------------------------------------------------
# money: numbers that are not the tuition fee (and cells that state none)
# ---------------------------------------------------------------------------------------------------------
MONEY_NOT_A_FEE = [
    money("£2,000 deposit", MISSING, "a deposit, not the fee"),
    money("Government loans of up to £11,836 are available", MISSING, "a loan, not the fee"),
    money("Postgraduate Master's Loan of up to £12,858 available to eligible UK students", MISSING, "a loan"),
    money("Band 2 UK fees: please see the university website", MISSING, "a fee band name"),
    money("Fees are set at Band 2 (Home) and Band 5 (International)", MISSING, "fee band names"),
    money("Questions about fees? Call 0330 123 2023", MISSING, "a phone number"),
    money("Tel: +44 (0)161 275 2000", MISSING, "a phone number"),
    money("Questions? Call (617) 253-1000", MISSING, "a phone number"),
    money("Call +852 3943 7000 for fee enquiries", MISSING, "a phone number"),
    money("Call 0803 123 4567 for fee details", MISSING, "a phone number"),
    money("2024/25 fees to be confirmed", MISSING, "an academic year"),
    money("2025-26 entry: fees not yet published", MISSING, "an academic year"),
    money("Fees for 2025 entry will be published in October 2024", MISSING, "years, no fee"),
    money("See https://www.example.ac.uk/degrees/4870f/", MISSING, "digits in a link"),
    money("Fees: https://www.example.ac.uk/study/fees-and-finance-1599.php", MISSING, "digits in a file name"),
    money("Fee: see www.example.ac.uk/fees2025", MISSING, "digits in a link"),
    money("10% alumni discount", MISSING, "a discount"),
    money("£1,000 discount for early payment", MISSING, "a discount"),
    money("Up to 50% tuition fee waiver for high achievers", MISSING, "a waiver"),
    money("Scholarships of up to £5,000 available for UK students", MISSING, "a scholarship"),
    money("fellowships of 934 EUR / month", MISSING, "a fellowship"),
    money("DAAD scholarships of 934 EUR per month are available", MISSING, "a scholarship"),
    money("Erasmus Mundus scholarship: €1,400 per month for 24 months", MISSING, "a scholarship"),
    money(
        "Graduate assistantship: stipend of $24,000 per year plus tuition remission",
        MISSING,
        "a stipend; tuition not stated",
    ),
    money("Living costs: estimated £1,334 per month in London", MISSING, "living costs"),
    money("Accommodation from £185 per week", MISSING, "accommodation"),
    money("Bench fees of up to £5,000 may apply", MISSING, "a bench fee"),
    money("Fee office: Room 2.14, Sackville Street Building, Manchester M13 9PL", MISSING, "an address"),
    money("Registry, Senate House, Malet Street, London WC1E 7HU", MISSING, "a postcode"),
    money("Ranked 12th", MISSING, "a ranking"),
    money("Ranked 12th in the UK for Computer Science (Guardian University Guide 2025)", MISSING, "a ranking"),
    money("QS World University Rankings 2025: #45", MISSING, "a ranking"),
    money("U.S. News rank #4", MISSING, "a ranking"),
    money("#3 in Best Computer Science Programs", MISSING, "a ranking"),
    money("Deadline 30 June 2025", MISSING, "a date"),
    money("Open day: Saturday 14 November 2025, 10am–2pm", MISSING, "a date"),
    money("Start date: 22 September 2025", MISSING, "a date"),
    money("Next intake: January 2026", MISSING, "a date"),
    money("None given", MISSING),
    money("No fee information available", MISSING),
    money("None", MISSING, "not stated (not 'free')"),
    money("TBC", MISSING),
    money("£TBC", MISSING),
    money("To be confirmed", MISSING),
    money("Tuition fee: Not available", MISSING, "the information is not available"),
    money("Cohort size: 120 students", MISSING, "a number of students"),
    money("Number of places: 40", MISSING, "a number of places"),
    money("180 credits", MISSING, "credits, not money"),
    money("90 ECTS", MISSING, "an ECTS count"),
    money("IELTS 6.5 overall with no less than 6.0 in any component", MISSING, "a language score"),
    money("2:1 honours degree or equivalent (60% average)", MISSING, "an entry requirement"),
    money("95% of graduates in employment or further study within 15 months", MISSING, "an outcome"),
    money("Course code: 4870F", MISSING, "a course code"),
    money("Programme code MSC-DS-2025", MISSING, "a programme code"),
    money("CRICOS 083857A", MISSING, "a CRICOS code"),
    money("Pay in 3 instalments", MISSING, "a count of instalments"),
    money("Fees vary by module choice", MISSING),
    money("Tuition increases by 3% each year", MISSING, "a rate of increase"),
    money("Application fee: $90 (non-refundable)", MISSING, "an application fee"),
    money("$125 non-refundable application fee; see Bursar for tuition", MISSING, "an application fee"),
    money("CAD 150 application fee", MISSING, "an application fee"),
    money("Application fee: SGD 50 (non-refundable)", MISSING, "an application fee"),
    money("Application form fee: ₹1,500", MISSING, "an application fee"),
    money("One-off registration fee: €150", MISSING, "a registration fee"),
    money("Student Services Fee $450 per semester", MISSING, "a services fee, not tuition"),
    money("Student union fee SEK 350 per semester", MISSING, "a union fee, not tuition"),
    money("Hostel charges Rs. 60,000 per year (separate)", MISSING, "hostel charges"),
    money("Caution deposit (refundable): ₹10,000", MISSING, "a deposit"),
    money("Admission fee Tk 15,000 (one-time)", MISSING, "an admission fee"),
    money("Admission processing fee: PKR 5,000", MISSING, "a processing fee"),
    money("Acceptance fee ₦50,000", MISSING, "an acceptance fee"),
    money("145 000 kr per år", MISSING, "kr is SEK, NOK or DKK; the cell does not say which"),
    money("Registration fee €156; tuition €2,314", (2314, "EUR", "total"), "the tuition, not the registration fee"),
    money("Application fee HK$300; tuition HK$198,000", (198000, "HKD", "total"), "not the application fee"),
    money("CRICOS 083857A; A$ 48,500 per year (2025)", (48500, "AUD", "year"), "the CRICOS code is not an amount"),
    money(
        "Estimated cost of attendance: $92,000 (tuition $62,000; housing, food and books $30,000)",
        (62000, "USD", "total"),
        "the tuition, not the cost of attendance",
    ),
    money(
        "$29,980 per semester (full-time, 9+ credits)",
        (29980, "USD", "semester"),
        "9+ credits is a load, not the programme's credits",
    ),
    money(
        "Tuition fee: HK$132,000 payable in two instalments",
        (132000, "HKD", "total"),
        "instalments are not a count to multiply",
    ),
    money(
        "Semestergebühr CHF 730.–; zusätzlich CHF 150 Anmeldegebühr",
        (730, "CHF", "semester"),
        "the semester fee; Anmeldegebühr is the application fee",
    ),
]

# ---------------------------------------------------------------------------------------------------------
# money: Mastersportal / FindAMasters scrapes
# ---------------------------------------------------------------------------------------------------------
MONEY_PORTALS = [
    money("31,300 GBP / year", (31300, "GBP", "year")),
    money("GBP 31,300 / year", (31300, "GBP", "year")),
    money(
        "International 18,700 EUR / year Duration 12 months  EU/EEA 2,314 EUR / year Duration 12 months",
        (18700, "EUR", "year"),
        "12 months is the duration",
        prefer=["international"],
    ),
    money(
        "EU/EEA 2,314 EUR / year Duration 12 months International 18,700 EUR / year Duration 12 months",
        (2314, "EUR", "year"),
        "no prefer: the first (EU/EEA) amount",
    ),
    money("UK Fees: £11,500 | International Fees: £23,000", (11500, "GBP", "total"), "no prefer: first"),
    money("UK: £10,950 | International: £22,600 (2024/25)", (22600, "GBP", "total"), prefer=INTL),
    money("12,500 EUR / year", (12500, "EUR", "year")),
    money("45,000 EUR / full programme", (45000, "EUR", "total")),
    money(
        "Tuition Fee: 9,950 GBP / year (UK) 22,350 GBP / year (International)",
        (9950, "GBP", "year"),
        "no prefer: first",
    ),
    money("Free · Duration 24 months", FREE, "free; 24 months is the duration"),
    money("€ 17,400 / year", (17400, "EUR", "year")),
    money("Tuition fee\n23,200 USD / year\nDuration 24 months", (23200, "USD", "year"), "24 months is the duration"),
    money("EUR21900", (21900, "EUR", "total"), "code glued before"),
    money("21900EUR", (21900, "EUR", "total"), "code glued after"),
    money("SEK180000", (180000, "SEK", "total"), "code glued before"),
    money("CHF730 / semester", (730, "CHF", "semester"), "code glued before"),
    money("12,500€", (12500, "EUR", "total"), "symbol glued after"),
    money("€12,500", (12500, "EUR", "total")),
]

# ---------------------------------------------------------------------------------------------------------
# money: European universities
# ---------------------------------------------------------------------------------------------------------
MONEY_EUROPE = [
    money(
        "Tuition fee, first semester: 59,000 SEK. Total tuition fee: 236,000 SEK",
        (236000, "SEK", "total"),
        "the total, not the first instalment",
    ),
    money("first payment: 59,000 SEK ... total: 226,800 SEK", (226800, "SEK", "total"), "the total"),
    money("340000SEK", (340000, "SEK", "total")),
    money("SEK 180 000 / year", (180000, "SEK", "year")),
    money("180 000 SEK", (180000, "SEK", "total"), "space thousands"),
    money("180\u00a0000\u00a0SEK per academic year", (180000, "SEK", "year"), "non-breaking space thousands"),
    money(
        "Application fee: SEK 900. Tuition fee: SEK 125,000 per academic year",
        (125000, "SEK", "year"),
        "not the application fee",
    ),
    money(
        "EU/EEA citizens: no tuition fee. Non-EU/EEA citizens: SEK 145,000 per year",
        FREE,
        "no prefer: the first (EU/EEA: free)",
    ),
    money(
        "EU/EEA citizens: no tuition fee. Non-EU/EEA citizens: SEK 145,000 per year",
        (145000, "SEK", "year"),
        prefer=["non-EU", "international"],
    ),
    money(
        "Tuition fees: Students with citizenship outside the EU/EEA and Switzerland pay tuition fees of SEK 125,000 "
        "per semester. The total fee for the full programme (four semesters) is SEK 500,000. Information about "
        "scholarships is available on the university website.",
        (500000, "SEK", "total"),
        "the total is stated",
    ),
    money("Total tuition fee: 290 000 kr", (290000, "SEK", "total"), "kr in a SEK column", currency="SEK"),
    money("ca. 145.000 schwedische Kronen pro Jahr", (145000, "SEK", "year"), "German: Swedish kronor per year"),
    money("CHF 730 per semester", (730, "CHF", "semester")),
    money("CHF 1'000.– pro Semester", (1000, "CHF", "semester"), "Swiss apostrophe thousands, .– no cents"),
    money("Fr. 580.– pro Semester", (580, "CHF", "semester"), "Swiss francs"),
    money("Studiengebühr: 1'160 Franken pro Semester", (1160, "CHF", "semester"), "Franken = Swiss francs"),
    money(
        "CHF 4'000 per semester for students not domiciled in Switzerland",
        (4000, "CHF", "semester"),
        "Swiss apostrophe thousands",
    ),
    money(
        "€ 2.530 (wettelijk collegegeld 2024-2025)",
        (2530, "EUR", "total"),
        "Dutch dot thousands; 2024-2025 is the academic year",
    ),
    money("Institutional fee: € 18.900", (18900, "EUR", "total"), "Dutch dot thousands"),
    money("Statutory fee €2,530 / Institutional fee €20,500", (2530, "EUR", "total"), "no prefer: first"),
    money("Statutory fee €2,530 / Institutional fee €20,500", (20500, "EUR", "total"), prefer=["institutional"]),
    money(
        "EU/EEA students: €2,601; non-EU/EEA students: €21,900 (2025-2026)",
        (21900, "EUR", "total"),
        "2025-2026 is the academic year",
        prefer=["non-EU"],
    ),
    money("EUR 21,900", (21900, "EUR", "total")),
    money("21,900 EUR", (21900, "EUR", "total")),
    money("21.900,00 EUR", (21900, "EUR", "total"), "European decimal style"),
    money("12.500 €", (12500, "EUR", "total"), "European dot thousands"),
    money("12 500 €", (12500, "EUR", "total"), "space thousands"),
    money("12\u202f500\u00a0€ par an", (12500, "EUR", "year"), "French narrow no-break space"),
    money("750 Euros per semester", (750, "EUR", "semester")),
    money("1.500 € pro Semester (Nicht-EU-Studierende, Baden-Württemberg)", (1500, "EUR", "semester")),
    money(
        "Keine Studiengebühren; Semesterbeitrag ca. 320 €", FREE, "no tuition; the semester contribution is not tuition"
    ),
    money(
        "no tuition fees, only a contribution of about 370 EUR per semester",
        FREE,
        "no tuition; the contribution is not tuition",
    ),
    money("Studiengebühren: 5.900 € pro Semester", (5900, "EUR", "semester")),
    money("Gebührenfrei", FREE, "German: free of fees"),
    money("Tuition-free (semester contribution approx. €350)", FREE, "the contribution is not tuition"),
    money("€ 3.900,00 annui", (3900, "EUR", "year"), "Italian: annui = per year"),
    money(
        "Tasse universitarie: da 156 € a 3.900 € all'anno in base all'ISEE",
        (3900, "EUR", "year"),
        "range by family income: upper end",
    ),
    money("Contributo onnicomprensivo annuale: fino a € 2.800", (2800, "EUR", "year"), "fino a = up to"),
    money(
        "Precio: 39,55 €/crédito ECTS (60 créditos)",
        (39.55 * 60, "EUR", "total"),
        "per credit with 60 credits stated",
    ),
    money("Precio total del máster: 9.600 €", (9600, "EUR", "total")),
    money("4.950 € (matrícula completa)", (4950, "EUR", "total"), "full enrolment"),
    money(
        "Frais d'inscription : 243 € / an (étudiants UE) ; 3 879 € / an (hors UE)",
        (243, "EUR", "year"),
        "no prefer: first",
    ),
    money(
        "Frais d'inscription : 243 € / an (étudiants UE) ; 3 879 € / an (hors UE)",
        (3879, "EUR", "year"),
        prefer=["hors UE", "international"],
    ),
    money("Frais de scolarité : 14 500 € pour l'ensemble du programme", (14500, "EUR", "total")),
    money("Gratuit", FREE, "French: free"),
    money("€ 9,450 (EU) / € 26,100 (Non-EU)", (9450, "EUR", "total"), "no prefer: first"),
    money("€12,000 per year (scholarships available for 20 students)", (12000, "EUR", "year"), "20 is students"),
    money(
        "Non-EU/EEA: €15,000 per academic year. EU/EEA: free",
        (15000, "EUR", "year"),
        "no prefer: the first listed (non-EU here)",
    ),
    money(
        "The tuition fee for the programme is 2,314 euro per year for EU/EEA students (statutory fee). Students from "
        "outside the EU/EEA pay an institutional fee of 18,700 euro per year. Please note that the application fee of "
        "100 euro is non-refundable.",
        (2314, "EUR", "year"),
        "no prefer: the first",
    ),
    money(
        "The tuition fee for the programme is 2,314 euro per year for EU/EEA students (statutory fee). Students from "
        "outside the EU/EEA pay an institutional fee of 18,700 euro per year. Please note that the application fee of "
        "100 euro is non-refundable.",
        (18700, "EUR", "year"),
        prefer=["institutional", "international"],
    ),
    money(
        "Tuition fee per semester: 1,500 euros (for students from non-EU countries). There are no tuition fees for EU "
        "students, but all students pay the semester contribution of approx. 160 euros.",
        (1500, "EUR", "semester"),
        "no prefer: the first (non-EU here)",
    ),
    money("PLN 12 000 per year", (12000, "PLN", "year")),
    money("CZK 150,000 per year", (150000, "CZK", "year")),
    money("NOK 165 000 per year", (165000, "NOK", "year")),
    money(
        "Semester fee NOK 600 only (no tuition for EU/EEA citizens)",
        FREE,
        "no tuition; the semester fee is not tuition",
    ),
    money("Tuition fee: NOK 200,000 per year for non-EU/EEA students", (200000, "NOK", "year")),
    money("DKK 60,000 per semester", (60000, "DKK", "semester")),
    money("EU/EEA: free. Non-EU: DKK 125.000 per year", FREE, "no prefer: the first (free)"),
    money("EU/EEA: free. Non-EU: DKK 125.000 per year", (125000, "DKK", "year"), prefer=["non-EU"]),
    money("Annual tuition fee: 115.000 DKK", (115000, "DKK", "year"), "Danish dot thousands"),
    money("€ 15k/yr", (15000, "EUR", "year")),
    money("€1,500–€3,000 per semester", (3000, "EUR", "semester"), "range: upper end"),
]

# ---------------------------------------------------------------------------------------------------------
# money: US and Canadian graduate schools
# ---------------------------------------------------------------------------------------------------------
MONEY_NORTH_AMERICA = [
    money("$447.60 per credit (36 credits)", (447.60 * 36, "USD", "total"), "36 credits stated"),
    money("$447.60 per credit", (447.60, "USD", "credit"), "no credit count"),
    money("$1,850 per credit hour; 30 credit hours required", (1850 * 30, "USD", "total"), "30 credit hours stated"),
    money("$58,000 per year", (58000, "USD", "year")),
    money(
        "Tuition: $2,187 per credit | Total program credits: 52-58",
        (2187 * 58, "USD", "total"),
        "credit range: the upper count",
    ),
    money("$45k", (45000, "USD", "total")),
    money("USD 58,000", (58000, "USD", "total")),
    money("In-state: $12,450/yr; Out-of-state: $31,200/yr", (12450, "USD", "year"), "no prefer: first"),
    money(
        "In-state: $12,450/yr; Out-of-state: $31,200/yr",
        (31200, "USD", "year"),
        prefer=["out-of-state", "international"],
    ),
    money("$1,427.50/credit hour", (1427.50, "USD", "credit"), "no credit count"),
    money("Resident $13,246 per year, Non-resident $30,000 per year", (13246, "USD", "year"), "no prefer: first"),
    money("45,000 US Dollars per year", (45000, "USD", "year")),
    money("$ 56,490 / academic year (2025–26)", (56490, "USD", "year"), "2025–26 is the academic year"),
    money("45,000", (45000, "USD", "year"), "the header states currency and period", header="Annual tuition (USD)"),
    money(
        447.6,
        (447.6 * 36, "USD", "total"),
        "per credit (header) × the programme's 36 credits",
        header="Cost per credit (USD)",
        credits=36,
    ),
    money("$1,600/credit × 30 credits = $48,000", (48000, "USD", "total"), "the total is stated"),
    money("Program cost: $35,820 (total, 30 credits)", (35820, "USD", "total")),
    money(
        "$998 per credit (in-state), $1,478 per credit (out-of-state); 33 credits",
        (998 * 33, "USD", "total"),
        "no prefer: first, × 33 credits",
    ),
    money(
        "The cost per credit for the 2025–2026 academic year is $1,240. The MS in Data Science requires 32 credits, so "
        "the estimated tuition is $39,680, not including the $80 application fee and university fees.",
        (39680, "USD", "total"),
        "the stated total (= 32 × $1,240)",
    ),
    money("$2,100 per credit", (2100 * 30, "USD", "total"), "the programme's 30 credits (option)", credits=30),
    money("CAD 24,000 (domestic) / CAD 48,500 (international)", (24000, "CAD", "total"), "no prefer: first"),
    money("CAD 24,000 (domestic) / CAD 48,500 (international)", (48500, "CAD", "total"), prefer=["international"]),
    money("C$12,500 per term", (12500, "CAD", "term")),
    money("$7,500 CAD per term", (7500, "CAD", "term")),
    money(
        "Domestic: $9,812.52 per year; International: $32,000 per year (all amounts CAD)",
        (9812.52, "CAD", "year"),
        "no prefer: first; the note gives the currency",
    ),
    money("Approximately 38,000 Canadian dollars for the full program", (38000, "CAD", "total")),
    money("CA$ 27,000 per year", (27000, "CAD", "year")),
]

# ---------------------------------------------------------------------------------------------------------
# money: Australia, New Zealand, Hong Kong, Singapore, Japan, China, Korea and others
# ---------------------------------------------------------------------------------------------------------
MONEY_ASIA_PACIFIC = [
    money("A$48,500 per year", (48500, "AUD", "year")),
    money("AUD 45,600 per year (2025)", (45600, "AUD", "year"), "2025 is the year"),
    money("AU$ 51,000 annual fee", (51000, "AUD", "year")),
    money("Indicative annual fee: AUD $49,500", (49500, "AUD", "year")),
    money("Total course fee: A$97,000 (2 years)", (97000, "AUD", "total")),
    money(
        "Commonwealth supported place: $9,120 per year; Full fee: $36,000 per year (AUD)",
        (9120, "AUD", "year"),
        "no prefer: first",
    ),
    money("NZ$ 38,000", (38000, "NZD", "total")),
    money("HKD$ 198,000", (198000, "HKD", "total")),
    money("HK$179,300", (179300, "HKD", "total")),
    money("HK$ 345,000 (total)", (345000, "HKD", "total")),
    money("HK$168,000 for the whole programme", (168000, "HKD", "total")),
    money("HK$5,830 per credit (30 credits)", (5830 * 30, "HKD", "total"), "30 credits stated"),
    money("HK$ 180K", (180000, "HKD", "total")),
    money("Composition fee: HK$ 42,100 per year (for local students)", (42100, "HKD", "year")),
    money(
        "Course fees for 2025/26 entry: The fee for this course is HK$198,000. Application fee: HK$300 "
        "(non-refundable). Fees are payable in two instalments. For enquiries call (852) 3442 2277.",
        (198000, "HKD", "total"),
        "the fee among an application fee and a phone number",
    ),
    money(198000, (198000, "HKD", "total"), "the header gives the currency", header="Total cost (HKD)"),
    money("S$ 60,000 (excluding GST)", (60000, "SGD", "total")),
    money("SGD 65,400 (inclusive of 9% GST)", (65400, "SGD", "total"), "9% is GST"),
    money("SGD 3,270 per module (10 modules)", (32700, "SGD", "total"), "10 modules stated"),
    money(
        "Singapore Citizens: S$18,000; Permanent Residents: S$24,000; International: S$48,000",
        (18000, "SGD", "total"),
        "no prefer: first",
    ),
    money(
        "Singapore Citizens: S$18,000; Permanent Residents: S$24,000; International: S$48,000",
        (48000, "SGD", "total"),
        prefer=["international"],
    ),
    money("S$60K", (60000, "SGD", "total")),
    money(
        "Total tuition for the MComp is approximately S$ 43,600 (before GST) for Singapore Citizens and S$ 58,000 for "
        "international students; fees are reviewed annually.",
        (43600, "SGD", "total"),
        "no prefer: first",
    ),
    money("JPY 535,800 per year", (535800, "JPY", "year")),
    money("535,800 yen/year (admission fee: 282,000 yen)", (535800, "JPY", "year"), "not the admission fee"),
    money("年間 535,800円", (535800, "JPY", "year"), "Japanese: 年間 = per year, 円 = yen"),
    money("Tuition: 1,200,000 yen for the two-year programme", (1200000, "JPY", "total")),
    money("RMB 98,000/year", (98000, "CNY", "year"), "RMB = CNY"),
    money("CNY 60,000 for the whole programme", (60000, "CNY", "total")),
    money("Tuition: 45,000 yuan per academic year", (45000, "CNY", "year")),
    money("学费：每年人民币 68,000 元", (68000, "CNY", "year"), "Chinese: per year, renminbi"),
    money("¥120,000 RMB (2 years total)", (120000, "CNY", "total"), "¥ with RMB: yuan"),
    money("KRW 6,500,000 per semester", (6500000, "KRW", "semester")),
    money("₩5,400,000 per semester", (5400000, "KRW", "semester")),
    money("RM 38,500 (total programme fee)", (38500, "MYR", "total")),
    money("AED 90,000 per year", (90000, "AED", "year")),
    money("ZAR 65,000 per year", (65000, "ZAR", "year")),
]

# ---------------------------------------------------------------------------------------------------------
# money: India, Bangladesh, Pakistan, Nigeria
# ---------------------------------------------------------------------------------------------------------
MONEY_SOUTH_ASIA_AFRICA = [
    money("₹2,50,000", (250000, "INR", "total"), "Indian lakh grouping"),
    money("INR 1.5 lakh per semester", (150000, "INR", "semester"), "1 lakh = 100,000"),
    money("Indian nationals: Rs. 12 lakhs (total programme fee)", (1200000, "INR", "total")),
    money("₹ 8.5 Lakh per annum", (850000, "INR", "year")),
    money(
        "Total Fee: INR 3,60,000 (Semester I: 90,000)", (360000, "INR", "total"), "the total, not the first semester"
    ),
    money("INR 2,25,000 per year + hostel Rs 85,000", (225000, "INR", "year"), "hostel is not tuition"),
    money("INR 4,80,000 (for the entire programme)", (480000, "INR", "total")),
    money("₹1,20,000 per semester", (120000, "INR", "semester")),
    money(
        "Fee Structure (2025-27 batch): Tuition Fee INR 6,00,000; Hostel & Mess INR 1,80,000; Caution Deposit INR "
        "20,000 (refundable). Total: INR 8,00,000.",
        (600000, "INR", "total"),
        "the tuition, not the total with hostel and deposit",
    ),
    money("2,50,000", (250000, "INR", "total"), "bare number in an INR column", currency="INR"),
    money("Tk 5,50,000 (total)", (550000, "BDT", "total")),
    money("BDT 1,95,000", (195000, "BDT", "total")),
    money(
        "Total cost: BDT 2,85,000 (including admission fee Tk 15,000)",
        (285000, "BDT", "total"),
        "the stated total",
    ),
    money("Per credit Tk 4,500; total 36 credits", (4500 * 36, "BDT", "total"), "36 credits stated"),
    money("৳ 3,20,000", (320000, "BDT", "total")),
    money("Tuition 2,40,000 Taka", (240000, "BDT", "total")),
    money("Tk 4.2 lakh", (420000, "BDT", "total")),
    money("4,200,000 BDT / year", (4200000, "BDT", "year")),
    money("PKR 185,000 per semester", (185000, "PKR", "semester")),
    money("Rs. 450,000 total (PKR)", (450000, "PKR", "total"), "the code says which rupee"),
    money("Total fee PKR 6,40,000 (4 semesters)", (640000, "PKR", "total")),
    money("PKR 3.5 lac per semester", (350000, "PKR", "semester"), "lac = lakh"),
    money("₦350,000 per session", (350000, "NGN", "year"), "session = academic year"),
    money("NGN 1,200,000", (1200000, "NGN", "total")),
    money("850,000 Naira (full-time)", (850000, "NGN", "total")),
    money("₦1.2m", (1200000, "NGN", "total")),
    money("NGN 1.5 million for the full programme", (1500000, "NGN", "total")),
    money(
        "School fees: ₦450,000 per session (tuition) plus ₦35,000 departmental dues. Acceptance fee of ₦50,000 "
        "payable on admission (2024/2025 session).",
        (450000, "NGN", "year"),
        "the tuition; dues and acceptance fee are extra",
    ),
    money(1200000, (1200000, "NGN", "total"), currency="NGN"),
]

# ---------------------------------------------------------------------------------------------------------
# money: columns whose header or criterion gives the currency or period
# ---------------------------------------------------------------------------------------------------------
MONEY_COLUMNS = [
    money(12500, (12500, "EUR", "total"), header="Fees (EUR)"),
    money("12.500", (12500, "EUR", "total"), "dot thousands in a euro column", header="Fees (EUR)"),
    money("$12,000", (12000, "USD", "total"), "the cell states its own currency", header="Fees (EUR)"),
    money(730, (730, "CHF", "semester"), header="Fee per semester (CHF)"),
    money("180 000", (180000, "SEK", "total"), header="Tuition (SEK)"),
    money("2314", (2314, "EUR", "year"), header="Tuition fees (€ per year)"),
    money(145000, (145000, "SEK", "total"), currency="SEK"),
    money("145 000", (145000, "SEK", "total"), currency="SEK"),
    money("€12,000", (12000, "EUR", "total"), "the cell states its own currency", currency="SEK"),
    money("58,000", (58000, "USD", "total"), currency="USD"),
    money("$58,000", (58000, "USD", "total"), currency="USD"),
]

# ---------------------------------------------------------------------------------------------------------
# duration
# ---------------------------------------------------------------------------------------------------------
DURATIONS = [
    duration("1 year", 12),
    duration("12 months", 12),
    duration("1 year full time, 2 years part time", 12, "full-time"),
    duration("1 year full time, 2 years part time, 5 years flexible", 12, "full-time"),
    duration("Full-time 1 year; maximum registration period 3 years", 12, "a maximum registration is not the length"),
    duration("Full-time (1 year) Part-time (2 years)", 12, "full-time"),
    duration("MSc 1 year full time ... PGDip 9 months", 12, "the MSc, not the PGDip"),
    duration("MSc - minimum 13 months, maximum 6 years", 13, "the minimum is the full-time length"),
    duration("one and a half years", 18),
    duration("2 1/2 years", 30),
    duration("1/2 years", 12, "one or two years: 1 full-time, 2 part-time"),
    duration("10 months + 2 months dissertation", 12),
    duration("18 months", 18),
    duration("3 semesters", 18, "6 months a semester"),
    duration("90 ECTS", 18, "60 ECTS = one full-time year"),
    duration("2 years (120 ECTS)", 24),
    duration("12-16 months", 16, "range: upper bound"),
    duration("September 2025 – August 2026", 12, "September to August inclusive"),
    duration("October 2025 – September 2026 (12 months)", 12),
    duration("Starts September", MISSING, "a start, not a length"),
    duration("Starts September or January", MISSING, "a start, not a length"),
    duration("Start date: 22 September 2025", MISSING, "a date"),
    duration("Next intake: February 2026", MISSING, "a date"),
    duration("Part-time: 2 years", 24, "only part-time is offered"),
    duration("Part-time only – 27 months", 27, "only part-time is offered"),
    duration("2–3 years part-time", 36, "only part-time; range upper bound"),
    duration("2 years part-time (no full-time option)", 24, "only part-time is offered"),
    duration("3 years part time", 36, "only part-time is offered"),
    duration("up to 5 years on a modular basis", MISSING, "a maximum, not the length"),
    duration("Maximum registration period: 5 years", MISSING, "a maximum, not the length"),
    duration("Up to 2 years", MISSING, "only a maximum is stated"),
    duration("1 year full-time; up to 5 years on a modular basis", 12),
    duration("52 weeks", 12),
    duration("50 weeks full-time", 50 * WEEK),
    duration("48 weeks", 48 * WEEK),
    duration("1 Jahr", 12, "German"),
    duration("2 Jahre", 24, "German"),
    duration("4 Semester", 24, "German"),
    duration("Regelstudienzeit: 3 Semester", 18, "German: standard period of study"),
    duration("2 Jahre (4 Semester, 120 ECTS)", 24),
    duration("1,5 Jahre", 18, "decimal comma"),
    duration("Dauer: 4 Semester Vollzeit", 24, "German: full-time"),
    duration("24 Monate", 24, "German"),
    duration("2 ans", 24, "French"),
    duration("Durée : 2 ans (M1 + M2)", 24, "French"),
    duration("12 mois", 12, "French"),
    duration("1 an (M2 uniquement)", 12, "French"),
    duration("1 år", 12, "Swedish/Norwegian/Danish"),
    duration("Studietid: 2 år (120 hp)", 24, "Swedish"),
    duration("1,5 år (90 hp)", 18, "Swedish, decimal comma"),
    duration("Duur: 1 jaar (60 EC)", 12, "Dutch"),
    duration("2 jaar", 24, "Dutch"),
    duration("Durata: 2 anni", 24, "Italian"),
    duration("1 año académico (60 ECTS)", 12, "Spanish"),
    duration("18 meses", 18, "Spanish"),
    duration(12, 12),
    duration(1, 12, "a bare 1 in a length column means a year"),
    duration(1.5, 18, "a bare 1.5 in a length column means years"),
    duration(2, 24, "a bare 2 in a length column means years"),
    duration(18.0, 18),
    duration("24", 24),
    duration("1", 12, "a bare 1 in a length column means a year"),
    duration(1, 12, unit="years"),
    duration(1.5, 18, unit="years"),
    duration("2", 24, unit="years"),
    duration(52, 12, unit="weeks"),
    duration(45, 45 * WEEK, unit="weeks"),
    duration("1", 12, header="Length (years)"),
    duration("1.5", 18, header="Duration (years)"),
    duration("18", 18, header="Length (months)"),
    duration("1", 12, "a bare 1 in a length column means a year", header="Duration (months)"),
    duration("12 months", 12, "the cell states its unit", unit="years"),
    duration("1 year (full-time)", 12),
    duration("One year full-time", 12),
    duration("12 months full-time / 24 months part-time", 12),
    duration("1–2 years", 24, "range: upper bound"),
    duration("1 year, 4 months", 16),
    duration("1½ years", 18),
    duration("1.5 years", 18),
    duration("18 mo", 18),
    duration("2 yrs", 24),
    duration("1 yr FT", 12),
    duration("12 mths", 12),
    duration("16 months including a 4-month internship", 16),
    duration("12 months (24 months with optional industrial placement)", 12, "the placement is optional"),
    duration("MSc with Professional Experience: 2 years full-time", 24),
    duration("Full time: 12 months. Part time: 24 months. Distance learning: up to 36 months.", 12),
    duration("Part-time: 2 years; Full-time: 1 year", 12, "full-time, though listed second"),
    duration("9 months", 9),
    duration("11 months", 11),
    duration("1 academic year", 12),
    duration("2 academic years (4 semesters)", 24),
    duration("3 trimesters", 12, "4 months a trimester"),
    duration("90 ECTS (1.5 years)", 18),
    duration("180 credits", MISSING, "UK credits are not a length (180 credits may take 12 or 24 months)"),
    duration("36 credits", MISSING, "US credits are not a length"),
    duration("Normal duration: 1 year; maximum: 2 years", 12),
    duration("12 to 18 months", 18, "range: upper bound"),
    duration("12–18 months", 18, "range: upper bound"),
    duration("1 year (Sept–Sept)", 12),
    duration("Full-time: 1 year / Part-time: 2–3 years", 12),
    duration("1 year full-time or 2 years part-time; PGCert 4 months", 12, "the master's, not the PGCert"),
    duration("Duration: 1 year; start: September 2025", 12),
    duration("Length: 12 months (including a 3-month summer dissertation)", 12),
    duration("Two years", 24),
    duration("Eighteen months", 18),
    duration("one-year", 12),
    duration("N/A", MISSING),
    duration("TBC", MISSING),
    duration("", MISSING),
    duration("See course page", MISSING),
    duration("Flexible", MISSING),
    duration("Varies", MISSING),
    duration(
        "This programme is normally studied over one year full-time (September to September), or two years "
        "part-time. You can also study it on a modular basis over up to five years.",
        12,
    ),
    duration(
        "The MSc runs for 12 months full time, starting in late September, with the dissertation completed over the "
        "summer.",
        12,
    ),
    duration("2 years full-time (4 semesters, 120 ECTS credits)", 24),
    duration("1 year 3 months", 15),
    duration("1 year and 6 months", 18),
    duration("15 months", 15),
    duration("24 months (full time)", 24),
    duration("10 months (September – July)", 10, "the stated length"),
    duration("9–12 months", 12, "range: upper bound"),
    duration("Fast-track: 12 months; Standard: 18 months", 18, "two full-time tracks: the upper (standard)"),
    duration("MSc: 12 months; PG Diploma: 9 months; PG Certificate: 4 months", 12, "the MSc"),
    duration("PGDip 9 months / MSc 12 months", 12, "the MSc, listed second"),
    duration("Pre-sessional English 10 weeks + MSc 12 months", 12, "the MSc, not the English course"),
    duration("3 semesters + thesis semester", 24, "four semesters in all"),
    duration("4 semesters (including master's thesis)", 24),
    duration("9 months taught + 3 months dissertation", 12),
    duration("1 1/2 years", 18),
    duration("Twelve months", 12),
    duration("2-year", 24),
    duration("Duration: 02 Years", 24, "leading zero"),
    duration("1.5 years (3 semesters)", 18),
    duration("18 Months (Executive, weekends)", 18, "the only length stated"),
    duration("30 credits; typically completed in 3 semesters", 18, "3 semesters; credits are not a length"),
    duration("9-month program (fall and spring semesters)", 9),
    duration("16 months (4 terms)", 16),
    duration("1 year (full-time); 2 years (part-time)", 12),
    duration("Normative study period: 1.5 years", 18),
    duration("Minimum 18 months", 18, "the minimum is the full-time length"),
    duration("Approx. 12 months", 12),
    duration("about 16 months", 16),
    duration("18 months (including 6-month placement)", 18),
    duration("1 year full time (2 years with placement)", 12, "the placement route is an option"),
    duration("1 year full-time (plus 10-week pre-sessional English if required)", 12),
    duration("12 months FT | 24 months PT | 36 months DL", 12),
    duration("2 years full-time (incl. one semester abroad)", 24),
    duration("1 year full time (12 months)", 12),
    duration("1-year full-time / 2-year part-time", 12),
    duration("2 semesters + summer dissertation (12 months)", 12),
    duration("1 year full-time\u00a0|\u00a02 years part-time", 12, "non-breaking spaces"),
    duration("Full-time 1\u00a0year", 12, "non-breaking space"),
]

# ---------------------------------------------------------------------------------------------------------
# boolean (placement offered)
# ---------------------------------------------------------------------------------------------------------
BOOLEANS = [
    boolean("Placement not available", 0.0),
    boolean("Not included", 0.0),
    boolean("Not possible", 0.0),
    boolean("Not optional", 1.0, "not optional = compulsory"),
    boolean("x", 1.0, "a tick mark in a column"),
    boolean("✓", 1.0),
    boolean("✔", 1.0),
    boolean("✗", 0.0),
    boolean("✘", 0.0),
    boolean("Yes - 12 month industrial placement", 1.0),
    boolean("Optional placement year", 0.5),
    boolean("No", 0.0),
    boolean("N/A", MISSING),
    boolean("TBC", MISSING),
    boolean("Available", 1.0),
    boolean("Compulsory", 1.0),
    boolean("", MISSING),
    boolean("Yes", 1.0),
    boolean("yes", 1.0),
    boolean("Y", 1.0),
    boolean("N", 0.0),
    boolean("TRUE", 1.0),
    boolean("False", 0.0),
    boolean(True, 1.0),
    boolean(False, 0.0),
    boolean(1, 1.0),
    boolean(0, 0.0),
    boolean(1.0, 1.0),
    boolean("1", 1.0),
    boolean("0", 0.0),
    boolean("Optional", 0.5),
    boolean("Possible", 0.5),
    boolean("On request", 0.5),
    boolean("Optional (subject to availability)", 0.5),
    boolean("Available on request", 0.5, "on request"),
    boolean("None", 0.0, "no placement (DESIGN: available/none)"),
    boolean("No placement", 0.0),
    boolean("Not offered", 0.0),
    boolean("Not available", 0.0),
    boolean("Unavailable", 0.0),
    boolean("Yes (optional)", 0.5, "offered as an option"),
    boolean("Optional 12-month placement", 0.5),
    boolean("Compulsory 6-month internship", 1.0),
    boolean("Mandatory", 1.0),
    boolean("Required", 1.0),
    boolean("Included", 1.0),
    boolean("Yes, 3-month summer internship with partner companies", 1.0),
    boolean("Yes – integrated 6-month placement in semester 3", 1.0),
    boolean("Ja", 1.0, "German/Swedish/Dutch"),
    boolean("Nein", 0.0, "German"),
    boolean("Oui", 1.0, "French"),
    boolean("Non", 0.0, "French"),
    boolean("Nej", 0.0, "Swedish/Danish"),
    boolean("Nee", 0.0, "Dutch"),
    boolean("Unknown", MISSING),
    boolean("-", MISSING),
    boolean("?", MISSING),
    boolean("See website", MISSING),
    boolean("Not known", MISSING),
    boolean("Not applicable", MISSING),
    boolean("No data", MISSING),
    boolean("Optional work placement available", 0.5),
    boolean("Placement year available", 1.0, "available"),
    boolean("Not compulsory, but strongly encouraged", 0.5, "not compulsory = optional"),
    boolean("No – but a 12-week industry project is included", 0.0, "a project is not a placement"),
    boolean("✓ (optional)", 0.5),
    boolean("Internship: yes", 1.0),
    boolean("No internship", 0.0),
    boolean("Placement: optional, 6–12 months", 0.5),
    boolean("\u00a0Yes\u00a0", 1.0, "non-breaking spaces"),
    boolean("NO", 0.0),
    boolean("n", 0.0),
    boolean("Optional sandwich year", 0.5),
    boolean("1 (yes)", 1.0),
    boolean("Placement is not included in this programme", 0.0),
]

# ---------------------------------------------------------------------------------------------------------
# rating (default scale [0, 5])
# ---------------------------------------------------------------------------------------------------------
ONE_TO_FIVE = [1, 5]
RATINGS = [
    rating("4/5", 4.0),
    rating("4/5", 4.0, "same scale: 4 stays 4", scale=ONE_TO_FIVE),
    rating("8/10", 4.0),
    rating("★★★★☆", 4.0),
    rating("★★★★☆", 4.0, "four stars on a 1-5 scale", scale=ONE_TO_FIVE),
    rating("★★★☆☆", 3.0),
    rating("3.5", 3.5),
    rating("4", 4.0),
    rating(4, 4.0),
    rating(4.5, 4.5),
    rating("No data", MISSING),
    rating("No information", MISSING),
    rating("None given", MISSING),
    rating("N/A", MISSING),
    rating("TBC", MISSING),
    rating("Not rated", MISSING),
    rating("2/5", 2.0, scale=ONE_TO_FIVE),
    rating("5/5", 5.0, scale=ONE_TO_FIVE),
    rating("1/5", 1.0, scale=ONE_TO_FIVE),
    rating("3/5", 3.0, scale=ONE_TO_FIVE),
    rating("3", 3.0, scale=ONE_TO_FIVE),
    rating("3 out of 5", 3.0),
    rating("4 out of 5 stars", 4.0),
    rating("9/10", 4.5),
    rating("7/10", 7.0, scale=[0, 10]),
    rating("80/100", 4.0),
    rating("4.2/5", 4.2),
    rating("4.2 / 5.0", 4.2),
    rating("0/5", 0.0),
    rating("High", 5.0, levels=LMH),
    rating("Medium", 3.0, levels=LMH),
    rating("low", 1.0, levels=LMH),
    rating("None", 0.0, "a level word given in levels", levels={"none": 0, "low": 1, "medium": 3, "high": 5}),
    rating("Excellent", 5.0, levels=WORDS5),
    rating("Very good", 4.0, levels=WORDS5),
    rating("Good", 3.0, levels=WORDS5),
    rating("★★☆☆☆", 2.0, scale=ONE_TO_FIVE),
    rating("★★★★★", 5.0, scale=ONE_TO_FIVE),
    rating("4 (Guardian 2024)", 4.0, "2024 is the source's year"),
    rating("Rated 4.5/5 by students (NSS 2024)", 4.5, "2024 is the survey year"),
    rating("3.5 stars", 3.5),
    rating("Strong industry links (4/5)", 4.0),
    rating("4/5 – partnerships with Google DeepMind, Arm and AstraZeneca", 4.0),
    rating("★★★★☆ (4.0)", 4.0),
]

# ---------------------------------------------------------------------------------------------------------
# percent (graduates in work)
# ---------------------------------------------------------------------------------------------------------
PERCENTS = [
    percent("85%", 0.85),
    percent("0.85", 0.85),
    percent("85", 0.85),
    percent(85, 0.85),
    percent(0.92, 0.92),
    percent(60, 0.60),
    percent("92 %", 0.92),
    percent("92.5%", 0.925),
    percent("100%", 1.0),
    percent("0%", 0.0),
    percent("95% employed within 6 months", 0.95, "6 months is the survey point"),
    percent("N/A", MISSING),
    percent("No data", MISSING),
    percent("Not published", MISSING),
    percent("", MISSING),
    percent("TBC", MISSING),
    percent("Insufficient data", MISSING),
    percent("Suppressed (fewer than 10 respondents)", MISSING, "10 is a count of respondents"),
    percent("85,5 %", 0.855, "decimal comma"),
    percent("96% (Graduate Outcomes 2021/22)", 0.96, "2021/22 is the survey year"),
    percent("94% in work or further study", 0.94),
    percent("N = 45, 89% employed", 0.89, "45 is the sample size"),
    percent("Employment rate: 91% (sample of 120 graduates, 2023)", 0.91, "120 is the sample, 2023 the year"),
    percent("72.4", 0.724),
    percent("0.9", 0.9),
    percent("88\u00a0%", 0.88, "non-breaking space"),
    percent("97.3% (2023 graduates, 15 months after graduation)", 0.973),
    percent("9 in 10 graduates in work", 0.9, "nine in ten"),
]

CASES: list[Case] = [
    *MONEY_UK,
    *MONEY_NOT_A_FEE,
    *MONEY_PORTALS,
    *MONEY_EUROPE,
    *MONEY_NORTH_AMERICA,
    *MONEY_ASIA_PACIFIC,
    *MONEY_SOUTH_ASIA_AFRICA,
    *MONEY_COLUMNS,
    *DURATIONS,
    *BOOLEANS,
    *RATINGS,
    *PERCENTS,
]
