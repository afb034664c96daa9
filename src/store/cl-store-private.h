/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-store-private.h — what the store's files share */
#pragma once

#include <sqlite3.h>

#include "cl-store.h"

G_BEGIN_DECLS

#define CL_STORE_SCHEMA_VERSION 4
#define CL_STORE_APPLICATION    "caseload"

struct _ClStore
{
  GObject     parent_instance;
  sqlite3    *db;
  char       *path;
  GHashTable *statements;   /* SQL text (static) -> sqlite3_stmt*, prepared once */
  gint64      split_events_from; /* a load reads the events on two connections from this many */
  guint       split_reads;       /* loads that did (for the tests) */
  struct _ClStoreSecondRead *second_read; /* during a load: the connection reading beside */
  sqlite3_int64 split_after;     /* during a load: the last rowid of events this one reads */
};

/* Events are most of a district's rows (24 a student): from this many (by the last rowid), a load
 * reads the later part of them, the guardians and the meetings on a second connection and thread
 * (cl-store-second-read.c). */
#define CL_STORE_SPLIT_EVENTS_FROM 200000
/* For the tests, which have fewer events than that: 0 for the default. */
void          _cl_store_set_split_events_from (ClStore *self,
                                               gint64   rows);
guint         _cl_store_get_split_reads       (ClStore *self);

/* How long a connection waits for another's lock before it gives up. */
#define CL_STORE_BUSY_TIMEOUT_MS 5000

/* A cached prepared statement, reset and cleared of bindings. */
sqlite3_stmt *_cl_store_prepare      (ClStore     *self,
                                      const char  *sql,
                                      GError     **error);
gboolean      _cl_store_exec         (ClStore     *self,
                                      const char  *sql,
                                      GError     **error);
/* Sets @error from the connection's last error, in words a user can act on. @doing (here and in
 * _cl_store_step and _cl_store_each_row) is an untranslated N_() phrase, "adding a school": it is
 * put in the user's language where the message is made. */
gboolean      _cl_store_fail         (ClStore     *self,
                                      int          rc,
                                      const char  *doing,
                                      GError     **error);
/* The same for an error of another connection to the file, SQLite's @detail. */
gboolean      _cl_store_fail_with    (ClStore     *self,
                                      int          rc,
                                      const char  *detail,
                                      const char  *doing,
                                      GError     **error);
/* Asks @db for journal @mode ("delete" or "wal"): SQLITE_OK once it is in it, SQLITE_BUSY when it
 * stayed in another (leaving WAL needs every other connection closed), else SQLite's code. */
int           _cl_store_set_journal_mode (sqlite3    *db,
                                          const char *mode);
/* For sqlite3_progress_handler(): non-zero (stop) once @cancellable (a GCancellable) is cancelled. */
int           _cl_store_cancelled_yet (void *cancellable);
/* Creates or upgrades the schema inside the current transaction. */
gboolean      _cl_store_migrate      (ClStore     *self,
                                      int          from_version,
                                      GError     **error);
/* The SQL that creates version @version from the one before (NULL for none); the tests build an
 * old database with it. */
const char   *_cl_store_schema_sql   (int          version);
/* cl-store-outbox.c: the triggers that write an outbox row for every row written to a table
 * that syncs, from the columns the table has now. */
gboolean      _cl_store_create_outbox_triggers (ClStore  *self,
                                                GError  **error);
/* The SQL naming a row of @table by its sync key, or NULL when @table does not sync. */
char         *_cl_store_synced_key_sql  (const char *table);
/* cl-store-conflicts.c: a pull wrote @row (NULL: deleted) as the server has it; a refusal of
 * that record discards to it. */
gboolean      _cl_store_follow_refused  (ClStore     *self,
                                         const char  *table,
                                         const char  *row_key,
                                         const char  *row,
                                         GError     **error);
/* cl-store-remote.c: SQL writing a row of @table from the JSON object ?1: an insert, or with
 * @key (its sync key SQL) an update of the row ?2 names. */
char         *_cl_store_write_row_sql   (ClStore     *self,
                                         const char  *table,
                                         const char  *key,
                                         GError     **error);

/* ---- cl-store-shared.c ---- */

/* One user action: one transaction, and one timestamp for all its audit rows. */
typedef struct {
  ClStore *store;
  char    *at;
} ClStoreAction;

/* Starts @action on @self (BEGIN IMMEDIATE), stamped with the time now; when it cannot,
 * FALSE, and there is nothing to end. */
gboolean      _cl_store_begin        (ClStore        *self,
                                      ClStoreAction  *action,
                                      GError        **error);
/* Commits @action when @ok, rolls it back otherwise; TRUE when it was committed. */
gboolean      _cl_store_end          (ClStoreAction  *action,
                                      gboolean        ok,
                                      GError        **error);
/* One audit row of @action (the OS user is added). */
gboolean      _cl_store_action_audit (ClStoreAction  *action,
                                      const char     *student_id,
                                      const char     *table,
                                      const char     *row,
                                      const char     *field,
                                      const char     *old_value,
                                      const char     *new_value,
                                      GError        **error);

