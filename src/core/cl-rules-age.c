/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-rules-age.c — what a birthday makes due
 *
 * transition_plan_due (16), age_of_majority_notice_due (17), rights_transfer_notice_due (18),
 * eligibility_ends (22), and Early Start's transition_conference_due and preschool_iep_due (3).
 * Birthdays follow the anniversary rule: Feb 29 becomes Feb 28 in a common year (rules.md §2).
 */
#define G_LOG_DOMAIN "cl-rules-age"

#include <stdio.h>

#include "cl-deadline-engine-private.h"

static gboolean
writes_yearly_iep (const ClEvent *e)
{
  if (e->type != CL_EVENT_IEP_MEETING)
    return FALSE;
  return e->kind == CL_MEETING_ANNUAL ||
         ((e->kind == CL_MEETING_INITIAL || e->kind == CL_MEETING_TRIENNIAL) && e->eligible);
}

static gboolean
has_flag (const ClEvent *e,
          gconstpointer  data)
{
  if (e->type != CL_EVENT_IEP_MEETING)
    return FALSE;
  return GPOINTER_TO_INT (data) ? e->age_of_majority_informed : e->transition_plan;
}

static const ClEvent *
first_event_any_date (ClRuleContext *ctx,
                      ClEventMatch   match,
                      gconstpointer  data)
{
  return _cl_rule_first_event (ctx, 0, NULL, match, data);
}

/* transition_plan_due and age_of_majority_notice_due: the IEP in effect on the birthday B must
 * hold the item ("the first IEP to be in effect when the child is 16", HB 7.6(8)). If the IEP
 * written at the last yearly meeting M before B is still in effect on B (M + 1 year > B), it must
 * be amended by B; otherwise the review due at M + k years, the last one due on or before B,
 * writes the IEP in effect on B (rules.md says M + 1 year, which for a student years from B would
 * make the item due at the next review; the handbook ties it to the IEP in effect at B). With no
 * meeting before B, the first one on or after B. */
static void
item_in_iep_at_age (ClRuleContext *ctx,
                    const ClRule  *rule,
                    int            default_age,
                    gboolean       age_of_majority)
{
  const ClStudent *student = ctx->student;
  int age = cl_rule_get_int (rule, "age", default_age);
  ClDate birthday, due;
  const ClEvent *last_before = NULL, *first_after = NULL, *done;
  ClCounted counted = { .age = age, .flag = age_of_majority, .meeting_kind = -1 };

  if (age_of_majority && student->conservatorship &&
      cl_rule_get_bool (rule, "skip_when_conservatorship", TRUE))
    return;

  birthday = cl_date_add_years (student->birth_date, age);
  if (!_cl_rule_has_iep_from (ctx, birthday))
    return;

  CL_FOR_EACH_EVENT (ctx, e)
    {
      if (!writes_yearly_iep (e))
        continue;
      if (e->date < birthday)
        last_before = e;
      else if (first_after == NULL)
        first_after = e;
    }

  counted.birthday = birthday;
  if (last_before != NULL)
    {
      ClDate next_review = cl_date_add_years (last_before->date, 1);

      counted.meeting_kind = last_before->kind;
      if (next_review > birthday)
        {
          due = birthday;
          counted.way = CL_COUNTED_IEP_IN_EFFECT;
        }
      else
        {
          /* Reviews follow yearly: the one whose IEP is in effect on B (the last due on or
           * before B) must hold the item. A student years from B owes nothing yet. */
          guint years = 1;

          while (cl_date_add_years (last_before->date, years + 1) <= birthday)
            years++;
          due = cl_date_add_years (last_before->date, years);
          counted.way = CL_COUNTED_REVIEW_WRITES_IEP;
          counted.years = (int) years;
        }
      done = first_event_any_date (ctx, has_flag, GINT_TO_POINTER (age_of_majority));
      _cl_rule_emit (ctx, rule, CL_EMIT_DEFAULT, due, done ? done->date : CL_DATE_NONE,
                     last_before->date, "iep_meeting", &counted);
    }
  else if (first_after != NULL)
    {
      counted.way = CL_COUNTED_FIRST_MEETING_AFTER;
      counted.day = first_after->date;
      done = first_event_any_date (ctx, has_flag, GINT_TO_POINTER (age_of_majority));
      _cl_rule_emit (ctx, rule, CL_EMIT_DEFAULT, first_after->date,
                     done ? done->date : CL_DATE_NONE, birthday, "birthday", &counted);
    }
}

