/* cl-synthetic-caseload.c — a made-up caseload of any size, for benchmarks and tests */
#define G_LOG_DOMAIN "cl-synthetic-caseload"

#include "cl-synthetic-caseload.h"

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
static const char * const eligibility_codes[] = {
  "SLD", "SLD", "SLD", "SLI", "SLI", "OHI", "OHI", "AUT", "AUT", "ED", "ID", "DHH", "OI", "TBI",
};
static const char * const languages[] = { "en", "en", "en", "en", "es", "es", "vi", "hy", "ko", "tl" };

static void
add_school_year (ClCaseload *caseload,
                 ClSchool   *school,
                 int         year,
                 int         shift)
{
  g_autofree char *id = g_strdup_printf ("%s-%d", school->id, year);
  ClCalendarYear *cal = cl_calendar_year_new (id, cl_date_from_ymd (year, 8, 17 + shift),
                                              cl_date_from_ymd (year + 1, 6, 10 + shift));
  ClDate thanksgiving = cl_date_from_ymd (year, 11, 22);

  /* Thanksgiving week: the Monday of the week holding the fourth Thursday. */
  while (cl_date_weekday (thanksgiving) != G_DATE_THURSDAY)
    thanksgiving++;
  cl_calendar_year_add_closed (cal, thanksgiving - 3, thanksgiving + 1, "Thanksgiving break", TRUE);
  cl_calendar_year_add_closed (cal, cl_date_from_ymd (year, 12, 21), cl_date_from_ymd (year + 1, 1, 1),
                               "Winter break", FALSE);
  cl_calendar_year_add_closed (cal, cl_date_from_ymd (year + 1, 3, 29 - shift),
                               cl_date_from_ymd (year + 1, 4, 2 - shift), "Spring break", FALSE);
  if (!cl_caseload_add_calendar (caseload, cal))
    g_assert_not_reached ();
  cl_school_add_calendar (school, cal);
}

static ClDate
random_date (GRand  *rand,
             ClDate  from,
             ClDate  to)
{
  return from + (ClDate) g_rand_int_range (rand, 0, (gint32) (to - from + 1));
}

static void
add_history (GRand     *rand,
             ClStudent *student,
             guint      n_events,
             ClDate     today)
{
  ClDate referral = random_date (rand, student->birth_date + 365 * 5, MIN (today, student->birth_date + 365 * 14));
  ClDate meeting;
  ClEvent *e;
  guint added = 0;

  cl_student_add_event (student, CL_EVENT_REFERRAL, referral)->from = CL_REFERRAL_TEACHER;
  cl_student_add_event (student, CL_EVENT_ASSESSMENT_PLAN_PROVIDED, referral + 10);
  cl_student_add_event (student, CL_EVENT_ASSESSMENT_PLAN_CONSENT, referral + 20);
  meeting = referral + 20 + (ClDate) g_rand_int_range (rand, 40, 75);
  e = cl_student_add_event (student, CL_EVENT_IEP_MEETING, meeting);
  e->kind = CL_MEETING_INITIAL;
  added = 4;

  /* Yearly reviews, sometimes late, every third one a triennial. */
  for (guint year = 1; meeting + 365 < today && added < n_events; year++)
    {
      meeting = cl_date_add_years (meeting, 1) - (ClDate) g_rand_int_range (rand, 0, 20) +
                (g_rand_int_range (rand, 0, 10) == 0 ? 25 : 0);
      if (meeting >= today)
        break;
      e = cl_student_add_event (student, CL_EVENT_IEP_MEETING, meeting);
      e->kind = year % 3 == 0 ? CL_MEETING_TRIENNIAL : CL_MEETING_ANNUAL;
      e->transition_plan = cl_date_age_on (student->birth_date, meeting) >= 15;
      e->age_of_majority_informed = cl_date_age_on (student->birth_date, meeting) >= 17;
      added++;
      if (g_rand_int_range (rand, 0, 4) == 0 && added < n_events)
        {
          cl_student_add_event (student, CL_EVENT_RECORDS_REQUEST, meeting + 30);
          cl_student_add_event (student, CL_EVENT_RECORDS_PROVIDED, meeting + 30 + g_rand_int_range (rand, 1, 9));
          added += 2;
        }
    }

  /* Fill up with discipline and requests, as a real file fills up. */
  while (added < n_events)
    {
      ClDate day = random_date (rand, referral, today);

      switch (g_rand_int_range (rand, 0, 6))
        {
        case 0:
        case 1:
        case 2:
          e = cl_student_add_event (student, CL_EVENT_REMOVAL, day);
          e->kind = g_rand_int_range (rand, 0, 3);
          e->school_days = g_rand_int_range (rand, 1, 9) / 2.0;
          break;
        case 3:
          cl_student_add_event (student, CL_EVENT_MEETING_REQUEST, day);
          break;
        case 4:
          cl_student_add_event (student, CL_EVENT_RECORDS_REQUEST, day);
          break;
        default:
          e = cl_student_add_event (student, CL_EVENT_IEP_MEETING, day);
          e->kind = CL_MEETING_AMENDMENT;
          break;
        }
      added++;
    }
  cl_student_sort_events (student);
}

