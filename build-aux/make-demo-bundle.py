#!/usr/bin/env python3
"""Write the synthetic demo caseload, data/demo/demo-caseload.json (format caseload-bundle/1).

Everything here is invented: people, addresses (Springfield, CA), phone numbers (555-01xx) and
e-mail addresses (@example.org). The demo is meant to be looked at "now", on 2026-11-24, so the
histories are written to give a realistic mix around that date: some overdue items, several due
in the next days and weeks, many obligations met on time and a few met late (the intended status
of each scenario is noted beside it; see also the summary the script prints).

Standard library only, no network, deterministic: running it twice gives a byte-identical file.

    python3 build-aux/make-demo-bundle.py [--output PATH] [--quiet]
"""

import argparse
import datetime
import json
import os
import random
import sys

SEED = 20261124
DEMO_TODAY = datetime.date(2026, 11, 24)

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUTPUT = os.path.join(HERE, os.pardir, "data", "demo", "demo-caseload.json")

# ---------------------------------------------------------------------------------------------
# Calendars: one per school year of each school. Holidays are closed days the district office
# is closed too ("holiday": true); winter and spring breaks are school-only closures.


def closed(frm, to, label, holiday=False):
    c = {"from": frm, "to": to or frm, "label": label}
    if holiday:
        c["holiday"] = True
    return c


def calendar(cid, first_day, last_day, closures):
    return {"id": cid, "first_day": first_day, "last_day": last_day, "closed": closures}


CALENDARS = [
    # Lincoln Middle School (2025-26 and 2026-27 are the calendars of rules.md §6, with the
    # single-day holidays the worked examples leave out).
    calendar("lincoln-2024", "2024-08-19", "2025-06-12", [
        closed("2024-09-02", None, "Labor Day", True),
        closed("2024-11-11", None, "Veterans Day", True),
        closed("2024-11-25", "2024-11-29", "Thanksgiving break", True),
        closed("2024-12-23", "2025-01-03", "Winter break"),
        closed("2025-01-20", None, "Martin Luther King Jr. Day", True),
        closed("2025-02-17", None, "Presidents' Day", True),
        closed("2025-04-07", "2025-04-11", "Spring break"),
    ]),
    calendar("lincoln-2025", "2025-08-18", "2026-06-11", [
        closed("2025-09-01", None, "Labor Day", True),
        closed("2025-11-11", None, "Veterans Day", True),
        closed("2025-11-24", "2025-11-28", "Thanksgiving break", True),
        closed("2025-12-22", "2026-01-02", "Winter break"),
        closed("2026-01-19", None, "Martin Luther King Jr. Day", True),
        closed("2026-02-16", None, "Presidents' Day", True),
        closed("2026-04-06", "2026-04-10", "Spring break"),
    ]),
    calendar("lincoln-2026", "2026-08-17", "2027-06-10", [
        closed("2026-09-07", None, "Labor Day", True),
        closed("2026-11-11", None, "Veterans Day", True),
        closed("2026-11-23", "2026-11-27", "Thanksgiving break", True),
        closed("2026-12-21", "2027-01-01", "Winter break"),
        closed("2027-01-18", None, "Martin Luther King Jr. Day", True),
        closed("2027-02-15", None, "Presidents' Day", True),
        closed("2027-03-29", "2027-04-02", "Spring break"),
    ]),
    # Riverside High School: starts the Wednesday before, ends the Friday before Lincoln; its
    # spring break follows the high-school district's week (after Easter), and its 2024-25
    # winter break starts a week-end earlier.
    calendar("riverside-2024", "2024-08-14", "2025-06-06", [
        closed("2024-09-02", None, "Labor Day", True),
        closed("2024-11-11", None, "Veterans Day", True),
        closed("2024-11-25", "2024-11-29", "Thanksgiving break", True),
        closed("2024-12-20", "2025-01-03", "Winter break"),
        closed("2025-01-20", None, "Martin Luther King Jr. Day", True),
        closed("2025-02-17", None, "Presidents' Day", True),
        closed("2025-04-21", "2025-04-25", "Spring break"),
    ]),
    calendar("riverside-2025", "2025-08-13", "2026-06-05", [
        closed("2025-09-01", None, "Labor Day", True),
        closed("2025-11-11", None, "Veterans Day", True),
        closed("2025-11-24", "2025-11-28", "Thanksgiving break", True),
        closed("2025-12-22", "2026-01-02", "Winter break"),
        closed("2026-01-19", None, "Martin Luther King Jr. Day", True),
        closed("2026-02-16", None, "Presidents' Day", True),
        closed("2026-03-30", "2026-04-03", "Spring break"),
    ]),
    calendar("riverside-2026", "2026-08-12", "2027-06-04", [
        closed("2026-09-07", None, "Labor Day", True),
        closed("2026-11-11", None, "Veterans Day", True),
        closed("2026-11-23", "2026-11-27", "Thanksgiving break", True),
        closed("2026-12-21", "2027-01-01", "Winter break"),
        closed("2027-01-18", None, "Martin Luther King Jr. Day", True),
        closed("2027-02-15", None, "Presidents' Day", True),
        closed("2027-04-05", "2027-04-09", "Spring break"),
    ]),
]

SCHOOLS = [
    {"id": "lincoln-ms", "name": "Lincoln Middle School",
     "calendars": ["lincoln-2024", "lincoln-2025", "lincoln-2026"]},
    {"id": "riverside-hs", "name": "Riverside High School",
     "calendars": ["riverside-2024", "riverside-2025", "riverside-2026"]},
]

# ---------------------------------------------------------------------------------------------
# Staff. Case managers: Delgado and Whitaker at Lincoln, Okafor and Park at Riverside.

STAFF_SPEC = [
    ("t-delgado", "Marisol Delgado", "case_manager"),
    ("t-whitaker", "Owen Whitaker", "case_manager"),
    ("t-okafor", "Chidi Okafor", "case_manager"),
    ("t-park", "Jenna Park", "case_manager"),
    ("t-lindqvist", "Erik Lindqvist", "general_education_teacher"),   # Lincoln
    ("t-barnes", "Tasha Barnes", "general_education_teacher"),        # Riverside
    ("t-sarkisian", "Ani Sarkisian", "special_education_teacher"),    # Lincoln
    ("t-reyes", "Felipe Reyes", "special_education_teacher"),         # Riverside
    ("a-holloway", "Gwen Holloway", "administrator"),                 # Lincoln assistant principal
    ("a-tran", "Vincent Tran", "administrator"),                      # Riverside assistant principal
    ("p-castillo", "Renata Castillo", "school_psychologist"),
    ("s-abernathy", "Louise Abernathy", "speech_language_pathologist"),
    ("i-morales", "Javier Morales", "interpreter"),                   # Spanish
]


