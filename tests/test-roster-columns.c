/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-roster-columns.c — every header and code table of cl-roster-columns, and the cells refused
 *
 * The headers are the issue's list (SEIS, PowerSchool, Aeries exports) written as the exports
 * write them; the CALPADS codes are the CALPADS Code Sets' disability table (210 ID … 330 TBI).
 */
#include <string.h>

#include "cl-roster-columns.h"
#include "cl-test-util.h"

static const struct {
  const char    *header;
  ClRosterField  field;
} headers[] = {
  { "Local ID", CL_ROSTER_ID }, { "Local Student ID", CL_ROSTER_ID }, { "Student ID", CL_ROSTER_ID },
  { "STUDENT_NUMBER", CL_ROSTER_ID }, { "Perm ID", CL_ROSTER_ID }, { "Student ID #", CL_ROSTER_ID },
  { "SSID", CL_ROSTER_SSID }, { "Statewide ID", CL_ROSTER_SSID }, { "Statewide Student ID", CL_ROSTER_SSID },
  { "First Name", CL_ROSTER_FIRST_NAME }, { "Legal First Name", CL_ROSTER_FIRST_NAME },
  { "Last Name", CL_ROSTER_LAST_NAME }, { "Legal Last Name", CL_ROSTER_LAST_NAME }, { "last_name", CL_ROSTER_LAST_NAME },
  { "Student Name", CL_ROSTER_STUDENT_NAME },
  { "Birthdate", CL_ROSTER_BIRTH_DATE }, { "Birth Date", CL_ROSTER_BIRTH_DATE },
  { "Date of Birth", CL_ROSTER_BIRTH_DATE }, { "DOB", CL_ROSTER_BIRTH_DATE }, { "D.O.B.", CL_ROSTER_BIRTH_DATE },
  { "Grade", CL_ROSTER_GRADE }, { "Grade Level", CL_ROSTER_GRADE },
  { "School", CL_ROSTER_SCHOOL }, { "School Name", CL_ROSTER_SCHOOL },
  { "School of Attendance", CL_ROSTER_SCHOOL }, { "Site", CL_ROSTER_SCHOOL },
  { "Case Manager", CL_ROSTER_CASE_MANAGER }, { "Case Carrier", CL_ROSTER_CASE_MANAGER },
  { "Home Language", CL_ROSTER_HOME_LANGUAGE }, { "Primary Language", CL_ROSTER_HOME_LANGUAGE },
  { "Language", CL_ROSTER_HOME_LANGUAGE },
  { "EL", CL_ROSTER_ENGLISH_LEARNER }, { "ELL", CL_ROSTER_ENGLISH_LEARNER },
  { "English Learner", CL_ROSTER_ENGLISH_LEARNER }, { "EL Status", CL_ROSTER_ENGLISH_LEARNER },
  { "Primary Disability", CL_ROSTER_DISABILITY }, { "Disability", CL_ROSTER_DISABILITY },
  { "Eligibility", CL_ROSTER_DISABILITY },
  { "Initial IEP Date", CL_ROSTER_INITIAL_IEP },
  { "Last Annual IEP", CL_ROSTER_LAST_ANNUAL }, { "Last IEP Date", CL_ROSTER_LAST_ANNUAL },
  { "Annual Plan Review Date", CL_ROSTER_LAST_ANNUAL },
  { "Last Triennial", CL_ROSTER_LAST_TRIENNIAL }, { "Last Evaluation Date", CL_ROSTER_LAST_TRIENNIAL },
  { "Last Reevaluation", CL_ROSTER_LAST_TRIENNIAL },
  { "Next Annual IEP", CL_ROSTER_NEXT_ANNUAL }, { "Next Annual Due", CL_ROSTER_NEXT_ANNUAL },
  { "Next Triennial", CL_ROSTER_NEXT_TRIENNIAL }, { "Next Triennial Due", CL_ROSTER_NEXT_TRIENNIAL },
  { "Parent Email", CL_ROSTER_IGNORE }, { "Counselor", CL_ROSTER_IGNORE }, { "", CL_ROSTER_IGNORE },
};

static void
test_headers (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      ClRosterField got = cl_roster_guess_field (headers[i].header);
      if (got != headers[i].field)
        g_error ("header \"%s\": field %d, expected %d", headers[i].header, got, headers[i].field);
    }
}

static void
test_field_names (void)
{
  ClRosterField field = CL_ROSTER_ID;

  for (int i = 0; i < CL_N_ROSTER_FIELDS; i++)
    {
      g_assert_true (cl_roster_field_from_name (cl_roster_field_names[i], &field));
      g_assert_cmpint (field, ==, i);
    }
  g_assert_true (cl_roster_field_from_name ("ignore", &field));
  g_assert_cmpint (field, ==, CL_ROSTER_IGNORE);
  g_assert_false (cl_roster_field_from_name ("dob", &field));
}

static const struct {
  const char *cell;
  const char *date;     /* NULL: refused */
  const char *reason;
} dates[] = {
  { "3/4/2012", "2012-03-04", NULL },
  { "03/04/2012", "2012-03-04", NULL },
  { "12/31/2026", "2026-12-31", NULL },
  { "2012-03-04", "2012-03-04", NULL },
  { "2/29/2012", "2012-02-29", NULL },            /* a leap day */
  { "3/4/2012 0:00", "2012-03-04", NULL },        /* Excel's time after the date */
  { "3/4/2012 12:00:00 AM", "2012-03-04", NULL },
  { "13/45/2011", NULL, "is not a date" },
  { "2/29/2011", NULL, "is not a date" },         /* 2011 is not a leap year */
  { "2/30/2012", NULL, "is not a date" },
  { "3/4/12", NULL, "two-digit year" },
  { "2012-13-01", NULL, "is not a date" },
  { "March 4, 2012", NULL, "is not a date" },
  { "4.3.2012", NULL, "is not a date" },
  { "3/4/2012x", NULL, "is not a date" },
  { "0/4/2012", NULL, "is not a date" },
};

