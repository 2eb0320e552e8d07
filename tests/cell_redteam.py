"""A red team's 510 cells, written apart from the corpus, each with the reading a careful person takes.

Each parse is classed RIGHT, SILENTLY WRONG (status ok, wrong value, currency or period), FLAGGED WRONG
(a warning, wrong value), MISSED, OVER-CAUTIOUS (right value, needless warning) or UNWARNED (one of several
readings, with no warning). The parsers were improved against these cells, so they are a regression set,
not an unseen measure. Run: python tests/cell_redteam.py
"""

import collections
import dataclasses
import math

import programscore as ps
from programscore.parsing import parser_for

profile = ps.load_profile("article")
crit = {c.kind: c for c in profile.criteria}
rates = dict(profile.currency.rates)
rates["GBP"] = 1.0
_money = {}


def money_parser(header):
    if header not in _money:
        _money[header] = parser_for(dataclasses.replace(crit["money"], prefer=None), profile, header)
    return _money[header]


dur = parser_for(crit["duration"], profile, "Duration")
boo = parser_for(crit["boolean"], profile, "Placement")
rat = parser_for(crit["rating"], profile, "Job support")
pct = parser_for(crit["percent"], profile, "Employment")


def norm(exp):
    if isinstance(exp, dict):
        return exp["alts"], exp["w"]
    return [exp], False


def money_match(cell, m):
    # a fee per credit with no count becomes an error later in the pipeline (profile has no credits): no value
    if m is None:
        return isnan(cell.value) or cell.period == "credit"
    a, cur, per = m
    if cell.value is None or math.isnan(cell.value):
        return False
    want = a * rates[cur]
    if not (abs(cell.value - want) <= max(0.02 * want, 0.5)):
        return False
    if per == "?":
        return True
    got = {"trimester": "term", "quarter": "term"}.get(cell.period or "total", cell.period or "total")
    return got == per


def isnan(v):
    return v is None or (isinstance(v, float) and math.isnan(v))


def classify(cell, alts, w, match):
    has = not isnan(cell.value)
    if cell.period == "credit" and all(m is None for m in alts):
        has = False
    if any(match(cell, m) for m in alts):
        if not has:
            return "RIGHT"
        if cell.status == "assumed" and not w:
            return "OVER-CAUTIOUS"
        if cell.status == "ok" and w and len([m for m in alts if m is not None]) > 1:
            return "UNWARNED"
        return "RIGHT"
    if not has:
        return "MISSED" if any(m is not None for m in alts) else "RIGHT"
    return "SILENTLY WRONG" if cell.status == "ok" else "FLAGGED WRONG"


def dmatch(cell, m):
    if m is None:
        return isnan(cell.value)
    return not isnan(cell.value) and abs(cell.value - m) <= 0.6


def smatch(tol):
    def f(cell, m):
        if m is None:
            return isnan(cell.value)
        return not isnan(cell.value) and abs(cell.value - m) <= tol

    return f


# New red-team cells.  M(amount, currency, period); A(alternatives..., w=ambiguous -> a warning is expected); None = no tuition value.
def M(a, cur="GBP", per="?"):
    return (float(a), cur, per)


def A(*ms, w=True):
    return {"alts": list(ms), "w": w}


N = None
def W(*ms):
    return A(*ms, w=True)  # ambiguous: warning expected
def E(*ms):
    return A(*ms, w=False)  # several equally right readings, no warning needed

