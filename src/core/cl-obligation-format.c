/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-obligation-format.c — obligations as the `alerts` JSON contract and as text for people */
#define G_LOG_DOMAIN "cl-obligation-format"

#include "cl-obligation-format.h"

static void
append_iso (GString *out,
            ClDate   date)
{
  char buf[11];

  cl_date_format_iso (date, buf);
  g_string_append (out, buf);
}

static const char *
meeting_kind_name (int kind)
{
  return kind >= 0 && kind < CL_N_MEETING_KINDS ? cl_meeting_kind_names[kind] : "";
}

static const char *
role_name (int role)
{
  return role >= 0 && role < CL_N_ROLES ? cl_role_names[role] : "";
}

static void
append_school_year (GString   *out,
                    ClDate     first_day,
                    ClDate     last_day)
{
  ClSchoolYear year = { first_day, last_day, FALSE, NULL };
  g_autofree char *label = cl_school_year_dup_label (&year);

  g_string_append (out, label);
}

/* The way itself, before an extension and a complaint's explanation. */
static void
append_way (GString            *out,
            const ClObligation *ob)
{
  const ClCounted *c = &ob->counted;

  switch (c->way)
    {
    case CL_COUNTED_DAYS:
      switch (c->count)
        {
        case CL_COUNT_CALENDAR:
          g_string_append_printf (out, "%u calendar days", c->days);
          break;
        case CL_COUNT_SCHOOL:
          g_string_append_printf (out, "%u school days", c->days);
          break;
        case CL_COUNT_BUSINESS:
          g_string_append_printf (out, "%u business days", c->days);
          break;
        case CL_COUNT_CA_PAUSE:
        case CL_N_COUNT_KINDS:
        default:
          g_string_append_printf (out, "%u days", c->days);
          for (guint i = 0; c->skipped != NULL && i < c->skipped->len; i++)
            {
              const ClSkippedRun *r = &g_array_index (c->skipped, ClSkippedRun, i);

              g_string_append (out, i == 0 ? ", not counting " : " and ");
              if (r->label == NULL)
                g_string_append_printf (out, "%u days between school years", r->to - r->from + 1);
              else
                g_string_append_printf (out, "%u days of %s", r->to - r->from + 1, r->label);
            }
          break;
        }
      break;
    case CL_COUNTED_END_OF_YEAR:
      g_string_append_printf (out, "%s %u days before the last day of the school year (",
                              c->flag ? "referral" : "consent", c->before);
      append_iso (out, c->day);
      g_string_append_printf (out, "): %u calendar days after the next school year starts (", c->days);
      append_iso (out, c->day2);
      g_string_append_c (out, ')');
      break;
    case CL_COUNTED_IEP_IN_EFFECT:
      g_string_append_printf (out, "the IEP written at the %s meeting of ", meeting_kind_name (c->meeting_kind));
      append_iso (out, ob->from);
      g_string_append_printf (out, " is still in effect on birthday %d (", c->age);
      append_iso (out, c->birthday);
      g_string_append (out, "): it must hold the item by then");
      break;
    case CL_COUNTED_REVIEW_WRITES_IEP:
      if (c->years == 1)
        g_string_append_printf (out, "the review due 1 year after the %s meeting of ",
                                meeting_kind_name (c->meeting_kind));
      else
        g_string_append_printf (out, "with a review every year after the %s meeting of ",
                                meeting_kind_name (c->meeting_kind));
      append_iso (out, ob->from);
      if (c->years == 1)
        g_string_append_printf (out, " writes the IEP in effect on birthday %d (", c->age);
      else
        g_string_append_printf (out, ", the one due %d years after it writes the IEP in effect on "
                                "birthday %d (", c->years, c->age);
      append_iso (out, c->birthday);
      g_string_append_c (out, ')');
      break;
    case CL_COUNTED_FIRST_MEETING_AFTER:
      g_string_append_printf (out, "no IEP meeting before birthday %d (", c->age);
      append_iso (out, c->birthday);
      g_string_append (out, "): the first one after it (");
      append_iso (out, c->day);
      g_string_append (out, ") writes the IEP in effect");
      break;
    case CL_COUNTED_BIRTHDAY:
      g_string_append_printf (out, "birthday %d", c->age);
      break;
    case CL_COUNTED_EMANCIPATED:
      g_string_append_printf (out, "married or emancipated before birthday %d (", c->age);
      append_iso (out, c->birthday);
      g_string_append_c (out, ')');
      break;
    case CL_COUNTED_ELIGIBLE_THROUGH:
      g_string_append_printf (out, "birthday %d on ", c->age);
      append_iso (out, c->birthday);
      g_string_append_printf (out, ": eligible through %02d-%02d", cl_date_month (ob->due), cl_date_day (ob->due));
      break;
    case CL_COUNTED_DAY_BEFORE_BIRTHDAY:
      g_string_append_printf (out, "the day before birthday %d (", c->age);
      append_iso (out, c->birthday);
      g_string_append_c (out, ')');
      break;
    case CL_COUNTED_DAYS_BEFORE_BIRTHDAY:
      g_string_append_printf (out, "%u calendar days before birthday %d", c->days, c->age);
      break;
    case CL_COUNTED_YEARS_AFTER_MEETING:
      g_string_append_printf (out, "%d year%s after the %s IEP meeting", c->years, c->years == 1 ? "" : "s",
                              meeting_kind_name (c->meeting_kind));
      break;
    case CL_COUNTED_YEARS_AFTER_WAIVER:
      g_string_append_printf (out, "%d years after the written waiver of the reassessment", c->years);
      break;
    case CL_COUNTED_REMOVAL_TOTAL:
      g_string_append (out, "this removal brings school year ");
      append_school_year (out, c->day, c->day2);
      g_string_append_printf (out, " to %g school days of removal (more than %g): services from day %g",
                              c->total, c->limit, c->limit + 1);
      break;
    case CL_COUNTED_SUSPENSION_INCIDENT:
      g_string_append_printf (out, "a suspension of %g school days for one incident (at most %g)",
                              c->total, c->limit);
      break;
    case CL_COUNTED_SUSPENSION_YEAR:
      g_string_append (out, "suspensions in school year ");
      append_school_year (out, c->day, c->day2);
      g_string_append_printf (out, " reach %g school days (at most %g)", c->total, c->limit);
      break;
    case CL_COUNTED_DAYS_BEFORE_MEETING:
      g_string_append_printf (out, "%u calendar days before the %s meeting", c->days,
                              meeting_kind_name (c->meeting_kind));
      break;
    case CL_COUNTED_MEMBER_NOT_INVITED:
      g_string_append_printf (out, "no %s invited to the %s meeting", role_name (ob->role),
                              meeting_kind_name (c->meeting_kind));
      break;
    case CL_COUNTED_EXCUSAL:
      g_string_append (out, role_name (ob->role));
      if (c->name != NULL)
        g_string_append_printf (out, " %s", c->name);
      g_string_append (out, c->flag ? " excused; area discussed: parent's written consent and the "
                                      "member's written input, both by the meeting"
                                    : " excused; area not discussed: parent's written agreement by "
                                      "the meeting");
      break;
    case CL_COUNTED_BUSINESS_DAYS_BEFORE:
      g_string_append_printf (out, "%u business days before the hearing on ", c->days);
      append_iso (out, c->day);
      break;
    case CL_N_COUNTED_WAYS:
    default:
      break;
    }
}

