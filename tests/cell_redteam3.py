"""A third red team's 492 cells, copied from whole scraped rows (label soup, text decoded with the wrong
encoding, footnote markers, truncated cells), written without seeing the parser or the other sets.

Measured unseen, 96.0% of the values given with status ok were right; the parsers were then improved
against these cells, so they are now a regression set. Run: python tests/cell_redteam3.py [-v]
"""

import collections
import math
import sys

import programscore as ps
from programscore.parsing import parser_for

profile = ps.load_profile("article")
crit = {c.key: c for c in profile.criteria}
RATES = dict(profile.currency.rates)
RATES["GBP"] = 1.0
P = {
    "t": {"total"},
    "y": {"year"},
    "n": {"total", "year"},
    "s": {"semester"},
    "c": {"credit"},
    "m": {"month"},
    "q": {"term", "quarter", "trimester", "semester"},
}

CASES = []  # (kind, header, cell, acc, none_ok, warn_ok)


def M(cell, *acc, h="Tuition fees", none=False, warn=False):
    CASES.append(("money", h, cell, list(acc), none, warn))


def D(cell, *acc, h="Duration", none=False, warn=False):
    CASES.append(("duration", h, cell, list(acc), none, warn))


def B(cell, *acc, h="Placement", none=False, warn=False):
    CASES.append(("boolean", h, cell, list(acc), none, warn))


def R(cell, *acc, h="Careers support", none=False, warn=False):
    CASES.append(("rating", h, cell, list(acc), none, warn))


def C(cell, *acc, h="Employment rate", none=False, warn=False):
    CASES.append(("percent", h, cell, list(acc), none, warn))


def G(a, p="n"):
    return (a, "GBP", p)
def E(a, p="n"):
    return (a, "EUR", p)
def U(a, p="n"):
    return (a, "USD", p)
def X(a, cur, p="n"):
    return (a, cur, p)