MONEY = [
    # --- UK university pages
    ("Full-time: £12,750 (UK) | £27,900 (International) per year", W(M(12750, "GBP", "year"), M(27900, "GBP", "year"))),
    (
        "UK students: £11,500\nInternational students: £26,000\nFees are for the 2025/26 academic year",
        W(M(11500), M(26000)),
    ),
    ("£10,950 for the full programme", M(10950, "GBP", "total")),
    (
        "The tuition fee for 2025 entry is £13,250. Please note fees are subject to an annual increase of up to 3%.",
        M(13250),
    ),
    ("£9,535 (2025/26)", M(9535)),
    ("Fees: £24,950 per annum (overseas). Bench fee of £2,000 applies.", M(24950, "GBP", "year")),
    ("£1,250 per 15 credits (180 credits total)", M(15000, "GBP", "total")),
    ("£17,900 full-time; £8,950 per year part-time", M(17900)),
    ("Part-time: £5,400 per year", N),
    ("Contact the Admissions Office on 0114 222 8030 for fee information", N),
    ("See www.ucl.ac.uk/students/fees/2025-26 for details", N),
    ("Home £10,400 / Int'l £22,650", W(M(10400), M(22650))),
    ("£22,650 (MSc) / £15,100 (PGDip) / £7,550 (PGCert)", M(22650)),
    ("Deposit: £2,000 (non-refundable, deducted from tuition)", N),
    ("Tuition £14,500; estimated living costs £1,136 per month", M(14500)),
    ("Average graduate starting salary: £32,000", N),
    ("£28,000 starting salary on average; fees £12,500", M(12500)),
    ("Scholarships of up to £5,000 available", N),
    ("£9,250", M(9250)),
    ("£11.5k", M(11500)),
    ("£ 19 500", M(19500)),
    ("GBP 21,300 p.a.", M(21300, "GBP", "year")),
    ("21,300 pounds per year", M(21300, "GBP", "year")),
    ("£1,850 per module (8 modules)", M(14800, "GBP", "total")),
    ("£4,750 per term (3 terms)", E(M(14250, "GBP", "total"), M(4750, "GBP", "term"))),
    ("Located at 45 Bedford Square, London WC1B 3DP", N),
    ("Course code: MSC-4521 | Fee: TBC", N),
    ("Ranked #12 in the UK (Guardian 2025). Fee £15,200", M(15200)),
    ("Band 3 (see fee schedule)", N),
    ("Apply by 30 June 2025. Application fee £75.", N),
    (
        "The MSc costs £23,100 in total for international students, including a £2,000 deposit payable on acceptance.",
        M(23100, "GBP", "total"),
    ),
    ("£15,750 (2024/25); £16,250 (2025/26)", W(M(15750), M(16250))),
    (
        "Full-time £12,100\nPart-time £6,050 per year of study\nStudents on the placement pathway pay an additional £1,850 in the placement year",
        W(M(12100)),
    ),
    ("International: £25,800<br>Home: £11,900", W(M(25800), M(11900))),
    ("<p>&pound;13,450 per year</p>", M(13450, "GBP", "year")),
    ("&#163;16,000", M(16000)),
    ("£13,450&nbsp;per&nbsp;year", M(13450, "GBP", "year")),
    ("Fee:\n\n£\n18,200\n", M(18200)),
    ("£18,200*  *Fees may rise by inflation in subsequent years", M(18200)),
    ("Cost of attendance (tuition, housing, food): £31,000; tuition £19,000", M(19000)),
    ("Total estimated cost including accommodation: £29,500", N),
    ("Tuition fee loan: up to £12,858 (Postgraduate Master's Loan)", N),
    ("Stipend £19,237 per year plus fees paid", N),
    ("UK £11,750 | EU/International £24,000 | Channel Islands £11,750", W(M(11750), M(24000))),
    ("£2,950 per 30-credit module", N),
    ("MBA: £42,000. Executive MBA: £58,500", W(M(42000), M(58500))),
    ("International student fee: £28,950 (subject to 3% annual increase in 2026)", M(28950)),
    ("Fees for 2025/26: £28,950. Fees for 2026/27: £29,950.", W(M(28950), M(29950))),
    ("GBP 15 950", M(15950)),
    ("£15,950.00", M(15950)),
    ("£9,250 a year", M(9250, "GBP", "year")),
    ("£9,250 each year", M(9250, "GBP", "year")),
    ("£9,250 per academic session", M(9250, "GBP", "year")),
    ("£4,625 per semester (two semesters)", E(M(4625, "GBP", "semester"), M(9250, "GBP", "total"))),
    ("£3,083 per trimester", M(3083, "GBP", "term")),
    ("£25,000 for the 2-year programme", M(25000, "GBP", "total")),
    ("£25,000 (total for 2 years)", M(25000, "GBP", "total")),
    ("£12,500 per year, 2 years", E(M(12500, "GBP", "year"), M(25000, "GBP", "total"))),
    ("£17,500 (full-time, 12 months)", M(17500)),
    ("£17,500 in total; students on the 2-year placement route pay an extra £2,500", W(M(17500, "GBP", "total"))),
    ("£12,950 (£11,655 with the 10% alumni discount)", M(12950)),
    ("Fee: £14,300, less a £2,000 scholarship for all international applicants", M(14300)),
    ("£9,000 per year for two years (total £18,000)", E(M(9000, "GBP", "year"), M(18000, "GBP", "total"))),
    ("Year 1: £12,000; Year 2: £12,500", W(M(24500, "GBP", "total"), M(12000, "GBP", "year"), M(12500, "GBP", "year"))),
    ("£13k (home) £27k (intl)", W(M(13000), M(27000))),
    ("Home: TBC; International: £24,600", M(24600)),
    ("Fee information for 2026 entry will be published in October 2025", N),
    ("Executive fee: £35,000 (company sponsored)  Self-funded: £28,000", W(M(35000), M(28000))),
    ("Online: £9,000; On campus: £16,500", W(M(9000), M(16500))),
    ("£550 per 10 credits", N),
    ("£550 per 10 credits; 180 credits", M(9900, "GBP", "total")),
    ("Registration fee £250 + tuition £8,750", M(8750)),
    ("Tuition £8,750 including £250 registration fee", M(8750)),
    ("£—", N),
    ("£xx,xxx", N),
    ("Tuition fee 2025: £16 250 - UK; £30 500 - overseas", W(M(16250), M(30500))),
    ("£9,250 - see note 3", M(9250)),
    ("£9,250 (see note 3)", M(9250)),
    ("£9,250 [2]", M(9250)),
    ("From £9,500", W(M(9500))),
    ("Fees start at £9,500", W(M(9500))),
    ("Up to £15,000", W(M(15000))),
    ("£9,500+", W(M(9500))),
    ("c. £10,000", W(M(10000))),
    ("£12.5k - £15k", W(M(15000))),
    ("Tuition: 9 250 £", M(9250)),
    ("£14,500\t(International)", M(14500)),
    ("  £ 14 , 500  ", M(14500)),
    ("Bench fee: £3,500 per year", N),
    ("Laboratory/bench fees £2,000–£8,000 depending on project", N),
    ("Field trip costs £600 (compulsory)", N),
    ("Pre-sessional English: £3,950 (10 weeks)", N),
    ("Pre-Master's: £14,000; MSc: £19,000", M(19000)),
    ("International Foundation Year: £18,500", N),
    ("PG Cert: £4,500; PG Dip: £9,000; MA: £13,500", M(13500)),
    ("MRes £7,000 per year", M(7000, "GBP", "year")),
    ("Home students £4,786 per year (UKRI rate) — funded studentships cover this", M(4786, "GBP", "year")),
    ("Visa health surcharge £776 per year", N),
    ("Accommodation from £165 per week", N),
    ("Monthly living allowance of £1,483 (UKVI requirement: £1,334 per month for 9 months)", N),
    ("Research Training Support Grant £5,000", N),
    ("Bursary: £3,000 for Home students", N),
    ("Early-bird discount of £1,000 if you apply by 31 March", N),
    ("Fee waiver for applicants from DAC-list countries", N),
    ("Annual living costs are estimated at £12,000 to £15,000", N),
    ("Pay in 10 monthly instalments of £1,200", E(M(12000, "GBP", "total"), M(1200, "GBP", "month"))),
    ("Registration deposit £500; balance of £12,450 due at enrolment", E(M(12950, "GBP", "total"), M(12450))),
    (
        "Tuition fees are £10,830 (UK) and £22,900 (international). The university's address is 1 Oxford Road, Manchester M13 9PL.",
        W(M(10830), M(22900)),
    ),
    ("£21,500 (Int.) – scholarships worth £3,000 automatically deducted for 2025 entrants", M(21500)),
    ("£27,000\n£1,000 Alumni Loyalty Discount\n£2,500 deposit", M(27000)),
    ("2025/26: £11,400", M(11400)),
    ("2025-26 fee £11,400", M(11400)),
    ("Fee (2025): 11400 GBP", M(11400)),
    ("£11,400 (UK), £11,400 (EU settled status), £24,300 (International)", W(M(11400), M(24300))),
    # --- EU
    ("€ 2.314,- per jaar (wettelijk collegegeld)", M(2314, "EUR", "year")),
    ("Instellingscollegegeld: € 18.500", M(18500, "EUR")),
    (
        "Wettelijk collegegeld 2025-2026: € 2.601; instellingscollegegeld niet-EER: € 21.900",
        W(M(2601, "EUR"), M(21900, "EUR")),
    ),
    ("Studiengebühren: keine. Semesterbeitrag: 312,50 €", M(0, "EUR")),
    ("1.500 Euro pro Semester für Nicht-EU-Studierende", M(1500, "EUR", "semester")),
    ("Frais d'inscription : 3 770 € par an (étudiants extra-communautaires)", M(3770, "EUR", "year")),
    ("243 € par an", M(243, "EUR", "year")),
    ("Tasse universitarie: da 156 € a 3.900 € all'anno in base all'ISEE", W(M(3900, "EUR", "year"))),
    ("Matrícula: 2.500 € (60 créditos)", M(2500, "EUR")),
    ("Precio por crédito: 45,30 € (60 ECTS)", M(2718, "EUR", "total")),
    ("CHF 730 pro Semester", M(730, "CHF", "semester")),
    ("Studieavgift: 145 000 kr per läsår", E(M(145000, "SEK", "year"), None)),
    ("SEK 290,000 total (SEK 72,500 per semester)", E(M(290000, "SEK", "total"), M(72500, "SEK", "semester"))),
    ("Tuition fee: NOK 0 — Norwegian public universities do not charge tuition. Semester fee NOK 600.", M(0, "NOK")),
    ("DKK 115,000 per year", M(115000, "DKK", "year")),
    ("Czesne: 4 000 EUR za rok", M(4000, "EUR", "year")),
    ("Czesne: 12 000 zł za semestr", M(12000, "PLN", "semester")),
    ("Školné: 120 000 Kč za akademický rok", M(120000, "CZK", "year")),
    ("€12,000 per annum (non-EU); EU/EEA students: free", W(M(12000, "EUR", "year"), M(0, "EUR"))),
    ("EUR 8 900 / semestr", M(8900, "EUR", "semester")),
    ("Tuition-free (semester contribution approx. €350)", M(0, "EUR")),
    ("€ 1.250,-", M(1250, "EUR")),
    ("Kosten: € 14.900 (excl. BTW)", M(14900, "EUR")),
    ("Lukuvuosimaksu 15 000 euroa", M(15000, "EUR", "year")),
    ("Tuition fee 13 000 EUR per academic year; application fee 100 EUR", M(13000, "EUR", "year")),
    ("Application fee: EUR 100. Tuition: see website", N),
    ("€4.000/ano", M(4000, "EUR", "year")),
    ("Propina anual: 1.063,47 €", M(1063.47, "EUR", "year")),
    ("Kurs ücreti: 8.500 USD / yıl", M(8500, "USD", "year")),
    ("ΔΙΔΑΚΤΡΑ: 4.500 €", M(4500, "EUR")),
    ("Tandíj: 3 500 EUR / félév", M(3500, "EUR", "semester")),
    ("Školarina: 2.800 € po semestru", M(2800, "EUR", "semester")),
    ("Tuition fees (full programme): 45,000 CHF", M(45000, "CHF", "total")),
    ("The fee is CHF 1,160 per semester for all students", M(1160, "CHF", "semester")),
    ("€4,500 first instalment; total €13,500 payable in three instalments", M(13500, "EUR", "total")),
    ("Paid in monthly instalments: €650/month over 24 months", E(M(15600, "EUR", "total"), M(650, "EUR", "month"))),
    ("12.000,00 EUR", M(12000, "EUR")),
    ("12,000.00 EUR", M(12000, "EUR")),
    ("12 000,00 €", M(12000, "EUR")),
    ("€12'500", M(12500, "EUR")),
    ("CHF 1'460.–", M(1460, "CHF")),
    ("EUR 1.500", M(1500, "EUR")),
    ("€\xa014\xa0500", M(14500, "EUR")),
    ("Tuition fee: 15.000 Euro (gesamt)", M(15000, "EUR", "total")),
    ("Gesamtkosten: 24.900 € (zahlbar in 4 Raten à 6.225 €)", M(24900, "EUR", "total")),
    ("Studiengebühr 4.950 € pro Semester, 4 Semester", E(M(4950, "EUR", "semester"), M(19800, "EUR", "total"))),
    ("Semestergebühr: 6.900 €; Bewerbungsgebühr: 150 €", M(6900, "EUR", "semester")),
    ("Teilnahmegebühr 19.800 EUR zzgl. Prüfungsgebühr 500 EUR", M(19800, "EUR")),
    ("Frais de scolarité : 12 500 € (programme complet)", M(12500, "EUR", "total")),
    (
        "Droits d'inscription : 243 €/an ; frais différenciés : 3 879 €/an pour les étudiants hors UE",
        W(M(243, "EUR", "year"), M(3879, "EUR", "year")),
    ),
    ("Coût : 9 900 € TTC", M(9900, "EUR")),
    ("Matrícula: 3.600 € por año académico", M(3600, "EUR", "year")),
    ("Importe total del máster: 7.200 €", M(7200, "EUR", "total")),
    ("Retta: €1.800 per semestre", M(1800, "EUR", "semester")),
    ("Contributo onnicomprensivo annuo: max 2.900 €", W(M(2900, "EUR", "year"))),
    ("Kosten: 2.450 euro per jaar", M(2450, "EUR", "year")),
    ("Collegegeld: €2.601 (EER) of €19.800 (niet-EER)", W(M(2601, "EUR"), M(19800, "EUR"))),
    ("Lukukausimaksu 8 000 € / vuosi", M(8000, "EUR", "year")),
    ("Studieavgift: 125 000 SEK per termin", M(125000, "SEK", "semester")),
    ("Oplata: 3 000 EUR za semestr", M(3000, "EUR", "semester")),
    ("Tuition: CZK 60,000 per semester", M(60000, "CZK", "semester")),
    ("Cena: 24 000 PLN", M(24000, "PLN")),
    ("Tuition fee is 2500 euros per year plus 40 euros for student union", M(2500, "EUR", "year")),
    ("7.500 zł/rok", M(7500, "PLN", "year")),
    ("12 000 € par année", M(12000, "EUR", "year")),
    ("EU: €0 | Non-EU: €15,000", W(M(0, "EUR"), M(15000, "EUR"))),
    (
        "Tuition Fee: €9,000 (EU) / €15,000 (Non-EU) | Duration: 1 year | Start: September 2025 | ECTS: 90",
        W(M(9000, "EUR"), M(15000, "EUR")),
    ),
    ("Graduates earn on average €48,000 per year", N),
    ("€15,000 (approx. $16,200)", M(15000, "EUR")),
    ("EUR 15.5k", M(15500, "EUR")),
    ("€15.5K per year", M(15500, "EUR", "year")),
    ("15,5 k€", M(15500, "EUR")),
    ("Tuition fee (full course): €18,000", M(18000, "EUR", "total")),
    ("approx. €8,000/yr", W(M(8000, "EUR", "year"))),
    ("8,500 Swiss francs per year", M(8500, "CHF", "year")),
    (
        "Studiebidrag: 0 kr. Undervisning er gratis for EU/EØS-borgere; andre: 120.000 kr. pr. år",
        E(M(120000, "DKK", "year"), None),
    ),
    ("Semesteravgift 600 kr (ingen skolepenger)", M(0, "NOK")),
    ("Opłata za studia: 2 500 EUR/semestr; opłata rekrutacyjna 85 zł", M(2500, "EUR", "semester")),
    # --- US
    ("$1,758 per credit hour; 30 credit hours required", M(52740, "USD", "total")),
    ("Tuition: $58,000/yr. Fees: $2,800/yr. Health insurance: $3,400", M(58000, "USD", "year")),
    (
        "$29,880 (in-state) / $59,760 (out-of-state) per academic year",
        W(M(29880, "USD", "year"), M(59760, "USD", "year")),
    ),
    ("Estimated cost of attendance: $82,450", N),
    ("Total program cost: $74,500 (32 credits)", M(74500, "USD", "total")),
    ("$2,295/credit", N),
    ("Graduate assistantships with a full tuition waiver and stipend of $24,000", N),
    ("Application fee: $90 ($75 for early deadline)", N),
    ("Call (617) 253-1000 for tuition info", N),
    ("Median base salary of MS graduates: $115,000", N),
    ("US$ 45,000", M(45000, "USD")),
    ("USD45,000", M(45000, "USD")),
    ("45,000 dollars per year", M(45000, "USD", "year")),
    ("$45K/year", M(45000, "USD", "year")),
    ("$1.2k per credit × 30 credits", M(36000, "USD", "total")),
    ("Tuition per semester (9+ credits): $18,950", M(18950, "USD", "semester")),
    ("Per-unit: $1,398 | Units required: 36", M(50328, "USD", "total")),
    (
        "Resident: $12,500; Non-resident: $27,000; WICHE WRGP: $18,750",
        W(M(12500, "USD"), M(27000, "USD"), M(18750, "USD")),
    ),
    ("Room 204, Building 32, 77 Massachusetts Ave", N),
    ("Fall 2025 tuition $31,200 per term (two terms)", E(M(62400, "USD", "total"), M(31200, "USD", "semester"))),
    ("Total tuition: $36,432.00 USD", M(36432, "USD", "total")),
    ("Tuition & fees $1,130/credit | 36 credits | Total $40,680", M(40680, "USD", "total")),
    ("$ 51,000 .00", M(51000, "USD")),
    ("$1,650 per unit x 12 units", M(19800, "USD", "total")),
    ("Tuition: $3,950 per course (10 courses) + $500 technology fee", M(39500, "USD", "total")),
    ("<td>Tuition</td><td>$34,500</td><td>Fees</td><td>$1,200</td>", M(34500, "USD")),
    ("Median salary: USD 95,000", N),
    ("$5,000 per quarter", M(5000, "USD", "term")),
    ("$2.5m endowed fund supports scholarships", N),
    ("Fees: 5,500 (USD)", M(5500, "USD")),
    ("Tuition is $1,540 per credit. Most students complete 33 credits in 12 months.", M(50820, "USD", "total")),
    ("Tuition (2025–26): $67,800 | Mandatory fees: $1,912 | Books: $1,200 | Room and board: $21,000", M(67800, "USD")),
    ("The 36-credit program costs $27,000 total, or $750 per credit.", M(27000, "USD", "total")),
    (
        "Tuition: $24,300 per academic year (fall + spring). Summer session billed separately at $1,350/credit.",
        M(24300, "USD", "year"),
    ),
    ("Students receive a $10,000 Dean's scholarship; tuition is $48,600", M(48600, "USD")),
    ("ZIP 02139, Cambridge MA", N),
    # --- Canada / Australia / NZ
    (
        "Domestic: $9,450 CAD per year; International: $38,250 CAD per year",
        W(M(9450, "CAD", "year"), M(38250, "CAD", "year")),
    ),
    ("International tuition: $45,000 per year (McGill University, Montréal, Canada)", M(45000, "CAD", "year")),
    ("$43,500 per year — University of Melbourne, Australia", M(43500, "AUD", "year")),
    ("AUD $49,500 per year", M(49500, "AUD", "year")),
    ("A$52,800 per year (2025)", M(52800, "AUD", "year")),
    ("Indicative annual fee: $46,000 (Australia, international onshore)", M(46000, "AUD", "year")),
    (
        "CSP: $11,350 (Commonwealth supported place); Domestic full fee: $34,560; International: $48,000 per year",
        W(M(11350, "AUD"), M(34560, "AUD"), M(48000, "AUD", "year")),
    ),
    ("NZ$38,500", M(38500, "NZD")),
    ("$38,500 NZD per year", M(38500, "NZD", "year")),
    (
        "Annual fee (2025): AUD 45,600 | Total course fee: AUD 91,200",
        E(M(91200, "AUD", "total"), M(45600, "AUD", "year")),
    ),
    ("FEE-HELP available up to $121,844", N),
    ("CRICOS code 012345K", N),
    ("Fee per year: $11,000 (CAD) for domestic students", M(11000, "CAD", "year")),
    ("CA$24,000", M(24000, "CAD")),
    ("C$ 24,000", M(24000, "CAD")),
    ("24,000 Canadian dollars", M(24000, "CAD")),
    ("US$24,000 (approx. £19,000)", M(24000, "USD")),
    ("2025 indicative fee AU$41,280 per annum; CRICOS 098765A", M(41280, "AUD", "year")),
    # --- Asia / Middle East
    ("HK$198,000 (total programme fee)", M(198000, "HKD", "total")),
    ("HKD 16,500 per course; 10 courses", M(165000, "HKD", "total")),
    ("S$ 55,000 (inclusive of GST)", M(55000, "SGD")),
    ("SGD 48,000 (before GST); SGD 52,320 (with 9% GST)", E(M(48000, "SGD"), M(52320, "SGD"))),
    ("学費：年額535,800円", M(535800, "JPY", "year")),
    ("入学金 282,000円、授業料 535,800円（年額）", M(535800, "JPY", "year")),
    ("学费：每年 60,000 元", M(60000, "CNY", "year")),
    ("学费: 人民币 8万元/年", M(80000, "CNY", "year")),
    ("总学费 ¥120,000", M(120000, "CNY", "total")),
    ("등록금: 학기당 5,200,000원", M(5200000, "KRW", "semester")),
    ("₩ 4,800,000 per semester", M(4800000, "KRW", "semester")),
    ("Rs. 3,50,000 per annum", M(350000, "INR", "year")),
    ("INR 12 Lakhs (total)", M(1200000, "INR", "total")),
    ("₹ 2.4 lakh per semester", M(240000, "INR", "semester")),
    ("Tk. 4,50,000 (total, 48 credits)", M(450000, "BDT", "total")),
    ("PKR 95,000 per semester", M(95000, "PKR", "semester")),
    ("RM 38,000 (Malaysian students) / USD 12,000 (international)", W(M(38000, "MYR"), M(12000, "USD"))),
    ("MYR 42,500 total", M(42500, "MYR", "total")),
    ("AED 85,000 (total programme)", M(85000, "AED", "total")),
    ("Dhs 75,000", E(M(75000, "AED"), None)),
    ("₺45.000 / yıl", M(45000, "TRY", "year")),
    ("¥1,200,000 (approx. US$8,000)", M(1200000, "JPY")),
    ("5 000 000 ₩", M(5000000, "KRW")),
    ("円 800,000", M(800000, "JPY")),
    ("800,000 yen per year", M(800000, "JPY", "year")),
    ("2 million won per semester", M(2000000, "KRW", "semester")),
    ("Rs 5 lac", M(500000, "INR")),
    ("Application fee: ₹1,500; Tuition fee: ₹2,80,000 per year", M(280000, "INR", "year")),
    ("Hostel ₹60,000 per year", N),
    ("Caution deposit ₹10,000 (refundable)", N),
    ("S$3,200 per module; 10 modules; total S$32,000 before GST", M(32000, "SGD", "total")),
    ("授業料 年額 ５３５，８００円", M(535800, "JPY", "year")),
    ("Tuition: RMB 98,000 for the two-year program", M(98000, "CNY", "total")),
    # unknown currencies: the right answer is no value (error asking for a rate)
    ("Học phí: 180.000.000 VNĐ/năm", N),
    ("ค่าเล่าเรียน 150,000 บาท ตลอดหลักสูตร", N),
    ("Biaya kuliah Rp 25.000.000 per semester", N),
    ("PHP 120,000 per trimester", N),
    ("NT$ 55,000 per semester", N),
    ("ILS 42,000", N),
    ("SAR 60,000", N),
    ("QAR 95,000 per year", N),
    ("KSh 380,000 per year", N),
    ("GH₵ 18,500 per academic year", N),
    ("EGP 95,000", N),
    ("Tuition: 1 200 000 FCFA par an", N),
    ("Frais de scolarité : 450 000 FCFA", N),
    ("UGX 6,500,000 per semester", N),
    ("MAD 45 000 / an", N),
    ("MXN $85,000 por semestre", N),
    ("$ 4.500.000 COP por semestre", N),
    ("Arancel anual: $ 5.200.000 (pesos chilenos)", N),
    ("HUF 1 200 000 / félév", N),
    ("Taxa de matrícula: 3.000 lei/an", N),
    # --- Africa / LatAm
    ("R 68 500 per annum", M(68500, "ZAR", "year")),
    ("ZAR 72,300 (2025 tuition, full-time)", M(72300, "ZAR")),
    ("R72,300", E(M(72300, "ZAR"), None)),
    ("₦1,250,000 per session", M(1250000, "NGN", "year")),
    ("₦350,000 acceptance fee; tuition ₦1.2m", M(1200000, "NGN")),
    ("USD 4,500 per semester (international students, Makerere)", M(4500, "USD", "semester")),
    ("R$ 2.350,00 por mês (24 parcelas)", E(M(2350, "BRL", "month"), M(56400, "BRL", "total"))),
    ("Mensalidade: R$ 1.890", M(1890, "BRL", "month")),
    # --- portal scrapes
    ("Tuition fee\n15,700 EUR / year\nInternational · Full-time", M(15700, "EUR", "year")),
    ("11,500 GBP / full\nInternational · 1 year", M(11500, "GBP", "total")),
    ("16,000 USD / year · International · Full-time 12 months", M(16000, "USD", "year")),
    ("Tuition fee  Not specified", N),
    ("Free\nEU/EEA · Full-time", E(M(0, "EUR"), None)),
    ("2,083 EUR / module\nInternational", N),
    (
        "Fees: £16,250 for UK students; £28,500 for international students (2025/26 entry). Funding: Up to £10,000 scholarships available.",
        W(M(16250), M(28500)),
    ),
    ("UK fee: £12,400 Overseas fee: £26,950", W(M(12400), M(26950))),
    ("Home/EU: £9,950 | Overseas: £21,950 | More details", W(M(9950), M(21950))),
    (
        "Fees and funding\nUK: Full-time £13,100\nInternational: Full-time £27,500\n\nAdditional costs\nField trip: £350",
        W(M(13100), M(27500)),
    ),
    (
        "24,850 GBP / year\n11,950 GBP / year\nInternational · Full-time\nNational · Full-time",
        W(M(24850, "GBP", "year"), M(11950, "GBP", "year")),
    ),
    ("Tuition fee: 18,900 EUR / year  ·  Application fee: 75 EUR  ·  Deadline 01 Mar 2025", M(18900, "EUR", "year")),
    ("Fees: 9,250 GBP (UK), 21,000 GBP (INT) | Duration: 12 months | Ranking: #85 QS", W(M(9250), M(21000))),
    # --- long paragraph / HTML
    (
        "The MSc Data Science is a one-year full-time programme (180 credits) based at our Edgbaston campus, B15 2TT. In 2025/26 the tuition fee for Home students is £14,850 and for International students £32,940. A deposit of £2,000 is required. Around 92% of graduates are in work within 15 months, with an average starting salary of £34,000. Call +44 (0)121 414 3344.",
        W(M(14850), M(32940)),
    ),
    (
        "<div class='fee'><span>International</span><span>£27,150</span></div><div class='fee'><span>Home</span><span>£12,950</span></div>",
        W(M(27150), M(12950)),
    ),
    ("Tuition: [object Object]", N),
    ("NaN", N),
    ("12500", M(12500)),
    ("12500.0", M(12500)),
    ("£", N),
    ("£ TBC", N),
    (
        "Our graduates go on to roles at Google, Amazon and Deloitte earning up to £60,000. The course fee is £19,750 for 2025 entry.",
        M(19750),
    ),
    ("This 12-month MSc (COMP5623M, COMP5711M and 6 other modules) costs £31,250 for overseas students.", M(31250)),
    (
        "Programme fee £26,000. Living costs in London are about £1,400 per month, and there is a £1,500 deposit.",
        M(26000),
    ),
    ("Fees: £24,000 per year. The university was founded in 1904 and has 38,000 students.", M(24000, "GBP", "year")),
    # --- non-fee numbers
    ("Entry requirements: 2:1 (or GPA 3.3/4.0); IELTS 6.5 with no less than 6.0 in each component", N),
    ("Class size: 120 students; 45% international", N),
    ("Programme code: 1234; UCAS code: G400", N),
    ("COMP5623M Artificial Intelligence (15 credits)", N),
    ("Established in 1826", N),
    ("Postcode LS2 9JT, Tel +44 (0)113 243 1751", N),
    ("Over 10,000 alumni in 120 countries", N),
    ("180 credits", N),
    ("Total of 90 ECTS", N),
    ("Intake: 2025, 2026", N),
    ("Next start date 15/09/2025", N),
    ("Course ID 4521786", N),
    ("QS World Ranking 2025: 142", N),
    ("3,200 hours of supervised practice", N),
    ("See fees.leeds.ac.uk/2025/pgt-12500", N),
    ("Download fee schedule (PDF, 1,250 KB)", N),
    ("Up to 1500 words personal statement", N),
    ("Alumni discount 10%", N),
    ("Minimum GMAT 600; average work experience 5 years", N),
    ("Reference number 2025-PGT-00417", N),
    ("Room 1.250, Engineering Building", N),
    ("Semester starts 1 October; 28 contact hours per week; 750 students enrolled", N),
]
# header-dependent cells: (cell, expected, header)
MONEY_H = [
    ("12.500", M(12500, "EUR"), "Fees (EUR)"),
    ("£9,250", M(9250, "GBP", "year"), "Tuition fee per year"),
    ("€1,500", M(1500, "EUR", "semester"), "Fees (per semester)"),
    ("£10,000", M(10000, "GBP"), "Tuition (USD)"),
    ("$43,500", M(43500, "AUD"), "Fees (AUD)"),
    ("12 500", M(12500, "EUR"), "Fees (€)"),
    ("145000", M(145000, "SEK", "year"), "Cost (SEK/year)"),
    ("12.5", M(12500, "GBP"), "Fees (£000s)"),
    ("12.5", M(12500, "GBP"), "Tuition (GBP thousands)"),
    ("2,950", M(2950, "EUR", "semester"), "Semester fee (EUR)"),
    ("Home: 9,250 / Intl: 18,500", W(M(9250, "GBP", "year"), M(18500, "GBP", "year")), "Annual tuition (GBP)"),
    ("30", N, "Fees (EUR)"),
    ("15 credits", N, "Fee"),
]