void
cl_obligation_append_counted_contract (GString            *out,
                                       const ClObligation *ob)
{
  if (ob->extended_on != CL_DATE_NONE)
    {
      g_string_append (out, "extended in writing on ");
      append_iso (out, ob->extended_on);
      g_string_append (out, " to ");
      append_iso (out, ob->due);
      g_string_append (out, " (");
    }
  append_way (out, ob);
  if (ob->counted.explain != NULL)
    g_string_append_printf (out, " (%s)", ob->counted.explain);
  if (ob->extended_on != CL_DATE_NONE)
    {
      g_string_append (out, ", gave ");
      append_iso (out, ob->extended_was);
      g_string_append_c (out, ')');
    }
}

char *
cl_obligation_dup_counted_contract (const ClObligation *ob)
{
  GString *out = g_string_new (NULL);

  cl_obligation_append_counted_contract (out, ob);
  return g_string_free (out, FALSE);
}

void
cl_obligation_write_json (const ClObligation *ob,
                          ClJsonWriter       *w)
{
  cl_json_writer_begin_object (w);
  cl_json_writer_member_string (w, "student", ob->student->id);
  cl_json_writer_member_string (w, "rule", ob->rule->id);
  cl_json_writer_member_date (w, "due", ob->due);
  cl_json_writer_member_string (w, "status", cl_status_names[ob->status]);
  cl_json_writer_member_string (w, "severity", cl_severity_names[ob->severity]);

  cl_json_writer_name (w, "basis");
  cl_json_writer_begin_object (w);
  cl_json_writer_member_date (w, "from", ob->from);
  cl_json_writer_member_string (w, "from_event", ob->from_event);
  {
    g_autofree char *counted = cl_obligation_dup_counted_contract (ob);
    cl_json_writer_member_string (w, "counted", counted);
  }
  cl_json_writer_member_string (w, "sentence", ob->rule->sentence);
  if (ob->meeting != NULL)
    cl_json_writer_member_string (w, "meeting", ob->meeting->id);
  if (ob->role >= 0)
    cl_json_writer_member_string (w, "role", cl_role_names[ob->role]);
  if (ob->note != NULL)
    cl_json_writer_member_string (w, "note", ob->note);
  if (ob->extended_on != CL_DATE_NONE)
    {
      cl_json_writer_name (w, "extended");
      cl_json_writer_begin_object (w);
      cl_json_writer_member_date (w, "on", ob->extended_on);
      cl_json_writer_member_date (w, "until", ob->due);
      cl_json_writer_member_date (w, "was", ob->extended_was);
      cl_json_writer_end_object (w);
    }
  if (ob->estimated)
    {
      g_autofree char *estimate = cl_obligation_dup_estimate_note (ob);
      cl_json_writer_member_string (w, "estimate", estimate);
    }
  cl_json_writer_end_object (w);

  cl_json_writer_member_string (w, "citation", ob->citation);
  cl_json_writer_member_date (w, "met_on", ob->met_on);
  cl_json_writer_member_bool (w, "estimated", ob->estimated);
  cl_json_writer_end_object (w);
}

