/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-store.h — the case database: SQLite that never loses a record
 *
 * The only code that speaks SQL. A ClStore is one open database file: WAL journal, foreign keys,
 * a busy timeout, the schema migrated by PRAGMA user_version. Every change is one transaction that
 * either happens whole or not at all, and leaves an audit row per field it changed.
 */
#pragma once

#include <gio/gio.h>

#include "cl-case-model.h"
#include "cl-meeting-prep.h"
#include "cl-roster-import.h"

G_BEGIN_DECLS

#define CL_STORE_ERROR (cl_store_error_quark ())

typedef enum {
  CL_STORE_ERROR_NOT_A_DATABASE,   /* not SQLite at all */
  CL_STORE_ERROR_NOT_CASELOAD,     /* SQLite, but some other program's */
  CL_STORE_ERROR_CORRUPT,          /* integrity check failed */
  CL_STORE_ERROR_NEWER_SCHEMA,     /* written by a newer Caseload */
  CL_STORE_ERROR_IO,               /* cannot open, read or write the file; disk full */
  CL_STORE_ERROR_INVALID,          /* the data given cannot be stored */
  CL_STORE_ERROR_IN_USE,           /* another connection has the file open */
} ClStoreError;

GQuark cl_store_error_quark (void);

/* Reports progress as a fraction in [0, 1]. */
typedef void (*ClStoreProgress) (double   fraction,
                                 gpointer user_data);

typedef struct {
  char *at;          /* UTC, ISO 8601 */
  char *os_user;
  char *table;
  char *row;
  char *field;
  char *old_value;   /* NULL when the row is new */
  char *new_value;   /* NULL when the row was deleted */
} ClAuditEntry;

void cl_audit_entry_free (ClAuditEntry *entry);

#define CL_TYPE_STORE (cl_store_get_type ())
G_DECLARE_FINAL_TYPE (ClStore, cl_store, CL, STORE, GObject)

/* Opens @path, creating it (mode 0600) when @create and it does not exist. A file that is not a
 * Caseload database, is damaged or comes from a newer Caseload is refused and left untouched. */
ClStore    *cl_store_open               (const char       *path,
                                         gboolean          create,
                                         GError          **error);

typedef enum {
  CL_STORE_OPEN_NONE       = 0,
  CL_STORE_OPEN_CREATE     = 1 << 0,   /* create @path (mode 0600) if it does not exist */
  /* Leave out the integrity check, which reads the whole file (seconds at 100,000 students): the
   * caller runs cl_store_quick_check_file() after, off the main thread. A file that needs its
   * schema upgraded is still checked first, so nothing is ever written to a damaged one. */
  CL_STORE_OPEN_SKIP_CHECK = 1 << 1,
  /* The caller never uses the connection from two threads at once (a ClStore's statement cache
   * already asks that): SQLite then takes no lock around each call, which is a tenth of reading
   * a district's 2 million rows. */
  CL_STORE_OPEN_ONE_THREAD = 1 << 2,
} ClStoreOpenFlags;

ClStore    *cl_store_open_with_flags    (const char       *path,
                                         ClStoreOpenFlags  flags,
                                         GError          **error);
/* SQLite's quick check of the database at @path, on a read-only connection of its own: safe to
 * call from any thread while a ClStore on the same file reads and writes (WAL readers block no
 * one). FALSE with CL_STORE_ERROR_CORRUPT when the file is damaged, G_IO_ERROR_CANCELLED when
 * @cancellable was cancelled first. */
gboolean    cl_store_quick_check_file   (const char       *path,
                                         GCancellable     *cancellable,
                                         GError          **error);
const char *cl_store_get_path           (ClStore          *self);
int         cl_store_get_schema_version (ClStore          *self);

/* Everything in the database, as the engine and the app read it. */
ClCaseload *cl_store_load_caseload      (ClStore          *self,
                                         GError          **error);
