#!/bin/sh
# test-worked-examples.sh — every worked example of rules.md §6, through caseload-cli alerts.
#
# Each example is a small bundle written here on the Lincoln calendar of §6 (one student per case,
# a student's own jurisdiction where the example names another pack), and the dates checked are the
# ones worked out by hand from the example's text: the working is in the comments, day by day
# where a count skips days. A date that disagrees with rules.md is one the seeds decided; the
# comment names the seed's line. CASELOAD_CLI is the program.
set -u
NAME=worked-examples
CLI_TEST_NO_PG=1
. "$(dirname "$0")/cli-test-lib.sh"

# The Lincoln calendar of §6: 2025-26 and 2026-27 with their closed days.
calendars='[
  {"id": "lincoln-2025", "first_day": "2025-08-18", "last_day": "2026-06-11", "closed": [
    {"from": "2025-09-01", "to": "2025-09-01", "label": "Labor Day", "holiday": true},
    {"from": "2025-11-24", "to": "2025-11-28", "label": "Thanksgiving", "holiday": true},
    {"from": "2025-12-22", "to": "2026-01-02", "label": "Winter break"},
    {"from": "2026-04-06", "to": "2026-04-10", "label": "Spring break"}]},
  {"id": "lincoln-2026", "first_day": "2026-08-17", "last_day": "2027-06-10", "closed": [
    {"from": "2026-09-07", "to": "2026-09-07", "label": "Labor Day", "holiday": true},
    {"from": "2026-11-23", "to": "2026-11-27", "label": "Thanksgiving", "holiday": true},
    {"from": "2026-12-21", "to": "2027-01-01", "label": "Winter break"},
    {"from": "2027-01-18", "to": "2027-01-18", "label": "Martin Luther King Jr. Day", "holiday": true},
    {"from": "2027-03-29", "to": "2027-04-02", "label": "Spring break"}]}]'

# student ID BIRTH_DATE EVENTS [MORE_FIELDS]: one student of Lincoln as JSON. EVENTS is the inside
# of the events array; MORE_FIELDS, with its leading comma, anything else (jurisdiction, meetings…).
student () {
  printf '{"id": "%s", "birth_date": "%s", "school": "lincoln", "events": [%s]%s}' "$1" "$2" "$3" "${4:-}"
}

# example N TODAY JURISDICTION STUDENT…: writes bundle N and runs alerts on it as of TODAY into
# $dir/alerts-N.json, the JSON array the checks after it read.
example () {
  n=$1 today=$2 pack=$3; shift 3
  students=$(printf '%s,' "$@")
  printf '{"format": "caseload-bundle/1", "jurisdiction": "%s", "calendars": %s,
  "schools": [{"id": "lincoln", "name": "Lincoln", "calendars": ["lincoln-2025", "lincoln-2026"]}],
  "staff": [], "students": [%s]}\n' "$pack" "$calendars" "${students%,}" >"$dir/example-$n.json"
  expect 0 "example $n: alerts" sh -c "'$cli' alerts --bundle '$dir/example-$n.json' --today $today --format json >'$dir/alerts-$n.json'"
}

# count N DESCRIPTION STUDENT RULE [KEY=VALUE…]: exactly N alerts of STUDENT and RULE in the last
# example have every KEY=VALUE (KEY a dotted path such as basis.extended.was; VALUE compared as
# text, null for null). Checked all at once at the end (one python3, which meson itself runs on).
count () {
  want=$1 what=$2; shift 2
  (IFS="$(printf '\t')"; printf '%s\n' "$dir/alerts-$n.json${IFS}$want${IFS}$what${IFS}$*") >>"$dir/checks"
}
# due DESCRIPTION STUDENT RULE DATE [KEY=VALUE…]: STUDENT has one RULE alert due DATE, and only one of RULE.
due () {
  what=$1 s=$2 r=$3 d=$4; shift 4
  count 1 "$what" "$s" "$r" "due=$d" "$@"
  count 1 "$what (the only $r)" "$s" "$r"
}