static void
transition_plan_due (ClRuleContext *ctx,
                     const ClRule  *rule)
{
  item_in_iep_at_age (ctx, rule, 16, FALSE);
}

static void
age_of_majority_notice_due (ClRuleContext *ctx,
                            const ClRule  *rule)
{
  item_in_iep_at_age (ctx, rule, 17, TRUE);
}

static void
rights_transfer_notice_due (ClRuleContext *ctx,
                            const ClRule  *rule)
{
  const ClStudent *student = ctx->student;
  int age = cl_rule_get_int (rule, "age", 18);
  ClDate due = cl_date_add_years (student->birth_date, age);
  const ClEvent *done;
  const char *from_event = "birthday";
  ClCounted counted = { .way = CL_COUNTED_BIRTHDAY, .age = age, .birthday = due, .meeting_kind = -1 };

  if (student->conservatorship && cl_rule_get_bool (rule, "skip_when_conservatorship", TRUE))
    return;

  if (cl_rule_get_bool (rule, "emancipation_transfers_rights", FALSE) &&
      student->emancipated_on != CL_DATE_NONE && student->emancipated_on < due)
    {
      due = student->emancipated_on;
      from_event = "emancipation";
      counted.way = CL_COUNTED_EMANCIPATED;
    }

  done = first_event_any_date (ctx, _cl_event_is_type,
                               GINT_TO_POINTER (CL_EVENT_RIGHTS_TRANSFER_NOTICE));
  _cl_rule_emit (ctx, rule, CL_EMIT_REQUIRES_IEP, due, done ? done->date : CL_DATE_NONE, due,
                 from_event, &counted);
}

/* Eligibility ends at 22: either the day before the birthday (federal), or a date by the
 * birthday's month, as "end_by_month": twelve "MM-DD" strings (California's fiscal-year rule). */
static void
eligibility_ends (ClRuleContext *ctx,
                  const ClRule  *rule)
{
  const ClStudent *student = ctx->student;
  int age = cl_rule_get_int (rule, "age", 22);
  ClDate birthday = cl_date_add_years (student->birth_date, age);
  JsonNode *by_month = cl_rule_get_member (rule, "end_by_month");
  const ClEvent *done;
  ClCounted counted = { .age = age, .birthday = birthday, .meeting_kind = -1 };
  ClDate due, start;

  if (by_month != NULL && JSON_NODE_HOLDS_ARRAY (by_month) &&
      json_array_get_length (json_node_get_array (by_month)) == 12)
    {
      int year = cl_date_year (birthday), month = cl_date_month (birthday);
      const char *mmdd = json_array_get_string_element (json_node_get_array (by_month), month - 1);
      int m = 0, d = 0;

      if (mmdd == NULL || sscanf (mmdd, "%d-%d", &m, &d) != 2 || !g_date_valid_dmy (d, m, year))
        {
          g_warning ("Rule pack: eligibility_ends.end_by_month[%d] is not MM-DD", month - 1);
          return;
        }
      due = cl_date_from_ymd (year, m, d);
      counted.way = CL_COUNTED_ELIGIBLE_THROUGH;
    }
  else
    {
      due = birthday - 1;
      counted.way = CL_COUNTED_DAY_BEFORE_BIRTHDAY;
    }

  /* The age-22 exit can be made from the earlier of the birthday and the due date: federal
   * eligibility runs "through age 21" (34 CFR 300.101(a); 002 lines 16, 205 "birth through 21
   * years of age"), so its last day is the due date, the day before B22, and an exit that day is
   * on time; California's July–September birthdays end on the June 30 before (HB 7.18 B). Only a
   * student with an IEP then (or leaving on that very day) reaches the end of eligibility
   * (rules.md: "Requires an IEP at B22"): one who left earlier owes nothing, and an earlier exit
   * (even one followed by a return with an IEP) is not the exit that completes it. A later exit
   * completes it late (rules.md §3). */
  start = MIN (birthday, due);
  done = _cl_rule_first_event (ctx, start, NULL, _cl_event_is_type, GINT_TO_POINTER (CL_EVENT_EXIT));
  if (!_cl_rule_has_iep_on (ctx, start) &&
      !(done != NULL && done->date == start && _cl_rule_has_iep_on (ctx, start - 1)))
    return;
  _cl_rule_emit (ctx, rule, CL_EMIT_REQUIRES_IEP, due, done ? done->date : CL_DATE_NONE,
                 birthday, "birthday", &counted);
}