/* The same, stopped with G_IO_ERROR_CANCELLED when @cancellable is cancelled meanwhile. */
ClCaseload *cl_store_load_caseload_cancellable (ClStore      *self,
                                         GCancellable     *cancellable,
                                         GError          **error);
/* The whole database as caseload-bundle/1 text, reporting progress as it reads and writes. */
char       *cl_store_export             (ClStore          *self,
                                         ClStoreProgress   progress,
                                         gpointer          user_data,
                                         GError          **error);
/* The same text written to @out as it is made, one student at a time (cl-store-stream.c): memory
 * stays that of one student whatever the size of the database. Progress counts students. */
gboolean    cl_store_export_to_stream   (ClStore          *self,
                                         GOutputStream    *out,
                                         ClStoreProgress   progress,
                                         gpointer          user_data,
                                         GCancellable     *cancellable,
                                         GError          **error);

/* ---- the database one student at a time (cl-store-stream.c) ---- */

typedef enum {
  CL_STORE_STREAM_BY_POSITION,  /* the order they were given in: what an export writes */
  CL_STORE_STREAM_BY_ID,        /* by id: the order of `alerts` */
} ClStoreStreamOrder;

typedef enum {
  CL_STORE_STREAM_NONE     = 0,
  /* Each planned meeting's attempts to reach the parent and its checklist, in its extra members,
   * as an export carries them. */
  CL_STORE_STREAM_APP_DATA = 1 << 0,
  /* The next students are read on a thread of the stream's while the caller works on the one it
   * was given (on a machine of more than one core): the same students in the same order, sooner.
   * From the first cl_store_stream_next() until the stream is freed, or has given its last
   * student, the connection is that thread's: cl_store_stream_list_firsts() comes before. */
  CL_STORE_STREAM_READ_AHEAD = 1 << 1,
} ClStoreStreamFlags;

typedef struct _ClStoreStream ClStoreStream;

/* Starts reading @store in one read transaction, which lasts until the stream is freed; nothing
 * else may use @store's connection meanwhile. */
ClStoreStream *cl_store_stream_new            (ClStore             *store,
                                               ClStoreStreamOrder   order,
                                               ClStoreStreamFlags   flags,
                                               GError             **error);
/* The calendars, schools, staff and top-level fields, with no students: the students' school and
 * case manager point into it. */
ClCaseload    *cl_store_stream_get_caseload   (ClStoreStream       *self);
guint          cl_store_stream_get_n_students (ClStoreStream       *self);
/* For each school and rule pack the students have, the first of those students by id, with only
 * their id, school and jurisdiction (of ClStudent*, by id): enough to tell, before anything is
 * written, whether the engine can compute every student, and which one it would stop at. */
GPtrArray     *cl_store_stream_list_firsts    (ClStoreStream       *self,
                                               GError             **error);
/* The next student, whole (guardians, sorted events, meetings), in *@out_student, which the stream
 * owns until the next call; NULL at the end. FALSE with @error when reading fails. */
gboolean       cl_store_stream_next           (ClStoreStream       *self,
                                               ClStudent          **out_student,
                                               GError             **error);
void           cl_store_stream_free           (ClStoreStream       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClStoreStream, cl_store_stream_free)

/* Adds @caseload's records in one transaction. A student, staff member, school or calendar whose
 * id exists is updated from @caseload, and the audit trail records each field that changed. With
 * @replace, the database is emptied first (in the same transaction). */
gboolean    cl_store_import             (ClStore          *self,
                                         ClCaseload       *caseload,
                                         gboolean          replace,
                                         ClStoreProgress   progress,
                                         gpointer          user_data,
                                         GError          **error);
/* One user action on one event of @student_id, as one transaction with its audit row. Events are
 * keyed by their position (ClEvent.order of a caseload loaded from the store). */
gboolean    cl_store_add_event          (ClStore          *self,
                                         const char       *student_id,
                                         const ClEvent    *event,
                                         guint            *out_position,
                                         GError          **error);