def staff_email(name):
    return name.lower().replace(" ", ".") + "@example.org"


STAFF = [{"id": sid, "name": name, "role": role, "email": staff_email(name)}
         for sid, name, role in STAFF_SPEC]

SCHOOL_TEAM = {
    "lincoln-ms": {"general_education_teacher": "t-lindqvist",
                   "special_education_teacher": "t-sarkisian",
                   "lea_representative": "a-holloway",
                   "location": ["Room 14", "Room 22", "Library conference room", "Counseling office"]},
    "riverside-hs": {"general_education_teacher": "t-barnes",
                     "special_education_teacher": "t-reyes",
                     "lea_representative": "a-tran",
                     "location": ["Room B-108", "Student services conference room",
                                  "Room C-204", "Career center"]},
}

# ---------------------------------------------------------------------------------------------
# Event helpers (each returns one event object).


def referral(date, source="teacher"):
    return {"type": "referral", "date": date, "source": source}


def plan_provided(date):
    return {"type": "assessment_plan_provided", "date": date}


def consent(date):
    return {"type": "assessment_plan_consent", "date": date}


def reassessment_consent(date):
    return {"type": "reassessment_consent", "date": date}


def meeting(date, kind, transition=None, aom=None, eligible=None):
    e = {"type": "iep_meeting", "date": date, "kind": kind}
    if kind in ("initial", "triennial"):
        e["eligible"] = True if eligible is None else eligible
    if transition is not None:
        e["transition_plan"] = transition
    if aom is not None:
        e["age_of_majority_informed"] = aom
    return e


def initial(date, **kw):
    return meeting(date, "initial", **kw)


def annual(date, **kw):
    return meeting(date, "annual", **kw)


def triennial(date, **kw):
    return meeting(date, "triennial", **kw)


def removal(date, days, kind="suspension", special=None):
    e = {"type": "removal", "date": date, "school_days": days, "kind": kind}
    if special:
        e["special_circumstance"] = special
    return e


def simple(etype, date, **fields):
    e = {"type": etype, "date": date}
    e.update(fields)
    return e


# ---------------------------------------------------------------------------------------------
# Students. Each entry: id, first, last, birth, school, grade, case manager, home language,
# english learner, eligibility (primary, secondary) or None while still being assessed,
# guardians [(name, relationship, language)], events, extra student fields.
# The comment above each one is the story and the statuses it should show on 2026-11-24.

