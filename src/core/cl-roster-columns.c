/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-roster-columns.c — the header and code tables of the exports districts have */
#define G_LOG_DOMAIN "cl-roster-columns"

#include <glib/gi18n-lib.h>

#include <stdlib.h>
#include <string.h>

#include "cl-roster-columns.h"

const char * const cl_roster_field_names[CL_N_ROSTER_FIELDS] = {
  "id", "ssid", "first_name", "last_name", "student_name", "birth_date", "grade", "school",
  "case_manager", "home_language", "english_learner", "disability", "initial_iep", "last_annual_iep",
  "last_triennial", "next_annual_due", "next_triennial_due",
};

/* Headers as the exports write them, lower-case with only letters and digits kept. */
static const struct {
  const char    *header;
  ClRosterField  field;
} headers[] = {
  { "localid", CL_ROSTER_ID }, { "localstudentid", CL_ROSTER_ID }, { "studentid", CL_ROSTER_ID },
  { "studentnumber", CL_ROSTER_ID }, { "permid", CL_ROSTER_ID }, { "id", CL_ROSTER_ID },
  { "ssid", CL_ROSTER_SSID }, { "statewideid", CL_ROSTER_SSID }, { "statewidestudentid", CL_ROSTER_SSID },
  { "stateid", CL_ROSTER_SSID }, { "statestudentid", CL_ROSTER_SSID },
  { "firstname", CL_ROSTER_FIRST_NAME }, { "legalfirstname", CL_ROSTER_FIRST_NAME }, { "first", CL_ROSTER_FIRST_NAME },
  { "lastname", CL_ROSTER_LAST_NAME }, { "legallastname", CL_ROSTER_LAST_NAME }, { "last", CL_ROSTER_LAST_NAME },
  { "studentname", CL_ROSTER_STUDENT_NAME }, { "name", CL_ROSTER_STUDENT_NAME }, { "student", CL_ROSTER_STUDENT_NAME },
  { "birthdate", CL_ROSTER_BIRTH_DATE }, { "dateofbirth", CL_ROSTER_BIRTH_DATE }, { "dob", CL_ROSTER_BIRTH_DATE },
  { "grade", CL_ROSTER_GRADE }, { "gradelevel", CL_ROSTER_GRADE },
  { "school", CL_ROSTER_SCHOOL }, { "schoolname", CL_ROSTER_SCHOOL }, { "schoolofattendance", CL_ROSTER_SCHOOL },
  { "site", CL_ROSTER_SCHOOL },
  { "casemanager", CL_ROSTER_CASE_MANAGER }, { "casecarrier", CL_ROSTER_CASE_MANAGER },
  { "homelanguage", CL_ROSTER_HOME_LANGUAGE }, { "primarylanguage", CL_ROSTER_HOME_LANGUAGE },
  { "language", CL_ROSTER_HOME_LANGUAGE },
  { "el", CL_ROSTER_ENGLISH_LEARNER }, { "ell", CL_ROSTER_ENGLISH_LEARNER },
  { "englishlearner", CL_ROSTER_ENGLISH_LEARNER }, { "elstatus", CL_ROSTER_ENGLISH_LEARNER },
  { "primarydisability", CL_ROSTER_DISABILITY }, { "disability", CL_ROSTER_DISABILITY },
  { "eligibility", CL_ROSTER_DISABILITY },
  { "initialiepdate", CL_ROSTER_INITIAL_IEP }, { "initialiep", CL_ROSTER_INITIAL_IEP },
  { "lastannualiep", CL_ROSTER_LAST_ANNUAL }, { "lastannualiepdate", CL_ROSTER_LAST_ANNUAL },
  { "lastiepdate", CL_ROSTER_LAST_ANNUAL }, { "annualplanreviewdate", CL_ROSTER_LAST_ANNUAL },
  { "lasttriennial", CL_ROSTER_LAST_TRIENNIAL }, { "lasttriennialdate", CL_ROSTER_LAST_TRIENNIAL },
  { "lastevaluationdate", CL_ROSTER_LAST_TRIENNIAL }, { "lastreevaluation", CL_ROSTER_LAST_TRIENNIAL },
  { "lastreevaluationdate", CL_ROSTER_LAST_TRIENNIAL },
  { "nextannualiep", CL_ROSTER_NEXT_ANNUAL }, { "nextannualdue", CL_ROSTER_NEXT_ANNUAL },
  { "nextannualiepdate", CL_ROSTER_NEXT_ANNUAL }, { "nextannualduedate", CL_ROSTER_NEXT_ANNUAL },
  { "nexttriennial", CL_ROSTER_NEXT_TRIENNIAL }, { "nexttriennialdue", CL_ROSTER_NEXT_TRIENNIAL },
  { "nexttriennialdate", CL_ROSTER_NEXT_TRIENNIAL }, { "nexttriennialduedate", CL_ROSTER_NEXT_TRIENNIAL },
};