gboolean    cl_store_update_event       (ClStore          *self,
                                         const char       *student_id,
                                         guint             position,
                                         const ClEvent    *event,
                                         GError          **error);
gboolean    cl_store_delete_event       (ClStore          *self,
                                         const char       *student_id,
                                         guint             position,
                                         GError          **error);
/* The audit trail of one student, newest first. */
GPtrArray  *cl_store_list_audit         (ClStore          *self,
                                         const char       *student_id,
                                         GError          **error);
/* PRAGMA integrity_check, foreign_key_check and the schema version: NULL when all is well, else
 * one problem per element. */
GStrv       cl_store_check              (ClStore          *self,
                                         GError          **error);
/* A consistent copy of the open database (SQLite online backup), created with mode 0600. */
gboolean    cl_store_backup             (ClStore          *self,
                                         const char       *destination,
                                         ClStoreProgress   progress,
                                         gpointer          user_data,
                                         GError          **error);
/* Where the automatic backups of @database_path live: next to it, in "<name>.backups". */
char       *cl_store_dup_backup_dir     (const char       *database_path);
/* Today's backup, if there is none yet, in cl_store_dup_backup_dir(); keeps the newest @keep. */
gboolean    cl_store_rolling_backup     (ClStore          *self,
                                         guint             keep,
                                         GError          **error);
/* Replaces the database at @path with @backup after checking that @backup is a sound Caseload
 * database; the current file is kept as @path + ".before-restore". */
gboolean    cl_store_restore            (const char       *path,
                                         const char       *backup,
                                         GError          **error);

/* ---- students and their families, one user action each (cl-store-students.c) ---- */

/* Adds @student, whose id must be new and whose school (and case manager, if any) must exist,
 * with the guardians, events and meetings it holds: one transaction, an audit row per field. */
gboolean    cl_store_add_student        (ClStore          *self,
                                         const ClStudent  *student,
                                         GError          **error);
/* Writes @student's own fields (not its guardians, events or meetings) over the stored ones;
 * one transaction, an audit row per field that changed. */
gboolean    cl_store_update_student     (ClStore          *self,
                                         const ClStudent  *student,
                                         GError          **error);
/* Deletes the student and all that is theirs. The audit trail keeps every field, guardian and
 * event it had, so the record can be read back from it. */
gboolean    cl_store_delete_student     (ClStore          *self,
                                         const char       *student_id,
                                         GError          **error);
/* Replaces the guardians of @student_id by @guardians (of ClGuardian, in order); one
 * transaction, an audit row per field that changed. */
gboolean    cl_store_set_guardians      (ClStore          *self,
                                         const char       *student_id,
                                         GArray           *guardians,
                                         GError          **error);

/* ---- changes waiting for the district server (cl-store-outbox.c) ----
 * Every row written to a table that syncs is caught in the outbox by the transaction that wrote
 * it. Sealing turns what the outbox holds into one pending change per record, each with its own
 * id, which stays pending until the server has it. */

typedef struct {
  gint64  seq;          /* local order: changes are pushed in it */
  char   *change_id;    /* a UUID: the server applies each id once */
  char   *at;           /* UTC, ISO 8601, of the record's latest write */
  char   *table;
  char   *row_key;      /* the record's key columns joined by '/'; an event's uid */
  char   *student_id;   /* NULL for schools, staff and calendars */
  char   *base;         /* the row (a JSON object) the change started from; NULL: a new record */
  char   *row;          /* the row it became; NULL: deleted */
} ClStoreChange;

void        cl_store_change_free           (ClStoreChange  *change);
/* From now on every change to the database is kept until the district server has it (a database
 * that never syncs keeps no outbox). The first time, every record the database holds already goes
 * into the outbox as new, so work done before the first sync is sent too. */
gboolean    cl_store_start_capturing_changes (ClStore      *self,
                                              GError      **error);