def D(*m, w=False):
    return {"alts": list(m), "w": w}


DURATION = [
    ("1 year full-time; 2 years part-time", 12),
    ("12 months (full-time), 24 months (part-time)", 12),
    ("Part-time: 2 years; Full-time: 1 year", 12),
    ("2-5 years part-time", N),
    ("Up to 6 years", N),
    ("1 year (with placement: 2 years)", 12),
    ("2 years including a 1-year industrial placement", D(24, 12, w=True)),
    ("September 2025 start, 12 months", 12),
    ("Starts 15 September 2025; ends 30 September 2026", D(12, 13, None)),
    ("Intakes: January, May, September. Duration 16 months", 16),
    ("3 semesters (1.5 years)", 18),
    ("4 Semester (120 ECTS)", 24),
    ("120 ECTS", D(24, w=True)),
    ("90 ECTS – 3 semesters", 18),
    ("60 ECTS", D(12, w=True)),
    ("Regelstudienzeit: 4 Semester", 24),
    ("2 ans", 24),
    ("Durée : 1 an (M2)", 12),
    ("Durata: 2 anni", 24),
    ("Duración: 18 meses", 18),
    ("Duur: 1 jaar", 12),
    ("Studietid: 2 år", 24),
    ("学制：2年", 24),
    ("修業年限 2年", 24),
    ("수업연한: 2년 (4학기)", 24),
    ("1½ years", 18),
    ("One year", 12),
    ("Twelve months", 12),
    ("Eighteen months full time", 18),
    ("48 weeks", 11),
    ("1 year (180 credits); PGDip 9 months; PGCert 4 months", 12),
    ("Full-time: 1 year | Part-time: 2-3 years | Distance learning: up to 5 years", 12),
    ("Flexible, 2-6 years", N),
    ("Maximum registration period: 4 years", N),
    ("Minimum 12 months, maximum 36 months", 12),
    ("11 months + 4 month summer research project", 15),
    ("9 months taught + 3 months dissertation", 12),
    ("1 academic year (September to September)", 12),
    ("2 years (4 terms + summer internship)", 24),
    ("15 months full-time (including 3-month internship)", 15),
    ("1 yr", 12),
    ("2yrs", 24),
    ("12-18 months", D(12, 18, w=True)),
    ("1-2 years", D(12, 24, w=True)),
    ("One calendar year", 12),
    ("1 year (3 trimesters)", 12),
    ("Duration: 1 year. Start date: 22/09/2025. Application deadline: 31/07/2025.", 12),
    ("Full time 12 months starting in October 2025; part time 24 months", 12),
    ("The course runs for 50 weeks from September", D(11.5, 11, 12)),
    ("36 credit hours, typically completed in 2 years", 24),
    ("30 credits; 1 year full-time", 12),
    ("2 years (full-time) / 1 year for students with a 4-year bachelor's", D(24, 12, w=True)),
    ("1 year (MSc), 2 years (MSc with Industrial Placement)", 12),
    ("MSc: 12 months. MSc with Professional Placement: 24 months.", D(12, w=True)),
    ("Duration: 12 months. Course code: COMP5623M. Credits: 180", 12),
    ("Class of 2026: 24-month program", 24),
    ("3 years part-time only", N),
    ("Part-time 2 years", N),
    ("Programme length: 1 year, 4 months", 16),
    ("1 year 3 months", 15),
    ("13 months", 13),
    ("2", D(24, w=True)),
    ("18", 18),
    ("1.5", D(18, w=True)),
    ("24 mois", 24),
    ("2 Jahre (Vollzeit), 3 Jahre (Teilzeit)", 24),
    ("Vollzeit: 3 Semester; Teilzeit: 6 Semester", 18),
    ("2 anos", 24),
    ("2 lata", 24),
    ("1 year full-time (Sept start) or 16 months (January start)", D(12, 16, w=True)),
    ("Sep 2025 – Aug 2026", D(12, 11, None)),
    ("Academic year 2025-2026 (1 year)", 12),
    ("2025 entry: 1 year", 12),
    ("1 year (full-time) — 2 years (part-time) — 3 years (distance)", 12),
    ("24 months, including a 6-month placement", 24),
    ("One year full-time or two years part-time; students may take up to five years", 12),
    ("12 months full-time with an optional 12-month placement year", D(12, w=True)),
    ("N/A", N),
    ("Varies", N),
    ("see website", N),
    ("1 year (plus 3 months for dissertation write-up)", 15),
    ("Two-year program (four semesters)", 24),
    ("It takes 21 months to complete", 21),
    ("10 months", 10),
    ("2 years, 120 ECTS, starting September 2025 (apply by 15 January 2025)", 24),
    ("Full-time: 12 months\nPart-time: 24 months\nStart: September 2025\nFee: £12,500", 12),
    ("1 year full-time. Fees £9,250 for 2025/26. Tel 020 7946 0000.", 12),
    ("MSc (1 year) or PGDip (9 months)", 12),
    ("9 months (PGDip) / 12 months (MSc)", 12),
    ("<p>1 year&nbsp;full-time</p>", 12),
    ("1&nbsp;year", 12),
    ("1 Jahr (2 Semester), berufsbegleitend 2 Jahre", 12),
    ("3 trimestres (1 an)", 12),
    ("一年制（全日制）", 12),
    ("全日制2年，非全日制3年", 24),
    ("Tempo integral: 24 meses", 24),
    ("Full-time: 1 year; Full-time with placement: 2 years", D(12, w=True)),
    ("2 years (120 ECTS) — 1 year track (60 ECTS) for qualified applicants", D(24, 12, w=True)),
    ("Length: 12 months; 180 credits; 8 modules; 60-credit dissertation", 12),
    ("Approx. 18 months", D(18, w=True)),
    ("16 months (4 terms)", 16),
    ("1 year full time (September - August) plus optional 1 year placement", 12),
]

