/* cl-session.h — the open caseload: its database, its records, what is due, undo and loading */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cl-deadline-engine.h"
#include "cl-due-counts.h"
#include "cl-session-undo.h"
#include "cl-store.h"
#include "cl-sync.h"
#include "cl-sync-state.h"

G_BEGIN_DECLS

#define CL_TYPE_SESSION (cl_session_get_type ())
G_DECLARE_FINAL_TYPE (ClSession, cl_session, CL, SESSION, GObject)

/* Windows and pages follow a session; they never own its data:
 *  ::reloaded         the caseload and every obligation were replaced (a load, a reload, a bundle)
 *  ::student-changed  one student's record and obligations were replaced, nobody else's
 *  ::load-failed      the background load of the database failed (a GError)
 *  notify::loading, notify::can-undo, notify::read-only */
ClSession        *cl_session_new                      (void);

ClStore          *cl_session_get_store                (ClSession   *self);
ClCaseload       *cl_session_get_caseload             (ClSession   *self);
ClDeadlineEngine *cl_session_get_engine               (ClSession   *self);
/* Of the whole caseload, by student then due date; NULL while nothing is shown. */
GPtrArray        *cl_session_get_obligations          (ClSession   *self);
/* Of @student (a record of the open caseload); NULL when it is not. */
GPtrArray        *cl_session_get_student_obligations  (ClSession   *self,
                                                       ClStudent   *student);
/* cl_due_count() of the whole caseload for @case_manager_id ("" for everyone): counted while it
 * was loaded, for every case manager, until a change. */
void              cl_session_get_due_counts           (ClSession   *self,
                                                       const char  *case_manager_id,
                                                       ClDueCounts *out);
ClDate            cl_session_get_today                (ClSession   *self);
/* Tests pin the date every rule is computed at; takes effect at the next computation. */
void              cl_session_set_today                (ClSession   *self,
                                                       ClDate       today);
/* The open database's file, or NULL for a bundle shown read-only. */
const char       *cl_session_get_path                 (ClSession   *self);
gboolean          cl_session_get_read_only            (ClSession   *self);
gboolean          cl_session_get_demo                 (ClSession   *self);
void              cl_session_set_demo                 (ClSession   *self,
                                                       gboolean     demo);
gboolean          cl_session_get_loading              (ClSession   *self);
/* A database is open and loaded: changes can be saved. */
gboolean          cl_session_get_editable             (ClSession   *self);

/* Made on the loading thread from what was just read and computed, before the main thread shows
 * it, so that what a window makes of every student (its list's rows) is not made on the main
 * thread. @obligations_of maps each ClStudent* of @caseload to the GPtrArray of its obligations,
 * as cl_session_get_student_obligations() will give them. Touches no widget. */
typedef gpointer (*ClSessionPrepareFunc) (ClCaseload *caseload,
                                          GHashTable *obligations_of,
                                          gpointer    user_data);
/* @func runs for every load of a database in the background; @result_free frees what it made
 * when nobody took it. */
void              cl_session_set_prepare_func         (ClSession            *self,
                                                       ClSessionPrepareFunc  func,
                                                       gpointer              user_data,
                                                       GDestroyNotify        user_data_free,
                                                       GDestroyNotify        result_free);
/* During ::reloaded: what the prepare function made for the caseload now shown (the caller owns
 * it), or NULL when it was not made (a reload on the main thread, or taken already). */
gpointer          cl_session_steal_prepared           (ClSession   *self);

/* Opens (or creates) the database at @path and reads it in the background: FALSE at once when the
 * file is refused. ::reloaded follows, or ::load-failed. */
gboolean          cl_session_open_database            (ClSession   *self,
                                                       const char  *path,
                                                       GError     **error);
/* Shows a bundle read-only (no database). */
gboolean          cl_session_load_bundle              (ClSession   *self,
                                                       const char  *data,
                                                       gsize        length,
                                                       GError     **error);
/* Reads everything from the open database again and recomputes it. */
gboolean          cl_session_reload                   (ClSession   *self,
                                                       GError     **error);
/* The rule packs read again (a district pack was added to ~/.local/share/caseload/rules), then
 * everything recomputed with them. */
gboolean          cl_session_reload_rules             (ClSession   *self,
                                                       GError     **error);
/* Nothing open (after a failure): the database is closed. */
void              cl_session_close                    (ClSession   *self);
/* Computes @student's obligations again, after @student (a record of the open caseload, or one
 * just added to it) was changed in memory as it was saved. */
gboolean          cl_session_recompute_student        (ClSession   *self,
                                                       ClStudent   *student,
                                                       GError     **error);