gboolean    cl_store_is_capturing_changes  (ClStore        *self,
                                            gboolean       *out_capturing,
                                            GError        **error);
/* Seals the outbox in one transaction; @out_sealed counts the pending changes it made (records
 * written back as they were make none). */
gboolean    cl_store_seal_changes          (ClStore        *self,
                                            guint          *out_sealed,
                                            GError        **error);
/* The sealed changes (of ClStoreChange*), in the order they are pushed. */
GPtrArray  *cl_store_list_pending_changes  (ClStore        *self,
                                            GError        **error);
/* The server has @change_id: it is no longer pending. */
gboolean    cl_store_forget_pending_change (ClStore        *self,
                                            const char     *change_id,
                                            GError        **error);
/* How many records have changes the server does not have yet, sealed or not. */
gboolean    cl_store_count_unsynced        (ClStore        *self,
                                            guint          *out_count,
                                            GError        **error);

/* Every record of the synced tables as the outbox sends it — @table, its @key, its student's id
 * (NULL for the district's records) and the row as JSON — to @each, table by table; FALSE from
 * @each stops there with its error. What `server load` sends. */
typedef gboolean (*ClStoreRecordFunc) (const char  *table,
                                       const char  *key,
                                       const char  *student_id,
                                       const char  *row,
                                       gpointer     user_data,
                                       GError     **error);
gboolean    cl_store_foreach_record        (ClStore          *self,
                                            ClStoreRecordFunc each,
                                            gpointer          user_data,
                                            GError          **error);

/* The server's position this database has pulled up to (0: never). */
gboolean    cl_store_get_sync_position     (ClStore        *self,
                                            gint64         *out_position,
                                            GError        **error);
/* Writes the server's records @changes (of ClStoreChange*: table, row_key and row, NULL for a
 * record deleted) in one transaction that none of them goes back out from, and remembers
 * @position. A record with a change of this laptop's own still to push is left as it is: the
 * server merges that change and the next pull brings the result. */
gboolean    cl_store_apply_remote_changes  (ClStore        *self,
                                            GPtrArray      *changes,
                                            gint64          position,
                                            guint          *out_applied,
                                            GError        **error);

/* Whether this database holds the student @student_id. */
gboolean    cl_store_holds_student         (ClStore        *self,
                                            const char     *student_id,
                                            gboolean       *out_holds,
                                            GError        **error);
/* Whether @row (a pulled record of @table, as JSON) names what the district's records of this
 * laptop lack: a staff member it does not hold (a student's case manager, a team member), or, for
 * a student, a school none of whose students it holds (whose staff and calendars it never read). */
gboolean    cl_store_needs_district_records (ClStore       *self,
                                             const char    *table,
                                             const char    *row,
                                             gboolean      *out_needs,
                                             GError       **error);

/* ---- conflicts: a change of this laptop's that met another's on the server (cl-store-conflicts.c)
 * The value that reached the server first stands everywhere; the other is kept here, with both
 * values, until someone chooses. Keeping mine sends it to the server with the next sync. */

#define CL_TYPE_CONFLICT (cl_conflict_get_type ())

typedef struct {
  gint64  id;
  char   *student_uid;    /* NULL for the district's records (schools, staff, calendars) */
  char   *student_name;   /* as this laptop knows the student; the id when it knows no name */
  char   *what;           /* the kind of record, in words ("Timeline event") */
  char   *field;          /* the field (its column, _ as spaces), or "whole record" in words */
  char   *mine;           /* this laptop's value, in words */
  char   *theirs;         /* the value the server kept, in words */
  char   *their_author;   /* the login whose change reached the server first */
  char   *their_time;     /* when, ISO 8601 UTC */
  gboolean refused;       /* not a conflict but a change the server refused (the login may not make
                           * it): it can only be discarded, which takes the server's version */
} ClConflict;

GType       cl_conflict_get_type           (void) G_GNUC_CONST;
ClConflict *cl_conflict_copy               (const ClConflict *conflict);
void        cl_conflict_free               (ClConflict     *conflict);