ev () {  # ev TYPE DATE [MORE]: one event as JSON
  printf '{"type": "%s", "date": "%s"%s}' "$1" "$2" "${3:-}"
}
# An IEP the student has, from an initial meeting long before the example (for rules that need one).
has_iep=$(ev iep_meeting 2026-01-15 ', "kind": "initial", "eligible": true')

# 1. Referral Thu 2026-12-10 (CA, 15 days, pause counting): Dec 11–18 are days 1–8; the winter
# break's run Sat Dec 19 – Sun Jan 3 holds 10 weekdays (> 5) and is skipped; Jan 4..10 are 9..15.
example 1 2026-12-07 CA "$(student S1 2014-01-01 "$(ev referral 2026-12-10 ', "source": "parent"')")"
due "1: referral before winter break" S1 assessment_plan_due 2027-01-10

# 2. Referral Mon 2026-11-16: Nov 17 is day 1 … Dec 1 day 15; the Thanksgiving run Nov 21–29 holds
# 5 weekdays, not in excess of five, so nothing is skipped.
example 2 2026-11-16 CA "$(student S1 2014-01-01 "$(ev referral 2026-11-16 ', "source": "teacher"')")"
due "2: referral before Thanksgiving" S1 assessment_plan_due 2026-12-01

# 3. Consent 2026-10-26 (60 days): Oct 27–31 (5), November (35), Dec 1–18 (53), break skipped,
# Jan 4..10 (60).
example 3 2026-12-07 CA "$(student S1 2014-01-01 "$(ev assessment_plan_consent 2026-10-26)")"
due "3: consent over winter break" S1 initial_iep_due 2027-01-10
count 1 "3: the basis names the 16 skipped days of the winter break" S1 initial_iep_due \
  "basis.counted=60 days, not counting 16 days of Winter break"

# 4. Referral 2026-05-26: 16 days before last_day 2026-06-11 (≤ 20) → next first_day 2026-08-17
# + 10 calendar days.
example 4 2026-05-26 CA "$(student S1 2014-01-01 "$(ev referral 2026-05-26 ', "source": "parent"')")"
due "4: referral at year end" S1 assessment_plan_due 2026-08-27

# 5. Referral 2026-05-14 (28 days before 2026-06-11, ≤ 30): consent 2026-05-20 → 2026-08-17 + 30 =
# Sep 16 (the count alone: May 21–Jun 11 = 22, Aug 17..Sep 23 = 38, Sep 23). A consent after the
# last day (2026-06-20) gives the same date.
example 5 2026-05-20 CA \
  "$(student S1 2014-01-01 "$(ev referral 2026-05-14 ', "source": "parent"'), $(ev assessment_plan_consent 2026-05-20)")" \
  "$(student S2 2014-01-01 "$(ev referral 2026-05-14 ', "source": "parent"'), $(ev assessment_plan_consent 2026-06-20)")"
due "5: consent at year end" S1 initial_iep_due 2026-09-16
due "5: consent after the last day" S2 initial_iep_due 2026-09-16

# 6. Consent 2026-04-20, no referral (52 days before last_day: outside the 30-day window):
# Apr 21–30 (10), May (41), Jun 1–11 (52), summer skipped, Aug 17..24 (60). US: + 60 calendar days.
example 6 2026-04-20 CA \
  "$(student S1 2014-01-01 "$(ev assessment_plan_consent 2026-04-20)")" \
  "$(student S2 2014-01-01 "$(ev assessment_plan_consent 2026-04-20)" ', "jurisdiction": "US"')"
due "6: consent across summer (CA)" S1 initial_iep_due 2026-08-24
due "6: consent across summer (US, 60 calendar days)" S2 initial_iep_due 2026-06-19

# 7. Decision Wed 2026-11-18, 10 school days: Nov 19 (1), 20 (2), Thanksgiving week closed,
# Nov 30 (3), Dec 1–4 (4–7), Dec 7, 8, 9 (8–10).
example 7 2026-11-18 CA "$(student S1 2012-01-01 "$has_iep, $(ev placement_change_decision 2026-11-18)")"
due "7: manifestation determination" S1 manifestation_determination_due 2026-12-09

