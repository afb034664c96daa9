/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-student-search.c — the caseload list's search: folded keys and queries */
#include "cl-student-search.h"

static ClStudent *
student (const char *id,
         const char *first,
         const char *last,
         ClStaff    *case_manager)
{
  ClStudent *s = cl_student_new (id);

  s->first_name = g_strdup (first);
  s->last_name = g_strdup (last);
  s->case_manager = case_manager;
  return s;
}

static gboolean
finds (const char *query_text,
       const char *key)
{
  g_autoptr(ClStudentQuery) query = cl_student_query_new (query_text);
  return cl_student_query_matches (query, key);
}

static void
test_fold (void)
{
  g_autofree char *a = cl_search_fold ("Gutiérrez");
  g_autofree char *b = cl_search_fold ("GUTIÉRREZ");
  g_autofree char *c = cl_search_fold ("Núñez-Ávila");
  g_autofree char *d = cl_search_fold ("Straße");
  g_autofree char *e = cl_search_fold ("Nguyễn");

  g_assert_cmpstr (a, ==, "gutierrez");
  g_assert_cmpstr (b, ==, "gutierrez");
  g_assert_cmpstr (c, ==, "nunez-avila");
  g_assert_cmpstr (d, ==, "strasse");
  /* Vietnamese stacks two marks on one letter: both go. */
  g_assert_cmpstr (e, ==, "nguyen");

  /* Plain ASCII is only lowered, whatever else it holds; one accented letter anywhere sends the
   * whole text the general way. */
  {
    g_autofree char *ascii = cl_search_fold ("O'BRIEN-Smith\nS-1042\tAna Ramos 7");
    g_autofree char *late = cl_search_fold ("ANA RAMOS\nS-1042\nJOSÉ");

    g_assert_cmpstr (ascii, ==, "o'brien-smith\ns-1042\tana ramos 7");
    g_assert_cmpstr (late, ==, "ana ramos\ns-1042\njose");
  }
}

static void
test_matches (void)
{
  g_autoptr(ClStaff) ramos = cl_staff_new ("t-ramos", "Ana Ramos", CL_STAFF_CASE_MANAGER);
  g_autoptr(ClStudent) mateo = student ("S-1042", "Mateo", "Gutiérrez", ramos);
  g_autoptr(ClStudent) minh = student ("S-1002", "Minh", "Nguyễn", NULL);
  g_autofree char *mateo_key = cl_student_search_key (mateo);
  g_autofree char *minh_key = cl_student_search_key (minh);

  /* Without the accent, with it, in capitals. */
  g_assert_true (finds ("Gutierrez", mateo_key));
  g_assert_true (finds ("gutiérrez", mateo_key));
  g_assert_true (finds ("GUTI", mateo_key));
  g_assert_false (finds ("Gutierrez", minh_key));
  g_assert_true (finds ("nguyen", minh_key));

  /* By id, whole or in part, any case. */
  g_assert_true (finds ("S-1042", mateo_key));
  g_assert_true (finds ("s-1042", mateo_key));
  g_assert_true (finds ("1042", mateo_key));
  g_assert_false (finds ("1042", minh_key));

  /* By case manager. */
  g_assert_true (finds ("ramos", mateo_key));
  g_assert_false (finds ("ramos", minh_key));

  /* Several words: each must be found, in any order and any field. */
  g_assert_true (finds ("mateo gutierrez", mateo_key));
  g_assert_true (finds ("  gutierrez   MATEO ", mateo_key));
  g_assert_true (finds ("mateo ramos", mateo_key));
  g_assert_false (finds ("mateo nguyen", mateo_key));
  /* A word does not run from one field into the next ("gutierrez" then "s-1042"). */
  g_assert_false (finds ("gutierrezs", mateo_key));

  /* An empty or blank query finds everyone. */
  g_assert_true (finds ("", minh_key));
  g_assert_true (finds ("   ", minh_key));
  g_assert_true (finds (NULL, minh_key));
  {
    g_autoptr(ClStudentQuery) blank = cl_student_query_new (" \t ");
    g_assert_true (cl_student_query_is_empty (blank));
  }
}

/* A student with no case manager and only a last name still has a key. */
static void
test_sparse (void)
{
  g_autoptr(ClStudent) s = cl_student_new ("S-9");
  g_autofree char *key = NULL;

  s->last_name = g_strdup ("Øster");
  key = cl_student_search_key (s);
  g_assert_true (finds ("øster", key));
  g_assert_true (finds ("s-9", key));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/student-search/fold", test_fold);
  g_test_add_func ("/student-search/matches", test_matches);
  g_test_add_func ("/student-search/sparse", test_sparse);
  return g_test_run ();
}
