/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-synthetic-caseload.c — a made-up district caseload of any size, for benchmarks and demos
 *
 * Shaped like a real district's special-education caseload so that the benchmark measures what a
 * principal's laptop will see: elementary, middle and high schools on three calendar patterns,
 * about 28 students per case manager, preschoolers leaving Part C, teenagers at 16, 17 and 18,
 * transfers, removals, records requests, complaints and planned meetings with excusals in every
 * state. Everything is drawn from one GRand, so a seed always gives the same caseload.
 */
#define G_LOG_DOMAIN "cl-synthetic-caseload"

#include "cl-synthetic-caseload.h"
#include "cl-rule-ids.h"

static const char * const given_names[] = {
  "Mateo", "Sofia", "Liam", "Camila", "Noah", "Valentina", "Ethan", "Isabella", "Minh", "Linh",
  "Aram", "Ani", "Jayden", "Amara", "Lucas", "Mia", "Daniel", "Hana", "Elijah", "Grace",
  "Diego", "Lucia", "Nathan", "Chloe", "Marco", "Aaliyah", "Kenji", "Nora", "Tariq", "Zoe",
};
static const char * const family_names[] = {
  "Alvarez", "Nguyen", "Johnson", "Garcia", "Kim", "Petrosyan", "Williams", "Santos", "Tran",
  "Brown", "Lopez", "Davis", "Reyes", "Hakobyan", "Miller", "Cruz", "Park", "Wilson", "Flores",
  "Moore", "Le", "Martinez", "Taylor", "Ramos", "Chen", "Anderson", "Torres", "Lee",
};
static const char * const place_names[] = {
  "Lincoln", "Riverside", "Oak Grove", "Valley View", "Jefferson", "Sierra", "Harbor", "Cedar",
  "Mission", "Lakeside", "Franklin", "Willow Creek", "Madison", "Pioneer", "Bayview", "Hillcrest",
};
static const char * const eligibility_codes[] = {
  "SLD", "SLD", "SLD", "SLI", "SLI", "OHI", "OHI", "AUT", "AUT", "ED", "ID", "DHH", "OI", "TBI",
};
static const char * const languages[] = { "en", "en", "en", "en", "es", "es", "vi", "hy", "ko", "tl" };

typedef enum { LEVEL_ELEMENTARY, LEVEL_MIDDLE, LEVEL_HIGH, N_LEVELS } Level;

static const char * const level_names[N_LEVELS] = { "Elementary", "Middle School", "High School" };
/* Youngest and oldest age at each level, in whole years. */
static const int level_ages[N_LEVELS][2] = { { 5, 10 }, { 11, 13 }, { 14, 21 } };

/* Staff of one school; students draw their case manager and meeting team from it. */
typedef struct {
  ClSchool  *school;
  Level      level;
  GPtrArray *case_managers;   /* of ClStaff*, borrowed */
  ClStaff   *general_teacher;
  ClStaff   *special_teacher;
  ClStaff   *administrator;
  ClStaff   *psychologist;
} SchoolStaff;

static ClDate
random_date (GRand  *rand,
             ClDate  from,
             ClDate  to)
{
  if (to <= from)
    return from;
  return from + (ClDate) g_rand_int_range (rand, 0, (gint32) (to - from + 1));
}

static gboolean
one_in (GRand *rand,
        int    n)
{
  return g_rand_int_range (rand, 0, n) == 0;
}

static ClDate
next_weekday (ClDate       date,
              GDateWeekday weekday)
{
  while (cl_date_weekday (date) != weekday)
    date++;
  return date;
}

/* One school year of calendar pattern @pattern: 0 traditional (mid-August to mid-June), 1 early
 * start with a week off in October, 2 late start with a week off in February. */