STUDENTS = [
    # ---------------- Lincoln Middle School (grades 6-8) ----------------
    # Full initial path in 2024-25, every annual on time: all met.
    dict(id="S-1001", first="Sofía", last="Hernández", birth="2014-03-22", school="lincoln-ms",
         grade="7", cm="t-delgado", lang="es", el=True, elig=("SLD", None),
         guardians=[("Rosa Hernández", "mother", "es"), ("Luis Hernández", "father", "es")],
         events=[referral("2024-08-28", "teacher"), plan_provided("2024-09-06"),
                 consent("2024-09-12"), initial("2024-10-08"), annual("2025-10-02"),
                 annual("2026-09-29")]),
    # Annual review due 2026-11-06 not held: OVERDUE. Meeting planned 2026-12-03, notice sent
    # late (2026-11-24, due 2026-11-23): met late.
    dict(id="S-1002", first="Minh", last="Nguyen", birth="2013-04-17", school="lincoln-ms",
         grade="8", cm="t-whitaker", lang="vi", el=True, elig=("SLI", None),
         guardians=[("Lan Nguyen", "mother", "vi")],
         events=[annual("2023-11-09"), annual("2024-11-07"), annual("2025-11-06")]),
    # Initial 2023, triennial on time 2026-02-26; next annual planned 2027-02-23.
    dict(id="S-1003", first="Aram", last="Petrosyan", birth="2015-02-11", school="lincoln-ms",
         grade="6", cm="t-delgado", lang="hy", el=True, elig=("AUT", "SLI"),
         guardians=[("Anahit Petrosyan", "mother", "hy"), ("Gor Petrosyan", "father", "hy")],
         events=[initial("2023-03-15"), annual("2024-03-07"), annual("2025-03-04"),
                 reassessment_consent("2025-12-08"), triennial("2026-02-26")]),
    # Discipline, fall 2026: suspensions 3, 4, 2.5, an in-school suspension (not counted),
    # then 1 day on 2026-11-09 makes 10.5: removal services due 11-09, started 11-12 (met late).
    # Placement change decided 11-10, manifestation review held 11-19 (due 12-02): met.
    dict(id="S-1004", first="Jayden", last="Brooks", birth="2013-11-30", school="lincoln-ms",
         grade="7", cm="t-whitaker", lang="en", el=False, elig=("ED", "OHI"),
         guardians=[("Keisha Brooks", "mother", "en")],
         events=[triennial("2025-05-06"), annual("2026-05-04"),
                 removal("2026-09-14", 3), removal("2026-10-05", 4), removal("2026-10-26", 2.5),
                 removal("2026-11-02", 2, "in_school_suspension"), removal("2026-11-09", 1),
                 simple("placement_change_decision", "2026-11-10"),
                 simple("removal_services", "2026-11-12"),
                 meeting("2026-11-19", "manifestation")]),
    # Referred 2026-10-01, plan on time, consent 2026-10-26: initial IEP due 2027-01-10 (60 days
    # not counting the 16-day winter break): upcoming; initial meeting planned 2026-12-15.
    dict(id="S-1005", first="Emily", last="Carter", birth="2012-10-19", school="lincoln-ms",
         grade="8", cm="t-whitaker", lang="en", el=False, elig=None,
         guardians=[("Megan Carter", "mother", "en"), ("Ryan Carter", "father", "en")],
         events=[referral("2026-10-01", "teacher"), plan_provided("2026-10-09"),
                 consent("2026-10-26")]),
    # Fresh parent referral 2026-11-16: assessment plan due 2026-12-01; the psychologist who
    # speaks Korean is away, and the mother agrees in writing on 11-20 to extend the plan to
    # 2026-12-09 (upcoming; due soon from 11-25).
    dict(id="S-1006", first="Ji-woo", last="Kim", birth="2015-01-27", school="lincoln-ms",
         grade="6", cm="t-delgado", lang="ko", el=True, elig=None,
         guardians=[("Soo-min Kim", "mother", "ko")],
         events=[referral("2026-11-16", "parent"),
                 simple("extension", "2026-11-20", rule="assessment_plan_due", until="2026-12-09")]),
    # First enrolled in a California school 2026-08-24 (Tagalog at home): English proficiency due
    # 2026-10-06 (30 school days), tested 09-29 (met, not an English learner); the primary-language
    # assessment due 2026-11-22 (90 days) not done: OVERDUE. Teacher referral 2026-11-05, no plan
    # yet: assessment plan due 2026-11-20, OVERDUE.
    dict(id="S-1007", first="Isabella", last="Cruz", birth="2013-12-05", school="lincoln-ms",
         grade="7", cm="t-delgado", lang="tl", el=False, elig=None,
         guardians=[("Maricel Cruz", "mother", "tl"), ("Roberto Cruz", "father", "en")],
         events=[simple("enrollment", "2026-08-24"),
                 simple("english_proficiency_assessed", "2026-09-29"),
                 referral("2026-11-05", "teacher")]),
    # Referral 2026-05-26, 16 days before the last day: end-of-year rule, plan due 2026-08-27
    # (given 08-20, met); consent 08-31, initial due 10-30, held 10-22: met.
    dict(id="S-1008", first="Daniel", last="Orozco", birth="2013-06-30", school="lincoln-ms",
         grade="8", cm="t-delgado", lang="es", el=True, elig=("SLD", None),
         guardians=[("Guadalupe Orozco", "mother", "es")],
         events=[referral("2026-05-26", "teacher"), plan_provided("2026-08-20"),
                 consent("2026-08-31"), initial("2026-10-22")]),
    # Annual due 2026-01-14 held 2026-02-03: met late. Triennial due 2027-01-18, consent signed,
    # triennial planned 2027-01-14 (Spanish interpreter).
    dict(id="S-1009", first="Lucas", last="Mendoza", birth="2015-05-03", school="lincoln-ms",
         grade="6", cm="t-whitaker", lang="es", el=True, elig=("SLD", "SLI"),
         guardians=[("Verónica Mendoza", "mother", "es"), ("Jorge Salinas", "stepfather", "es")],
         events=[initial("2024-01-18"), annual("2025-01-14"), annual("2026-02-03"),
                 reassessment_consent("2026-11-02")]),
    # Parent's written request 2026-11-02: meeting due 2026-12-02 (due soon); annual due 12-09
    # (due soon); annual planned 2026-12-01 with the general-ed teacher excused (complete).
    dict(id="S-1010", first="Aaliyah", last="Johnson", birth="2014-01-15", school="lincoln-ms",
         grade="7", cm="t-delgado", lang="en", el=False, elig=("SLD", None),
         guardians=[("Denise Johnson", "grandmother", "en")],
         events=[annual("2024-12-10"), annual("2025-12-09"),
                 simple("meeting_request", "2026-11-02")]),
    # Annual due 2026-12-04 and triennial due 2026-12-14 (both due soon); triennial planned
    # 2026-12-08 with no assessment interpreter invited (required member missing).
    dict(id="S-1011", first="Tuan", last="Pham", birth="2012-09-21", school="lincoln-ms",
         grade="8", cm="t-whitaker", lang="vi", el=True, elig=("ID", "SLI"),
         guardians=[("Hoa Pham", "mother", "vi"), ("Dung Pham", "father", "vi")],
         events=[initial("2023-12-14"), annual("2024-12-05"), annual("2025-12-04"),
                 reassessment_consent("2026-10-15")]),
    # Records request Fri 2026-11-20, Thanksgiving week is a holiday: due 2026-12-04, open.
    dict(id="S-1012", first="Nare", last="Hakobyan", birth="2014-06-08", school="lincoln-ms",
         grade="7", cm="t-delgado", lang="hy", el=False, elig=("DHH", None),
         guardians=[("Lilit Hakobyan", "mother", "hy")],
         events=[annual("2025-02-19"), annual("2026-02-12"),
                 simple("records_request", "2026-11-20")]),
    # Records request 2026-09-14, provided 09-17 (due 09-21): met. Annuals on time. His father
    # cannot be found since October and Marcus stays with an aunt who is not his guardian: a
    # surrogate parent is needed (2026-11-18); the SELPA director was told 11-19 (due 11-20, met);
    # the surrogate is due 2026-12-02 (5 working days, Thanksgiving week closed): due soon.
    dict(id="S-1013", first="Marcus", last="Bell", birth="2012-12-02", school="lincoln-ms",
         grade="8", cm="t-whitaker", lang="en", el=False, elig=("SLD", "OHI"),
         guardians=[("Andre Bell", "father", "en")],
         events=[triennial("2024-09-25"), annual("2025-09-18"),
                 simple("records_request", "2026-09-14"), annual("2026-09-15"),
                 simple("records_provided", "2026-09-17"),
                 simple("surrogate_needed", "2026-11-18"),
                 simple("surrogate_notice_sent", "2026-11-19")]),
    # Leap-day birthday (B16 2028-02-29, B17 2029-02-28). Annual planned 2027-02-25 without a
    # general-education teacher (required member missing, upcoming).
    dict(id="S-1014", first="Ethan", last="Kowalski", birth="2012-02-29", school="lincoln-ms",
         grade="8", cm="t-delgado", lang="en", el=False, elig=("OHI", None),
         guardians=[("Karen Kowalski", "mother", "en")],
         events=[annual("2025-03-13"), annual("2026-03-10")]),
    # Not an Early Start child (part_c false). Triennial 2025, annual 2026 on time.
    dict(id="S-1015", first="Camila", last="Flores", birth="2014-10-02", school="lincoln-ms",
         grade="6", cm="t-whitaker", lang="es", el=True, elig=("SLI", None),
         guardians=[("Yesenia Flores", "mother", "es")],
         events=[triennial("2025-04-24"), annual("2026-04-21")], extra={"part_c": False}),
    # Annuals on time, the last one 2026-10-13. His parents ask in writing for a reassessment
    # (2026-11-16): the district answers (a plan or a written refusal) by 2026-12-01, 15 days
    # with Thanksgiving week counted (only five weekdays): due soon.
    dict(id="S-1016", first="Gabriel", last="Santos", birth="2013-10-11", school="lincoln-ms",
         grade="7", cm="t-delgado", lang="tl", el=False, elig=("AUT", None),
         guardians=[("Cristina Santos", "mother", "tl"), ("Joel Santos", "father", "en")],
         events=[annual("2024-10-17"), annual("2025-10-15"), annual("2026-10-13"),
                 simple("reassessment_request", "2026-11-16")]),
    # Triennial 2026-01-22; next annual due 2027-01-22 (upcoming).
    dict(id="S-1017", first="Hana", last="Lee", birth="2013-03-14", school="lincoln-ms",
         grade="8", cm="t-whitaker", lang="ko", el=False, elig=("VI", None),
         guardians=[("Eun-ji Lee", "mother", "ko"), ("Jae-hyun Lee", "father", "ko")],
         events=[annual("2025-01-23"), triennial("2026-01-22")]),
    # Moved away 2026-09-30: the annual review that would have been due 2026-11-12 is not owed.
    dict(id="S-1018", first="Diego", last="Ramírez", birth="2014-12-09", school="lincoln-ms",
         grade="6", cm="t-delgado", lang="es", el=True, elig=("SLD", None),
         guardians=[("Alma Ramírez", "mother", "es")],
         events=[annual("2024-11-14"), annual("2025-11-12"),
                 simple("exit", "2026-09-30", reason="moved")]),

    # ---------------- Riverside High School (grades 9-12) ----------------
    # 18 on 2026-10-05: transition plan and age-of-majority statement on time, rights-transfer
    # notice sent 2026-09-28: all met.
    dict(id="S-1019", first="Jamal", last="Washington", birth="2008-10-05", school="riverside-hs",
         grade="12", cm="t-okafor", lang="en", el=False, elig=("SLD", None),
         guardians=[("Lorraine Washington", "mother", "en")],
         events=[annual("2023-09-28", transition=True), annual("2024-09-26", transition=True),
                 annual("2025-09-23", transition=True, aom=True),
                 annual("2026-09-17", transition=True, aom=True),
                 simple("rights_transfer_notice", "2026-09-28")]),
    # Turns 18 on 2026-12-18, no rights-transfer notice yet: due soon. Annual planned 2027-01-12.
    dict(id="S-1020", first="Brianna", last="Thompson", birth="2008-12-18", school="riverside-hs",
         grade="12", cm="t-park", lang="en", el=False, elig=("OHI", "SLD"),
         guardians=[("Monique Thompson", "mother", "en")],
         events=[annual("2024-01-25", transition=True),
                 annual("2025-01-23", transition=True, aom=True),
                 annual("2026-01-20", transition=True, aom=True)]),
    # 17 on 2026-07-22, never told about the age of majority (no conservatorship): OVERDUE.
    dict(id="S-1021", first="Andrés", last="Gutiérrez", birth="2009-07-22", school="riverside-hs",
         grade="12", cm="t-okafor", lang="es", el=True, elig=("SLD", None),
         guardians=[("Maribel Gutiérrez", "mother", "es")],
         events=[annual("2024-05-21", transition=True), annual("2025-05-20", transition=True),
                 annual("2026-05-14", transition=True, aom=False)],
         extra={"conservatorship": False}),
    # 17, conservatorship: no age-of-majority or rights-transfer obligations. In her last year
    # her parents and the district agree in writing (2026-11-19) that the triennial due
    # 2027-03-07 is unnecessary: met; the next one is due 2029-11-19.
    dict(id="S-1022", first="Grace", last="Villanueva", birth="2009-03-03", school="riverside-hs",
         grade="12", cm="t-park", lang="tl", el=False, elig=("ID", "SLI"),
         guardians=[("Rowena Villanueva", "mother", "tl"), ("Edgar Villanueva", "father", "en")],
         events=[triennial("2024-03-07", transition=True), annual("2025-03-04", transition=True),
                 annual("2026-02-24", transition=True), simple("triennial_waiver", "2026-11-19")],
         extra={"conservatorship": True}),
    # 16 on 2026-09-02, the IEP in effect then (2026-02-26) has no transition plan: OVERDUE.
    dict(id="S-1023", first="Vartan", last="Grigoryan", birth="2010-09-02", school="riverside-hs",
         grade="11", cm="t-okafor", lang="hy", el=True, elig=("SLD", None),
         guardians=[("Karine Grigoryan", "mother", "hy")],
         events=[annual("2025-02-27"), annual("2026-02-26", transition=False)]),
    # Arrived from Vietnam, first enrolled 2024-10-14: English proficiency due 2024-12-03 (30
    # school days), tested 11-08; primary language due 2025-01-12 (90 days), assessed 12-12: both
    # met. Initial path in 2024-25 across the winter break (initial due 2025-02-05, held 01-30): met.
    dict(id="S-1024", first="Thao", last="Le", birth="2011-06-10", school="riverside-hs",
         grade="10", cm="t-park", lang="vi", el=True, elig=("SLD", None),
         guardians=[("Mai Le", "mother", "vi")],
         events=[simple("enrollment", "2024-10-14"),
                 referral("2024-11-04", "parent"), simple("english_proficiency_assessed", "2024-11-08"),
                 plan_provided("2024-11-15"), consent("2024-11-21"),
                 simple("primary_language_assessed", "2024-12-12"), initial("2025-01-30"),
                 annual("2026-01-27", transition=True)]),
    # Turns 16 on 2027-01-08 inside an IEP year with no transition plan: due soon (amend first);
    # annual planned 2027-02-09 without inviting the student (required member missing).
    dict(id="S-1025", first="Isaiah", last="Coleman", birth="2011-01-08", school="riverside-hs",
         grade="10", cm="t-okafor", lang="en", el=False, elig=("OHI", None),
         guardians=[("Tamara Coleman", "mother", "en")],
         events=[annual("2025-03-13"), annual("2026-03-12", transition=False)]),
    # Weapon on campus 2026-10-28: placement change decided and IAES the same day (rules.md §4:
    # one decision, one review, one end), manifestation review 10-30 (met); the 45 school days
    # would end 2027-01-22, and the review, an IEP meeting after the placement, closes it (met).
    dict(id="S-1026", first="Jasmine", last="Moore", birth="2010-05-19", school="riverside-hs",
         grade="11", cm="t-park", lang="en", el=False, elig=("ED", None),
         guardians=[("Crystal Moore", "mother", "en")],
         events=[annual("2025-10-16", transition=True), annual("2026-10-08", transition=True),
                 removal("2026-10-28", 3, "suspension", "weapon"),
                 simple("placement_change_decision", "2026-10-28"),
                 simple("iaes_placement", "2026-10-28"),
                 meeting("2026-10-30", "manifestation")]),
    # Suspensions 5, 4, 2 (11 days: services started the same day, met); placement change
    # decided 2026-11-19: manifestation review due 2026-12-10, planned 2026-12-02 (due soon).
    dict(id="S-1027", first="Tyrell", last="Jackson", birth="2011-05-14", school="riverside-hs",
         grade="10", cm="t-okafor", lang="en", el=False, elig=("ED", "SLD"),
         guardians=[("Shawn Jackson", "father", "en"), ("Renee Jackson", "mother", "en")],
         events=[annual("2025-04-17"), annual("2026-04-16", transition=True),
                 removal("2026-09-21", 5), removal("2026-10-19", 4), removal("2026-11-18", 2),
                 simple("removal_services", "2026-11-18"),
                 simple("placement_change_decision", "2026-11-19")]),
    # Due-process complaint 2026-10-20: response 10-28 (met), resolution session 11-06 (due
    # 11-04, met late), decision due 2027-01-03 (upcoming); the hearing, set on 11-13 for
    # 2026-12-08, needs the evaluations and witness list disclosed 5 business days before (by
    # 12-01): sent 11-20, met. Annual planned 2027-01-21 with the special-ed teacher excused but
    # no written input yet (excusal incomplete).
    dict(id="S-1028", first="María", last="Torres", birth="2012-04-09", school="riverside-hs",
         grade="9", cm="t-park", lang="es", el=True, elig=("SLD", "SLI"),
         guardians=[("Leticia Torres", "mother", "es")],
         events=[annual("2025-01-28"), annual("2026-01-22", transition=True),
                 simple("complaint", "2026-10-20", kind="due_process"),
                 simple("due_process_response", "2026-10-28"),
                 simple("resolution_session", "2026-11-06"),
                 simple("hearing_scheduled", "2026-11-13", hearing_date="2026-12-08"),
                 simple("hearing_disclosure_sent", "2026-11-20")]),
    # UCP complaint 2026-10-01: decision due 2026-11-30 (due soon).
    dict(id="S-1029", first="Min-jun", last="Cho", birth="2011-11-02", school="riverside-hs",
         grade="9", cm="t-okafor", lang="ko", el=True, elig=("AUT", None),
         guardians=[("Yuna Cho", "mother", "ko")],
         events=[annual("2025-04-10", transition=True), annual("2026-04-07", transition=True),
                 simple("complaint", "2026-10-01", kind="ucp")]),
    # Enrolled 2026-11-04 from another California district with an IEP: interim IEP due
    # 2026-12-04 (due soon).
    dict(id="S-1030", first="Naomi", last="Rivera", birth="2010-12-12", school="riverside-hs",
         grade="10", cm="t-park", lang="en", el=False, elig=("SLD", None),
         guardians=[("Carmen Rivera", "mother", "en")],
         events=[simple("transfer_in", "2026-11-04", **{"from": "in_state", "has_iep": True})]),
    # 17; triennial due 2027-02-06, consent signed, triennial planned 2027-02-04.
    dict(id="S-1031", first="Ethan", last="Walker", birth="2009-06-18", school="riverside-hs",
         grade="12", cm="t-okafor", lang="en", el=False, elig=("SLD", None),
         guardians=[("Heather Walker", "mother", "en")],
         events=[triennial("2024-02-06", transition=True),
                 annual("2025-02-04", transition=True, aom=True),
                 annual("2026-01-29", transition=True, aom=True),
                 reassessment_consent("2026-11-10")]),
    # Annual due 2026-04-15 and triennial due 2026-04-18, both done 2026-05-05: met late.
    dict(id="S-1032", first="Valeria", last="Castañeda", birth="2010-02-25", school="riverside-hs",
         grade="11", cm="t-park", lang="es", el=True, elig=("SLD", None),
         guardians=[("Patricia Castañeda", "mother", "es")],
         events=[initial("2023-04-18"), annual("2024-04-16"),
                 annual("2025-04-15", transition=True), reassessment_consent("2026-02-10"),
                 triennial("2026-05-05", transition=True)]),
    # Turns 16 on 2026-11-30; the annual of 2026-11-17 wrote the transition plan: met. The family
    # moves to Fresno, where he enrolls; that district asks for his special education records on
    # 2026-11-20: send them within 5 working days, by 2026-12-04 (Thanksgiving week closed): due soon.
    dict(id="S-1033", first="Carlos", last="Medina", birth="2010-11-30", school="riverside-hs",
         grade="10", cm="t-okafor", lang="es", el=False, elig=("SLI", None),
         guardians=[("Sandra Medina", "mother", "es")],
         events=[annual("2025-11-18"), annual("2026-11-17", transition=True),
                 simple("district_records_request", "2026-11-20")]),
    # 17; transition plan and age-of-majority statement on time.
    dict(id="S-1034", first="Angela", last="Dela Cruz", birth="2009-10-14", school="riverside-hs",
         grade="11", cm="t-park", lang="tl", el=False, elig=("OHI", None),
         guardians=[("Marites Dela Cruz", "mother", "tl")],
         events=[annual("2024-10-22", transition=True),
                 annual("2025-10-21", transition=True, aom=True),
                 annual("2026-10-20", transition=True, aom=True)]),
    # 17; annual due 2026-12-11 (due soon), planned 2026-12-08 with a Spanish interpreter; the
    # administrator is excused with no excusal on file (incomplete, due soon).
    dict(id="S-1035", first="José Luis", last="Ortega", birth="2009-08-03", school="riverside-hs",
         grade="12", cm="t-okafor", lang="es", el=True, elig=("SLI", "SLD"),
         guardians=[("Elena Ortega", "mother", "es"), ("Ramón Ortega", "father", "es")],
         events=[annual("2024-12-12", transition=True),
                 annual("2025-12-11", transition=True, aom=True)]),
    # Referral 2026-05-14 (22 days before the last day), consent 05-20: end-of-year rule, initial
    # due 2026-08-12 + 30 = 2026-09-11, held 09-10: met.
    dict(id="S-1036", first="Olivia", last="Bennett", birth="2010-10-25", school="riverside-hs",
         grade="10", cm="t-park", lang="en", el=False, elig=("SLD", None),
         guardians=[("Rachel Bennett", "mother", "en")],
         events=[referral("2026-05-14", "teacher"), plan_provided("2026-05-18"),
                 consent("2026-05-20"), initial("2026-09-10", transition=True)]),
    # Annual due 2026-12-16 (due soon), nothing scheduled yet.
    dict(id="S-1037", first="Adrián", last="Vega", birth="2011-03-19", school="riverside-hs",
         grade="10", cm="t-okafor", lang="es", el=True, elig=("SLD", None),
         guardians=[("Norma Vega", "mother", "es")],
         events=[annual("2024-12-17"), annual("2025-12-16", transition=True)]),
    # Triennial 2025, annual 2026 on time. Her parents ask in writing for a reassessment
    # (2026-10-19, answer due 11-03); the team finds the 2025 assessments current and the
    # district refuses in a prior written notice on 10-28: met.
    dict(id="S-1038", first="Hannah", last="Schmidt", birth="2012-07-07", school="riverside-hs",
         grade="9", cm="t-park", lang="en", el=False, elig=("OHI", None),
         guardians=[("Laura Schmidt", "mother", "en"), ("Mark Schmidt", "father", "en")],
         events=[triennial("2025-03-20"), annual("2026-03-17", transition=True),
                 simple("reassessment_request", "2026-10-19"),
                 simple("assessment_refused", "2026-10-28")]),
    # 16; transition plan on time; turns 17 on 2027-01-29 (age-of-majority statement upcoming).
    # His parents ask in writing for a reassessment (2026-10-26, answer due 11-10); the district
    # proposes a reassessment plan on 11-05 (met). The parents have at least 15 days to decide
    # (2026-11-20) and have not answered: a prompt to follow up, nobody's missed deadline.
    dict(id="S-1039", first="Arman", last="Sargsyan", birth="2010-01-29", school="riverside-hs",
         grade="11", cm="t-okafor", lang="hy", el=False, elig=("TBI", None),
         guardians=[("Armine Sargsyan", "mother", "hy"), ("Hayk Sargsyan", "father", "hy")],
         events=[annual("2024-05-08", transition=True), annual("2025-05-06", transition=True),
                 annual("2026-05-05", transition=True), simple("reassessment_request", "2026-10-26"),
                 plan_provided("2026-11-05")]),
    # 18 on 2026-09-12; rights-transfer notice sent 2026-09-25: met late.
    dict(id="S-1040", first="Tiana", last="Harris", birth="2008-09-12", school="riverside-hs",
         grade="12", cm="t-park", lang="en", el=False, elig=("SLD", "ED"),
         guardians=[("Yolanda Harris", "mother", "en")],
         events=[annual("2023-10-05", transition=True),
                 annual("2024-10-02", transition=True, aom=True),
                 annual("2025-09-30", transition=True, aom=True),
                 simple("rights_transfer_notice", "2026-09-25"),
                 annual("2026-09-29", transition=True, aom=True)]),
]