/* Whether @text is NULL, empty or only spaces: no value. */
gboolean      _cl_store_is_blank     (const char     *text);
/* Refuses with CL_STORE_ERROR_INVALID and the message @format makes; always FALSE. */
gboolean      _cl_store_invalid      (GError        **error,
                                      const char     *format,
                                      ...) G_GNUC_PRINTF (2, 3);
/* Runs @stmt (a write) once and resets it. */
gboolean      _cl_store_step         (ClStore        *self,
                                      sqlite3_stmt   *stmt,
                                      const char     *doing,
                                      GError        **error);
/* Binds @text to parameter @i, SQL NULL for NULL. */
void          _cl_store_bind_text_or_null (sqlite3_stmt *stmt,
                                           int           i,
                                           const char   *text);
/* Binds @values (texts, NULL for SQL NULL) from parameter 1 on. */
void          _cl_store_bind_texts   (sqlite3_stmt   *stmt,
                                      char * const   *values,
                                      guint           n);
typedef void (*ClStoreRowFunc) (sqlite3_stmt *stmt,
                                gpointer      user_data);
/* Hands each row of @stmt (bound) to @func, then resets it; FALSE with @error if reading fails. */
gboolean      _cl_store_each_row     (ClStore         *self,
                                      sqlite3_stmt    *stmt,
                                      ClStoreRowFunc   func,
                                      gpointer         user_data,
                                      const char      *doing,
                                      GError         **error);
char         *_cl_store_col_dup      (sqlite3_stmt   *stmt,
                                      int             i);
/* @object as JSON text; NULL for NULL. */
char         *_cl_store_json_text    (JsonObject     *object);
/* Whether @sql ("SELECT 1 FROM <table> WHERE id = ?") finds @id; @error only when it cannot run. */
gboolean      _cl_store_exists       (ClStore     *self,
                                      const char  *sql,
                                      const char  *id,
                                      GError     **error);
/* The number the one-row query @sql gives (a count, an EXISTS), with @a and @b as its parameters
 * 1 and 2 (NULL: not bound); FALSE with @error, saying what it was @doing (N_()), when it cannot
 * run. */
gboolean      _cl_store_query_int    (ClStore     *self,
                                      const char  *sql,
                                      const char  *a,
                                      const char  *b,
                                      const char  *doing,
                                      gint64      *out_value,
                                      GError     **error);
/* Whether there is a student @student_id; an error saying so when there is not. */
gboolean      _cl_store_student_exists (ClStore     *self,
                                        const char  *student_id,
                                        GError     **error);
/* The position a new row of @student_id takes: @sql is "SELECT COALESCE (MAX (position), -1) + 1
 * FROM <table> WHERE student_id = ?" (0 when it reads nothing). FALSE only when it cannot run. */
gboolean      _cl_store_next_position (ClStore     *self,
                                       const char  *sql,
                                       const char  *student_id,
                                       guint       *out_position,
                                       GError     **error);

/* cl-store-students.c: cl_store_add_student() and cl_store_update_student() inside @action. */
gboolean      _cl_store_add_student_in (ClStoreAction    *action,
                                        const ClStudent  *student,
                                        GError          **error);
gboolean      _cl_store_update_student_in (ClStoreAction    *action,
                                           const ClStudent  *student,
                                           GError          **error);

/* cl-store-setup.c: cl_store_add_school() and cl_store_add_staff() inside @action. */
gboolean      _cl_store_add_school_in  (ClStoreAction       *action,
                                        const char          *id,
                                        const char          *name,
                                        const char * const  *calendar_ids,
                                        GError             **error);
gboolean      _cl_store_add_staff_in   (ClStoreAction    *action,
                                        const ClStaff    *staff,
                                        GError          **error);

/* cl-store-setup.c: what a school year says, one audit line each (its session, then each closed
 * range); and the lines in one list and not the other audited as removed and added, counted in
 * @changes. */
GPtrArray    *_cl_store_calendar_lines     (const ClCalendarYear *calendar);
gboolean      _cl_store_audit_line_changes (ClStoreAction        *action,
                                            const char           *row,
                                            GPtrArray            *before,
                                            GPtrArray            *after,
                                            guint                *changes,
                                            GError              **error);

/* cl-store-import.c: writes @student's guardians, events and meetings as new rows (none of them
 * may exist yet). */
gboolean      _cl_store_insert_student_children (ClStore    *self,
                                                 ClStudent  *student,
                                                 GError    **error);

/* cl-store-events.c: event rows and their audit lines, for the import's and the other files'
 * one-transaction actions. */
/* The audit line of each event of @student_id, in position order. */
GPtrArray    *_cl_store_event_lines  (ClStore     *self,
                                      const char  *student_id,
                                      GError     **error);
/* Writes @event as the row at @position (which must be free) under @uid (NULL: a new uid); no
 * audit row: the caller's. */
gboolean      _cl_store_insert_event        (ClStore        *self,
                                             const char     *student_id,
                                             guint           position,
                                             const ClEvent  *event,
                                             const char     *uid,
                                             GError        **error);