# 8. and 17. IAES 2026-12-01. 45 school days: Dec 2–4 (3), 7–11 (8), 14–18 (13), winter break,
# Jan 4–8 (18), 11–15 (23), Jan 18 holiday, 19–22 (27), 25–29 (32), Feb 1–5 (37), 8–12 (42),
# 15, 16, 17 (43–45). 10 school days: Dec 2–4 (3), 7–11 (8), 14, 15 (10).
example 8 2026-12-01 CA "$(student S1 2012-01-01 "$has_iep, $(ev iaes_placement 2026-12-01)")"
due "8: IAES ends" S1 iaes_ends 2027-02-17
due "17: the IAES owes a manifestation determination" S1 manifestation_determination_due 2026-12-15

# 9. Records (CA, 5 business days). Fri 2026-11-20: Thanksgiving week is holiday → Nov 30, Dec 1,
# 2, 3, 4. Thu 2026-07-02 (summer weekdays are business days): Jul 3, 6, 7, 8, 9.
example 9 2026-07-02 CA \
  "$(student S1 2012-01-01 "$(ev records_request 2026-11-20)")" \
  "$(student S2 2012-01-01 "$(ev records_request 2026-07-02)")"
due "9: records over a holiday week" S1 records_request_due 2026-12-04
due "9: records in summer" S2 records_request_due 2026-07-09

# 10. Born 2012-02-29: B16 2028-02-29, B17 2029-02-28, B18 2030-02-28. Seen as due dates: an initial
# IEP 2027-06-01 is still in effect on B16 (2028-06-01 > B16) → transition due B16; the annual of
# 2028-06-01 is in effect on B17 (2029-06-01 > B17) → age of majority due B17; rights at B18.
example 10 2027-06-01 CA "$(student S1 2012-02-29 \
  "$(ev iep_meeting 2027-06-01 ', "kind": "initial", "eligible": true'), $(ev iep_meeting 2028-06-01 ', "kind": "annual"')")"
due "10: leap-day B16" S1 transition_plan_due 2028-02-29
due "10: leap-day B17 in a common year" S1 age_of_majority_notice_due 2029-02-28
due "10: leap-day B18 in a common year" S1 rights_transfer_notice_due 2030-02-28

# 11. Born 2010-09-02 (B16 2026-09-02). Last annual 2026-02-26: a year later is after B16 → due
# B16. Last annual 2025-08-20: 2026-08-20 ≤ B16 → the review then writes the IEP at 16.
example 11 2026-03-01 CA \
  "$(student S1 2010-09-02 "$(ev iep_meeting 2026-02-26 ', "kind": "annual"')")" \
  "$(student S2 2010-09-02 "$(ev iep_meeting 2025-08-20 ', "kind": "annual"')")"
due "11: turning 16 inside the IEP year" S1 transition_plan_due 2026-09-02
due "11: turning 16 after the next review" S2 transition_plan_due 2026-08-20

# 12. Expedited due process 2026-11-02: resolution session 7 calendar days → Nov 9; decision 30
# school days: Nov 3–6 (4), 9–13 (9), 16–20 (14), Thanksgiving, Nov 30–Dec 4 (19), 7–11 (24),
# 14–18 (29), winter break, Jan 4 (30).
example 12 2026-11-02 CA "$(student S1 2012-01-01 "$(ev complaint 2026-11-02 ', "kind": "expedited_due_process"')")"
due "12: expedited resolution session" S1 resolution_session_due 2026-11-09
due "12: expedited decision" S1 complaint_decision_due 2027-01-04

# 13. Parent's request Thu 2026-12-03 (CA, 30 days, pause counting; needs an IEP): Dec 4–18 (15),
# break skipped, Jan 4..18 (16..30; Jan 18 is a one-day holiday, counted).
example 13 2026-12-03 CA "$(student S1 2012-01-01 "$has_iep, $(ev meeting_request 2026-12-03)")"
due "13: parent's written request" S1 requested_meeting_due 2027-01-18