# ---------------------------------------------------------------------------------------------
# Planned meetings, November 2026 - February 2027.
# (student, id, kind, starts, notice_sent, interpreter, omit roles, excused {role: excusal})
# An excusal of None means the member is marked absent with no excusal on file.

MEETINGS = [
    # Notice due 2026-11-23, sent 11-24: met late.
    ("S-1002", "m-1", "annual", "2026-12-03T15:30", "2026-11-24", "vi", (), {}),
    ("S-1010", "m-2", "annual", "2026-12-01T08:15", "2026-11-16", None, (),
     {"general_education_teacher": {"area_discussed": True, "parent_written_consent": "2026-11-19",
                                    "written_input": "2026-11-23"}}),
    ("S-1027", "m-3", "manifestation", "2026-12-02T10:00", "2026-11-20", None, (), {}),
    ("S-1035", "m-4", "annual", "2026-12-08T15:30", "2026-11-20", "es", (),
     {"lea_representative": None}),
    # No assessment interpreter invited to a triennial.
    ("S-1011", "m-5", "triennial", "2026-12-08T14:30", "2026-11-23", "vi",
     ("assessment_interpreter",), {}),
    ("S-1005", "m-6", "initial", "2026-12-15T14:00", "2026-11-20", None, (), {}),
    ("S-1020", "m-7", "annual", "2027-01-12T14:00", None, None, (), {}),
    ("S-1009", "m-8", "triennial", "2027-01-14T15:00", None, "es", (), {}),
    # Special-ed teacher's area is discussed: consent given, written input still missing.
    ("S-1028", "m-9", "annual", "2027-01-21T15:30", None, "es", (),
     {"special_education_teacher": {"area_discussed": True,
                                    "parent_written_consent": "2026-11-20"}}),
    ("S-1031", "m-10", "triennial", "2027-02-04T14:00", None, None, (), {}),
    # Turns 16 before the meeting, but the student is not invited.
    ("S-1025", "m-11", "annual", "2027-02-09T15:30", None, None, ("student",), {}),
    # The speech-language pathologist's area is not discussed: the parent's consent is enough.
    ("S-1003", "m-12", "annual", "2027-02-23T08:30", None, "hy", (),
     {"related_service_provider": {"area_discussed": False,
                                   "parent_written_consent": "2026-11-18"}}),
    ("S-1014", "m-13", "annual", "2027-02-25T15:15", None, None,
     ("general_education_teacher",), {}),
]