# ---------------- MONEY: UK (FindAMasters / Prospects) ----------------
M("£9,250 per year", G(9250, "y"))
M("UK: £11,500 International: £24,000", G(11500), G(24000), warn=True)
M("FeesUK£9,250International£22,000", G(9250), G(22000), warn=True)
M("Â£9,250", G(9250))
M("Â£12,500 per year (Home)", G(12500, "y"))
M("£9,250*", G(9250))
M("£9,250¹", G(9250))
M("£9,250 (2)", G(9250))
M("£14,200 full-time (2024/25)", G(14200))
M("Full-time: £12,...", none=True)
M("£11,950 £11,950", G(11950))
M("From £9,450", G(9450), warn=True)
M("Home: £10,250\nOverseas: £21,500", G(10250), G(21500), warn=True)
M("£\n9,250", G(9250))
M("£9,\n250", G(9250), none=True, warn=True)
M("£9, 250 per year", G(9250, "y"), none=True, warn=True)
M("Full-time £10,800, part-time £5,400 per year", G(10800, "n"), G(10800, "y"))
M("£1,200 per 15 credits", G(14400), G(80, "c"), none=True, warn=True)
M("£27,500 (International)", G(27500))
M("£8,100 (UK) | £18,600 (International) | £4,050 (UK part-time)", G(8100), G(18600), warn=True)
M("£9,250 per annum", G(9250, "y"))
M("&pound;9,250", G(9250))
M("£9,250 p/a", G(9250, "y"))
M("£9250", G(9250))
M("Tuition fee (full-time, 1 year): £13,950", G(13950))
M("£13,950 for the full course", G(13950, "t"))
M("UK students: £10,500 for 2024/25 entry. Fees for 2025/26 will be published soon.", G(10500), warn=True)
M("£10,500 (2024/25); £10,850 (2025/26)", G(10500), G(10850), warn=True)
M("£19,500 (£9,750 per year for two years)", G(19500, "t"), G(9750, "y"))
M("Year 1: £9,250 Year 2: £9,250", G(18500, "t"), G(9250, "y"), warn=True)
M("£2,000 deposit required. Tuition: £18,000", G(18000))
M("£18,000 (£2,000 non-refundable deposit)", G(18000))
M("International: £23,", none=True)
M("£9,250*\n*Fees subject to annual inflationary increase", G(9250))
M("£12,950 (2)\n(2) Fees for EU students are as international", G(12950))
M("UK £9,535 / Intl £19,950 per year", G(9535, "y"), G(19950, "y"), G(9535), warn=True)
M("£29,400 total; placement year £1,850", G(29400, "t"), warn=True)
M("£12,000 + £1,500 placement fee", G(12000), warn=True)
M("Â£ 9,250.00", G(9250))
M("£9,250.00 per year (2025/26 Home)", G(9250, "y"))
M("£ 9 250", G(9250))
M("9,250 GBP", G(9250))
M("GBP 9,250 pa", G(9250, "y"))
M("Fees: £9,250 (Home), £22,000 (Overseas). Scholarships of up to £5,000 available.", G(9250), G(22000), warn=True)
M("£4,590 per 60 credits", G(13770), G(76.5, "c"), none=True, warn=True)
M("£1,525 per module (8 modules)", G(12200, "t"), warn=True)
M("£11,000 (see note 3)", G(11000))
M("£15,750 - £17,250 depending on pathway", G(17250), G(15750), warn=True)
M("£9,250 or £4,625 per year part-time", G(9250))
M("Full-time UK fee: £10,250", G(10250))
M("£10,250 (full-time) £5,125 (part-time, per year)", G(10250))
M("Home/EU: £9,250 per year", G(9250, "y"))
M("£22,000 per year.\n£22,000 per year.", G(22000, "y"))
M("£18,500£18,500", G(18500))
M("£9,250 (UK)£9,250 (UK)", G(9250))
M("£ 1 1 , 5 0 0", G(11500), none=True, warn=True)
M("Tuition fee £9,250 per year Living costs approx £12,000 per year", G(9250, "y"))
M("Total cost of attendance £32,000 including tuition £19,000", G(19000), warn=True)
M("Fee: £19,950 International. Bench fee: £2,000", G(19950), G(21950), warn=True)
M("£12,500 (subject to confirmation)", G(12500), warn=True)
M("TBC (2024/25 fee was £11,200)", G(11200), none=True, warn=True)
M("£9,250 a year", G(9250, "y"))
M("£9,250/yr", G(9250, "y"))
M("£9,250 per academic year", G(9250, "y"))
M("£750 per 10 credits (180 credits)", G(13500, "t"), G(75, "c"), warn=True)
M("Â£9,535 (Home) Â£18,250 (International)", G(9535), G(18250), warn=True)
M("Â£TBC", none=True)
M("£TBC", none=True)
M("£-", none=True)
M("£9,250 (Home) *International fees TBC", G(9250), warn=True)
M("International £", none=True)
M("Full-time: £12,5...", none=True)
M("£21,000 - International students", G(21000))
M("£21,000 – 1 year full-time", G(21000))
M("£21,000 for 1 year full time; £10,500 per year for 2 years part time", G(21000))
M("£17,000 (1 year); £25,500 (18 months with placement)", G(17000), G(25500), warn=True)
M("£9,250\n(£9,250)", G(9250))
M("£9,250 £9,250 £9,250", G(9250))
M("£ 9,250 per year\n\n£ 9,250 per year", G(9250, "y"))
M("Â£9,250Â per year", G(9250, "y"))
M("Â£9,250 (1)", G(9250))
M("£9,250²", G(9250))
M("£9,250†", G(9250))
M("£9,250 [3]", G(9250))
M("£9,250 ³", G(9250))
M("£9,250 (2024/25) ²", G(9250))
M("£14,500 in 2024-25", G(14500))
M("Sept 2025: £14,500; Jan 2026: £14,950", G(14500), G(14950), warn=True)
M("£14,500 (September 2025 entry)", G(14500))
M("Fees from £9,450 per year", G(9450, "y"), warn=True)
M("From: £9,535", G(9535), warn=True)
M("Fees vary from £18,000 to £24,000 depending on modules", G(24000), G(18000), warn=True)
M("?9,250 per year (Home students)", G(9250, "y"), none=True, warn=True)
M("£12, 500", G(12500), none=True, warn=True)
M("Full-time £11,500 Part-time £5,750 Full-time £11,500", G(11500))
M("MSc £13,250 PGDip £8,850 PGCert £4,420", G(13250))
M("PGCert £4,420; PGDip £8,850; MSc £13,250", G(13250))
M("£13,250 (MSc), £8,850 (PGDip)", G(13250))
M("Pre-sessional English: £2,400 (6 weeks). MSc tuition: £19,500", G(19500))
M("£19,500 (£1,000 discount for alumni)", G(19500))
M("Fees: £19,500 (2025 entry) | £18,900 (2024 entry)", G(19500), G(18900), warn=True)
M(
    "The tuition fee for 2025/26 is £12,250 for UK students and £26,750 for international students.",
    G(12250),
    G(26750),
    warn=True,
)
M(
    "Tuition fees for this course are £9,450 (UK) and £18,950 (international) per year of study.",
    G(9450, "y"),
    G(18950, "y"),
    warn=True,
)
M(
    "Home students £9,250; EU and international students £20,500. Fees are reviewed annually.",
    G(9250),
    G(20500),
    warn=True,
)
M("Overseas fee: 24,900", G(24900))
M("Tuition fee\n£\n14,500\nper year", G(14500, "y"))
M("Fees 2025/26 Home £11,200 International £24,900", G(11200), G(24900), warn=True)
M("Tuition fee: £11,200 (Home)\nTuition fee: £11,200 (Home)", G(11200))
M("£11,200 (Home) £11,200 (Home) £24,900 (International) £24,900 (International)", G(11200), G(24900), warn=True)
M("Full-time: £12,250\nPart-time: £6,125 per year\nInternational full-time: £27,...", G(12250), warn=True)
M("£9,250 per year (UK); £19,600 per year (International)¹", G(9250, "y"), G(19600, "y"), warn=True)
M("Fee£9,250Duration1 year", G(9250))
M("Fees£11,500per year", G(11500, "y"))
M("UK fee £9,250 Intl fee £21,500 Apply now", G(9250), G(21500), warn=True)
M("£13,500 (total for 2 years)", G(13500, "t"))
M("£6,750 per year for two years (total £13,500)", G(13500, "t"), G(6750, "y"))
M("£975 per 15-credit module", G(11700), G(65, "c"), none=True, warn=True)
M("Full time £12,000 (including £500 field trip fee)", G(12000), G(11500), warn=True)
M("International students: £22,500 (2025/26), £23,400 (2026/27)", G(22500), G(23400), warn=True)
# headers that carry unit/period/currency
M("9,250", G(9250), h="Fees (£)")
M("12,000", E(12000), h="Fees (EUR)")
M("9.25", G(9250), h="Fees (£000s)")
M("£9,250", G(9250, "y"), h="Tuition fee per year")
M("€ 1,500", E(1500, "s"), h="Fees per semester")
M("45,000", U(45000), h="Cost (USD)")
M("48,000", X(48000, "AUD", "y"), h="Tuition (AUD, per year)")
M("£22,000", G(22000), h="International fee")
M("9250", G(9250), h="Fees")
M("12,500", G(12500), h="Price")
M("12 500", G(12500), h="Tuition fees")
M("1", none=True, h="Tuition fees")
M("See website", none=True, h="Fee")
M("N/A", none=True, h="Fee")
M("Contact the admissions office: 0161 275 2000", none=True, h="Fees")
M("Please refer to www.ucl.ac.uk/fees/2025-26", none=True, h="Tuition")
M("Band 3 (see fee schedule)", none=True, h="Fees")
M("Fees for 2026 entry to be confirmed", none=True, h="Fees")
M("Application fee: £75", none=True)
M("Deposit £1,500", none=True)
M("Scholarships up to £10,000 available", none=True)
M("Living costs: approx. £1,300 per month", none=True)
M("Bursary of £2,000 for alumni", none=True)
M("Postgraduate Loan up to £12,471", none=True)
M("£", none=True)
M("€12,000", E(12000), h="Fees (per annum)")
# ---------------- MONEY: EU (Mastersportal / StudyPortals, national sites) ----------------
M("€ 15,000 / year", E(15000, "y"))
M("â‚¬12,000", E(12000))
M("â‚¬ 2,083 per year (EU/EEA)", E(2083, "y"))
M("International students: €15", none=True)
M("12.500 € pro Jahr", E(12500, "y"))
M("EUR 18,600 per year", E(18600, "y"))
M("Tuition fee: 2,314 EUR / year; Non-EU: 15,000 EUR / year", E(2314, "y"), E(15000, "y"), warn=True)
M("€15,000 per year. €15,000 per year.", E(15000, "y"))
M("Studiengebühr: 0 €, Semesterbeitrag: 350 € pro Semester", E(0), E(0, "s"), E(0, "y"), warn=True)
M("No tuition fees, semester contribution approx. €320", E(0), E(0, "s"), E(0, "y"), warn=True)
M("Studiengebühren: 1.500 € pro Semester / Tuition fee: EUR 1,500 per semester", E(1500, "s"))
M("Frais de scolarité : 3 770 € par an / Tuition: €3,770 per year", E(3770, "y"))
M("Tasse universitarie: da 156 € a 3.900 € all'anno", E(3900, "y"), E(156, "y"), warn=True)
M("Collegegeld: € 2.530 (EU) / € 20.100 (niet-EU)", E(2530), E(20100), warn=True)
M("Tuition fee € 2,530 (EU/EEA) | € 20,100 (non-EU/EEA)", E(2530), E(20100), warn=True)
M("SEK 310,000 total", X(310000, "SEK", "t"))
M("Full programme fee: SEK 290,000\nFirst instalment: SEK 72,500", X(290000, "SEK", "t"))
M("kr 145 000 per år", none=True, warn=True)
M("DKK 120,000 per year", X(120000, "DKK", "y"))
M("NOK 0 (public university)", X(0, "NOK"))
M("CHF 730 per semester", X(730, "CHF", "s"))
M("CHF 1’460 per year", X(1460, "CHF", "y"))
M("CHF 1'460 / Jahr", X(1460, "CHF", "y"))
M("Czech programme: 0 Kč / English-taught: 6 000 EUR per year", E(6000, "y"), X(0, "CZK"), X(0, "CZK", "y"), warn=True)
M("PLN 20 000 / rok", X(20000, "PLN", "y"))
M("â‚¬ 4.500,- pro Semester", E(4500, "s"))
M("€ 1.250,-", E(1250))
M("Tuition: EUR 8,000 (approx. GBP 6,800)", E(8000))
M("€13,500 (ca. $14,600)", E(13500))
M("11,850 EUR per year (non-EU) 11,850 EUR per year (non-EU)", E(11850, "y"))
M("Tuition fee€12,000Application fee€100", E(12000))
M("€12.000 p.a.", E(12000, "y"))
M("12,000€/year", E(12000, "y"))
M("€ 7.400 per jaar", E(7400, "y"))
M("€ 2.314 (wettelijk collegegeld 2024-2025)", E(2314))
M("Matrícula: 3.500 € / curso", E(3500, "y"), E(3500), warn=True)
M("9.900 € (matrícula 1.000 € + 8.900 €)", E(9900))
M("Propina anual: 7 000 €", E(7000, "y"))
M("Lukuvuosimaksu 12 000 € / Tuition fee EUR 12,000 per academic year", E(12000, "y"))
M("Tuition fee: 15000 EUR/year(¹)", E(15000, "y"))
M("€16,500¹", E(16500))
M("€ 16 500 *", E(16500))
M("€9,000 – €12,000 per year depending on nationality", E(12000, "y"), E(9000, "y"), warn=True)
M("€ 2,500 per year for EU students; € 12,000 for others", E(2500, "y"), E(12000), E(12000, "y"), warn=True)
M("EU: free / Non-EU: €15,000", E(0), E(15000), warn=True)
M("free of charge", E(0))
M("No tuition fee", E(0))
M("Tuition-free*  *except administrative fee of €150 per semester", E(0), E(0, "s"), E(0, "y"), warn=True)
M("€ 20.000 (programa completo) / € 20,000 (full programme)", E(20000, "t"))
M("â‚¬ 25.000 - durata biennale", E(25000))
M("â‚¬1.500/semestre", E(1500, "s"))
M("8 500 € par an", E(8500, "y"))
M("Frais d'inscription : 243 €", E(243), none=True, warn=True)
M("EUR 1.000,00 per month", E(1000, "m"))
M("€12,000⁽¹⁾", E(12000))
M("€12,000 (a)", E(12000))
M("€ 15.000,00*", E(15000))
M("€12,000 (2) per year", E(12000, "y"))
M("From €8,500/year", E(8500, "y"), warn=True)
M("Tuition fee (EU): € 4,000 per year / Studiengebühr (EU): 4.000 € pro Jahr", E(4000, "y"))
M("Cena: 20 000 zł za rok / Fee: PLN 20,000 per year", X(20000, "PLN", "y"))
M("Školné: 150 000 Kč / rok (Tuition: CZK 150,000 per year)", X(150000, "CZK", "y"))
M("Avgift: 145 000 SEK per år / Fee: SEK 145,000 per year", X(145000, "SEK", "y"))
M("Terminsavgift: 72 500 kr", X(72500, "SEK", "s"), none=True, warn=True)
M("Lukukausimaksu 6 000 € / Tuition fee €6,000 per term", E(6000, "q"))
M("Frais : 12 000 € / an", E(12000, "y"))
M("Tasa: 3.000 € al año", E(3000, "y"))
M("Costo: 2.500 € all'anno / Fee: €2,500 per year", E(2500, "y"))
M("�12,000 per year (EU/EEA and Swiss students)", none=True, warn=True)
M("Ð¢ÑƒÐ¸Ñ‚Ð¸Ð¾Ð½: €12,000", E(12000))
M("Tuition fee per year\n€\n12,000", E(12000, "y"))
M("€ 12.000 pro Jahr€ 12.000 pro Jahr", E(12000, "y"))
M("EUR 6.000,00 (Gesamt) / EUR 6,000.00 (total)", E(6000, "t"))
M("Non-EU/EEA: 15 000 € / year\nEU/EEA: no tuition fee", E(15000, "y"), E(0), warn=True)
M("Tuition: €3,500 per semester (4 semesters)", E(14000, "t"), E(3500, "s"))
M("€7,200 (first year) €7,200 (second year)", E(14400, "t"), E(7200, "y"), warn=True)
M("â‚¬ 18.000 programme fee (incl. â‚¬ 500 registration)", E(18000, "t"), E(18000))
M("The tuition fee is €2,6", none=True)
M("Tuition fee: EUR 2.083 per year / EUR 18.000 per year (non-EU)", E(2083, "y"), E(18000, "y"), warn=True)
M("€ 1 250 per trimester", E(1250, "q"))
# ---------------- MONEY: US graduate schools ----------------
M("$1,850 per credit hour (30 credits)", U(55500, "t"))
M("$28,000 per year", U(28000, "y"))
M("Tuition: $24,600 per academic year\nFees: $1,200 per year", U(24600, "y"), U(25800, "y"), warn=True)
M("In-state: $12,450 / Out-of-state: $28,900 per year", U(12450, "y"), U(28900, "y"), U(12450), warn=True)
M("Resident $6,225 per semester; Non-resident $14,450 per semester", U(6225, "s"), U(14450, "s"), warn=True)
M("Tuition & Fees $58,240 | Cost of Attendance $82,500", U(58240))
M("$1,525/credit", U(1525, "c"), none=True, warn=True)
M("$45,000 (estimated)", U(45000), warn=True)
M("Estimated tuition: $52,000*\n*Based on 2024–25 rates", U(52000), warn=True)
M("$2,117 per unit; 30 units required", U(63510, "t"), warn=True)
M("$19,314 per quarter (3 quarters per year)", U(57942, "y"), U(57942, "t"), warn=True)
M("US$ 34,000", U(34000))
M("USD 34,000 per annum", U(34000, "y"))
M("$34,000.00 $34,000.00", U(34000))
M("Full-time (12+ credits): $16,980 per semester", U(16980, "s"))
M("$17k per semester", U(17000, "s"))
M("$1,034.50 per credit hour", U(1034.5, "c"), none=True, warn=True)
M("$36,400 (program total)", U(36400, "t"))
M("Tuition$47,500Fees$2,300", U(47500), U(49800), warn=True)
M("$ 47,500 / year (¹)", U(47500, "y"))
M("Per-credit rate: $950. Total program (36 credits): $34,200", U(34200, "t"))
M("$28,000Â per year", U(28000, "y"))
M("28,000Â USD per year", U(28000, "y"))
M("$28,000\u00a0per year", U(28000, "y"))
M("Tuition: $1,500/credit × 36 credits = $54,000", U(54000, "t"))
M("$54,000 total; $27,000 per year", U(54000, "t"), U(27000, "y"))
M("Tuition for 2025-2026: $61,000. Tuition for 2024-2025: $58,900.", U(61000), U(58900), warn=True)
M("$0 tuition (fully funded)", U(0))
M("Flat rate tuition: $23,940/semester (9-17 credits)", U(23940, "s"))
M("$1,200 per credit; 30–36 credits", U(43200, "t"), U(36000, "t"), warn=True)
M("$895 per credit hour x 33 credit hours", U(29535, "t"))
M("Tuition per semester (full-time): $12,500 | Tuition per credit (part-time): $1,040", U(12500, "s"))
M("Starting at $32,000", U(32000), warn=True)
M("$45,000 [1]", U(45000))
M("Total Tuition: $72,\nTotal Fees: $3,100", none=True, warn=True)
M("$2,400 per course (10 courses)", U(24000, "t"))
M("Cost per credit$1,150Total credits30", U(34500, "t"), U(1150, "c"), warn=True)
M("Tuition (2 semesters): $31,000", U(31000, "y"), U(31000, "t"), U(31000))
M("Annual tuition $48,320 ; Estimated total cost of attendance $79,000", U(48320, "y"))
M("$48,320\n$48,320", U(48320))
M("$1,640/credit hour × 30 = $49,200 (approx.)", U(49200, "t"), warn=True)
M(
    "Tuition: $22,000/yr (in-state), $44,000/yr (out-of-state), $44,000/yr (international)",
    U(22000, "y"),
    U(44000, "y"),
    warn=True,
)
# ---------------- MONEY: Canada / Australia / NZ ----------------
M("CAD $32,000 per year", X(32000, "CAD", "y"))
M("$32,000 per year (all amounts CAD)", X(32000, "CAD", "y"))
M("Domestic: $9,200 | International: $31,500 (CAD)", X(9200, "CAD"), X(31500, "CAD"), warn=True)
M("$45,000 (McGill, Montréal, Canada)", X(45000, "CAD"), warn=True)
M("C$28,500", X(28500, "CAD"))
M("A$49,500 per year", X(49500, "AUD", "y"))
M("AUD $49,500 (2025)", X(49500, "AUD"))
M("$49,500 AUD per year", X(49500, "AUD", "y"))
M("2025 indicative annual fee: A$48,000", X(48000, "AUD", "y"))
M("Indicative total course fee AUD 96,000; annual AUD 48,000", X(96000, "AUD", "t"), X(48000, "AUD", "y"))
M("International (CSP not available): $48,000 per year", X(48000, "AUD", "y"), none=True, warn=True)
M(
    "Commonwealth supported place: $4,200 per year; Full fee: $32,500 per year",
    X(4200, "AUD", "y"),
    X(32500, "AUD", "y"),
    none=True,
    warn=True,
)
M("NZ$38,000", X(38000, "NZD"))
M("NZD 38,000 per year", X(38000, "NZD", "y"))
M("$38,000 per year (New Zealand)", X(38000, "NZD", "y"), warn=True)
M(
    "Domestic: NZ$9,800 / International: NZ$42,500 (2025, per year)",
    X(9800, "NZD", "y"),
    X(42500, "NZD", "y"),
    X(9800, "NZD"),
    X(42500, "NZD"),
    warn=True,
)
M("A$ 24,000 per semester", X(24000, "AUD", "s"))
M("A$3,000 per unit (16 units)", X(48000, "AUD", "t"))
M("CDN$ 18,000", X(18000, "CAD"))
M("$24,396.60 (CAD) per academic year (based on 2 terms)", X(24396.6, "CAD", "y"))
M("CAD 8,100 per term (three terms)", X(24300, "CAD", "t"), X(24300, "CAD", "y"))
M("Tuition from A$42,000 p.a.", X(42000, "AUD", "y"), warn=True)
M("2025 annual tuition fee (international): A$52,800*\n*Fees are indicative", X(52800, "AUD", "y"), warn=True)
M("Total indicative course fee: AUD$105,600 (2 years)", X(105600, "AUD", "t"))
M("$4,880 per 12.5 credit point unit", none=True, warn=True)
M("NZ$ 2,890 per 15-point paper", none=True, warn=True)
M(
    "International: $29,871.60 CAD per year\nDomestic: $8,120.40 CAD per year",
    X(29871.6, "CAD", "y"),
    X(8120.4, "CAD", "y"),
    warn=True,
)
# ---------------- MONEY: Asia, Africa, Middle East, Latin America ----------------
M("HK$198,000", X(198000, "HKD"))
M("HKD$ 198,000 (whole programme)", X(198000, "HKD", "t"))
M("HK$ 165,000 for the whole programme (HK$82,500 per year)", X(165000, "HKD", "t"), X(82500, "HKD", "y"))
M("S$45,000", X(45000, "SGD"))
M("SGD 45,000 (inclusive of GST)", X(45000, "SGD"))
M("S$ 56,680 (incl. GST) / S$ 52,000 (before GST)", X(56680, "SGD"), X(52000, "SGD"))
M("RM 38,000", X(38000, "MYR"))
M("MYR 38,000 (whole programme)", X(38000, "MYR", "t"))
M("RM38,000 for Malaysian; RM45,000 for international", X(38000, "MYR"), X(45000, "MYR"), warn=True)
M("¥120,000 RMB per year", X(120000, "CNY", "y"))
M("学费：68,000 元/年", X(68000, "CNY", "y"))
M("68,000元", X(68000, "CNY"))
M("¥ 535,800 (年額)", X(535800, "JPY", "y"), warn=True)
M("入学金 282,000円 授業料 535,800円（年額）", X(535800, "JPY", "y"))
M("₩ 5,000,000 per semester", X(5000000, "KRW", "s"))
M("등록금: 5,200,000원 (학기당)", X(5200000, "KRW", "s"), X(5200000, "KRW"), warn=True)
M("₹2,50,000 per annum", X(250000, "INR", "y"))
M("Rs. 2,50,000", X(250000, "INR"), warn=True)
M("â‚¹ 3,00,000", X(300000, "INR"), none=True, warn=True)
M("INR 3.5 lakh per year", X(350000, "INR", "y"))
M("Tk 2.5 lakh", X(250000, "BDT"))
M("PKR 450,000 per semester", X(450000, "PKR", "s"))
M("₦ 1,500,000", X(1500000, "NGN"))
M("R 85,000 per year", X(85000, "ZAR", "y"), none=True, warn=True)
M("ZAR 85,000", X(85000, "ZAR"))
M("R$ 2.500 por mês", X(2500, "BRL", "m"))
M("AED 75,000 per year", X(75000, "AED", "y"))
M("TRY 150.000", X(150000, "TRY"))
M("USD 8,500 (international), TRY 90,000 (Turkish citizens)", U(8500), X(90000, "TRY"), warn=True)
M("US$ 12,000 per year (approx. RM 56,000)", U(12000, "y"))
M("AED 75,000Â per year", X(75000, "AED", "y"))
M("SAR 50,000", none=True)
M("学费：每年 98,000 元 Tuition: RMB 98,000 per year", X(98000, "CNY", "y"))
M("授業料：年額 535,800円 / Tuition: ¥535,800 per year", X(535800, "JPY", "y"))
M("등록금 학기당 4,800,000원 / Tuition: KRW 4,800,000 per semester", X(4800000, "KRW", "s"))
M("Â¥535,800 per year (Japan)", X(535800, "JPY", "y"), warn=True)
M("HK$ 180,000Â (Local) / HK$ 198,000Â (Non-local)", X(180000, "HKD"), X(198000, "HKD"), warn=True)
M("SGD 32,700 (Singaporeans) SGD 32,700 (Singaporeans)", X(32700, "SGD"))
M("RMB 100,000/year (2 years)", X(100000, "CNY", "y"), X(200000, "CNY", "t"))
M("总学费：180,000元（两年）", X(180000, "CNY", "t"), X(180000, "CNY"))

