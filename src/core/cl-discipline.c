/* cl-discipline.c — a student's removals, totalled per school year as the rules count them */
#define G_LOG_DOMAIN "cl-discipline"

#include "cl-discipline.h"

GArray *
cl_discipline_removal_years (ClStudent *student)
{
  GArray *years = g_array_new (FALSE, TRUE, sizeof (ClRemovalYear));
  ClSchool *school = student->school;
  ClRemovalYear *current = NULL;

  if (school == NULL || school->calendars->len == 0)
    return years;
  if (school->table == NULL)
    school->table = cl_school_calendar_new (school);

  for (guint i = 0; i < student->events->len; i++)
    {
      const ClEvent *e = &g_array_index (student->events, ClEvent, i);
      ClSession session;

      if (e->type != CL_EVENT_REMOVAL || !cl_school_calendar_session (school->table, e->date, 0, &session))
        continue;
      if (current == NULL || current->session.first_day != session.first_day)
        {
          ClRemovalYear year = { 0 };

          year.session = session;
          g_array_append_val (years, year);
          current = &g_array_index (years, ClRemovalYear, years->len - 1);
        }
      current->removals++;
      switch (e->kind)
        {
        case CL_REMOVAL_SUSPENSION:
          current->suspension_days += e->school_days;
          current->counted_days += e->school_days;
          current->longest_suspension = MAX (current->longest_suspension, e->school_days);
          break;
        case CL_REMOVAL_OTHER:
          current->counted_days += e->school_days;
          break;
        case CL_REMOVAL_IN_SCHOOL_SUSPENSION:
          current->in_school_days += e->school_days;
          break;
        default:
          break;
        }
    }
  return years;
}