/* The conflicts kept here (of ClConflict*, free func set), oldest first. */
GPtrArray  *cl_store_list_conflicts        (ClStore        *store,
                                            GError        **error);
/* How many conflicts wait for a choice; -1 with @error when it cannot tell. */
gint64      cl_store_count_conflicts       (ClStore        *store,
                                            GError        **error);
/* How many of them are refusals (ClConflict.refused); -1 with @error when it cannot tell. */
gint64      cl_store_count_refusals        (ClStore        *store,
                                            GError        **error);
/* Settles conflict @id in one transaction: @keep_mine writes this laptop's value back and queues
 * it for the server (which then takes it over the other); otherwise the server's value stays
 * (and is written here if this laptop has not pulled it yet). Audited either way. A refusal is
 * only discarded (@keep_mine FALSE: the record as the server has it is written here). */
gboolean    cl_store_resolve_conflict      (ClStore        *store,
                                            gint64          id,
                                            gboolean        keep_mine,
                                            GError        **error);

/* A conflict as the server answers a pushed change with it: JSON values. */
typedef struct {
  char *field;          /* a column, or "*": the record deleted on one side, edited on the other */
  char *mine;           /* JSON: the value this change brought (for "*", the row; NULL: deleted) */
  char *theirs;         /* JSON: the value the server kept (for "*", the row; NULL: deleted) */
  char *their_author;
  char *their_time;     /* ISO 8601 UTC */
} ClStoreServerConflict;

void        cl_store_server_conflict_free  (ClStoreServerConflict *conflict);
/* The server answered @change: it is no longer pending, and @conflicts (of
 * ClStoreServerConflict*, may be NULL) are kept here, in one transaction. Kept once however often
 * the same answer comes. */
gboolean    cl_store_settle_pushed_change  (ClStore              *self,
                                            const ClStoreChange  *change,
                                            GPtrArray            *conflicts,
                                            GError              **error);

/* The server refused @change (the login may not make it): it is no longer pending, so the record
 * follows the server again, and it is kept among the conflicts as a refusal, which the person sees
 * and discards. @server_row is the record as the server has it (JSON; NULL: none this login reads). */
gboolean    cl_store_settle_refused_change (ClStore             *self,
                                            const ClStoreChange *change,
                                            const char          *server_row,
                                            GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClConflict, cl_conflict_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClStoreServerConflict, cl_store_server_conflict_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClStoreChange, cl_store_change_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClAuditEntry, cl_audit_entry_free)

/* ---- planned meetings (cl-store-meetings.c) ----
 * Each is one user action: one transaction with its audit rows; a failure changes nothing. */

/* One logged attempt to arrange the parent's attendance (HB 7.5; 34 CFR 300.322(d)). */
typedef struct {
  gint64          id;
  ClDate          date;
  ClContactMethod method;
  char           *outcome;     /* free text, may be NULL */
} ClAttendanceAttempt;

void        cl_attendance_attempt_free          (ClAttendanceAttempt *attempt);

/* A new planned meeting of @student_id with its invitees and excusals; @meeting->id must be new. */
gboolean    cl_store_add_meeting                (ClStore          *self,
                                                 const char       *student_id,
                                                 const ClMeeting  *meeting,
                                                 GError          **error);
/* Rewrites the meeting @meeting->id and its invitees; its attempts and checklist are kept. */
gboolean    cl_store_update_meeting             (ClStore          *self,
                                                 const char       *student_id,
                                                 const ClMeeting  *meeting,
                                                 GError          **error);
gboolean    cl_store_delete_meeting             (ClStore          *self,
                                                 const char       *student_id,
                                                 const char       *meeting_id,
                                                 GError          **error);
gboolean    cl_store_add_attendance_attempt     (ClStore          *self,
                                                 const char       *student_id,
                                                 const char       *meeting_id,
                                                 ClDate            date,
                                                 ClContactMethod   method,
                                                 const char       *outcome,
                                                 gint64           *out_id,
                                                 GError          **error);