LANGUAGE_NAMES = {"vi": "Vietnamese", "hy": "Armenian", "ko": "Korean", "tl": "Tagalog"}

STREETS = ["Alder Ave", "Birch St", "Cypress Way", "Dogwood Ln", "Elm St", "Fir Ct", "Grove Rd",
           "Hawthorn Dr", "Iris Pl", "Juniper St", "Laurel Ave", "Magnolia Blvd", "Oak Knoll Dr",
           "Palm Ct", "Quail Run", "Redwood Ave", "Sycamore St", "Walnut Ave", "Willow Way",
           "Yucca Ln"]


def iso(d):
    return d.isoformat()


def parse_date(s):
    return datetime.date.fromisoformat(s)


def add_years(d, n):
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # Feb 29 in a common year
        return d.replace(year=d.year + n, day=28)


def age_on(birth, day):
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def build_student(spec, rng, phones):
    s = {"id": spec["id"], "first_name": spec["first"], "last_name": spec["last"],
         "birth_date": spec["birth"], "school": spec["school"], "grade": spec["grade"],
         "case_manager": spec["cm"], "home_language": spec["lang"],
         "english_learner": spec["el"]}
    if spec["elig"] is not None:
        primary, secondary = spec["elig"]
        s["eligibility"] = {"primary": primary}
        if secondary:
            s["eligibility"]["secondary"] = secondary
    s["conservatorship"] = spec.get("extra", {}).get("conservatorship", False)
    for key, value in spec.get("extra", {}).items():
        if key != "conservatorship":
            s[key] = value
    address = "%d %s, Springfield, CA" % (rng.randrange(100, 9900), rng.choice(STREETS))
    guardians = []
    for name, relationship, language in spec["guardians"]:
        email = ""
        if rng.random() < 0.6:
            first, last = name.split(" ", 1)
            email = "%s.%s@example.org" % (first.lower(), last.lower().replace(" ", ""))
            email = (email.replace("á", "a").replace("é", "e").replace("í", "i")
                     .replace("ó", "o").replace("ú", "u").replace("ñ", "n"))
        guardians.append({"name": name, "relationship": relationship, "language": language,
                          "phone": phones.pop(0), "email": email, "address": address})
    s["guardians"] = guardians
    s["events"] = sorted(spec["events"], key=lambda e: e["date"])  # stable: keeps same-day order
    s["meetings"] = []
    return s