static ClCalendarYear *
calendar_year (guint pattern,
               int   year)
{
  static const int starts[] = { 17, 10, 26 };
  g_autofree char *id = g_strdup_printf ("cal-%c-%d", 'a' + pattern, year);
  ClDate first = next_weekday (cl_date_from_ymd (year, 8, starts[pattern]), G_DATE_MONDAY);
  ClDate last = next_weekday (first + 7 * 42, G_DATE_THURSDAY);
  ClCalendarYear *cal = cl_calendar_year_new (id, first, last);
  ClDate labor_day = next_weekday (cl_date_from_ymd (year, 9, 1), G_DATE_MONDAY);
  ClDate thanksgiving = next_weekday (cl_date_from_ymd (year, 11, 22), G_DATE_THURSDAY);
  ClDate winter = next_weekday (cl_date_from_ymd (year, 12, 18), G_DATE_MONDAY);
  ClDate mlk = next_weekday (cl_date_from_ymd (year + 1, 1, 15), G_DATE_MONDAY);
  ClDate presidents = next_weekday (cl_date_from_ymd (year + 1, 2, 15), G_DATE_MONDAY);
  ClDate spring = next_weekday (cl_date_from_ymd (year + 1, 3, 25), G_DATE_MONDAY);

  cl_calendar_year_add_closed (cal, labor_day, labor_day, "Labor Day", TRUE);
  if (pattern == 1)
    {
      ClDate fall = next_weekday (cl_date_from_ymd (year, 10, 9), G_DATE_MONDAY);
      cl_calendar_year_add_closed (cal, fall, fall + 4, "Fall break", FALSE);
    }
  cl_calendar_year_add_closed (cal, thanksgiving - 3, thanksgiving + 1, "Thanksgiving break", TRUE);
  cl_calendar_year_add_closed (cal, winter, winter + 13, "Winter break", FALSE);
  cl_calendar_year_add_closed (cal, mlk, mlk, "Martin Luther King Jr. Day", TRUE);
  if (pattern == 2)
    cl_calendar_year_add_closed (cal, presidents, presidents + 4, "February break", FALSE);
  else
    cl_calendar_year_add_closed (cal, presidents, presidents, "Presidents' Day", TRUE);
  cl_calendar_year_add_closed (cal, spring, spring + 4, "Spring break", FALSE);
  return cal;
}

static ClStaff *
add_staff (ClCaseload  *caseload,
           GRand       *rand,
           const char  *school_id,
           const char  *what,
           guint        n,
           ClStaffRole  role)
{
  g_autofree char *id = g_strdup_printf ("%s-%s-%u", school_id, what, n);
  g_autofree char *name = g_strdup_printf ("%s %s", given_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (given_names))],
                                           family_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (family_names))]);
  ClStaff *staff = cl_staff_new (id, name, role);

  staff->email = g_strdup_printf ("%s@district.example.org", id);
  if (!cl_caseload_add_staff (caseload, staff))
    g_assert_not_reached ();
  return staff;
}

static void
add_schools (ClCaseload *caseload,
             GRand      *rand,
             guint       n_students,
             int         year,
             const char *prefix,
             GArray     *schools)
{
  ClCalendarYear *calendars[3][3];
  /* About 350 students with IEPs to a school, and at least one of each level. */
  guint n_schools = MAX (3, (n_students + 349) / 350);
  guint per_school = MAX (1, n_students / n_schools);

  for (guint p = 0; p < 3; p++)
    for (int y = 0; y < 3; y++)
      {
        calendars[p][y] = calendar_year (p, year - 1 + y);
        if (!cl_caseload_add_calendar (caseload, calendars[p][y]))
          g_assert_not_reached ();
      }

  for (guint i = 0; i < n_schools; i++)
    {
      Level level = (Level) (i % N_LEVELS);
      guint place = i / N_LEVELS;
      g_autofree char *id = g_strdup_printf ("%sschool-%u", prefix, i + 1);
      g_autofree char *name = place < G_N_ELEMENTS (place_names)
        ? g_strdup_printf ("%s %s", place_names[place], level_names[level])
        : g_strdup_printf ("%s %s %u", place_names[place % G_N_ELEMENTS (place_names)], level_names[level],
                           (guint) (place / G_N_ELEMENTS (place_names) + 1));
      SchoolStaff ss = { cl_school_new (id, name), level, g_ptr_array_new (), NULL, NULL, NULL, NULL };
      guint pattern = (i / N_LEVELS) % 3;

      for (int y = 0; y < 3; y++)
        cl_school_add_calendar (ss.school, calendars[pattern][y]);
      if (!cl_caseload_add_school (caseload, ss.school))
        g_assert_not_reached ();
      for (guint k = 0; k < MAX (1, (per_school + 27) / 28); k++)
        g_ptr_array_add (ss.case_managers, add_staff (caseload, rand, id, "cm", k + 1, CL_STAFF_CASE_MANAGER));
      ss.general_teacher = add_staff (caseload, rand, id, "gen", 1, CL_STAFF_GENERAL_EDUCATION_TEACHER);
      ss.special_teacher = add_staff (caseload, rand, id, "sped", 1, CL_STAFF_SPECIAL_EDUCATION_TEACHER);
      ss.administrator = add_staff (caseload, rand, id, "admin", 1, CL_STAFF_ADMINISTRATOR);
      ss.psychologist = add_staff (caseload, rand, id, "psych", 1, CL_STAFF_SCHOOL_PSYCHOLOGIST);
      g_array_append_val (schools, ss);
    }
}

