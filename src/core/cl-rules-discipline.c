/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-rules-discipline.c — removals and what they make due
 *
 * manifestation_determination_due, removal_services_required, suspension_limit_exceeded and
 * iaes_ends (rules.md §4; HB chapter 9). Removal days are summed per school year: a removal
 * belongs to the school year of its start date (between sessions: the coming one).
 */
#define G_LOG_DOMAIN "cl-rules-discipline"

#include "cl-deadline-engine-private.h"

static gboolean
is_change_of_placement (const ClEvent *e,
                        double         consecutive_limit)
{
  if (e->type == CL_EVENT_PLACEMENT_CHANGE_DECISION)
    return TRUE;
  return e->type == CL_EVENT_REMOVAL && e->kind != CL_REMOVAL_IN_SCHOOL_SUSPENSION &&
         e->school_days > consecutive_limit;
}

/* A removal for a weapon, drugs or serious bodily injury is itself the 45-school-day interim
 * setting of HB 9.7 (lines 7957–7968): it counts as an iaes_placement on its date, unless one
 * dated that day already records it (one setting, one end, one review). */
static gboolean
is_iaes (ClRuleContext *ctx,
         const ClEvent *e)
{
  if (e->type == CL_EVENT_IAES_PLACEMENT)
    return TRUE;
  if (e->type != CL_EVENT_REMOVAL || e->kind == CL_REMOVAL_IN_SCHOOL_SUSPENSION ||
      e->special <= CL_SPECIAL_NONE)
    return FALSE;
  CL_FOR_EACH_EVENT (ctx, other)
    {
      if (other->date > e->date)
        break;
      if (other->date == e->date && other->type == CL_EVENT_IAES_PLACEMENT)
        return FALSE;
    }
  return TRUE;
}

/* A placement in an interim alternative educational setting is a decision to change placement
 * too: HB Appendix A (lines 3876–3893) asks for the manifestation meeting "within ten (10) days of
 * the school district's decision" to place a child there for more than 10 days, and an IAES lasts
 * up to 45 school days. rules.md lists only the decision and long removals; the handbook wins.
 * One decision is one review: an IAES that carries out a decision already recorded (one not yet
 * followed by a manifestation meeting before the placement) starts nothing of its own. */
static gboolean
iaes_decided_apart (ClRuleContext *ctx,
                    const ClEvent *iaes,
                    double         consecutive_limit)
{
  gboolean decision_open = FALSE;

  if (!is_iaes (ctx, iaes))
    return FALSE;
  CL_FOR_EACH_EVENT (ctx, e)
    {
      if (e->date > iaes->date)
        break;
      /* A special-circumstance removal of more than 10 days is one decision, one review. */
      if (e != iaes && is_change_of_placement (e, consecutive_limit))
        decision_open = TRUE;
      else if (e->date < iaes->date && e->type == CL_EVENT_IEP_MEETING && e->kind == CL_MEETING_MANIFESTATION)
        decision_open = FALSE;
    }
  return !decision_open;
}

static void
manifestation_determination_due (ClRuleContext *ctx,
                                 const ClRule  *rule)
{
  ClCountKind kind = cl_rule_get_count_kind (rule, "count", CL_COUNT_SCHOOL);
  guint days = cl_rule_get_int (rule, "days", 10);
  double limit = cl_rule_get_int (rule, "consecutive_days_change_placement", 10);

  CL_FOR_EACH_EVENT (ctx, e)
    {
      ClObligation *ob;

      if (!is_change_of_placement (e, limit) && !iaes_decided_apart (ctx, e, limit))
        continue;
      ob = _cl_rule_emit_for_event (ctx, rule, CL_EMIT_DEFAULT, e, kind, days,
                                    _cl_event_is_meeting_of,
                                    CL_MEETING_MASK (CL_MEETING_MANIFESTATION));
      if (ob != NULL)
        ob->note = is_change_of_placement (e, limit) && e->type == CL_EVENT_REMOVAL
                     ? "A removal of more than 10 consecutive school days is itself a change of "
                       "placement. The parents must be notified of the decision, with the "
                       "procedural safeguards notice, on the day it is made."
                     : is_iaes (ctx, e)
                     ? "A placement in an interim alternative educational setting is a change of "
                       "placement. The parents must be notified of the decision, with the "
                       "procedural safeguards notice, on the day it is made."
                     : "The parents must be notified of the decision, with the procedural "
                       "safeguards notice, on the day it is made.";
    }
}