def build_meeting(student, spec, rng):
    sid, mid, kind, starts, notice, interpreter, omit, excused = spec
    team = SCHOOL_TEAM[student["school"]]
    date = parse_date(starts[:10])
    m = {"id": mid, "kind": kind, "starts": starts, "location": rng.choice(team["location"])}
    if notice:
        m["notice_sent"] = notice
    if interpreter:
        m["interpreter"] = interpreter
    invitees = []
    for g in student["guardians"]:
        invitees.append({"role": "parent", "name": g["name"], "attending": True})
    birth = parse_date(student["birth_date"])
    b16 = add_years(birth, 16)
    if (kind in ("initial", "annual", "triennial") and b16 <= add_years(date, 1)) \
            or age_on(birth, date) >= 16:
        invitees.append({"role": "student", "name": "%s %s" % (student["first_name"],
                                                               student["last_name"]),
                         "attending": True})
    roles = [("general_education_teacher", team["general_education_teacher"]),
             ("special_education_teacher", team["special_education_teacher"]),
             ("lea_representative", team["lea_representative"])]
    if kind in ("initial", "triennial"):
        roles.append(("assessment_interpreter", "p-castillo"))
    if student.get("eligibility", {}).get("primary") in ("SLI", "AUT"):
        roles.append(("related_service_provider", "s-abernathy"))
    for role, staff in roles:
        invitees.append({"role": role, "staff": staff, "attending": True})
    if interpreter == "es":
        invitees.append({"role": "interpreter", "staff": "i-morales", "attending": True})
    elif interpreter:
        invitees.append({"role": "interpreter",
                         "name": "Contract interpreter (%s)" % LANGUAGE_NAMES[interpreter],
                         "attending": True})
    invitees = [i for i in invitees if i["role"] not in omit]
    for role, excusal in excused.items():
        hits = [i for i in invitees if i["role"] == role]
        assert hits, "%s: no %s to excuse" % (mid, role)
        hits[0]["attending"] = False
        if excusal is not None:
            hits[0]["excusal"] = dict(excusal)
    m["invitees"] = invitees
    return m