/* @date less @months calendar months, on the same day of the month or the last one it has. */
static ClDate
months_before (ClDate date,
               int    months)
{
  int y, m, d, index;

  cl_date_to_ymd (date, &y, &m, &d);
  index = y * 12 + (m - 1) - months;
  y = index / 12;
  m = index % 12 + 1;
  return cl_date_from_ymd (y, m, MIN (d, (int) g_date_get_days_in_month ((GDateMonth) m, (GDateYear) y)));
}

static void
early_start (ClRuleContext *ctx,
             const ClRule  *rule,
             int            default_days_before,
             ClEventMatch   complete,
             gconstpointer  complete_data)
{
  const ClStudent *student = ctx->student;
  int age = cl_rule_get_int (rule, "age", 3);
  int days_before = cl_rule_get_int (rule, "days_before", default_days_before);
  /* The transition conference is held "at least 90 days (and at the discretion of all parties, up
   * to 6 months) before" the third birthday (HB 1416–1417): one held earlier does not count. */
  int earliest = cl_rule_get_int (rule, "earliest_months_before", 0);
  ClDate birthday;
  const ClEvent *done;
  ClCounted counted = { .way = days_before > 0 ? CL_COUNTED_DAYS_BEFORE_BIRTHDAY : CL_COUNTED_BIRTHDAY,
                        .days = (guint) MAX (days_before, 0), .age = age, .meeting_kind = -1 };

  if (!student->part_c)
    return;
  birthday = cl_date_add_years (student->birth_date, age);
  counted.birthday = birthday;
  done = earliest > 0 ? _cl_rule_first_event (ctx, months_before (birthday, earliest), NULL, complete, complete_data)
                      : first_event_any_date (ctx, complete, complete_data);
  _cl_rule_emit (ctx, rule, CL_EMIT_DEFAULT, birthday - days_before,
                 done ? done->date : CL_DATE_NONE, birthday, "birthday", &counted);
}

static void
transition_conference_due (ClRuleContext *ctx,
                           const ClRule  *rule)
{
  early_start (ctx, rule, 90, _cl_event_is_type, GINT_TO_POINTER (CL_EVENT_TRANSITION_CONFERENCE));
}

static void
preschool_iep_due (ClRuleContext *ctx,
                   const ClRule  *rule)
{
  early_start (ctx, rule, 0, _cl_event_is_meeting_of, CL_MEETING_MASK (CL_MEETING_INITIAL));
}

const ClRuleAlgorithm _cl_rules_age[] = {
  { "transition_plan_due", transition_plan_due },
  { "age_of_majority_notice_due", age_of_majority_notice_due },
  { "rights_transfer_notice_due", rights_transfer_notice_due },
  { "eligibility_ends", eligibility_ends },
  { "transition_conference_due", transition_conference_due },
  { "preschool_iep_due", preschool_iep_due },
  { NULL, NULL },
};