BOOLEAN = [
    ("Yes – optional 12-month placement", (0.5, 1)),
    ("Optional placement year", 0.5),
    ("No placement, but an industry project", 0),
    ("Yes (compulsory)", 1),
    ("Not offered", 0),
    ("✔", 1),
    ("×", 0),
    ("Placement: no", 0),
    ("Yes*", 1),
    ("No (but you can apply for the MSc with Placement variant)", (0, 0.5)),
    ("Work placement included", 1),
    ("Oui", 1),
    ("Nein", 0),
    ("Sí", 1),
    ("Yes - 3 months", 1),
    ("None", 0),
    ("N", 0),
    ("Placement year not available for this course", 0),
    ("Compulsory 6-month internship", 1),
    ("Students are responsible for finding their own placement", (0.5, 1)),
]
RATING = [
    ("4/5", 4),
    ("Rated 9/10 by students", 4.5),
    ("★★★☆☆", 3),
    ("4.2 out of 5", 4.2),
    ("3 stars", 3),
    ("Good (4)", 4),
    ("Ranked #3 for careers support", N),
    ("No data", N),
    ("Careers support rated 4.6/5 (2024 survey, n=312)", 4.6),
    ("2 out of 5", 2),
]
PERCENT = [
    ("92% in work or further study within 15 months", 0.92),
    ("Graduate Outcomes 2023: 89%", 0.89),
    ("9 out of 10 graduates employed", 0.9),
    ("0.87", 0.87),
    ("87", 0.87),
    ("95% (n=40)", 0.95),
    ("98 per cent", 0.98),
    ("Employment rate 2024: 94.5%, average salary £31,000", 0.945),
    ("100% of 2024 cohort", 1.0),
    ("Top 10% for employability", N),
    ("Graduates employed: 91 %", 0.91),
]