void
cl_obligations_json_begin (ClJsonWriter *w,
                           GString      *out)
{
  /* One obligation per line: readable, and easy to grep. */
  cl_json_writer_init (w, out, 1);
  cl_json_writer_begin_array (w);
}

void
cl_obligations_json_add (ClJsonWriter *w,
                         GPtrArray    *obligations)
{
  for (guint i = 0; i < obligations->len; i++)
    cl_obligation_write_json (g_ptr_array_index (obligations, i), w);
}

void
cl_obligations_json_end (ClJsonWriter *w)
{
  cl_json_writer_end_array (w);
}

char *
cl_obligations_to_json (GPtrArray *obligations)
{
  GString *out = g_string_sized_new (obligations->len * 480 + 8);
  ClJsonWriter w;

  cl_obligations_json_begin (&w, out);
  cl_obligations_json_add (&w, obligations);
  cl_obligations_json_end (&w);
  return g_string_free (out, FALSE);
}

/* Overdue first, then what is due soonest; met ones last, newest first is not needed: by date. */
static int
status_rank (ClObligationStatus status)
{
  switch (status)
    {
    case CL_STATUS_OVERDUE: return 0;
    case CL_STATUS_DUE_SOON: return 1;
    case CL_STATUS_UPCOMING: return 2;
    case CL_STATUS_MET_LATE: return 3;
    case CL_STATUS_MET: return 4;
    case CL_N_STATUSES:
    default: return 5;
    }
}

static int
compare_for_text (gconstpointer a,
                  gconstpointer b)
{
  const ClObligation *oa = *(ClObligation * const *) a;
  const ClObligation *ob = *(ClObligation * const *) b;
  int c = g_strcmp0 (oa->student->id, ob->student->id);

  if (c != 0)
    return c;
  if ((c = status_rank (oa->status) - status_rank (ob->status)) != 0)
    return c;
  return cl_obligation_compare (a, b);
}

static const char *
status_label (ClObligationStatus status)
{
  switch (status)
    {
    case CL_STATUS_OVERDUE: return "OVERDUE";
    case CL_STATUS_DUE_SOON: return "due soon";
    case CL_STATUS_UPCOMING: return "upcoming";
    case CL_STATUS_MET_LATE: return "met late";
    case CL_STATUS_MET: return "met";
    case CL_N_STATUSES:
    default: return "";
    }
}

void
cl_obligations_text_begin (GString *out,
                           ClDate   today)
{
  char today_buf[11];

  cl_date_format_iso (today, today_buf);
  g_string_append_printf (out, "Obligations as of %s\n", today_buf);
}

void
cl_obligations_text_add (GString   *out,
                         GPtrArray *obligations)
{
  g_autoptr(GPtrArray) sorted = _cl_ptr_array_dup (obligations);
  const ClStudent *current = NULL;

  g_ptr_array_sort (sorted, compare_for_text);
  for (guint i = 0; i < sorted->len; i++)
    {
      const ClObligation *ob = g_ptr_array_index (sorted, i);
      char due[11], from[11], met[11];

      if (ob->student != current)
        {
          g_autofree char *name = cl_student_dup_display_name (ob->student);

          current = ob->student;
          g_string_append_printf (out, "\n%s — %s (%s)\n", ob->student->id, name,
                                  ob->student->school ? ob->student->school->name : "");
        }
      cl_date_format_iso (ob->due, due);
      cl_date_format_iso (ob->from, from);
      g_string_append_printf (out, "  %-9s %s  %s: %s; from %s %s, ",
                              status_label (ob->status), due, ob->rule->id, ob->rule->sentence,
                              ob->from_event, from);
      cl_obligation_append_counted_contract (out, ob);
      g_string_append_printf (out, " [%s]", ob->citation);
      if (ob->met_on != CL_DATE_NONE)
        {
          cl_date_format_iso (ob->met_on, met);
          g_string_append_printf (out, " — done %s", met);
        }
      if (ob->estimated)
        g_string_append (out, " (estimated)");
      g_string_append_c (out, '\n');
    }
}

char *
cl_obligations_to_text (GPtrArray *obligations,
                        ClDate     today)
{
  GString *out = g_string_new (NULL);

  cl_obligations_text_begin (out, today);
  cl_obligations_text_add (out, obligations);
  return g_string_free (out, FALSE);
}