/* After a change was saved: keeps @undo (taken; NULL when it cannot be undone) and reads the
 * database again. */
gboolean          cl_session_saved                    (ClSession   *self,
                                                       ClUndo      *undo,
                                                       GError     **error);
/* The same after a change to @student applied to the open caseload as it was saved: only they
 * are computed again (everything is read again if that fails). */
gboolean          cl_session_saved_student            (ClSession   *self,
                                                       ClUndo      *undo,
                                                       ClStudent   *student,
                                                       GError     **error);
gboolean          cl_session_get_can_undo             (ClSession   *self);
void              cl_session_forget_undo              (ClSession   *self);
/* Takes back the last change; *@show_student (may be NULL) is whose file to open after. */
gboolean          cl_session_undo                     (ClSession   *self,
                                                       char       **show_student,
                                                       GError     **error);

/* The timeline (cl-session-events.c): @event saved at once, a new one or in place of the one at
 * @position when @editing, undoably; FALSE with @error when nothing was saved. */
gboolean          cl_session_save_event               (ClSession      *self,
                                                       const char     *student_id,
                                                       gboolean        editing,
                                                       guint           position,
                                                       const ClEvent  *event,
                                                       GError        **error);
gboolean          cl_session_delete_event             (ClSession      *self,
                                                       const char     *student_id,
                                                       guint           position,
                                                       GError        **error);
/* The event of @student at @order, or NULL. */
const ClEvent    *cl_session_event_at                 (ClStudent      *student,
                                                       guint           order);

/* What was changed in @student_id's file, newest first (ClAuditEntry); empty for a bundle. */
GPtrArray        *cl_session_list_history             (ClSession      *self,
                                                       const char     *student_id,
                                                       GError        **error);

/* Students and families (cl-session-students.c), each saved at once and undoably; FALSE with
 * @error when nothing was saved. @student (taken) comes from the student form: its school and case
 * manager borrowed from the open caseload; @is_new adds it, else it replaces the one with its id. */
gboolean          cl_session_save_student             (ClSession      *self,
                                                       ClStudent      *student,
                                                       gboolean        is_new,
                                                       GError        **error);
/* The student, their family, timeline and meetings, and what the record does not hold (meeting
 * logs, notes): all of it comes back on undo. */
gboolean          cl_session_delete_student           (ClSession      *self,
                                                       const char     *student_id,
                                                       GError        **error);
/* @guardians (not taken) as the family of @student_id. */
gboolean          cl_session_set_guardians            (ClSession      *self,
                                                       const char     *student_id,
                                                       GArray         *guardians,
                                                       GError        **error);
/* A copy of @guardians (of ClGuardian) that owns its strings. */
GArray           *cl_guardians_copy                   (GArray         *guardians);

/* Meetings (cl-session-meetings.c). @meeting planned for @student_id (not undone from a toast: a
 * plan is cancelled from its window). */
gboolean          cl_session_plan_meeting             (ClSession      *self,
                                                       const char     *student_id,
                                                       const ClMeeting *meeting,
                                                       GError        **error);
/* The planned meeting @meeting_id held as @event; undo brings the plan back with its attempts to
 * reach the parent and its checklist. */
gboolean          cl_session_record_meeting_held      (ClSession      *self,
                                                       const char     *student_id,
                                                       const char     *meeting_id,
                                                       const ClEvent  *event,
                                                       GError        **error);
/* The planned meeting's notice recorded as sent on @sent_on (Record the Notice as Sent…), undoably:
 * undo puts back the date the plan had. */
gboolean          cl_session_record_notice_sent       (ClSession      *self,
                                                       const char     *student_id,
                                                       const char     *meeting_id,
                                                       ClDate          sent_on,
                                                       GError        **error);
/* The plan changed (date, time, place, team, invitations…): saved at once, no undo. */
gboolean          cl_session_update_meeting           (ClSession      *self,
                                                       const char     *student_id,
                                                       const ClMeeting *meeting,
                                                       GError        **error);
/* The plan removed with its attempts and checklist (the history keeps a line for it). */
gboolean          cl_session_cancel_meeting           (ClSession      *self,
                                                       const char     *student_id,
                                                       const char     *meeting_id,
                                                       GError        **error);
/* The live checklist and the record of attempts to reach the parent: saved the moment they are
 * made; they change no obligation, so nothing is computed again. */
gboolean          cl_session_set_meeting_item         (ClSession      *self,
                                                       const char     *student_id,
                                                       const char     *meeting_id,
                                                       const char     *item,
                                                       gboolean        done,
                                                       GError        **error);