/* What follows an event by some days is only added when it has happened by @today: a case file
 * holds no events in the future. */
static ClEvent *
add_past_event (ClStudent   *student,
                ClEventType  type,
                ClDate       date,
                ClDate       today)
{
  return date < today ? cl_student_add_event (student, type, date) : NULL;
}

/* Sets a field kept in the event's extra (cl_extra_get_date() reads it back). */
static void
set_extra_string (ClEvent    *e,
                  const char *name,
                  const char *value)
{
  if (e->extra == NULL)
    e->extra = json_object_new ();
  json_object_set_string_member (e->extra, name, value);
}

static void
set_extra_date (ClEvent    *e,
                const char *name,
                ClDate      date)
{
  char buf[11];

  cl_date_format_iso (date, buf);
  set_extra_string (e, name, buf);
}

static guint
add_meeting_event (ClStudent     *student,
                   ClMeetingKind  kind,
                   ClDate         date,
                   ClDate         today)
{
  ClEvent *e = add_past_event (student, CL_EVENT_IEP_MEETING, date, today);
  int age = cl_date_age_on (student->birth_date, date);

  if (e == NULL)
    return 0;
  e->kind = kind;
  e->transition_plan = age >= 15;
  e->age_of_majority_informed = age >= 17;
  return 1;
}

/* A year of discipline for one student: a few removals, sometimes past 10 days with what follows. */
static guint
add_discipline (GRand     *rand,
                ClStudent *student,
                ClDate     from,
                ClDate     to,
                ClDate     today)
{
  guint n = g_rand_int_range (rand, 1, 5);
  guint added = 0;
  ClDate day = random_date (rand, from, to);
  double counted = 0;
  gboolean services = FALSE;

  for (guint i = 0; i < n && day < to; i++)
    {
      /* The event's fields are kept apart: adding the events that follow may move the array. */
      int kind = one_in (rand, 4) ? CL_REMOVAL_IN_SCHOOL_SUSPENSION : one_in (rand, 5) ? CL_REMOVAL_OTHER : CL_REMOVAL_SUSPENSION;
      double days = g_rand_int_range (rand, 1, 11) / 2.0;
      int special = one_in (rand, 40) ? g_rand_int_range (rand, CL_SPECIAL_WEAPON, CL_N_SPECIAL_CIRCUMSTANCES) : CL_SPECIAL_NONE;
      ClEvent *e = cl_student_add_event (student, CL_EVENT_REMOVAL, day);

      e->kind = kind;
      e->school_days = days;
      e->special = special;
      added++;
      if (kind != CL_REMOVAL_IN_SCHOOL_SUSPENSION)
        counted += days;
      /* Services from the 11th day, usually arranged in time (the total here is only this
       * spell's, so a year's total over several spells is sometimes missed, as in real files). */
      if (counted > 10 && !services && !one_in (rand, 5))
        services = (added += add_past_event (student, CL_EVENT_REMOVAL_SERVICES, day, today) != NULL);
      /* The decision and the interim setting are recorded the day of the removal: a
       * special-circumstance removal with no iaes_placement that day is itself the setting. */
      if (special != CL_SPECIAL_NONE)
        {
          added += add_past_event (student, CL_EVENT_PLACEMENT_CHANGE_DECISION, day, today) != NULL;
          added += add_past_event (student, CL_EVENT_IAES_PLACEMENT, day, today) != NULL;
          if (!one_in (rand, 4))
            added += add_meeting_event (student, CL_MEETING_MANIFESTATION, day + g_rand_int_range (rand, 5, 16), today);
        }
      day += g_rand_int_range (rand, 10, 60);
    }
  return added;
}