static void
add_planned_meeting (GRand     *rand,
                     ClStudent *student,
                     ClDate     today)
{
  g_autofree char *id = g_strdup_printf ("%s-m1", student->id);
  ClMeeting *m = cl_student_add_meeting (student, id, CL_MEETING_ANNUAL,
                                         today + (ClDate) g_rand_int_range (rand, 1, 60));
  const ClInviteeRole roles[] = {
    CL_ROLE_PARENT, CL_ROLE_GENERAL_EDUCATION_TEACHER, CL_ROLE_SPECIAL_EDUCATION_TEACHER,
    CL_ROLE_LEA_REPRESENTATIVE,
  };

  m->start_minutes = 15 * 60 + 30;
  if (g_rand_boolean (rand))
    m->notice_sent = m->date - 12;
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      ClInvitee *inv;

      if (g_rand_int_range (rand, 0, 12) == 0)
        continue;
      inv = cl_meeting_add_invitee (m, roles[i]);
      if (roles[i] == CL_ROLE_GENERAL_EDUCATION_TEACHER && g_rand_int_range (rand, 0, 5) == 0)
        {
          inv->attending = FALSE;
          inv->excusal.present = TRUE;
          inv->excusal.parent_written_consent = m->date - 3;
        }
    }
}

ClCaseload *
cl_synthetic_caseload_new (guint   n_students,
                           guint   events_per_student,
                           guint32 seed,
                           ClDate  today)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  ClCaseload *caseload = cl_caseload_new ();
  ClSchool *schools[2];
  int year = cl_date_year (today) - (cl_date_month (today) < 8 ? 1 : 0);

  cl_caseload_set_jurisdiction (caseload, "CA");
  schools[0] = cl_school_new ("north-ms", "North Middle School");
  schools[1] = cl_school_new ("south-hs", "South High School");
  for (guint s = 0; s < G_N_ELEMENTS (schools); s++)
    {
      for (int y = year - 1; y <= year + 1; y++)
        add_school_year (caseload, schools[s], y, (int) s);
      cl_caseload_add_school (caseload, schools[s]);
    }
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *id = g_strdup_printf ("cm-%u", i);
      g_autofree char *name = g_strdup_printf ("%s %s", given_names[(i * 7) % G_N_ELEMENTS (given_names)],
                                               family_names[(i * 5) % G_N_ELEMENTS (family_names)]);
      cl_caseload_add_staff (caseload, cl_staff_new (id, name, CL_STAFF_CASE_MANAGER));
    }

  for (guint i = 0; i < n_students; i++)
    {
      g_autofree char *id = g_strdup_printf ("S-%06u", i + 1);
      ClStudent *student = cl_student_new (id);
      gboolean high_school = g_rand_boolean (rand);
      int age = high_school ? g_rand_int_range (rand, 14, 19) : g_rand_int_range (rand, 11, 15);
      ClGuardian guardian = { 0 };
      g_autofree char *cm = g_strdup_printf ("cm-%u", (i % 4) + (high_school ? 4 : 0));

      student->first_name = g_strdup (given_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (given_names))]);
      student->last_name = g_strdup (family_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (family_names))]);
      student->birth_date = today - (ClDate) (age * 365 + g_rand_int_range (rand, 0, 365));
      student->school = schools[high_school ? 1 : 0];
      student->grade = g_strdup_printf ("%d", CLAMP (age - 5, 6, 12));
      student->case_manager = cl_caseload_lookup_staff (caseload, cm);
      student->home_language = g_strdup (languages[g_rand_int_range (rand, 0, G_N_ELEMENTS (languages))]);
      student->english_learner = !g_str_equal (student->home_language, "en") && g_rand_boolean (rand);
      student->eligibility_primary =
        g_strdup (eligibility_codes[g_rand_int_range (rand, 0, G_N_ELEMENTS (eligibility_codes))]);
      guardian.name = g_strdup_printf ("%s %s", given_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (given_names))],
                                       student->last_name);
      guardian.relationship = g_strdup (g_rand_boolean (rand) ? "mother" : "father");
      guardian.language = g_strdup (student->home_language);
      guardian.phone = g_strdup_printf ("555-01%02d", g_rand_int_range (rand, 0, 100));
      cl_student_add_guardian (student, &guardian);

      add_history (rand, student, events_per_student, today);
      if (g_rand_int_range (rand, 0, 3) == 0)
        add_planned_meeting (rand, student, today);
      cl_caseload_add_student (caseload, student);
    }
  return caseload;
}