gboolean    cl_store_delete_attendance_attempt  (ClStore          *self,
                                                 gint64            attempt_id,
                                                 GError          **error);
/* Of ClAttendanceAttempt*, by date. */
GPtrArray  *cl_store_list_attendance_attempts   (ClStore          *self,
                                                 const char       *student_id,
                                                 const char       *meeting_id,
                                                 GError          **error);
/* One tick of the live checklist, saved at once. */
gboolean    cl_store_set_checklist_item         (ClStore          *self,
                                                 const char       *student_id,
                                                 const char       *meeting_id,
                                                 const char       *item,
                                                 gboolean          done,
                                                 GError          **error);
/* item (char*) -> done (GINT_TO_POINTER). */
GHashTable *cl_store_list_checklist             (ClStore          *self,
                                                 const char       *student_id,
                                                 const char       *meeting_id,
                                                 GError          **error);
/* The plan becomes @event (an iep_meeting) in the timeline, and the planned meeting, with its
 * attempts and checklist, is removed: one transaction. */
gboolean    cl_store_record_meeting_held        (ClStore          *self,
                                                 const char       *student_id,
                                                 const char       *meeting_id,
                                                 const ClEvent    *event,
                                                 guint            *out_position,
                                                 GError          **error);
/* Undoes cl_store_record_meeting_held(): the event at @event_position goes, @meeting comes back
 * with @attempts (of ClAttendanceAttempt*) and @checklist (as cl_store_list_checklist() gives). */
gboolean    cl_store_unrecord_meeting_held      (ClStore          *self,
                                                 const char       *student_id,
                                                 guint             event_position,
                                                 const ClMeeting  *meeting,
                                                 GPtrArray        *attempts,
                                                 GHashTable       *checklist,
                                                 GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClAttendanceAttempt, cl_attendance_attempt_free)

/* ---- what the app keeps beside a student's file (cl-store-app-records.c) ---- */

/* The rows of a student that a ClStudent does not hold: each planned meeting's attempts to reach
 * the parent and its checklist, and the student's notes. Read before cl_store_delete_student(),
 * so that its undo brings back the facilitator's log too. */
typedef struct _ClAppRecords ClAppRecords;

ClAppRecords *cl_store_dup_app_records      (ClStore             *self,
                                             const char          *student_id,
                                             GError             **error);
void          cl_app_records_free           (ClAppRecords        *records);
/* Undoes cl_store_delete_student(): @student added back as cl_store_add_student() does, and
 * @records (read from the same student before the delete; may be NULL) written back, in one
 * transaction. */
gboolean      cl_store_restore_student      (ClStore             *self,
                                             const ClStudent     *student,
                                             const ClAppRecords  *records,
                                             GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClAppRecords, cl_app_records_free)

/* ---- set-up: schools, staff, school years (cl-store-setup.c) ----
 * Each is one action: one transaction with its audit rows; a refusal changes nothing. */

/* A school with the calendars of @calendar_ids (NULL-terminated, at least one: the engine counts
 * every date on a school's calendar). */
gboolean      cl_store_add_school           (ClStore               *self,
                                             const char            *id,
                                             const char            *name,
                                             const char * const    *calendar_ids,
                                             GError               **error);
gboolean      cl_store_add_staff            (ClStore               *self,
                                             const ClStaff         *staff,
                                             GError               **error);
/* The id of the school whose id, or else whose exact name, is @id_or_name; NULL without @error
 * when there is none, NULL with @error when the name is shared. */
char         *cl_store_find_school          (ClStore               *self,
                                             const char            *id_or_name,
                                             GError               **error);
/* @calendar becomes the school year of @school_id it covers: the school's calendars whose
 * session overlaps it are replaced (and deleted when no other school uses them). With
 * @new_school_name, a school @school_id that does not exist is created with it. The audit trail
 * has a row for each session and closed range that went or came; @out_changes counts them (0:
 * the same year was there already, and nothing was written). */