char *
cl_roster_squash_header (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  GString *out = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_tolower (*p));
  return g_string_free (out, FALSE);
}

ClRosterField
cl_roster_guess_field (const char *header)
{
  g_autofree char *key = cl_roster_squash_header (header);

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    if (g_str_equal (key, headers[i].header))
      return headers[i].field;
  return CL_ROSTER_IGNORE;
}

gboolean
cl_roster_field_from_name (const char    *name,
                           ClRosterField *out_field)
{
  if (g_strcmp0 (name, "ignore") == 0)
    {
      *out_field = CL_ROSTER_IGNORE;
      return TRUE;
    }
  for (int i = 0; i < CL_N_ROSTER_FIELDS; i++)
    if (g_strcmp0 (name, cl_roster_field_names[i]) == 0)
      {
        *out_field = (ClRosterField) i;
        return TRUE;
      }
  return FALSE;
}

/* ---- dates ---- */

/* Reads 1–@max digits at *p; the count read, 0 for none. */
static guint
read_number (const char **p,
             guint        max,
             int         *out)
{
  guint n = 0;

  *out = 0;
  while (n < max + 1 && g_ascii_isdigit (**p))
    {
      *out = *out * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  return n;
}

/* A time after the date, as spreadsheets add to dates ("3/4/2012 0:00", "12:00:00 AM"). */
static gboolean
is_time_suffix (const char *p)
{
  g_autoptr(GRegex) time = NULL;

  if (*p == '\0')
    return TRUE;
  time = g_regex_new ("^[ T]\\d{1,2}:\\d{2}(:\\d{2})?( ?[AaPp][Mm])?$", 0, 0, NULL);
  return g_regex_match (time, p, 0, NULL);
}

gboolean
cl_roster_parse_date (const char  *cell,
                      ClDate      *out_date,
                      char       **out_reason)
{
  const char *p = cell;
  int a, b, c;
  guint na, nb, nc;
  int year, month, day;

  na = read_number (&p, 4, &a);
  if (na == 4 && *p == '-')
    {
      /* YYYY-MM-DD */
      p++;
      nb = read_number (&p, 2, &b);
      if (*p++ != '-' || nb == 0 || nb > 2)
        goto not_a_date;
      nc = read_number (&p, 2, &c);
      if (nc == 0 || nc > 2 || !is_time_suffix (p))
        goto not_a_date;
      year = a, month = b, day = c;
    }
  else if (na >= 1 && na <= 2 && *p == '/')
    {
      /* M/D/YYYY: the US order every export here writes. */
      p++;
      nb = read_number (&p, 2, &b);
      if (*p++ != '/' || nb == 0 || nb > 2)
        goto not_a_date;
      nc = read_number (&p, 4, &c);
      if (nc == 2 && is_time_suffix (p))
        {
          *out_reason = g_strdup (_("has a two-digit year: write the year in full (M/D/YYYY)"));
          return FALSE;
        }
      if (nc != 4 || !is_time_suffix (p))
        goto not_a_date;
      year = c, month = a, day = b;
    }
  else
    goto not_a_date;

  if (year < 1900 || !g_date_valid_dmy (day, month, year))
    goto not_a_date;
  *out_date = cl_date_from_ymd (year, month, day);
  return TRUE;

not_a_date:
  *out_reason = g_strdup (_("is not a date"));
  return FALSE;
}

/* ---- English learner status ---- */

gboolean
cl_roster_parse_el (const char  *cell,
                    gboolean    *out_el,
                    char       **out_reason)
{
  static const char * const yes[] = { "el", "ell", "lep", "y", "yes", "true", "1" };
  static const char * const no[] = { "eo", "ifep", "rfep", "tbd", "n", "no", "false", "0" };
  g_autofree char *key = cl_roster_squash_header (cell);

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (g_str_equal (key, yes[i]))
      {
        *out_el = TRUE;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (g_str_equal (key, no[i]))
      {
        *out_el = FALSE;
        return TRUE;
      }
  *out_reason = g_strdup (_("is not an English learner status (EL, EO, IFEP, RFEP, TBD, Y or N)"));
  return FALSE;
}

/* ---- disability ---- */

/* Each category: its code, its CALPADS number and the names it goes by (squashed). */
static const struct {
  const char *code;
  int         calpads;
  const char *names[4];
} disabilities[] = {
  { "ID", 210, { "intellectualdisability", "id" } },
  { "HI", 220, { "hardofhearing", "hearingimpairment", "hh", "hi" } },
  { "DHH", 230, { "deafness", "deaf", "dhh" } },
  { "SLI", 240, { "speechorlanguageimpairment", "speechlanguageimpairment", "sli" } },
  { "VI", 250, { "visualimpairment", "visualimpairmentincludingblindness", "blindness", "vi" } },
  { "ED", 260, { "emotionaldisturbance", "emotionaldisability", "ed" } },
  { "OI", 270, { "orthopedicimpairment", "oi" } },
  { "OHI", 280, { "otherhealthimpairment", "ohi" } },
  { "EMD", 281, { "establishedmedicaldisability", "emd" } },
  { "SLD", 290, { "specificlearningdisability", "learningdisability", "sld" } },
  { "DB", 300, { "deafblindness", "deafblind", "db" } },
  { "MD", 310, { "multipledisabilities", "multipledisability", "md" } },
  { "AUT", 320, { "autism", "aut" } },
  { "TBI", 330, { "traumaticbraininjury", "tbi" } },
};

gboolean
cl_roster_parse_disability (const char  *cell,
                            const char **out_code,
                            char       **out_reason)
{
  g_autofree char *key = NULL;

  /* "290", "290 SLD", "290 - Specific Learning Disability": the CALPADS number decides. */
  if (g_ascii_isdigit (cell[0]))
    {
      long number = strtol (cell, NULL, 10);

      for (guint i = 0; i < G_N_ELEMENTS (disabilities); i++)
        if (disabilities[i].calpads == number)
          {
            *out_code = disabilities[i].code;
            return TRUE;
          }
      *out_reason = g_strdup (_("is not a disability category (a CALPADS code from 210 to 330, a federal code such as SLD, or its name)"));
      return FALSE;
    }
  key = cl_roster_squash_header (cell);
  for (guint i = 0; i < G_N_ELEMENTS (disabilities); i++)
    for (guint k = 0; k < G_N_ELEMENTS (disabilities[i].names) && disabilities[i].names[k]; k++)
      if (g_str_equal (key, disabilities[i].names[k]))
        {
          *out_code = disabilities[i].code;
          return TRUE;
        }
  *out_reason = g_strdup (_("is not a disability category (a CALPADS code from 210 to 330, a federal code such as SLD, or its name)"));
  return FALSE;
}

/* ---- languages ---- */

/* The home languages of US caseloads: ISO 639-1, the 639-2 codes (B and T), the English name
 * and the names it also goes by (squashed). */
static const struct {
  const char *code;
  const char *name;
  const char *others[4];
} languages[] = {
  { "en", N_("English"), { "eng" } },
  { "es", N_("Spanish"), { "spa", "espanol", "castilian" } },
  { "vi", N_("Vietnamese"), { "vie", "tiengviet" } },
  { "zh", N_("Chinese"), { "chi", "zho", "mandarin", "cantonese" } },
  { "tl", N_("Tagalog"), { "tgl", "filipino", "fil", "pilipino" } },
  { "ar", N_("Arabic"), { "ara" } },
  { "ko", N_("Korean"), { "kor" } },
  { "ru", N_("Russian"), { "rus" } },
  { "pa", N_("Punjabi"), { "pan", "panjabi" } },
  { "fa", N_("Persian"), { "per", "fas", "farsi", "dari" } },
  { "hi", N_("Hindi"), { "hin" } },
  { "ja", N_("Japanese"), { "jpn" } },
  { "pt", N_("Portuguese"), { "por", "portugues" } },
  { "fr", N_("French"), { "fre", "fra", "francais" } },
  { "de", N_("German"), { "ger", "deu", "deutsch" } },
  { "hy", N_("Armenian"), { "arm", "hye" } },
  { "uk", N_("Ukrainian"), { "ukr" } },
  { "km", N_("Khmer"), { "khm", "cambodian" } },
  { "so", N_("Somali"), { "som" } },
  { "ur", N_("Urdu"), { "urd" } },
  { "bn", N_("Bengali"), { "ben", "bangla" } },
  { "gu", N_("Gujarati"), { "guj" } },
  { "te", N_("Telugu"), { "tel" } },
  { "ta", N_("Tamil"), { "tam" } },
  { "th", N_("Thai"), { "tha" } },
  { "lo", N_("Lao"), { "lao", "laotian" } },
  { "my", N_("Burmese"), { "bur", "mya" } },
  { "ne", N_("Nepali"), { "nep" } },
  { "ps", N_("Pashto"), { "pus", "pushto" } },
  { "am", N_("Amharic"), { "amh" } },
  { "ti", N_("Tigrinya"), { "tir" } },
  { "sw", N_("Swahili"), { "swa" } },
  { "ht", N_("Haitian Creole"), { "hat", "haitian" } },
  { "it", N_("Italian"), { "ita" } },
  { "pl", N_("Polish"), { "pol" } },
  { "ro", N_("Romanian"), { "rum", "ron" } },
  { "sm", N_("Samoan"), { "smo" } },
  { "to", N_("Tongan"), { "ton" } },
  { "ml", N_("Malayalam"), { "mal" } },
  { "mr", N_("Marathi"), { "mar" } },
  { "id", N_("Indonesian"), { "ind" } },
  { "tr", N_("Turkish"), { "tur" } },
  { "he", N_("Hebrew"), { "heb" } },
  { "el", N_("Greek"), { "gre", "ell" } },
  { "sq", N_("Albanian"), { "alb", "sqi" } },
};

gboolean
cl_roster_parse_language (const char  *cell,
                          const char **out_code,
                          char       **out_reason)
{
  g_autofree char *key = cl_roster_squash_header (cell);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *name = cl_roster_squash_header (languages[i].name);

      if (g_str_equal (key, languages[i].code) || g_str_equal (key, name))
        {
          *out_code = languages[i].code;
          return TRUE;
        }
      for (guint k = 0; k < G_N_ELEMENTS (languages[i].others) && languages[i].others[k]; k++)
        if (g_str_equal (key, languages[i].others[k]))
          {
            *out_code = languages[i].code;
            return TRUE;
          }
    }
  *out_reason = g_strdup (_("is not a language Caseload knows (write its English name, such as Spanish, or its ISO 639-1 code, such as es)"));
  return FALSE;
}

const char *
cl_roster_language_name (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (code, languages[i].code) == 0)
      return languages[i].name;
  return NULL;
}

const char *
cl_roster_language_code_at (guint index)
{
  return index < G_N_ELEMENTS (languages) ? languages[index].code : NULL;
}