def classify_all():
    """(counts by (kind, class), cases by class)."""
    rows = []
    for cell_s, exp in MONEY:
        rows.append(("money", cell_s, exp, "Tuition fees"))
    for cell_s, exp, h in MONEY_H:
        rows.append(("money", cell_s, exp, h))
    for cell_s, exp in DURATION:
        rows.append(("duration", cell_s, exp, "Duration"))
    for cell_s, exp in BOOLEAN:
        rows.append(("boolean", cell_s, exp, ""))
    for cell_s, exp in RATING:
        rows.append(("rating", cell_s, exp, ""))
    for cell_s, exp in PERCENT:
        rows.append(("percent", cell_s, exp, ""))
    seen = set()
    counts = collections.Counter()
    out = collections.defaultdict(list)
    for kind, s, exp, h in rows:
        assert (kind, s, h) not in seen, s
        seen.add((kind, s, h))
        if kind == "money":
            c = money_parser(h)(s)
            alts, w = norm(exp)
            cls = classify(c, alts, w, money_match)
        elif kind == "duration":
            c = dur(s)
            alts, w = norm(exp)
            cls = classify(c, alts, w, dmatch)
        else:
            p = {"boolean": boo, "rating": rat, "percent": pct}[kind]
            c = p(s)
            alts = list(exp) if isinstance(exp, tuple) else [exp]
            w = False
            cls = classify(c, alts, False, smatch(0.01 if kind == "percent" else 0.05))
        counts[(kind, cls)] += 1
        out[cls].append((kind, s, exp, h, c))
    return rows, counts, out


def run():
    rows, counts, out = classify_all()
    kinds = ["money", "duration", "boolean", "rating", "percent"]
    classes = ["RIGHT", "SILENTLY WRONG", "FLAGGED WRONG", "MISSED", "OVER-CAUTIOUS", "UNWARNED"]
    print("total cells", len(rows))
    print(f"{'kind':<10}" + "".join(f"{c:>16}" for c in classes))
    for k in kinds:
        print(f"{k:<10}" + "".join(f"{counts[(k, c)]:>16}" for c in classes))
    for cls in classes[1:]:
        print(f"\n===== {cls} ({len(out[cls])})")
        for kind, s, exp, h, c in out[cls]:
            print(f"[{kind}] {s!r}" + (f" (header {h!r})" if h not in ("Tuition fees", "Duration", "") else ""))
            print(f"    want {exp}\n    got  {c.value} {c.status} period={c.period} | {c.message} | {c.note}")


if __name__ == "__main__":
    run()