# 14. Removals: 3, 4, 2.5, an in-school 2 (not counted), 1 → totals 3, 7, 9.5, 9.5, 10.5: the
# 2026-11-09 suspension passes 10. No suspension over 5 days, year total ≤ 20.
example 14 2026-11-09 CA "$(student S1 2012-01-01 "$has_iep,
  $(ev removal 2026-09-14 ', "school_days": 3, "kind": "suspension"'),
  $(ev removal 2026-10-05 ', "school_days": 4, "kind": "suspension"'),
  $(ev removal 2026-10-26 ', "school_days": 2.5, "kind": "suspension"'),
  $(ev removal 2026-11-02 ', "school_days": 2, "kind": "in_school_suspension"'),
  $(ev removal 2026-11-09 ', "school_days": 1, "kind": "suspension"')")"
due "14: services from the eleventh day" S1 removal_services_required 2026-11-09
count 0 "14: no suspension_limit_exceeded" S1 suspension_limit_exceeded

# 15. Age 22. CA: B22 2027-03-10 (March) → June 30; B22 2027-11-02 (November) → December 31.
# US: the day before B22 (eligible through age 21).
example 15 2026-12-07 CA \
  "$(student S1 2005-03-10 "$(ev iep_meeting 2026-10-01 ', "kind": "annual"')")" \
  "$(student S2 2005-11-02 "$(ev iep_meeting 2026-10-01 ', "kind": "annual"')")" \
  "$(student S3 2005-03-10 "$(ev iep_meeting 2026-10-01 ', "kind": "annual"')" ', "jurisdiction": "US"')"
due "15: age 22 in March (CA)" S1 eligibility_ends 2027-06-30
due "15: age 22 in November (CA)" S2 eligibility_ends 2027-12-31
due "15: age 22 (US)" S3 eligibility_ends 2027-03-09

# 16. Born 2015-05-05, initial 2025-10-01, nothing since: reviews fall on Oct 1 of 2026…2030, the
# last before B16 2031-05-05 is 2030-10-01; before B17 2032-05-05, 2031-10-01. The leap-day student
# with an initial IEP 2027-02-01: the review of 2028-02-01 precedes B16 2028-02-29; that of
# 2029-02-01 precedes B17 2029-02-28.
example 16 2026-12-07 CA \
  "$(student S1 2015-05-05 "$(ev iep_meeting 2025-10-01 ', "kind": "initial", "eligible": true')")" \
  "$(student S2 2012-02-29 "$(ev iep_meeting 2027-02-01 ', "kind": "initial", "eligible": true')")"
due "16: transition years ahead" S1 transition_plan_due 2030-10-01
due "16: age of majority years ahead" S1 age_of_majority_notice_due 2031-10-01
due "16: leap-day student's transition" S2 transition_plan_due 2028-02-01
due "16: leap-day student's age of majority" S2 age_of_majority_notice_due 2029-02-01

# 18. Reassessment request Mon 2026-12-14 (CA, 15 days, pause counting): Dec 15–18 (4), break
# skipped, Jan 4..14 (5..15). US and UT: not computed.
example 18 2026-12-14 CA \
  "$(student S1 2012-01-01 "$has_iep, $(ev reassessment_request 2026-12-14)")" \
  "$(student S2 2012-01-01 "$has_iep, $(ev reassessment_request 2026-12-14)" ', "jurisdiction": "US"')" \
  "$(student S3 2012-01-01 "$has_iep, $(ev reassessment_request 2026-12-14)" ', "jurisdiction": "UT"')"
due "18: reassessment request before winter break" S1 reassessment_response_due 2027-01-14
count 0 "18: none in the US pack" S2 reassessment_response_due
count 0 "18: none in the UT pack" S3 reassessment_response_due

# 19. Reassessment consent 2026-05-20 (CA, 60 days, no end-of-year rule): May 21–31 (11),
# Jun 1–11 (22), summer skipped, Aug 17–31 (37), Sep 1 (38)… Sep 23 (60) — Sep 7 a one-day holiday,
# counted. (Not the initial consent's 2026-09-16 of example 5.)
example 19 2026-05-20 CA "$(student S1 2012-01-01 "$has_iep, $(ev reassessment_consent 2026-05-20)")"
due "19: reassessment consent at year end" S1 reassessment_iep_due 2026-09-23