/* What a due-process request adds beyond the older generator's events, drawn from @side so the
 * main stream (and with it every older story) stays as it was: now and then the district filed it,
 * the session was waived in writing, and a hearing is set with its disclosure. */
static guint
add_hearing (GRand     *side,
             ClStudent *student,
             ClEvent   *complaint,
             gboolean   had_session,
             ClDate     today)
{
  ClDate day = complaint->date;
  guint added = 0;
  ClEvent *e;

  if (one_in (side, 8))
    set_extra_string (complaint, "filed_by", "district");
  else if (!had_session && !one_in (side, 3))
    added += add_past_event (student, CL_EVENT_RESOLUTION_WAIVED, day + g_rand_int_range (side, 3, 10), today) != NULL;
  if (one_in (side, 2) && (e = add_past_event (student, CL_EVENT_HEARING_SCHEDULED,
                                               day + g_rand_int_range (side, 30, 45), today)) != NULL)
    {
      ClDate hearing = e->date + g_rand_int_range (side, 20, 40);

      set_extra_date (e, "hearing_date", hearing);
      added++;
      if (!one_in (side, 6))
        added += add_past_event (student, CL_EVENT_HEARING_DISCLOSURE_SENT,
                                 hearing - g_rand_int_range (side, 7, 14), today) != NULL;
    }
  return added;
}

static guint
add_complaint (GRand     *rand,
               GRand     *side,
               ClStudent *student,
               ClDate     day,
               ClDate     today)
{
  ClComplaintKind kind = g_rand_int_range (rand, 0, CL_N_COMPLAINT_KINDS);
  ClEvent *e = cl_student_add_event (student, CL_EVENT_COMPLAINT, day);
  guint index = student->events->len - 1;
  guint added = 1;

  e->kind = kind;
  if (kind == CL_COMPLAINT_DUE_PROCESS || kind == CL_COMPLAINT_EXPEDITED_DUE_PROCESS)
    {
      gboolean session;

      added += add_past_event (student, CL_EVENT_DUE_PROCESS_RESPONSE, day + g_rand_int_range (rand, 5, 12), today) != NULL;
      session = !one_in (rand, 6);
      if (session)
        added += add_past_event (student, CL_EVENT_RESOLUTION_SESSION, day + g_rand_int_range (rand, 7, 18), today) != NULL;
      /* The events added since may have moved the array: the complaint is looked up again (a
       * pointer kept across them wrote its filed_by into freed memory, now and then). */
      added += add_hearing (side, student, &g_array_index (student->events, ClEvent, index), session, today);
    }
  if (!one_in (rand, 10))
    {
      ClEvent *resolved = add_past_event (student, CL_EVENT_COMPLAINT_RESOLVED, day + g_rand_int_range (rand, 20, 70), today);

      if (resolved != NULL)
        {
          resolved->kind = kind;
          added++;
        }
    }
  return added;
}

/* About one file in nine began with an earlier referral the district answered with a written
 * refusal, or whose plan the parent declined in writing (drawn from @side). */
static guint
add_earlier_referral (GRand     *side,
                      ClStudent *student,
                      ClDate     referral)
{
  ClDate earlier = referral - 200;

  if (!one_in (side, 9))
    return 0;
  cl_student_add_event (student, CL_EVENT_REFERRAL, earlier)->from = CL_REFERRAL_PARENT;
  if (one_in (side, 3))
    {
      cl_student_add_event (student, CL_EVENT_ASSESSMENT_PLAN_PROVIDED, earlier + g_rand_int_range (side, 5, 14));
      cl_student_add_event (student, CL_EVENT_ASSESSMENT_PLAN_DECLINED, earlier + g_rand_int_range (side, 16, 30));
      return 3;
    }
  cl_student_add_event (student, CL_EVENT_ASSESSMENT_REFUSED, earlier + g_rand_int_range (side, 5, 14));
  return 2;
}

