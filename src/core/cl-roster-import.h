/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-roster-import.h — a caseload from a spreadsheet the district's IEP system or SIS exported
 *
 * A plan, worked out before anything is written: the file's columns read by header (or by a map
 * the person gave), every cell checked, and the database's records (a loaded ClCaseload) changed
 * in memory as the file says — schools and case managers it names that are not there yet, new
 * students, students whose fields change, and the IEP meetings its dates stand for (an event
 * already there is not added twice). Any bad cell leaves a problem, and a plan with problems
 * must not be written. The file's own due dates are compared with what the rules give.
 */
#pragma once

#include "cl-csv.h"
#include "cl-deadline-engine.h"
#include "cl-roster-columns.h"

G_BEGIN_DECLS

#define CL_ROSTER_ERROR (cl_roster_error_quark ())

typedef enum {
  CL_ROSTER_ERROR_MAP,    /* a --map file that cannot be used */
} ClRosterError;

GQuark cl_roster_error_quark (void);

/* An event for a student who was in the database already. */
typedef struct {
  char    *student_id;
  ClEvent  event;
} ClRosterEvent;

/* The file's due date and the engine's for one student and rule, when they differ. */
typedef struct {
  const ClStudent *student;      /* in the plan's caseload */
  const char      *rule_id;      /* annual_review_due or triennial_due */
  const char      *column;       /* the file's header */
  guint            row;
  ClDate           file_date;
  ClDate           caseload_date;  /* CL_DATE_NONE when the rules give no such date */
  char            *basis;        /* how Caseload's date was reached, with the citation */
} ClRosterDisagreement;

typedef struct {
  ClCaseload    *caseload;          /* owned: the database's records with the file applied */
  ClCsvEncoding  encoding;
  guint          n_rows;
  int            column_of[CL_N_ROSTER_FIELDS];  /* the column each field is read from, -1: none */
  GPtrArray     *unread_columns;    /* of char*: headers no field was taken from */
  GPtrArray     *new_schools;       /* of ClSchool*, in the caseload */
  GPtrArray     *new_staff;         /* of ClStaff*, in the caseload */
  GPtrArray     *new_students;      /* of ClStudent*, in the caseload, with their events */
  GPtrArray     *updated_students;  /* of ClStudent*, in the caseload: own fields changed */
  GArray        *new_events;        /* of ClRosterEvent: for students that were there */
  guint          n_unchanged;       /* students the file changes nothing of */
  GPtrArray     *problems;          /* of char*: when any, nothing may be written */
  GPtrArray     *disagreements;     /* of ClRosterDisagreement*, after cl_roster_plan_compare() */
} ClRosterPlan;

/* A --map file, {"columns": {"Header": "field", …}}, as header -> ClRosterField (squashed
 * headers as keys, GINT_TO_POINTER values). */
GHashTable   *cl_roster_map_parse     (const char        *json,
                                       gssize             length,
                                       GError           **error);
/* Plans @table against @caseload (taken: the plan changes it). @map may be NULL. */
ClRosterPlan *cl_roster_plan_new      (const ClCsvTable  *table,
                                       GHashTable        *map,
                                       ClCaseload        *caseload);
/* Fills plan->disagreements: each Next Annual / Next Triennial date of @table (the file the plan
 * was made from, without problems) that is not the due date the engine gives on the planned
 * records. */
gboolean      cl_roster_plan_compare  (ClRosterPlan      *plan,
                                       const ClCsvTable  *table,
                                       ClDeadlineEngine  *engine,
                                       ClDate             today,
                                       GError           **error);
/* What the plan does, in lines for a person: rows read and how, columns not read, new schools
 * and case managers, students new/updated/unchanged. @in_app: said for the app's set-up
 * (no ids, District Set-Up where the command line names caseload-cli import-calendar). */
char         *cl_roster_plan_dup_summary      (const ClRosterPlan         *plan,
                                               const ClCsvTable           *table,
                                               gboolean                    in_app);
/* One disagreement as a line: student, item, the file's date and where, Caseload's, its basis. */
char         *cl_roster_disagreement_dup_text (const ClRosterDisagreement *disagreement);
void          cl_roster_plan_free     (ClRosterPlan      *plan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClRosterPlan, cl_roster_plan_free)

G_END_DECLS
