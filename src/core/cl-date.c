/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-date.c — calendar dates as day numbers */
#define G_LOG_DOMAIN "cl-date"

#include "cl-date.h"

#include <glib/gi18n-lib.h>

#include <string.h>

/* Days since 1970-01-01 of a proleptic Gregorian date, and back (H. Hinnant's algorithms): the
 * engine converts dates hundreds of thousands of times, and a GDate round trip costs several times
 * more. Day numbers stay GDate's Julian days (0001-01-01 = 1). */
#define JULIAN_OF_1970 719163

static gint64
days_from_civil (gint64 y,
                 int    m,
                 int    d)
{
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

/* What g_date_valid_dmy() accepts for a year GDate can hold (1 to 65535), without its calls:
 * every date read from a database is checked, and the engine makes dates hundreds of thousands
 * of times. */
static inline gboolean
valid_ymd (int year,
           int month,
           int day)
{
  static const guint8 days_in_month[13] = { 0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (year < 1 || year > G_MAXUINT16 || month < 1 || month > 12 || day < 1)
    return FALSE;
  if (day <= days_in_month[month])
    return TRUE;
  return month == 2 && day == 29 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0);
}

gboolean
cl_date_parse_iso (const char *text,
                   ClDate     *out_date)
{
  int y, m, d;

  g_return_val_if_fail (out_date != NULL, FALSE);

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  y = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  m = (text[5] - '0') * 10 + (text[6] - '0');
  d = (text[8] - '0') * 10 + (text[9] - '0');

  if (!valid_ymd (y, m, d))
    return FALSE;

  *out_date = (ClDate) (days_from_civil (y, m, d) + JULIAN_OF_1970);
  return TRUE;
}

ClDate
cl_date_from_ymd (int year,
                  int month,
                  int day)
{
  /* (Out of the years valid_ymd() knows, GDate has the last word, as before.) */
  if (G_UNLIKELY (!valid_ymd (year, month, day)))
    g_return_val_if_fail (g_date_valid_dmy (day, month, year), CL_DATE_NONE);
  return (ClDate) (days_from_civil (year, month, day) + JULIAN_OF_1970);
}

void
cl_date_to_ymd (ClDate date,
                int   *year,
                int   *month,
                int   *day)
{
  gint64 z = (gint64) date - JULIAN_OF_1970 + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  int d = (int) (doy - (153 * mp + 2) / 5 + 1);
  int m = (int) (mp < 10 ? mp + 3 : mp - 9);
  gint64 y = yoe + era * 400 + (m <= 2);

  if (year)
    *year = (int) y;
  if (month)
    *month = m;
  if (day)
    *day = d;
}

void
cl_date_format_iso (ClDate date,
                    char   buf[11])
{
  int y, m, d;

  if (date == CL_DATE_NONE)
    {
      buf[0] = '\0';
      return;
    }
  cl_date_to_ymd (date, &y, &m, &d);
  /* By hand: alerts format hundreds of thousands of dates, and printf is most of that time. */
  buf[0] = '0' + (y / 1000) % 10;
  buf[1] = '0' + (y / 100) % 10;
  buf[2] = '0' + (y / 10) % 10;
  buf[3] = '0' + y % 10;
  buf[4] = '-';
  buf[5] = '0' + m / 10;
  buf[6] = '0' + m % 10;
  buf[7] = '-';
  buf[8] = '0' + d / 10;
  buf[9] = '0' + d % 10;
  buf[10] = '\0';
}

char *
cl_date_to_iso (ClDate date)
{
  char buf[11];

  if (date == CL_DATE_NONE)
    return NULL;
  cl_date_format_iso (date, buf);
  return g_strdup (buf);
}

int
cl_date_year (ClDate date)
{
  int y;
  cl_date_to_ymd (date, &y, NULL, NULL);
  return y;
}

int
cl_date_month (ClDate date)
{
  int m;
  cl_date_to_ymd (date, NULL, &m, NULL);
  return m;
}

int
cl_date_day (ClDate date)
{
  int d;
  cl_date_to_ymd (date, NULL, NULL, &d);
  return d;
}

GDateWeekday
cl_date_weekday (ClDate date)
{
  /* Julian day 1 (0001-01-01) was a Monday. */
  return (GDateWeekday) (((date - 1) % 7) + 1);
}

gboolean
cl_date_is_weekday (ClDate date)
{
  return cl_date_weekday (date) <= G_DATE_FRIDAY;
}

/* Anniversaries keep month and day; a Feb 29 falls on Feb 28 in a common year. */
ClDate
cl_date_add_years (ClDate date,
                   int    years)
{
  int y, m, d;

  cl_date_to_ymd (date, &y, &m, &d);
  y += years;
  if (m == 2 && d == 29 && !g_date_is_leap_year (y))
    d = 28;
  return cl_date_from_ymd (y, m, d);
}

ClDate
cl_date_today (void)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_time_t (&date, time (NULL));
  return g_date_get_julian (&date);
}

int
cl_date_age_on (ClDate birth,
                ClDate on)
{
  int by, bm, bd, y, m, d, age;

  cl_date_to_ymd (birth, &by, &bm, &bd);
  cl_date_to_ymd (on, &y, &m, &d);
  age = y - by;
  if (m < bm || (m == bm && d < bd))
    age--;
  /* A Feb 29 birthday is celebrated on Feb 28 in common years (anniversary rule). */
  if (bm == 2 && bd == 29 && !g_date_is_leap_year (y) && m == 2 && d == 28)
    age++;
  return age;
}

char *
cl_date_dup_long (ClDate date)
{
  g_autoptr(GDateTime) when = NULL;
  int y, m, d;

  if (date == CL_DATE_NONE)
    return g_strdup ("—");
  cl_date_to_ymd (date, &y, &m, &d);
  when = g_date_time_new_local (y, m, d, 0, 0, 0);
  /* Translators: a date on the student page, the meeting pages and the compliance view, see
   * strftime(3) */
  return g_date_time_format (when, _("%B %-d, %Y"));
}