/* The requests and duties a file meets less often, drawn from @side: a parent asking for a
 * reassessment, the new district asking for the records, a surrogate parent, and an English
 * learner's testing after first enrollment. */
static guint
add_requests (GRand     *side,
              ClStudent *student,
              ClDate     referral,
              ClDate     today)
{
  guint added = 0;
  ClEvent *e;

  if (one_in (side, 15) &&
      (e = add_past_event (student, CL_EVENT_REASSESSMENT_REQUEST,
                           random_date (side, referral + 200, today - 1), today)) != NULL)
    {
      added++;
      if (one_in (side, 4))
        added += add_past_event (student, CL_EVENT_ASSESSMENT_REFUSED, e->date + g_rand_int_range (side, 5, 20), today) != NULL;
      else
        added += add_past_event (student, CL_EVENT_ASSESSMENT_PLAN_PROVIDED, e->date + g_rand_int_range (side, 5, 20), today) != NULL;
    }
  if (one_in (side, 25) &&
      (e = add_past_event (student, CL_EVENT_DISTRICT_RECORDS_REQUEST,
                           random_date (side, referral, today - 1), today)) != NULL)
    {
      added++;
      if (!one_in (side, 10))
        added += add_past_event (student, CL_EVENT_RECORDS_SENT, e->date + g_rand_int_range (side, 1, 9), today) != NULL;
    }
  if (one_in (side, 60) &&
      (e = add_past_event (student, CL_EVENT_SURROGATE_NEEDED, referral, today)) != NULL)
    {
      /* Its date kept apart: adding the events that follow may move the array. */
      ClDate needed = e->date;

      added++;
      added += add_past_event (student, CL_EVENT_SURROGATE_NOTICE_SENT, needed + g_rand_int_range (side, 0, 4), today) != NULL;
      if (!one_in (side, 8))
        added += add_past_event (student, CL_EVENT_SURROGATE_APPOINTED, needed + g_rand_int_range (side, 2, 12), today) != NULL;
    }
  /* First enrollment in a California school: recorded in about one file in four, from
   * kindergarten to the referral; English learners are tested after it. */
  if (one_in (side, 4) &&
      (e = add_past_event (student, CL_EVENT_ENROLLMENT,
                           random_date (side, MIN (student->birth_date + 365 * 5, referral), referral), today)) != NULL)
    {
      ClDate enrolled = e->date;

      added++;
      if (student->home_language != NULL && !g_str_equal (student->home_language, "en"))
        {
          if (!one_in (side, 8))
            added += add_past_event (student, CL_EVENT_ENGLISH_PROFICIENCY_ASSESSED,
                                     enrolled + g_rand_int_range (side, 10, 45), today) != NULL;
          if (!one_in (side, 8))
            added += add_past_event (student, CL_EVENT_PRIMARY_LANGUAGE_ASSESSED,
                                     enrolled + g_rand_int_range (side, 30, 100), today) != NULL;
        }
    }
  return added;
}

/* The file of a student found eligible at school: referral, assessment, the initial IEP, then a
 * review a year (sometimes late) with a reassessment every three, and what else a file fills with. */