gboolean      cl_store_set_school_year      (ClStore               *self,
                                             const char            *school_id,
                                             const char            *new_school_name,
                                             const ClCalendarYear  *calendar,
                                             guint                 *out_changes,
                                             GError               **error);

/* ---- one school year changed by hand (cl-store-school-year.c) ----
 * The calendar keeps its id, place and schools. Refused, changing nothing: a session that would
 * overlap another school year of a school using the calendar (a feed read again replaces it:
 * cl_store_set_school_year()), a closed range added or changed without a label, ending before it
 * starts or outside the session. An audit row for each session and closed range that went or
 * came. Closed ranges are named by their index in the year's list (ClCalendarYear.closed). */

/* The school year @calendar_id as the database holds it. */
ClCalendarYear *cl_store_dup_school_year    (ClStore               *self,
                                             const char            *calendar_id,
                                             GError               **error);
/* @year's session and closed ranges over those of the calendar with its id. */
gboolean      cl_store_update_school_year   (ClStore               *self,
                                             const ClCalendarYear  *year,
                                             GError               **error);
gboolean      cl_store_set_school_year_days (ClStore               *self,
                                             const char            *calendar_id,
                                             ClDate                 first_day,
                                             ClDate                 last_day,
                                             GError               **error);
/* @range (its days, label and holiday) after the year's others. */
gboolean      cl_store_add_closed_range     (ClStore               *self,
                                             const char            *calendar_id,
                                             const ClClosedRange   *range,
                                             GError               **error);
gboolean      cl_store_update_closed_range  (ClStore               *self,
                                             const char            *calendar_id,
                                             guint                  index,
                                             const ClClosedRange   *range,
                                             GError               **error);
gboolean      cl_store_delete_closed_range  (ClStore               *self,
                                             const char            *calendar_id,
                                             guint                  index,
                                             GError               **error);
/* @year, a new calendar, added to @school_id's school years; refused when it overlaps one the
 * school has. */
gboolean      cl_store_add_school_year      (ClStore               *self,
                                             const char            *school_id,
                                             const ClCalendarYear  *year,
                                             GError               **error);
/* @calendar_id taken off @school_id (deleted when no other school uses it); a school keeps at
 * least one. */
gboolean      cl_store_delete_school_year   (ClStore               *self,
                                             const char            *school_id,
                                             const char            *calendar_id,
                                             GError               **error);

/* The rule pack every student is counted with (one whose student has none of their own): US, CA,
 * UT or a district pack's id, which the caller has checked it can load. */
/* The database's rule pack id, NULL when none was ever set. */
char         *cl_store_dup_jurisdiction     (ClStore               *self);
gboolean      cl_store_set_jurisdiction     (ClStore               *self,
                                             const char            *pack_id,
                                             GError               **error);
gboolean      cl_store_rename_school        (ClStore               *self,
                                             const char            *school_id,
                                             const char            *name,
                                             GError               **error);
/* The staff member @staff_id removed, audited; refused while they are a student's case manager
 * (the message says how many), so no student is left without one. */
gboolean      cl_store_delete_staff         (ClStore               *self,
                                             const char            *staff_id,
                                             GError               **error);
/* Writes @staff's name, role and email over those of the staff member with its id. */
gboolean      cl_store_update_staff         (ClStore               *self,
                                             const ClStaff         *staff,
                                             GError               **error);

/* ---- a spreadsheet's caseload (cl-store-roster.c) ---- */

/* Writes @plan (made on this database's records, without problems) as one transaction: its new
 * schools, staff and students, the changed fields of the others and their new events, each
 * audited. A plan with problems is refused and nothing is written. */
gboolean      cl_store_apply_roster         (ClStore               *self,
                                             const ClRosterPlan    *plan,
                                             GError               **error);

G_END_DECLS