# ---------------- DURATION ----------------
D("1 year", 12)
D("1 year full-time", 12)
D("12 months", 12)
D("1 year (September start), 16 months (January start)", 12, 16, warn=True)
D("12 months full time or 24 months part time (distance learning)", 12)
D("1 year full-time, 2 years part-time", 12)
D("2 years", 24)
D("18 months", 18)
D("1 year FT / 2 years PT", 12)
D("Full-time: 12 months\nPart-time: 24 months", 12)
D("12 months (full time); 24–36 months (part time)", 12)
D("One year", 12)
D("1 yr", 12)
D("1-year", 12)
D("2 years (120 ECTS)", 24)
D("120 ECTS", 24, warn=True)
D("90 ECTS", 18, warn=True)
D("4 semesters", 24)
D("3 Semester", 18)
D("2 Jahre (4 Semester)", 24)
D("Regelstudienzeit: 4 Semester", 24)
D("2 ans", 24)
D("Durée : 2 ans (M1 + M2)", 24)
D("Duración: 1 año (60 ECTS)", 12)
D("Durata: 2 anni", 24)
D("Studieduur: 1 jaar", 12)
D("2 år (120 hp)", 24)
D("学制：2年", 24)
D("2年", 24)
D("수업연한: 2년", 24)
D("1 year, 4 months", 16)
D("16 months", 16)
D("1.5 years", 18)
D("1½ years", 18)
D("1Â½ years", 18, none=True, warn=True)
D("one and a half years", 18)
D("2 1/2 years", 30)
D("52 weeks", 12)
D("48 weeks", 11.08, 11, 12, warn=True)
D("11 months", 11)
D("12 months (including a 3-month dissertation)", 12)
D("10 months + 2 months dissertation", 12)
D("1 year (including a 6-month placement)", 12)
D("2 years with placement year; 1 year without", 12, warn=True)
D("1 year or 2 years with industrial placement", 12, warn=True)
D("12 months / 24 months with placement", 12, warn=True)
D("9-12 months", 12, 9, warn=True)
D("Up to 5 years part-time", none=True)
D("Maximum registration period: 3 years", none=True)
D("1 year full-time (maximum registration period 3 years)", 12)
D("PGDip 9 months, MSc 12 months", 12)
D("MSc: 1 year; PgDip: 9 months; PgCert: 4 months", 12)
D("12 months full-time\n12 months full-time", 12)
D("1 year1 year", 12)
D("Duration1 year full-time", 12)
D("Full-time1 yearPart-time2 years", 12)
D("1 year (Sept) / 15 months (Jan)", 12, 15, warn=True)
D("12 or 16 months", 12, 16, warn=True)
D("1 or 2 years", 12, warn=True)
D("1/2 years", 12, warn=True)
D("Two years", 24)
D("Two years full-time (four semesters)", 24)
D("30 credits / 1 year", 12)
D("2 years (part-time only)", 24, none=True, warn=True)
D("Distance learning: 2-3 years", 24, 36, none=True, warn=True)
D("Flexible", none=True)
D("TBC", none=True)
D("1 year full time (starts September 2025)", 12)
D("12 months (starting January 2026)", 12)
D("Sept 2025 – Sept 2026 (12 months)", 12)
D("September 2025 to August 2026", 12, 11, none=True, warn=True)
D("1 year\n(full-time)", 12)
D("1 year*", 12)
D("1 year¹", 12)
D("12 months (2)", 12)
D("1 year (3)", 12)
D("18 months [1]", 18)
D("Full-time: 1 ye", 12, none=True, warn=True)
D("Full-time: 1...", 12, none=True, warn=True)
D("3 terms", 9, 12, none=True, warn=True)
D("1 academic year (9 months)", 9)
D("Nine months", 9)
D("2 years full-time (60 credits)", 24)
D("36 credit hours; typically 2 years", 24)
D("Typically completed in 18-24 months", 24, 18, warn=True)
D("5 quarters", 15, none=True, warn=True)
D("1 year full-time (blended)", 12)
D("Part-time: 2 years. Full-time: 1 year.", 12)
D("24 months (part-time, online)", 24, none=True, warn=True)
D("Duration: 1 year full-time / Durée : 1 an", 12)
D("1.5", 18, h="Length (years)")
D("12", 12, h="Duration (months)")
D("1", 12, warn=True)
D("2", 24, warn=True)
D("1 year 3 months", 15)
D("1 year full-time (September start)1 year full-time (September start)", 12)
D("Full-time: 12 months | Part-time: 24 months | Online: 24 months", 12)
D("MSc 12 months; MSc with Professional Placement 24 months", 12, warn=True)
D("1 year (2 semesters + summer dissertation)", 12)
D("3 semesters (1.5 years)", 18)
D("1 año y medio", 18, none=True, warn=True)