static void
add_history (GRand     *rand,
             GRand     *side,
             ClStudent *student,
             guint      n_events,
             ClDate     today)
{
  ClDate earliest = MIN (today - 30, student->birth_date + 365 * 5);
  ClDate referral = random_date (rand, earliest, MIN (today - 30, student->birth_date + 365 * 14));
  ClDate meeting;
  guint added = 0;
  /* Most students are never removed; a few are removed again and again. */
  gboolean removed = one_in (rand, 6);

  if (one_in (rand, 12))
    {
      /* Came with an IEP from elsewhere; the first meeting here is an interim or a review. */
      ClEvent *e = cl_student_add_event (student, CL_EVENT_TRANSFER_IN, referral);

      e->from = g_rand_int_range (rand, 0, CL_N_TRANSFER_FROMS);
      e->has_iep = TRUE;
      meeting = referral + g_rand_int_range (rand, 10, 40);
      if (!add_meeting_event (student, e->from == CL_TRANSFER_SAME_SELPA ? CL_MEETING_ANNUAL : CL_MEETING_INTERIM,
                              meeting, today))
        return;
      added = 2;
    }
  else
    {
      cl_student_add_event (student, CL_EVENT_REFERRAL, referral)->from = one_in (rand, 3) ? CL_REFERRAL_PARENT : CL_REFERRAL_TEACHER;
      cl_student_add_event (student, CL_EVENT_ASSESSMENT_PLAN_PROVIDED, referral + g_rand_int_range (rand, 5, 18));
      cl_student_add_event (student, CL_EVENT_ASSESSMENT_PLAN_CONSENT, referral + g_rand_int_range (rand, 20, 30));
      added = 3 + add_earlier_referral (side, student, referral);
      /* Now and then the plan took longer, by the parent's written agreement (HB lines 668–669). */
      if (one_in (side, 20))
        {
          ClEvent *x = cl_student_add_event (student, CL_EVENT_EXTENSION, referral + 3);

          set_extra_string (x, "rule", CL_RULE_ASSESSMENT_PLAN_DUE);
          set_extra_date (x, "until", referral + 25);
          added++;
        }
      meeting = referral + 30 + (ClDate) g_rand_int_range (rand, 40, 75);
      /* Not yet held: an initial assessment under way. */
      if (!add_meeting_event (student, CL_MEETING_INITIAL, meeting, today))
        return;
      added++;
    }

  for (guint year = 1; added < n_events; year++)
    {
      ClDate next = cl_date_add_years (meeting, 1) - (ClDate) g_rand_int_range (rand, 0, 20) +
                    (one_in (rand, 12) ? 25 : 0);

      gboolean waived = FALSE;

      if (next >= today)
        break;
      if (year % 3 == 0)
        {
          ClDate consent = next - g_rand_int_range (rand, 40, 70);

          /* About one triennial in eight is waived in writing (HB lines 935–937) a month before
           * the review, which is then an annual one. */
          waived = one_in (side, 8);
          if (waived)
            added += add_past_event (student, CL_EVENT_TRIENNIAL_WAIVER, next - 30, today) != NULL;
          else
            {
              cl_student_add_event (student, CL_EVENT_REASSESSMENT_CONSENT, consent);
              added++;
            }
        }
      meeting = next;
      added += add_meeting_event (student, year % 3 == 0 && !waived ? CL_MEETING_TRIENNIAL : CL_MEETING_ANNUAL,
                                  meeting, today);
    }

  added += add_requests (side, student, referral, today);

  /* Fill up with what happens between reviews. */
  while (added < n_events)
    {
      ClDate day = random_date (rand, referral, today - 1);

      switch (g_rand_int_range (rand, 0, 10))
        {
        case 0:
        case 1:
        case 2:
        case 3:
          if (removed)
            added += add_discipline (rand, student, day, MIN (today - 1, day + 120), today);
          else
            added += add_meeting_event (student, CL_MEETING_AMENDMENT, day, today);
          break;
        case 4:
          cl_student_add_event (student, CL_EVENT_MEETING_REQUEST, day);
          added++;
          if (!one_in (rand, 5))
            added += add_meeting_event (student, CL_MEETING_AMENDMENT, day + g_rand_int_range (rand, 10, 35), today);
          break;
        case 5:
        case 6:
          cl_student_add_event (student, CL_EVENT_RECORDS_REQUEST, day);
          added++;
          if (!one_in (rand, 12))
            added += add_past_event (student, CL_EVENT_RECORDS_PROVIDED, day + g_rand_int_range (rand, 1, 9), today) != NULL;
          break;
        case 7:
          if (one_in (rand, 30))
            added += add_complaint (rand, side, student, day, today);
          else
            added += add_meeting_event (student, CL_MEETING_AMENDMENT, day, today);
          break;
        default:
          added += add_meeting_event (student, CL_MEETING_AMENDMENT, day, today);
          break;
        }
    }
}

