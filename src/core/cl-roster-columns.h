/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-roster-columns.h — what the columns and cells of an IEP-system or SIS export mean
 *
 * SEIS's "Student IEPs" list, PowerSchool and Aeries rosters name the same things differently
 * ("Local Student ID", "Perm ID"; "DOB", "Birthdate") and code them differently (CALPADS "290" or
 * "SLD"; "Spanish" or "es"; "EL", "RFEP" or "Y"). Headers are recognised with case, spaces and
 * punctuation ignored; each cell is read into what a bundle holds, or refused with the reason.
 */
#pragma once

#include "cl-date.h"

G_BEGIN_DECLS

typedef enum {
  CL_ROSTER_IGNORE = -1,         /* a column Caseload does not read */
  CL_ROSTER_ID,
  CL_ROSTER_SSID,
  CL_ROSTER_FIRST_NAME,
  CL_ROSTER_LAST_NAME,
  CL_ROSTER_STUDENT_NAME,        /* "Last, First" */
  CL_ROSTER_BIRTH_DATE,
  CL_ROSTER_GRADE,
  CL_ROSTER_SCHOOL,
  CL_ROSTER_CASE_MANAGER,
  CL_ROSTER_HOME_LANGUAGE,
  CL_ROSTER_ENGLISH_LEARNER,
  CL_ROSTER_DISABILITY,
  CL_ROSTER_INITIAL_IEP,         /* iep_meeting initial, eligible */
  CL_ROSTER_LAST_ANNUAL,         /* iep_meeting annual */
  CL_ROSTER_LAST_TRIENNIAL,      /* iep_meeting triennial, eligible */
  CL_ROSTER_NEXT_ANNUAL,         /* the file's due date, compared with the engine's */
  CL_ROSTER_NEXT_TRIENNIAL,
  CL_N_ROSTER_FIELDS
} ClRosterField;

/* The names a --map file uses ("id", "birth_date", …); index = field. */
extern const char * const cl_roster_field_names[CL_N_ROSTER_FIELDS];

/* @header as headers are compared: lower-case, accents dropped, only letters and digits kept
 * ("Date of Birth" -> "dateofbirth"). */
char         *cl_roster_squash_header (const char *header);
/* The field a header names, CL_ROSTER_IGNORE when none. */
ClRosterField cl_roster_guess_field   (const char *header);
/* A field by its --map name ("ignore" included); FALSE when there is no such field. */
gboolean      cl_roster_field_from_name (const char    *name,
                                         ClRosterField *out_field);

/* Each parser reads a trimmed, non-empty cell; on FALSE, @out_reason says why in words that
 * follow the quoted cell ("is not a date"). */

/* M/D/YYYY, MM/DD/YYYY or YYYY-MM-DD; a two-digit year or an impossible date is refused. */
gboolean cl_roster_parse_date         (const char  *cell,
                                       ClDate      *out_date,
                                       char       **out_reason);
/* EL -> TRUE; EO, IFEP, RFEP, TBD -> FALSE; Y/N, Yes/No, True/False, 1/0. */
gboolean cl_roster_parse_el           (const char  *cell,
                                       gboolean    *out_el,
                                       char       **out_reason);
/* A federal code (SLD), its name ("Specific Learning Disability") or a CALPADS code ("290",
 * "290 SLD", "HH", "DEAF") -> the bundle's code. */
gboolean cl_roster_parse_disability   (const char  *cell,
                                       const char **out_code,
                                       char       **out_reason);
/* A language by its English or own name ("Spanish", "Español") or ISO 639-1/639-2 code ->
 * ISO 639-1. */
gboolean cl_roster_parse_language     (const char  *cell,
                                       const char **out_code,
                                       char       **out_reason);
/* The English name of an ISO 639-1 code Caseload knows (untranslated: pass it through gettext),
 * or NULL. */
const char *cl_roster_language_name   (const char  *code);
/* The code of the @index-th language Caseload knows, NULL past the last: a list to choose from. */
const char *cl_roster_language_code_at (guint        index);

G_END_DECLS