# ---------------- BOOLEAN ----------------
B("Yes", 1)
B("No", 0)
B("Yes - optional placement year", 1, 0.5, warn=True)
B("Optional", 0.5, 1, warn=True)
B("Placement not available", 0)
B("✓", 1)
B("✗", 0)
B("Y", 1)
B("N", 0)
B("Yes*", 1)
B("Yes (1)", 1)
B("No (2)", 0)
B("Available", 1)
B("None", 0, none=True)
B("âœ“", 1, none=True, warn=True)
B("Yes, 12-week summer internship", 1)
B("Optional industrial placement (additional fee)", 0.5, 1, warn=True)
B("Not included", 0)
B("Included", 1)
B("TBC", none=True)
B("YesYes", 1)
B("Yes / Oui", 1)
B("Ja", 1)
B("Nein", 0)
B("No placement, but a live industry project", 0, 0.5, warn=True)
B("Compulsory 3-month internship", 1)

# ---------------- RATING (scale 0-5) ----------------
R("4/5", 4)
R("4.5 stars", 4.5)
R("★★★★☆", 4)
R("Excellent", 5, 4.5, warn=True)
R("Good", 3, 3.5, 4, warn=True)
R("8/10", 4)
R("Rated 4.2/5 by students (NSS 2024)", 4.2)
R("4.2/5*", 4.2)
R("4/5 (2)", 4)
R("No data", none=True)
R("3", 3)
R("4.0 / 5.0", 4)
R("85% satisfied (NSS)", 4.25, none=True, warn=True)
R("Strong", 3.5, 4, 4.5, warn=True)
R("4/5 4/5", 4)