def build():
    rng = random.Random(SEED)
    phones = ["555-01%02d" % n for n in range(100)]
    rng.shuffle(phones)
    students = [build_student(spec, rng, phones) for spec in STUDENTS]
    by_id = {s["id"]: s for s in students}
    for spec in MEETINGS:
        student = by_id[spec[0]]
        student["meetings"].append(build_meeting(student, spec, rng))
    for s in students:
        s["meetings"].sort(key=lambda m: m["starts"])
    return {"format": "caseload-bundle/1", "jurisdiction": "CA", "calendars": CALENDARS,
            "schools": SCHOOLS, "staff": STAFF, "students": students}


# ---------------------------------------------------------------------------------------------
# Checks: every reference resolves, every date parses, events are in date order.

ROLES = {"case_manager", "special_education_teacher", "general_education_teacher",
         "administrator", "school_psychologist", "speech_language_pathologist",
         "related_service_provider", "nurse", "interpreter", "other"}
INVITEE_ROLES = {"parent", "student", "general_education_teacher", "special_education_teacher",
                 "lea_representative", "assessment_interpreter", "related_service_provider",
                 "agency_representative", "part_c_coordinator", "interpreter", "other"}
ELIGIBILITY = {"AUT", "DB", "DHH", "HI", "ID", "MD", "OI", "OHI", "ED", "SLD", "SLI", "TBI",
               "VI", "EMD"}
EVENT_TYPES = {"referral", "assessment_plan_provided", "assessment_plan_consent",
               "reassessment_consent", "iep_meeting", "transfer_in", "removal",
               "placement_change_decision", "iaes_placement", "records_request",
               "rights_transfer_notice", "complaint", "exit", "meeting_request",
               "removal_services", "records_provided", "resolution_session",
               "due_process_response", "complaint_resolved", "transition_conference",
               "reassessment_request", "assessment_refused", "assessment_plan_declined",
               "triennial_waiver", "extension", "district_records_request", "records_sent",
               "surrogate_needed", "surrogate_notice_sent", "surrogate_appointed", "enrollment",
               "english_proficiency_assessed", "primary_language_assessed", "hearing_scheduled",
               "hearing_disclosure_sent", "resolution_waived"}
