"""Held-out ground truth for the cell parsers, written independently of ``tests/cell_corpus.py``.

Every cell is modelled on what scraped university course pages and Mastersportal / FindAMasters
listings put in a spreadsheet cell: long sentences, non-breaking spaces, en dashes, HTML leftovers,
bullets and trailing notes. Each expectation is what a careful human reads in the cell:

- money: ``(amount, ISO code, period)``; a bare number with no currency is GBP; ranges take the upper
  end; free tuition is ``(0, "GBP", "total")``; of several fees for different students the first, unless
  ``options["prefer"]`` names a label; per credit with the credit count in the cell is totalled;
  application fees, deposits, loans, scholarships, living costs, phone numbers, years, dates, bands,
  links, rankings, percentages and ECTS are not tuition (MISSING).
- duration: months of the full-time Master's (upper end of a range; a bare 1, 1.5 or 2 is years).
- boolean 1.0 / 0.0 / 0.5 (optional); rating on ``options["scale"]`` (default [0, 5]); percent in [0, 1].

Run with ``python tests/cell_accuracy.py --holdout``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cell_corpus import MISSING, Case

NB = "\u00a0"  # non-breaking space
EN = "\u2013"  # en dash
EM = "\u2014"  # em dash
BU = "\u2022"  # bullet


def _m(raw, expected, why="", **options):
    return Case("money", raw, expected, options, why)


def _d(raw, expected, why="", **options):
    return Case("duration", raw, expected, options, why)


def _b(raw, expected, why="", **options):
    return Case("boolean", raw, expected, options, why)


def _r(raw, expected, why="", **options):
    return Case("rating", raw, expected, options, why)


def _p(raw, expected, why="", **options):
    return Case("percent", raw, expected, options, why)


MONEY_TUITION: list[Case] = [
    # --- GBP, UK course pages and FindAMasters scrapes
    _m("£11,950 (UK) / £24,500 (International)", (11950, "GBP", "total"), "first of two student groups"),
    _m("£11,950 (UK) / £24,500 (International)", (24500, "GBP", "total"), "preferred label", prefer=["International"]),
    _m(f"Home: £12,100{NB}per year<br>Overseas: £27,400 per year", (12100, "GBP", "year")),
    _m(
        "Tuition fee 2025/26: UK £13,250; International £29,950. Fees are for the full programme.",
        (13250, "GBP", "total"),
        "2025/26 is the academic year, not a fee",
    ),
    _m("International students: £21,500<br>UK students: £9,900", (21500, "GBP", "total"), "first listed"),
    _m("International students: £21,500<br>UK students: £9,900", (9900, "GBP", "total"), prefer=["UK"]),
    _m("£8,000 (EU), £16,500 (non-EU)", (16500, "GBP", "total"), "prefer non-EU", prefer=["non-EU"]),
    _m("£14,000 per annum", (14000, "GBP", "year")),
    _m("GBP 19,950", (19950, "GBP", "total")),
    _m("19 950 £", (19950, "GBP", "total"), "trailing symbol, space as thousands separator"),
    _m(f"£9,535 {EN} £10,200 depending on optional modules", (10200, "GBP", "total"), "range: upper end"),
    _m("12650.00", (12650, "GBP", "total"), "bare number: GBP"),
    _m("  17,250  ", (17250, "GBP", "total"), "bare number with padding"),
    _m("£24,300 full-time; £12,150 per year part-time", (24300, "GBP", "total"), "first: full-time total"),
    _m("Full time: £10,750&nbsp;&nbsp;Part time: £5,375 per year", (10750, "GBP", "total")),
    _m("£2,250 per term (3 terms)", (6750, "GBP", "total"), "the cell counts the terms: 3 x 2,250"),
    _m("From £16,750", (16750, "GBP", "total")),
    _m(f"Fees: £23,000 (2024 entry) {EN} see website for 2025 fees", (23000, "GBP", "total"), "years are not fees"),
    _m("£11,500 (Home), £23,100 (Intl)", (23100, "GBP", "total"), prefer=["Intl"]),
    _m(f"{BU} UK: £10,900\n{BU} International: £22,600", (10900, "GBP", "total"), "bullets, first listed"),
    _m(f"{BU} UK: £10,900\n{BU} International: £22,600", (22600, "GBP", "total"), prefer=["International"]),
    _m(f"£{NB}18,400", (18400, "GBP", "total"), "nbsp after the symbol"),
    _m("£32,500 (Total)", (32500, "GBP", "total")),
    _m("£1,250 per month for the 12-month course", (1250, "GBP", "month"), "12-month is a length"),
    _m("UK: £12,750 International: £28,250 (Total)", (12750, "GBP", "total")),
    _m("14,500", (14500, "EUR", "total"), "header sets the currency", header="Fees (EUR)"),
    _m("38,000", (38000, "USD", "total"), "header sets the currency", header="Tuition (USD)"),
    # --- USD
    _m("US$ 52,800 per academic year", (52800, "USD", "year")),
    _m("$1,450 per credit hour (30 credit hours)", (43500, "USD", "total"), "per credit x 30 credits stated"),
    _m(f"USD 2,100/credit {chr(0xD7)} 36 credits", (75600, "USD", "total"), "per credit x 36"),
    _m("$1,695 per credit", (1695, "USD", "credit"), "no credit count in the cell"),
    _m("Tuition: $1,200 per credit; 30 credits required for the degree", (36000, "USD", "total")),
    _m("US $ 27,450 / semester", (27450, "USD", "semester")),
    _m("$ 3,500 per month (12-month programme)", (3500, "USD", "month")),
    _m(f"$30k{EN}$36k per year", (36000, "USD", "year"), "range with k: upper end"),
    _m("USD 45K (approx.)", (45000, "USD", "total")),
    _m(f"Total program cost:{NB}$74,940", (74940, "USD", "total")),
    # --- EUR
    _m(
        f"€2,530 per year (statutory fee, EU/EEA) {EN} €18,700 per year (institutional fee, non-EU)",
        (2530, "EUR", "year"),
    ),
    _m(
        f"€2,530 per year (statutory fee, EU/EEA) {EN} €18,700 per year (institutional fee, non-EU)",
        (18700, "EUR", "year"),
        prefer=["non-EU"],
    ),
    _m("EUR 15.000 total", (15000, "EUR", "total"), "dot as thousands separator"),
    _m("€12.500,00", (12500, "EUR", "total"), "continental format"),
    _m("13 800 € (total)", (13800, "EUR", "total")),
    _m("€ 4,000 per semester (4 semesters)", (16000, "EUR", "total"), "the cell counts the semesters: 4 x 4,000"),
    _m("Approx. €9,800 per year*<br>*subject to annual increase", (9800, "EUR", "year")),
    _m(
        "Tuition: €0 for EU students; €15,000/year for non-EU students",
        (0, "GBP", "total"),
        "first listed is free",
    ),
    _m(
        "Tuition: €0 for EU students; €15,000/year for non-EU students",
        (15000, "EUR", "year"),
        prefer=["non-EU"],
    ),
    _m(f"EUR{NB}6.000 p.a.", (6000, "EUR", "year")),
    # --- CHF, SEK, NOK, DKK, PLN, CZK
    _m("CHF 720.– per semester", (720, "CHF", "semester"), "Swiss .– notation"),
    _m("SEK 145,000 per academic year. Application fee: SEK 900", (145000, "SEK", "year")),
    _m("SEK 290 000 (total, 2 years)", (290000, "SEK", "total")),
    _m("NOK 0 - no tuition fees at public universities. Semester fee approx. NOK 600.", (0, "GBP", "total")),
    _m("DKK 120,000 per year for non-EU/EEA students; EU/EEA students: free", (120000, "DKK", "year")),
    _m("PLN 16 000 / year", (16000, "PLN", "year")),
    _m("CZK 180,000 per academic year", (180000, "CZK", "year")),
    # --- Asia-Pacific, Americas, Africa, Middle East
    _m("HK$ 210,000 (whole programme)", (210000, "HKD", "total")),
    _m("HKD 180,000 for the 1-year full-time programme", (180000, "HKD", "total"), "1-year is the length"),
    _m("S$ 45,000 (incl. GST)", (45000, "SGD", "total")),
    _m("SGD 62,130 (inclusive of 9% GST)", (62130, "SGD", "total"), "9% is tax"),
    _m("AUD 48,960 per year (2026 indicative)", (48960, "AUD", "year")),
    _m("A$45,600 p.a.", (45600, "AUD", "year")),
    _m("C$ 28,500 per term", (28500, "CAD", "term")),
    _m("NZ$ 42,000 total", (42000, "NZD", "total")),
    _m("¥535,800 per year (tuition) + ¥282,000 admission fee", (535800, "JPY", "year"), "admission fee is not tuition"),
    _m("JPY 820,000 per year", (820000, "JPY", "year")),
    _m("RMB 98,000 for the whole programme", (98000, "CNY", "total")),
    _m("CNY 45,000/year", (45000, "CNY", "year")),
    _m("KRW 5,200,000 per semester", (5200000, "KRW", "semester")),
    _m("₩ 6,850,000 / semester", (6850000, "KRW", "semester")),
    _m("₹ 3,50,000 per annum", (350000, "INR", "year"), "Indian digit grouping"),
    _m("INR 4.5 lakh per year", (450000, "INR", "year"), "4.5 lakh = 450,000"),
    _m("RM 41,200 for the entire programme", (41200, "MYR", "total")),
    _m("ZAR 68 400 per year", (68400, "ZAR", "year")),
    _m("AED 95,000 total tuition", (95000, "AED", "total")),
    _m("TRY 250,000 per year", (250000, "TRY", "year")),
    _m("R$ 2,800 per month", (2800, "BRL", "month")),
    # --- free
    _m("Free of charge", (0, "GBP", "total")),
    _m("No tuition fee", (0, "GBP", "total")),
    _m("Tuition-free (EU/EEA and Swiss citizens). Semester contribution: €171.60", (0, "GBP", "total")),
]

MONEY_DECOY_WITH_TUITION: list[Case] = [
    _m("Application fee £75; tuition £19,200 per year", (19200, "GBP", "year"), "application fee is a decoy"),
    _m("Tuition: $48,000. Living costs ~$20,000.", (48000, "USD", "total")),
    _m("Deposit £2,000 | Fee £26,400", (26400, "GBP", "total"), "deposit is a decoy"),
    _m("2025/26 fee: £12,900", (12900, "GBP", "total")),
    _m("Scholarships up to £10,000 available; full fee £31,200", (31200, "GBP", "total")),
    _m("€1,200 per year (plus €90 registration)", (1200, "EUR", "year")),
    _m("ECTS: 120 | Tuition: €3,000/semester", (3000, "EUR", "semester")),
    _m("Tuition €0 (free); application fee €75", (0, "GBP", "total")),
    _m(f"Ranked 3rd in Asia {BU} HK$ 165,000 total", (165000, "HKD", "total")),
    _m("Annual tuition: CA$ 31,000 (intl). Residence approx. CA$ 12,000.", (31000, "CAD", "year")),
    _m(f"£22,750 {BU} 20% discount for alumni", (22750, "GBP", "total")),
    _m("Fee: £14,950 (a £1,000 deposit is payable on acceptance)", (14950, "GBP", "total")),
    _m("Call +1 617 253 1000 or see fees: USD 61,990/yr", (61990, "USD", "year"), "phone number is a decoy"),
    _m(
        "Tuition fee per year: 1,250 EUR (EU) / 7,500 EUR (non-EU); administration fee 100 EUR",
        (1250, "EUR", "year"),
    ),
    _m(
        "No tuition fees. Compulsory semester fee of €312.50 (incl. public transport ticket)",
        (0, "GBP", "total"),
        "semester fee is not tuition; tuition stated free",
    ),
    _m("No tuition fees; student union fee NOK 890 per semester", (0, "GBP", "total")),
    _m(
        "Tuition waived for all students; mandatory health insurance approx. €120/month",
        (0, "GBP", "total"),
    ),
]

MONEY_NON_TUITION: list[Case] = [
    _m("Application fee: £50", MISSING, "application fee"),
    _m("Non-refundable deposit of £2,000 required on acceptance of offer", MISSING, "deposit"),
    _m("See website", MISSING),
    _m("Fee TBC", MISSING),
    _m("None (see notes)", MISSING),
    _m("Fee: none given", MISSING),
    _m("No information", MISSING),
    _m("Band 3", MISSING, "fee band"),
    _m("Fee band 4 (see fees_2025-26.pdf)", MISSING, "fee band and file name"),
    _m("Contact admissions on +44 (0)161 306 6000", MISSING, "phone number"),
    _m("2025/26", MISSING, "academic year"),
    _m("Start date: 15 September 2025", MISSING, "date"),
    _m("Ranked #12 in the QS World University Rankings 2025", MISSING, "ranking"),
    _m("90 ECTS credits", MISSING, "credits"),
    _m("Scholarships of up to £5,000 available", MISSING, "scholarship"),
    _m("Postgraduate Master's Loan of up to £12,858 available for eligible UK students", MISSING, "loan"),
    _m("Living costs: approx. €934 per month (blocked account)", MISSING, "living costs"),
    _m("Estimated living expenses: $18,000 per year", MISSING, "living costs"),
    _m("Graduate assistantships available (stipend $18,000)", MISSING, "assistantship stipend"),
    _m("100% fee waiver for the top 10% of applicants", MISSING, "percentages, waiver"),
    _m("https://www.ucl.ac.uk/fees/2025-26/msc-data-science", MISSING, "link"),
    _m("Fees.pdf (updated 03/2025)", MISSING, "file name and date"),
    _m("Registration fee: €150 per year", MISSING, "registration fee"),
    _m("Enrolment fee ¥282,000 (first year only)", MISSING, "enrolment (admission) fee"),
    _m("Deposit: £1,500 (deducted from tuition)", MISSING, "deposit"),
    _m("N/A", MISSING),
    _m("-", MISSING),
    _m("Please see the university website for up-to-date fee information", MISSING),
    _m("Tel. 0800 123 4567", MISSING, "phone number"),
    _m("1st in the UK for graduate prospects (Guardian 2024)", MISSING, "ranking"),
    _m("University accommodation from £162 per week (2025/26)", MISSING, "living cost"),
    _m("Fees to be confirmed for 2026 entry", MISSING, "year only"),
    _m("<br>", MISSING, "HTML leftover"),
    _m("&nbsp;", MISSING, "HTML leftover"),
    _m("95% of graduates in work", MISSING, "percentage"),
    _m("Funding: Chevening scholarship covers full tuition", MISSING, "scholarship"),
    _m("Bursary of £3,000 for alumni", MISSING, "bursary"),
    _m("Semester contribution approx. €350", MISSING, "contribution, tuition not stated"),
    _m("60 credits", MISSING, "credits"),
    _m("Stipend: €1,400/month (research track)", MISSING, "stipend"),
    _m("Visa application costs £490", MISSING, "visa fee"),
    _m("IELTS 6.5 (no band below 6.0)", MISSING, "entry requirement"),
    _m("Course code: F8U209", MISSING, "code with digits"),
    _m("Application fee: $90 (waived for McNair scholars)", MISSING, "application fee"),
    _m("Student services fee $350 per semester", MISSING, "services fee, not tuition"),
    _m("No fee information published", MISSING),
    _m("0161 275 4740", MISSING, "phone number"),
    _m("£1,100 per module", MISSING, "per module: module count unknown, ambiguous"),
    _m(
        "Fees vary by residency – please contact the Graduate School (gradschool@ntu.edu.sg)",
        MISSING,
    ),
    _m(f"Next intake{NB}2026", MISSING, "year"),
]

DURATION: list[Case] = [
    _d("1 year full-time; 2 years part-time", 12),
    _d("12 months (FT) / 24 months (PT)", 12),
    _d("2 years", 24),
    _d("18 months full-time", 18),
    _d("One and a half years (full-time)", 18),
    _d("1,5", 18, "bare 1,5 (decimal comma) is years"),
    _d("1.0", 12, "bare 1.0 is years"),
    _d("2.0", 24, "bare 2.0 is years"),
    _d(f"9{EN}12 months (depending on dissertation route)", 12, "range: upper"),
    _d("1-2 years", 24, "range: upper"),
    _d("Three semesters", 18),
    _d("4 semesters (120 ECTS)", 24),
    _d("120 ECTS", 24, "ECTS only: 60 a year"),
    _d("90 ECTS / 1.5 years", 18),
    _d("52 weeks (one calendar year)", 12),
    _d("48 weeks full-time", 48 * 12 / 52),
    _d("1 year, 3 months", 15),
    _d("One year (full-time study)", 12),
    _d(f"Full-time: 12 months<br>Part-time: 24{EN}36 months", 12),
    _d("Part-time 2 years; full-time 1 year", 12, "full-time figure though listed second"),
    _d("Up to 5 years (maximum registration period); normally 1 year full-time", 12),
    _d("1 year MSc (PGDip 9 months, PGCert 4 months)", 12, "exit awards ignored"),
    _d("MSc: 12 months; PG Diploma: 9 months", 12),
    _d("2 academic years", 24),
    _d("24 months including a 6-month internship", 24),
    _d("1 ½ years", 18),
    _d("1½ yrs", 18),
    _d("Two years (full time)", 24),
    _d("11 months, starting in October", 11),
    _d(f"10 months (September {EN} June)", 10),
    _d(f"2025{EN}2026", MISSING, "academic year, not a length"),
    _d("Duration TBC", MISSING),
    _d("See website", MISSING),
    _d("Full-time", MISSING, "mode only"),
    _d("Part-time: 3 years", 36, "only the part-time length is stated: a part-time-only programme takes that long (with a warning)"),
    _d(f"3 trimesters (Sept{EN}Aug)", 12),
    _d("4 Trimesters (16 Months)", 16),
    _d("16 months over four terms", 16),
    _d("1 year (180 credits)", 12),
    _d(f"12{EN}15 months", 15),
    _d("Duration:&nbsp;1 year", 12),
    _d(f"{BU} 1 year full-time\n{BU} 2 years part-time", 12),
    _d("2 yrs full time", 24),
    _d("1 yr FT / 2 yr PT", 12),
    _d("18 mo.", 18),
    _d("6 semesters (part-time) / 4 semesters (full-time)", 24),
    _d("1 year (full-time), 2-3 years (part-time), 5 years max", 12),
    _d("Eighteen months full-time", 18),
    _d(f"1{NB}Year Full Time (September start)", 12),
    _d("21 months", 21),
    _d("2 years (120 ECTS), part-time option 3 years", 24),
    _d("Intake: January 2026", MISSING, "date only"),
    _d("1.5 yrs", 18, header="Duration (years)"),
    _d("15", 15, "header gives months", header="Length (months)"),
    _d("1.25", 15, "header gives years", header="Length (years)"),
]

BOOLEAN: list[Case] = [
    _b(f"Yes {EN} see course page", 1.0),
    _b("No (taught modules and dissertation only)", 0.0),
    _b("Optional placement module", 0.5),
    _b(f"Yes {EN} 12-week summer internship", 1.0),
    _b("No placement is offered on this course", 0.0),
    _b("Optional industrial placement year", 0.5),
    _b("Y (12 weeks)", 1.0),
    _b("N (not available)", 0.0),
    _b("✔ Yes", 1.0),
    _b("✘ No", 0.0),
    _b("Available to all students", 1.0),
    _b("None offered", 0.0),
    _b("Not available for this programme", 0.0),
    _b("Compulsory 3-month internship", 1.0),
    _b("Placement TBC", MISSING),
    _b("Optional, subject to finding a host company", 0.5),
    _b("True (industry project)", 1.0),
    _b("false (no placement)", 0.0),
    _b("Yes<br>", 1.0),
    _b("No&nbsp;", 0.0),
    _b("Not offered in 2025/26", 0.0),
    _b(EM, MISSING, "dash: nothing stated"),
]

RATING: list[Case] = [
    _r("4 / 5 stars", 4.0),
    _r("4/5 (student survey)", 4.0, scale=[1, 5]),
    _r("8 out of 10", 4.0, "rescaled to [0,5]"),
    _r("★★★★☆ (based on 212 reviews)", 4.0),
    _r("3.5 (Mastersportal reviews)", 3.5),
    _r("4.2 / 5", 4.2),
    _r("Rated 4 out of 5", 4.0),
    _r("No data yet", MISSING),
    _r("7 / 10", 3.5, "rescaled to [0,5]"),
    _r("3.0", 3.0, scale=[1, 5]),
    _r("★★★☆☆ (3/5)", 3.0),
    _r("9 / 10", 9.0, scale=[0, 10]),
    _r("n.a.", MISSING),
]

PERCENT: list[Case] = [
    _p("87%", 0.87),
    _p("0.915", 0.915),
    _p("83", 0.83),
    _p("94% employed within 6 months", 0.94),
    _p("91.5 %", 0.915),
    _p("No data available", MISSING),
    _p("n/a (new course)", MISSING),
    _p("78%&nbsp;", 0.78),
    _p("96% (Graduate Outcomes 2023)", 0.96),
    _p("88% in work or further study", 0.88),
    _p("Not yet published", MISSING),
    _p("100% (small cohort)", 1.0),
]

CASES: list[Case] = [
    *MONEY_TUITION,
    *MONEY_DECOY_WITH_TUITION,
    *MONEY_NON_TUITION,
    *DURATION,
    *BOOLEAN,
    *RATING,
    *PERCENT,
]