gboolean      _cl_store_insert_event_at_end (ClStore        *self,
                                             const char     *student_id,
                                             const ClEvent  *event,
                                             guint          *out_position,
                                             GError        **error);
char         *_cl_store_describe_event      (const ClEvent  *event);
char         *_cl_store_event_line_at       (ClStore        *self,
                                             const char     *student_id,
                                             guint           position);
gboolean      _cl_store_delete_event_row    (ClStore        *self,
                                             const char     *student_id,
                                             guint           position,
                                             GError        **error);

/* cl-store-meetings.c: a meeting with its invitees, and the attempts and checklist an exported
 * meeting carries in its extra members; and those members added to a loaded caseload's meetings
 * for an export. */
gboolean      _cl_store_insert_meeting         (ClStore          *self,
                                                const char       *student_id,
                                                guint             position,
                                                const ClMeeting  *meeting,
                                                GError          **error);
/* The attempts (of ClAttendanceAttempt*) and checklist (as cl_store_list_checklist() gives) of a
 * meeting written back, as they were read; either may be NULL. No audit rows: the caller's. */
gboolean      _cl_store_write_meeting_records  (ClStore          *self,
                                                const char       *student_id,
                                                const char       *meeting_id,
                                                GPtrArray        *attempts,
                                                GHashTable       *checklist,
                                                GError          **error);
gboolean      _cl_store_meetings_add_app_data  (ClStore          *self,
                                                ClCaseload       *caseload,
                                                GError          **error);

/* cl-store-load.c: a row of each table of a student's file made into the case model. The columns
 * are the lists below, in their order; the first is always the student's id. Shared by the loader
 * (the whole caseload at once) and the stream (one student at a time), so both read alike. */
#define CL_STORE_STUDENT_COLUMNS \
  "id, first_name, last_name, birth_date, school_id, grade, case_manager_id, home_language," \
  " english_learner, eligibility_primary, eligibility_secondary, eligibility_extra, conservatorship," \
  " part_c, emancipated_on, jurisdiction, extra"
#define CL_STORE_GUARDIAN_COLUMNS \
  "student_id, name, relationship, language, phone, email, address, extra"
#define CL_STORE_EVENT_COLUMNS \
  "student_id, type, date, kind, origin, school_days, special, eligible, transition_plan," \
  " age_of_majority_informed, has_iep, reason, extra, position"
#define CL_STORE_MEETING_COLUMNS \
  "student_id, id, kind, date, start_minutes, location, notice_sent, interpreter, extra"
#define CL_STORE_INVITEE_COLUMNS \
  "student_id, meeting_id, role, name, staff_id, attending, excusal, area_discussed," \
  " parent_written_consent, written_input, excusal_extra, extra"
#define CL_STORE_ATTEMPT_COLUMNS   "student_id, meeting_id, date, method, outcome"
#define CL_STORE_CHECKLIST_COLUMNS "student_id, meeting_id, item, done"

/* The schools, staff, calendars and top-level fields: a caseload with no students yet. */
gboolean      _cl_store_load_header      (ClStore       *self,
                                          ClCaseload    *c,
                                          GError       **error);
/* A new student from a row of CL_STORE_STUDENT_COLUMNS; school and case manager looked up in @c. */
ClStudent    *_cl_store_student_from_row (sqlite3_stmt  *stmt,
                                          ClCaseload    *c);
void          _cl_store_add_guardian_row (ClStudent     *s,
                                          sqlite3_stmt  *stmt);
/* FALSE for a row of a type this version does not know. */
gboolean      _cl_store_event_from_row   (ClEvent       *e,
                                          sqlite3_stmt  *stmt);
/* Every guardian, or every meeting and its invitees, onto their students in @c, through @db (the
 * store's, or a second connection's): SQLITE_DONE, or the code of what failed. */
int           _cl_store_read_guardians   (sqlite3       *db,
                                          ClCaseload    *c);
int           _cl_store_read_meetings    (sqlite3       *db,
                                          ClCaseload    *c);
/* A row of an unknown type is skipped (a newer Caseload's). Sort the events once all are in. */
void          _cl_store_add_event_row    (ClStudent     *s,
                                          sqlite3_stmt  *stmt);
/* NULL (and nothing added) for a row of an unknown kind. */
ClMeeting    *_cl_store_add_meeting_row  (ClStudent     *s,
                                          sqlite3_stmt  *stmt);
void          _cl_store_add_invitee_row  (ClMeeting     *m,
                                          sqlite3_stmt  *stmt);
/* cl-store-meetings.c: a row of CL_STORE_ATTEMPT_COLUMNS or CL_STORE_CHECKLIST_COLUMNS added to
 * @m's extra members, as an export carries them. */
ClMeeting    *_cl_store_find_meeting      (ClStudent    *student,
                                           const char   *meeting_id);
void          _cl_store_add_attempt_row   (ClMeeting    *m,
                                           sqlite3_stmt *stmt);
void          _cl_store_add_checklist_row (ClMeeting    *m,
                                           sqlite3_stmt *stmt);

G_END_DECLS