MEETING_KINDS = {"initial", "annual", "triennial", "amendment", "interim", "manifestation",
                 "transition", "other"}


def check(bundle):
    problems = []

    def need(cond, msg):
        if not cond:
            problems.append(msg)

    def date_ok(value, path):
        try:
            parse_date(value)
            need(len(value) == 10, "%s: %r is not YYYY-MM-DD" % (path, value))
        except (TypeError, ValueError):
            problems.append("%s: %r is not a date" % (path, value))

    cal_ids = set()
    for i, c in enumerate(bundle["calendars"]):
        p = "calendars[%d]" % i
        need(c["id"] not in cal_ids, "%s: duplicate id" % p)
        cal_ids.add(c["id"])
        date_ok(c["first_day"], p + ".first_day")
        date_ok(c["last_day"], p + ".last_day")
        for j, r in enumerate(c["closed"]):
            date_ok(r["from"], "%s.closed[%d].from" % (p, j))
            date_ok(r["to"], "%s.closed[%d].to" % (p, j))
            need(c["first_day"] <= r["from"] <= r["to"] <= c["last_day"],
                 "%s.closed[%d]: outside the session" % (p, j))
    school_ids = set()
    for i, s in enumerate(bundle["schools"]):
        school_ids.add(s["id"])
        for c in s["calendars"]:
            need(c in cal_ids, "schools[%d]: unknown calendar %s" % (i, c))
    staff_ids = {s["id"] for s in bundle["staff"]}
    need(len(staff_ids) == len(bundle["staff"]), "staff: duplicate id")
    for i, s in enumerate(bundle["staff"]):
        need(s["role"] in ROLES, "staff[%d].role: %s" % (i, s["role"]))
    student_ids, meeting_ids = set(), set()
    for i, s in enumerate(bundle["students"]):
        p = "students[%d]" % i
        need(s["id"] not in student_ids, p + ": duplicate id")
        student_ids.add(s["id"])
        date_ok(s["birth_date"], p + ".birth_date")
        need(s["school"] in school_ids, p + ".school: unknown")
        need(s["case_manager"] in staff_ids, p + ".case_manager: unknown")
        if "eligibility" in s:
            for k, v in s["eligibility"].items():
                need(v in ELIGIBILITY, "%s.eligibility.%s: %s" % (p, k, v))
        dates = []
        for j, e in enumerate(s["events"]):
            need(e["type"] in EVENT_TYPES, "%s.events[%d].type: %s" % (p, j, e["type"]))
            date_ok(e["date"], "%s.events[%d].date" % (p, j))
            if e["type"] == "iep_meeting":
                need(e["kind"] in MEETING_KINDS, "%s.events[%d].kind" % (p, j))
            need(e["date"] <= iso(DEMO_TODAY), "%s.events[%d]: in the future" % (p, j))
            for key in ("until", "hearing_date"):
                if key in e:
                    date_ok(e[key], "%s.events[%d].%s" % (p, j, key))
            dates.append(e["date"])
        need(dates == sorted(dates), p + ".events: not in date order")
        for j, m in enumerate(s["meetings"]):
            q = "%s.meetings[%d]" % (p, j)
            need(m["id"] not in meeting_ids, q + ": duplicate id")
            meeting_ids.add(m["id"])
            need(m["kind"] in MEETING_KINDS, q + ".kind")
            try:
                datetime.datetime.strptime(m["starts"], "%Y-%m-%dT%H:%M")
            except ValueError:
                problems.append(q + ".starts: not YYYY-MM-DDTHH:MM")
            if "notice_sent" in m:
                date_ok(m["notice_sent"], q + ".notice_sent")
                need(m["notice_sent"] <= iso(DEMO_TODAY), q + ".notice_sent: in the future")
            for k, inv in enumerate(m["invitees"]):
                need(inv["role"] in INVITEE_ROLES, "%s.invitees[%d].role" % (q, k))
                if "staff" in inv:
                    need(inv["staff"] in staff_ids, "%s.invitees[%d].staff: unknown" % (q, k))
                for key in ("parent_written_consent", "written_input"):
                    if key in inv.get("excusal", {}):
                        date_ok(inv["excusal"][key], "%s.invitees[%d].excusal.%s" % (q, k, key))
    return problems


def summary(bundle):
    lines = []
    students = bundle["students"]
    for school in bundle["schools"]:
        mine = [s for s in students if s["school"] == school["id"]]
        ages = [age_on(parse_date(s["birth_date"]), DEMO_TODAY) for s in mine]
        lines.append("%-24s %2d students, ages %d-%d, %d events, %d planned meetings" % (
            school["name"], len(mine), min(ages), max(ages),
            sum(len(s["events"]) for s in mine), sum(len(s["meetings"]) for s in mine)))
    counts = {}
    for s in students:
        for e in s["events"]:
            counts[e["type"]] = counts.get(e["type"], 0) + 1
    lines.append("%d calendars, %d staff, %d students, %d events, %d planned meetings" % (
        len(bundle["calendars"]), len(bundle["staff"]), len(students),
        sum(counts.values()), sum(len(s["meetings"]) for s in students)))
    lines.append("events by type: " + ", ".join("%s %d" % kv for kv in sorted(counts.items())))
    langs = {}
    for s in students:
        langs[s["home_language"]] = langs.get(s["home_language"], 0) + 1
    lines.append("home languages: " + ", ".join("%s %d" % kv for kv in sorted(langs.items())))
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", default=DEFAULT_OUTPUT)
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args()

    bundle = build()
    problems = check(bundle)
    if problems:
        for p in problems:
            print("make-demo-bundle: " + p, file=sys.stderr)
        return 1
    text = json.dumps(bundle, indent=2, ensure_ascii=False) + "\n"
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    with open(args.output, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    if not args.quiet:
        print("wrote %s" % os.path.normpath(args.output))
        print(summary(bundle))
    return 0


if __name__ == "__main__":
    sys.exit(main())