# ---------------- PERCENT ----------------
C("92%", 0.92)
C("92% (2)", 0.92)
C("92%*", 0.92)
C("0.92", 0.92)
C("92", 0.92)
C("9 in 10 graduates", 0.9)
C("95% employed within 6 months", 0.95)
C("92 %", 0.92)
C("92%92%", 0.92)
C("Employment rate: 94% (Graduate Outcomes 2022)", 0.94)
C("N/A", none=True)
C("94% in work or further study 15 months after graduation", 0.94)
C("Â 92%", 0.92)
C("92%¹", 0.92)
C("88–92%", 0.92, 0.88, warn=True)
C("Over 90%", 0.9, warn=True)

KEYS = {"money": "cost", "duration": "length", "boolean": "placement", "rating": "job_support", "percent": "employment"}


def isnum(v):
    return v is not None and not (isinstance(v, float) and math.isnan(v))


def matches(kind, cell, a):
    if kind == "money":
        amt, cur, pc = a
        want = amt * RATES[cur]
        okv = abs(cell.value - want) <= max(0.01 * abs(want), 0.5)
        return okv and (cell.period in P[pc] or (pc == "n" and cell.period is None))
    return abs(cell.value - a) <= max(0.01 * abs(a), 0.011 if kind != "duration" else 0.2)