/* item (char*) -> done (GINT_TO_POINTER); NULL on error. */
GHashTable       *cl_session_list_meeting_items       (ClSession      *self,
                                                       const char     *student_id,
                                                       const char     *meeting_id,
                                                       GError        **error);
gboolean          cl_session_add_attendance_attempt   (ClSession      *self,
                                                       const char     *student_id,
                                                       const char     *meeting_id,
                                                       ClDate          date,
                                                       ClContactMethod method,
                                                       const char     *outcome,
                                                       GError        **error);
gboolean          cl_session_delete_attendance_attempt (ClSession     *self,
                                                        gint64         attempt_id,
                                                        GError       **error);
/* Of ClAttendanceAttempt*, by date; NULL on error. */
GPtrArray        *cl_session_list_attendance_attempts (ClSession      *self,
                                                       const char     *student_id,
                                                       const char     *meeting_id,
                                                       GError        **error);
/* The meeting of @student with @meeting_id, or NULL. */
const ClMeeting  *cl_session_find_meeting             (ClStudent      *student,
                                                       const char     *meeting_id);

/* The district's set-up (cl-session-setup.c), each saved at once as the store's audited action
 * and undoable (adding a staff member is undone by removing them; a school year another school
 * still uses, taken off one, is not undone); the caseload is read again after each. */
gboolean          cl_session_update_school_year       (ClSession            *self,
                                                       const ClCalendarYear *year,
                                                       GError              **error);
gboolean          cl_session_add_school_year          (ClSession            *self,
                                                       const char           *school_id,
                                                       const ClCalendarYear *year,
                                                       GError              **error);
gboolean          cl_session_delete_school_year       (ClSession            *self,
                                                       const char           *school_id,
                                                       const char           *calendar_id,
                                                       GError              **error);
gboolean          cl_session_rename_school            (ClSession            *self,
                                                       const char           *school_id,
                                                       const char           *name,
                                                       GError              **error);
gboolean          cl_session_set_jurisdiction         (ClSession            *self,
                                                       const char           *pack_id,
                                                       GError              **error);
gboolean          cl_session_update_staff             (ClSession            *self,
                                                       const ClStaff        *staff,
                                                       GError              **error);
gboolean          cl_session_add_staff                (ClSession            *self,
                                                       const ClStaff        *staff,
                                                       GError              **error);
/* Refused while they are a student's case manager (cl_store_delete_staff()). */
gboolean          cl_session_delete_staff             (ClSession            *self,
                                                       const char           *staff_id,
                                                       GError              **error);

/* Import (cl-session-import.c): @bundle read, checked and written into the open database off the
 * main thread, all or nothing; @progress is called in the caller's main context. */
void              cl_session_import_async             (ClSession           *self,
                                                       GFile               *bundle,
                                                       ClStoreProgress      progress,
                                                       gpointer             progress_data,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
/* The number of students the bundle had, the session showing the database as it is now; -1 with
 * @error, the database unchanged. */
gssize            cl_session_import_finish            (ClSession           *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
/* The caseload shown, written into a new database at @path. */
gboolean          cl_session_write_database           (ClSession           *self,
                                                       const char          *path,
                                                       GError             **error);

/* Today's copy of the database (kept for @days), made off the main thread on a connection of its
 * own. */
void              cl_session_back_up_async            (ClSession           *self,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean          cl_session_back_up_finish           (ClSession           *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

/* Conflicts with the district server (cl-session-conflicts.c): this laptop's changes that met
 * another's there, kept with both values (ClConflict*, oldest first; empty for a bundle). */
GPtrArray        *cl_session_list_conflicts           (ClSession           *self,
                                                       GError             **error);
/* Settles conflict @id: @keep_mine keeps this laptop's value (sent with the next sync), else the
 * server's stays; the caseload is read again and the sync state counts what is left. */
gboolean          cl_session_resolve_conflict         (ClSession           *self,
                                                       gint64               id,
                                                       gboolean             keep_mine,
                                                       GError             **error);

/* The district server (cl-session-sync.c): where the caseload stands with it, and a sync of the
 * open database with @conninfo (a libpq connection string, login and password included) off the
 * main thread, on a connection of its own; the session reads the database again when the sync
 * brought anything. On failure the database is as it was and the state says why (offline or
 * failed). Demo and bundles do not sync. */
ClSyncState      *cl_session_get_sync_state           (ClSession           *self);
void              cl_session_sync_async               (ClSession           *self,
                                                       const char          *conninfo,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean          cl_session_sync_finish              (ClSession           *self,
                                                       GAsyncResult        *result,
                                                       ClSyncResult        *out_result,
                                                       GError             **error);

G_END_DECLS