/* A preschooler leaving Early Start (Part C): the transition conference and the IEP by 3. */
static void
add_part_c_history (GRand     *rand,
                    ClStudent *student,
                    ClDate     today)
{
  ClDate third = cl_date_add_years (student->birth_date, 3);
  ClDate referral = third - g_rand_int_range (rand, 100, 200);

  referral = MIN (referral, today - 10);

  student->part_c = TRUE;
  cl_student_add_event (student, CL_EVENT_REFERRAL, referral)->from = CL_REFERRAL_OTHER;
  if (!one_in (rand, 4))
    add_past_event (student, CL_EVENT_TRANSITION_CONFERENCE, referral + g_rand_int_range (rand, 20, 40), today);
  add_past_event (student, CL_EVENT_ASSESSMENT_PLAN_PROVIDED, referral + 10, today);
  add_past_event (student, CL_EVENT_ASSESSMENT_PLAN_CONSENT, referral + 20, today);
  add_meeting_event (student, CL_MEETING_INITIAL, third - g_rand_int_range (rand, 0, 10), today);
}

static void
add_planned_meeting (GRand             *rand,
                     ClStudent         *student,
                     const SchoolStaff *ss,
                     ClDate             today)
{
  g_autofree char *id = g_strdup_printf ("%s-m1", student->id);
  ClMeetingKind kind = one_in (rand, 4) ? CL_MEETING_TRIENNIAL : CL_MEETING_ANNUAL;
  ClMeeting *m = cl_student_add_meeting (student, id, kind, today + (ClDate) g_rand_int_range (rand, 1, 60));
  const struct { ClInviteeRole role; ClStaff *staff; } team[] = {
    { CL_ROLE_GENERAL_EDUCATION_TEACHER, ss->general_teacher },
    { CL_ROLE_SPECIAL_EDUCATION_TEACHER, ss->special_teacher },
    { CL_ROLE_LEA_REPRESENTATIVE, ss->administrator },
    { CL_ROLE_ASSESSMENT_INTERPRETER, ss->psychologist },
  };
  ClInvitee *parent;

  while (cl_date_weekday (m->date) > G_DATE_FRIDAY)
    m->date++;
  m->start_minutes = (one_in (rand, 2) ? 8 * 60 : 15 * 60) + 30 * g_rand_int_range (rand, 0, 3);
  m->location = g_strdup_printf ("Room %d", g_rand_int_range (rand, 1, 40));
  if (!g_str_equal (student->home_language, "en"))
    m->interpreter = g_strdup (student->home_language);
  if (!one_in (rand, 3))
    m->notice_sent = m->date - g_rand_int_range (rand, 8, 20);

  parent = cl_meeting_add_invitee (m, CL_ROLE_PARENT);
  parent->name = g_strdup (g_array_index (student->guardians, ClGuardian, 0).name);
  if (cl_date_age_on (student->birth_date, m->date) >= 16)
    {
      ClInvitee *self = cl_meeting_add_invitee (m, CL_ROLE_STUDENT);
      self->name = cl_student_dup_display_name (student);
    }
  for (guint i = 0; i < G_N_ELEMENTS (team); i++)
    {
      ClInvitee *inv;

      if (team[i].role == CL_ROLE_ASSESSMENT_INTERPRETER && kind != CL_MEETING_TRIENNIAL)
        continue;
      if (one_in (rand, 15))
        continue;   /* forgotten: the engine reports the missing member */
      inv = cl_meeting_add_invitee (m, team[i].role);
      inv->staff_id = g_strdup (team[i].staff->id);
      if (team[i].role != CL_ROLE_GENERAL_EDUCATION_TEACHER || !one_in (rand, 4))
        continue;

      /* An excusal, in each of its states. */
      inv->attending = FALSE;
      inv->excusal.present = TRUE;
      inv->excusal.area_discussed = g_rand_boolean (rand);
      switch (g_rand_int_range (rand, 0, 3))
        {
        case 0:
          inv->excusal.parent_written_consent = m->date - 3;
          inv->excusal.written_input = inv->excusal.area_discussed ? m->date - 2 : CL_DATE_NONE;
          break;
        case 1:
          inv->excusal.parent_written_consent = m->date - 3;
          break;
        default:
          break;
        }
    }
}

ClCaseload *
cl_synthetic_caseload_new (guint   n_students,
                           guint   events_per_student,
                           guint32 seed,
                           ClDate  today)
{
  return cl_synthetic_caseload_new_part (n_students, events_per_student, seed, today, "");
}