# 20. Initial (eligible) 2024-10-01 → triennial due 2027-10-01. A waiver 2027-09-15 completes it on
# time and opens the next, 2030-09-15; a waiver 2027-11-15 completes it late, next 2030-11-15.
example 20 2027-12-01 CA \
  "$(student S1 2014-01-01 "$(ev iep_meeting 2024-10-01 ', "kind": "initial", "eligible": true'), $(ev triennial_waiver 2027-09-15)")" \
  "$(student S2 2014-01-01 "$(ev iep_meeting 2024-10-01 ', "kind": "initial", "eligible": true'), $(ev triennial_waiver 2027-11-15)")"
count 1 "20: waiver before the due date: met on the waiver" S1 triennial_due due=2027-10-01 status=met met_on=2027-09-15
count 1 "20: the waiver opens the next" S1 triennial_due due=2030-09-15 met_on=null
count 2 "20: two triennials" S1 triennial_due
count 1 "20: waiver after the due date: met late" S2 triennial_due due=2027-10-01 status=met_late met_on=2027-11-15
count 1 "20: the late waiver opens the next" S2 triennial_due due=2030-11-15 met_on=null
count 2 "20: two triennials (late waiver)" S2 triennial_due

# 21. Referral 2026-12-10 → plan due 2027-01-10 (example 1); agreed in writing on 2026-12-17 to
# 2027-01-22; plan given 2027-01-20, before the agreed date.
example 21 2027-01-25 CA "$(student S1 2014-01-01 "$(ev referral 2026-12-10 ', "source": "parent"'),
  $(ev extension 2026-12-17 ', "rule": "assessment_plan_due", "until": "2027-01-22"'),
  $(ev assessment_plan_provided 2027-01-20)")"
due "21: extended in writing" S1 assessment_plan_due 2027-01-22 status=met met_on=2027-01-20
count 1 "21: basis.extended" S1 assessment_plan_due basis.extended.on=2026-12-17 \
  basis.extended.until=2027-01-22 basis.extended.was=2027-01-10
count 1 "21: basis.counted says so" S1 assessment_plan_due \
  "basis.counted=extended in writing on 2026-12-17 to 2027-01-22 (15 days, not counting 16 days of Winter break, gave 2027-01-10)"

# 22. Hearing set on 2026-11-02 for Tue 2026-12-01 (all packs). 5 business days back: Mon Nov 30
# (1), Thanksgiving week holiday, weekend, Fri Nov 20 (2), 19 (3), 18 (4), Tue 17 (5).
hearing="$(ev hearing_scheduled 2026-11-02 ', "hearing_date": "2026-12-01"')"
example 22 2026-11-02 CA \
  "$(student S1 2012-01-01 "$hearing")" \
  "$(student S2 2012-01-01 "$hearing" ', "jurisdiction": "US"')" \
  "$(student S3 2012-01-01 "$hearing" ', "jurisdiction": "UT"')"
due "22: hearing disclosure over Thanksgiving (CA)" S1 hearing_disclosure_due 2026-11-17
due "22: hearing disclosure over Thanksgiving (US)" S2 hearing_disclosure_due 2026-11-17
due "22: hearing disclosure over Thanksgiving (UT)" S3 hearing_disclosure_due 2026-11-17

# 23. Surrogate determined Fri 2026-11-20. CA: notice 2 business days (Nov 30, Dec 1), appointment
# 5 business days (Nov 30 … Dec 4). UT and US: 30 calendar days.
needed="$(ev surrogate_needed 2026-11-20)"
example 23 2026-11-20 CA \
  "$(student S1 2012-01-01 "$needed")" \
  "$(student S2 2012-01-01 "$needed" ', "jurisdiction": "UT"')" \
  "$(student S3 2012-01-01 "$needed" ', "jurisdiction": "US"')"