static void
test_dates (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *reason = NULL;
      ClDate date = CL_DATE_NONE;
      gboolean ok = cl_roster_parse_date (dates[i].cell, &date, &reason);

      if (dates[i].date != NULL)
        {
          g_assert_true (ok);
          g_assert_cmpuint (date, ==, D (dates[i].date));
        }
      else
        {
          g_assert_false (ok);
          g_assert_nonnull (strstr (reason, dates[i].reason));
        }
    }
}

static void
test_english_learner (void)
{
  static const struct { const char *cell; int el; } cases[] = {
    { "EL", TRUE }, { "ell", TRUE }, { "Y", TRUE }, { "Yes", TRUE }, { "TRUE", TRUE },
    { "EO", FALSE }, { "IFEP", FALSE }, { "RFEP", FALSE }, { "TBD", FALSE }, { "N", FALSE }, { "no", FALSE },
    { "Maybe", -1 }, { "LTEL?", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *reason = NULL;
      gboolean el = -1;
      gboolean ok = cl_roster_parse_el (cases[i].cell, &el, &reason);

      if (cases[i].el < 0)
        {
          g_assert_false (ok);
          g_assert_nonnull (strstr (reason, "English learner status"));
        }
      else
        {
          g_assert_true (ok);
          g_assert_cmpint (el, ==, cases[i].el);
        }
    }
}

static void
test_disability (void)
{
  static const struct { const char *cell; const char *code; } cases[] = {
    /* CALPADS */
    { "210", "ID" }, { "220", "HI" }, { "230", "DHH" }, { "240", "SLI" }, { "250", "VI" }, { "260", "ED" },
    { "270", "OI" }, { "280", "OHI" }, { "281", "EMD" }, { "290", "SLD" }, { "300", "DB" }, { "310", "MD" },
    { "320", "AUT" }, { "330", "TBI" }, { "290 - Specific Learning Disability", "SLD" }, { "240 SLI", "SLI" },
    { "HH", "HI" }, { "DEAF", "DHH" },
    /* federal codes and names */
    { "SLD", "SLD" }, { "aut", "AUT" }, { "Specific Learning Disability", "SLD" }, { "Autism", "AUT" },
    { "Speech or Language Impairment", "SLI" }, { "Other Health Impairment", "OHI" },
    { "Emotional Disturbance", "ED" }, { "Deaf-Blindness", "DB" }, { "Intellectual Disability", "ID" },
    { "Visual Impairment (including blindness)", "VI" }, { "Traumatic Brain Injury", "TBI" },
    { "Multiple Disabilities", "MD" }, { "Orthopedic Impairment", "OI" }, { "Deafness", "DHH" },
    { "Hard of Hearing", "HI" }, { "Established Medical Disability", "EMD" },
    /* refused */
    { "200", NULL }, { "999", NULL }, { "Dyslexia", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *reason = NULL;
      const char *code = NULL;
      gboolean ok = cl_roster_parse_disability (cases[i].cell, &code, &reason);

      if (cases[i].code == NULL)
        {
          g_assert_false (ok);
          g_assert_nonnull (strstr (reason, "is not a disability category"));
        }
      else
        {
          if (!ok)
            g_error ("disability \"%s\": %s", cases[i].cell, reason);
          g_assert_cmpstr (code, ==, cases[i].code);
        }
    }
}

static void
test_language (void)
{
  static const struct { const char *cell; const char *code; } cases[] = {
    { "Spanish", "es" }, { "SPANISH", "es" }, { "Español", "es" }, { "es", "es" }, { "spa", "es" },
    { "English", "en" }, { "Vietnamese", "vi" }, { "Mandarin", "zh" }, { "Cantonese", "zh" },
    { "Filipino", "tl" }, { "Tagalog", "tl" }, { "Farsi", "fa" }, { "Punjabi", "pa" }, { "Arabic", "ar" },
    { "Somali", "so" }, { "Haitian Creole", "ht" }, { "Khmer", "km" }, { "ukr", "uk" },
    { "Klingon", NULL }, { "xx", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *reason = NULL;
      const char *code = NULL;
      gboolean ok = cl_roster_parse_language (cases[i].cell, &code, &reason);

      if (cases[i].code == NULL)
        {
          g_assert_false (ok);
          g_assert_nonnull (strstr (reason, "is not a language Caseload knows"));
        }
      else
        {
          g_assert_true (ok);
          g_assert_cmpstr (code, ==, cases[i].code);
        }
    }
  g_assert_cmpstr (cl_roster_language_name ("es"), ==, "Spanish");
  g_assert_null (cl_roster_language_name ("xx"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/roster-columns/headers", test_headers);
  g_test_add_func ("/roster-columns/field-names", test_field_names);
  g_test_add_func ("/roster-columns/dates", test_dates);
  g_test_add_func ("/roster-columns/english-learner", test_english_learner);
  g_test_add_func ("/roster-columns/disability", test_disability);
  g_test_add_func ("/roster-columns/language", test_language);
  return g_test_run ();
}