def classify(kind, acc, none_ok, warn_ok, cell):
    if not isnum(cell.value):
        return "RIGHT" if (none_ok or not acc) else "MISSED"
    hit = any(matches(kind, cell, a) for a in acc)
    if hit:
        return "RIGHT" if (cell.status == "ok" or warn_ok) else "OVER-CAUTIOUS"
    return "SILENTLY WRONG" if cell.status == "ok" else "FLAGGED WRONG"


def classify_all():
    """(counts by kind and class, rows of (kind, header, text, accepted, class, Cell))."""
    counts = collections.defaultdict(collections.Counter)
    rows = []
    for kind, h, text, acc, none_ok, warn_ok in CASES:
        parse = parser_for(crit[KEYS[kind]], profile, h)
        try:
            cell = parse(text)
        except Exception as e:  # a crash is a finding too
            print("CRASH", kind, repr(text), e)
            counts[kind]["CRASH"] += 1
            continue
        cls = classify(kind, acc, none_ok, warn_ok, cell)
        counts[kind][cls] += 1
        rows.append((kind, h, text, acc, cls, cell))
    return counts, rows


def main():
    counts, rows = classify_all()
    classes = ["RIGHT", "SILENTLY WRONG", "FLAGGED WRONG", "MISSED", "OVER-CAUTIOUS"]
    tot = collections.Counter()
    for k, c in counts.items():
        tot.update(c)
        print(f"{k:9s} n={sum(c.values()):3d} " + " ".join(f"{x}={c[x]}" for x in classes))
    print(f"ALL       n={sum(tot.values()):3d} " + " ".join(f"{x}={tot[x]}" for x in classes))
    for k in [*list(counts), "ALL"]:
        rs = [r for r in rows if k == "ALL" or r[0] == k]
        given = [r for r in rs if isnum(r[5].value)]
        okg = [r for r in given if r[5].status == "ok"]
        def rightv(r):
            return r[4] in ("RIGHT", "OVER-CAUTIOUS")
        sp = sum(map(rightv, okg)) / max(1, len(okg))
        op = sum(map(rightv, given)) / max(1, len(given))
        print(
            f"  {k:9s} silent precision {sp:.3f} ({sum(map(rightv, okg))}/{len(okg)})  overall precision {op:.3f} ({sum(map(rightv, given))}/{len(given)})"
        )
    if "-v" in sys.argv:
        for kind, h, text, acc, cls, cell in rows:
            if cls != "RIGHT":
                print(
                    f"\n[{cls}] {kind} h={h!r} {text!r}\n   want={acc}\n   got={cell.value!r} {cell.status} per={cell.period} msg={cell.message!r}\n   note={cell.note!r}"
                )


if __name__ == "__main__":
    main()