due "23: SELPA notified (CA)" S1 surrogate_notice_due 2026-12-01
due "23: surrogate appointed (CA)" S1 surrogate_parent_due 2026-12-04
due "23: surrogate appointed (UT)" S2 surrogate_parent_due 2026-12-20
count 0 "23: no SELPA notice in UT" S2 surrogate_notice_due
due "23: surrogate appointed (US)" S3 surrogate_parent_due 2026-12-20
count 0 "23: no SELPA notice in the US pack" S3 surrogate_notice_due

# 24. English learner enrolled Mon 2026-08-10 (summer): school days from Aug 17: Aug 17–21 (5),
# 24–28 (10), Aug 31–Sep 4 (15), Sep 7 holiday, 8–11 (19), 14–18 (24), 21–25 (29), Sep 28 (30).
# Primary language: Aug 10 + 90 = Aug 31 (21) + 30 = Sep 30 (51) + 31 = Oct 31 (82) + 8 = Nov 8.
example 24 2026-08-10 CA "$(student S1 2014-01-01 "$(ev enrollment 2026-08-10)" ', "home_language": "es"')"
due "24: English proficiency" S1 el_assessment_due 2026-09-28
due "24: primary language" S1 primary_language_assessment_due 2026-11-08

# 25. Plan given 2026-11-02 → follow-up 15 calendar days later, Nov 17; consent Nov 20, after it:
# met (not late), severity info.
example 25 2026-12-07 CA "$(student S1 2014-01-01 "$(ev assessment_plan_provided 2026-11-02), $(ev assessment_plan_consent 2026-11-20)")"
due "25: plan follow-up" S1 plan_decision_followup 2026-11-17 status=met met_on=2026-11-20 severity=info

# 26. Transfer in 2026-09-10 (in state, with an IEP). Last enrolled 2026-06-05: school year 2025-26
# (July–June), not the transfer's → no interim deadline. Last enrolled 2026-08-28: same year →
# Sep 10 + 30 calendar days = Oct 10.
transfer=', "from": "in_state", "has_iep": true, "last_enrolled": '
example 26 2026-09-10 CA \
  "$(student S1 2012-01-01 "$(ev transfer_in 2026-09-10 "$transfer\"2026-06-05\"")")" \
  "$(student S2 2012-01-01 "$(ev transfer_in 2026-09-10 "$transfer\"2026-08-28\"")")"
count 0 "26: transfer across school years: no interim IEP" S1 interim_iep_due
due "26: transfer in the same school year" S2 interim_iep_due 2026-10-10

# 27. A planned annual meeting on 2027-02-10 with the parent, the special education teacher and
# the LEA representative invited, and no general education teacher: required of a student in
# regular education (absent = true), not of one with regular_education false. The student is 12
# (no student invitee needed), the meeting annual (no assessment interpreter).
invited='{"role": "parent", "name": "P", "attending": true},
  {"role": "special_education_teacher", "name": "T", "attending": true},
  {"role": "lea_representative", "name": "L", "attending": true}'
meeting27=", \"meetings\": [{\"id\": \"m-1\", \"kind\": \"annual\", \"starts\": \"2027-02-10T15:30\", \"notice_sent\": \"2027-01-25\", \"invitees\": [$invited]}]"
example 27 2027-01-25 CA \
  "$(student S1 2014-06-01 "$has_iep" ", \"regular_education\": false$meeting27")" \
  "$(student S2 2014-06-01 "$has_iep" "$meeting27")"
count 0 "27: not in regular education: no required member missing" S1 required_member_missing
due "27: in regular education: the general education teacher" S2 required_member_missing 2027-02-10

# 28. The same meeting (area not discussed), the general education teacher invited but excused.
# Parent 2027-02-01 and LEA 2027-02-05 → met on the later, Feb 5; LEA 2027-02-11, after the
# meeting → incomplete; no lea_consent → the parent's date stands for both, met on Feb 1.
excused () {  # excused LEA_FIELD: meeting 2027-02-10 with an excused general education teacher
  printf ', "meetings": [{"id": "m-1", "kind": "annual", "starts": "2027-02-10T15:30", "notice_sent": "2027-01-25", "invitees": [%s,
    {"role": "general_education_teacher", "name": "G", "attending": false, "excusal": {"area_discussed": false, "parent_written_consent": "2027-02-01"%s}}]}]' "$invited" "$1"
}
example 28 2027-02-15 CA \
  "$(student S1 2014-06-01 "$has_iep" "$(excused ', "lea_consent": "2027-02-05"')")" \
  "$(student S2 2014-06-01 "$has_iep" "$(excused ', "lea_consent": "2027-02-11"')")" \
  "$(student S3 2014-06-01 "$has_iep" "$(excused '')")"