/* The school year @day belongs to, for per-year totals. */
static ClSchoolYear
school_year_of (ClRuleContext *ctx,
                ClDate         day)
{
  ClSchoolYear session = { 0 };

  cl_school_calendar_session (ctx->calendar, day, 0, &session);
  return session;
}

static gboolean
counts_toward_removal_total (const ClEvent *e)
{
  return e->type == CL_EVENT_REMOVAL &&
         (e->kind == CL_REMOVAL_SUSPENSION || e->kind == CL_REMOVAL_OTHER);
}

static void
removal_services_required (ClRuleContext *ctx,
                           const ClRule  *rule)
{
  double threshold = cl_rule_get_int (rule, "threshold_days", 10);
  ClSchoolYear year = { 0 };
  double total = 0;
  gboolean triggered = FALSE;

  CL_FOR_EACH_EVENT (ctx, e)
    {
      const ClEvent *done;
      ClSchoolYear this_year;
      ClCounted counted;

      if (!counts_toward_removal_total (e))
        continue;
      this_year = school_year_of (ctx, e->date);
      if (this_year.first_day != year.first_day)
        {
          year = this_year;
          total = 0;
          triggered = FALSE;
        }
      total += e->school_days;
      if (triggered || total <= threshold)
        continue;

      triggered = TRUE;
      counted = (ClCounted) { .way = CL_COUNTED_REMOVAL_TOTAL, .day = year.first_day,
                              .day2 = year.last_day, .total = total, .limit = threshold,
                              .meeting_kind = -1 };
      done = _cl_rule_first_event (ctx, e->date, e, _cl_event_is_type,
                                   GINT_TO_POINTER (CL_EVENT_REMOVAL_SERVICES));
      _cl_rule_emit (ctx, rule, CL_EMIT_DEFAULT, e->date, done ? done->date : CL_DATE_NONE,
                     e->date, "removal", &counted);
    }
}

static void
suspension_limit_exceeded (ClRuleContext *ctx,
                           const ClRule  *rule)
{
  double per_incident = cl_rule_get_int (rule, "per_incident_days", 5);
  double per_year = cl_rule_get_int (rule, "per_year_days", 20);
  ClSchoolYear year = { 0 };
  double total = 0;
  gboolean year_exceeded = FALSE;

  CL_FOR_EACH_EVENT (ctx, e)
    {
      ClSchoolYear this_year;

      if (e->type != CL_EVENT_REMOVAL || e->kind != CL_REMOVAL_SUSPENSION)
        continue;

      if (e->school_days > per_incident)
        _cl_rule_emit (ctx, rule, CL_EMIT_NEVER_MET, e->date, CL_DATE_NONE, e->date, "removal",
                       &(ClCounted) { .way = CL_COUNTED_SUSPENSION_INCIDENT, .total = e->school_days,
                                      .limit = per_incident, .meeting_kind = -1 });

      this_year = school_year_of (ctx, e->date);
      if (this_year.first_day != year.first_day)
        {
          year = this_year;
          total = 0;
          year_exceeded = FALSE;
        }
      total += e->school_days;
      if (!year_exceeded && total > per_year)
        {
          year_exceeded = TRUE;
          _cl_rule_emit (ctx, rule, CL_EMIT_NEVER_MET, e->date, CL_DATE_NONE, e->date, "removal",
                         &(ClCounted) { .way = CL_COUNTED_SUSPENSION_YEAR, .day = year.first_day,
                                        .day2 = year.last_day, .total = total, .limit = per_year,
                                        .meeting_kind = -1 });
        }
    }
}

static void
iaes_ends (ClRuleContext *ctx,
           const ClRule  *rule)
{
  ClCountKind kind = cl_rule_get_count_kind (rule, "count", CL_COUNT_SCHOOL);
  guint days = cl_rule_get_int (rule, "days", 45);

  CL_FOR_EACH_EVENT (ctx, e)
    if (is_iaes (ctx, e))
      _cl_rule_emit_for_event (ctx, rule, CL_EMIT_DEFAULT, e, kind, days,
                               _cl_event_is_meeting_of, CL_ANY_MEETING);
}

const ClRuleAlgorithm _cl_rules_discipline[] = {
  { "manifestation_determination_due", manifestation_determination_due },
  { "removal_services_required", removal_services_required },
  { "suspension_limit_exceeded", suspension_limit_exceeded },
  { "iaes_ends", iaes_ends },
  { NULL, NULL },
};