ClCaseload *
cl_synthetic_caseload_new_part (guint       n_students,
                                guint       events_per_student,
                                guint32     seed,
                                ClDate      today,
                                const char *prefix)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  /* What later versions added is drawn from a stream of its own, so a seed still gives the
   * students and stories it gave before, with the newer events beside them. */
  g_autoptr(GRand) side = g_rand_new_with_seed (seed ^ 0x5eed16u);
  g_autoptr(GArray) schools = g_array_new (FALSE, FALSE, sizeof (SchoolStaff));
  ClCaseload *caseload = cl_caseload_new ();
  int year = cl_date_year (today) - (cl_date_month (today) < 8 ? 1 : 0);

  cl_caseload_set_jurisdiction (caseload, "CA");
  add_schools (caseload, rand, n_students, year, prefix, schools);

  for (guint i = 0; i < n_students; i++)
    {
      g_autofree char *id = g_strdup_printf ("%sS-%06u", prefix, i + 1);
      const SchoolStaff *ss = &g_array_index (schools, SchoolStaff, i % schools->len);
      ClStudent *student = cl_student_new (id);
      gboolean preschool = ss->level == LEVEL_ELEMENTARY && one_in (rand, 15);
      int age;
      ClGuardian guardian = { 0 };

      /* High schools hold the 16-, 17- and 18-year-olds the age rules are about, and a few
       * young adults in a transition programme up to 21. */
      if (preschool)
        age = 2;
      else if (ss->level == LEVEL_HIGH)
        age = one_in (rand, 12) ? g_rand_int_range (rand, 19, 22) : g_rand_int_range (rand, 14, 19);
      else
        age = g_rand_int_range (rand, level_ages[ss->level][0], level_ages[ss->level][1] + 1);

      student->first_name = g_strdup (given_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (given_names))]);
      student->last_name = g_strdup (family_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (family_names))]);
      student->birth_date = today - (ClDate) (age * 365 + g_rand_int_range (rand, preschool ? 180 : 0, 365));
      student->school = ss->school;
      student->grade = preschool ? g_strdup ("PK") : age <= 5 ? g_strdup ("K") : g_strdup_printf ("%d", MIN (age - 5, 12));
      student->case_manager = g_ptr_array_index (ss->case_managers, (i / schools->len) % ss->case_managers->len);
      student->home_language = g_strdup (languages[g_rand_int_range (rand, 0, G_N_ELEMENTS (languages))]);
      student->english_learner = !g_str_equal (student->home_language, "en") && g_rand_boolean (rand);
      student->eligibility_primary =
        g_strdup (preschool ? "EMD" : eligibility_codes[g_rand_int_range (rand, 0, G_N_ELEMENTS (eligibility_codes))]);
      if (one_in (rand, 5))
        student->eligibility_secondary = g_strdup (eligibility_codes[g_rand_int_range (rand, 0, G_N_ELEMENTS (eligibility_codes))]);
      student->conservatorship = age >= 17 && g_str_equal (student->eligibility_primary, "ID") && one_in (rand, 2);

      guardian.name = g_strdup_printf ("%s %s", given_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (given_names))],
                                       student->last_name);
      guardian.relationship = g_strdup (g_rand_boolean (rand) ? "mother" : "father");
      guardian.language = g_strdup (student->home_language);
      guardian.phone = g_strdup_printf ("555-01%02d", g_rand_int_range (rand, 0, 100));
      cl_student_add_guardian (student, &guardian);

      if (preschool)
        add_part_c_history (rand, student, today);
      else
        add_history (rand, side, student, events_per_student, today);
      if (one_in (rand, 3))
        add_planned_meeting (rand, student, ss, today);
      if (age >= 18 && !one_in (rand, 6))
        add_past_event (student, CL_EVENT_RIGHTS_TRANSFER_NOTICE,
                        cl_date_add_years (student->birth_date, 18) - g_rand_int_range (rand, 0, 60), today);
      if (age >= 19 && one_in (rand, 6))
        cl_student_add_event (student, CL_EVENT_EXIT, today - g_rand_int_range (rand, 1, 200))->reason =
          g_strdup ("graduated with a diploma");
      cl_student_sort_events (student);
      cl_caseload_add_student (caseload, student);
    }
  for (guint i = 0; i < schools->len; i++)
    g_ptr_array_unref (g_array_index (schools, SchoolStaff, i).case_managers);
  return caseload;
}