due "28: the district consents after the parent" S1 excusal_incomplete 2027-02-10 status=met met_on=2027-02-05
due "28: the district consents after the meeting: incomplete" S2 excusal_incomplete 2027-02-10 met_on=null status=overdue
due "28: no lea_consent: the parent's date" S3 excusal_incomplete 2027-02-10 status=met met_on=2027-02-01

# 29. Due process 2026-10-01. Filed by the district: the decision only, 75 calendar days →
# Oct 31 (30), Nov 30 (60), Dec 15 (75). Filed by the parent, the session waived 2026-10-08:
# resolution session 15 days → Oct 16, met by the waiver; response 10 days → Oct 11.
example 29 2026-12-07 CA \
  "$(student S1 2012-01-01 "$(ev complaint 2026-10-01 ', "kind": "due_process", "filed_by": "district"')")" \
  "$(student S2 2012-01-01 "$(ev complaint 2026-10-01 ', "kind": "due_process", "filed_by": "parent"'), $(ev resolution_waived 2026-10-08)")"
due "29: filed by the district: the decision" S1 complaint_decision_due 2026-12-15
count 0 "29: filed by the district: no resolution session" S1 resolution_session_due
count 0 "29: filed by the district: no response" S1 due_process_response_due
due "29: filed by the parent, waived: resolution session met" S2 resolution_session_due 2026-10-16 status=met met_on=2026-10-08
due "29: filed by the parent: the response" S2 due_process_response_due 2026-10-11

# 30. A 3-day suspension 2026-12-01 with a weapon is itself the 45-day IAES (example 8's dates: ends
# 2027-02-17, review 2026-12-15); with an iaes_placement the same day, still one of each.
weapon=$(ev removal 2026-12-01 ', "school_days": 3, "kind": "suspension", "special_circumstance": "weapon"')
example 30 2026-12-01 CA \
  "$(student S1 2012-01-01 "$has_iep, $weapon")" \
  "$(student S2 2012-01-01 "$has_iep, $weapon, $(ev iaes_placement 2026-12-01)")"
due "30: weapon: IAES ends" S1 iaes_ends 2027-02-17
due "30: weapon: manifestation determination" S1 manifestation_determination_due 2026-12-15
due "30: weapon and IAES the same day: IAES ends once" S2 iaes_ends 2027-02-17
due "30: weapon and IAES the same day: one review" S2 manifestation_determination_due 2026-12-15

python3 - "$dir/checks" <<'PY' || failures=$((failures + 1))
import json, sys
def value(alert, path):
    for key in path.split("."):
        alert = alert.get(key) if isinstance(alert, dict) else None
    return "null" if alert is None else str(alert).lower() if isinstance(alert, bool) else str(alert)
failed = 0
for line in open(sys.argv[1]):
    path, want, what, student, rule, *pairs = line.rstrip("\n").split("\t")
    try:
        alerts = [a for a in json.load(open(path)) if a["student"] == student and a["rule"] == rule]
    except (OSError, ValueError):
        alerts = []
    pairs = [p.split("=", 1) for p in pairs]
    got = sum(all(value(a, k) == v for k, v in pairs) for a in alerts)
    if got == int(want):
        print("ok:", what)
        continue
    failed += 1
    print(f"not ok: {what}: {got} alert(s) of {student} {rule} with {' '.join('='.join(p) for p in pairs)}, expected {want}; all of them:")
    for a in alerts:
        print("  |", json.dumps(a))
print(f"{failed} check(s) failed")
sys.exit(1 if failed else 0)
PY
echo "$failures failure(s)"
[ "$failures" -eq 0 ]
