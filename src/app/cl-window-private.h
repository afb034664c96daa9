/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-window-private.h — what the window's files share */
#pragma once

#include "cl-caseload-summary.h"
#include "cl-compliance-page.h"
#include "cl-due-page.h"
#include "cl-session.h"
#include "cl-sync-button.h"
#include "cl-student-list.h"
#include "cl-student-slots.h"
#include "cl-student-search.h"
#include "cl-student-page.h"
#include "cl-window.h"

G_BEGIN_DECLS

struct _ClWindow
{
  AdwApplicationWindow  parent_instance;

  /* template */
  AdwLeaflet           *leaflet;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkToggleButton      *search_button;
  GtkStack             *sidebar_stack;
  GtkListView          *student_list;
  AdwStatusPage        *empty_page;
  AdwStatusPage        *error_page;
  GtkWidget            *content;       /* the leaflet's content pane */
  GtkStack             *content_stack;
  AdwWindowTitle       *content_title;
  AdwWindowTitle       *sidebar_title;
  ClCaseloadSummary    *summary;       /* the start page, when no student is chosen */
  ClStudentPage        *student_page;
  ClDuePage            *due_page;
  ClCompliancePage     *compliance_page;
  GtkListBox           *views_list;
  AdwToastOverlay      *toast_overlay;
  guint                 conflicts_seen;   /* to toast only when a sync leaves more (cl-window-conflicts.c) */
  GtkProgressBar       *import_progress;
  GtkMenuButton        *documents_button;
  ClSyncButton         *sync_button;     /* the district server's sync and its state */

  /* state */
  GSettings            *settings;
  ClSession            *session;        /* the open caseload this window shows */
  GListStore           *students;      /* of ClStudentRow */
  GtkCustomFilter      *filter;
  GtkCustomSorter      *sorter;
  ClStudentList        *visible;       /* the students the list shows: filtered, in order */
  ClStudentSlots       *slots;
  GtkListItemFactory   *factory;        /* of the list's rows */         /* what the list view shows: one slot per row of visible */
  ClStudentRow         *shown_row;     /* the selected row whose file is shown */
  char                 *shown_id;      /* its student's id, kept across a reload of the caseload */
  char                 *listed_path;   /* the database the list was made from */
  GPtrArray            *fill_later;    /* of GtkListItem: off-screen rows not yet showing their slot */
  guint                 fill_later_id;
  GdkFrameClock        *fill_later_clock;
  gulong                fill_later_paint; /* on its after-paint, to start filling them */
  GtkSingleSelection   *selection;
  GSimpleActionGroup   *list_actions;   /* "list.": sort and filters of the student list */
  GMenu                *school_menu;
  GMenu                *case_manager_menu;
  GtkMenuButton        *view_button;
  gboolean              filter_menus_stale; /* the School and Case Manager submenus are not this caseload's yet */
  gboolean              school_menu_empty;  /* each made when its submenu is first shown */
  gboolean              case_manager_menu_empty;
  guint                 case_manager_menu_max; /* more than this: the chosen school's only */
  GtkStack             *view_menu_stack;    /* the view menu's pages (weak), once found */
  ClStudentQuery       *query;          /* the search, folded once per keystroke */
  char                 *search_text;    /* as typed, to tell narrowing from widening */
  const char           *filter_show;    /* the "list." states the filter reads (borrowed) */
  const char           *filter_school;
  const char           *filter_case_manager;
  gboolean              sort_by_due;    /* the "list.sort" state, read by every comparison */
  gint                 *load_sort_by_due; /* the same, for the loading thread (the session owns it) */
  gboolean              after_load;     /* the next ::reloaded ends opening the database */
  char                 *pending_student; /* asked for while loading */
  char                 *pending_view;
};

void _cl_window_class_actions_init (ClWindowClass *klass);
void _cl_window_class_edit_init    (ClWindowClass *klass);
void _cl_window_undo_clear         (ClWindow      *self);
void _cl_window_class_students_init (ClWindowClass *klass);
/* After the session saved a change: @student_id's file open (or none), the meeting windows
 * following, and @message with Undo when @offer_undo. */
void _cl_window_show_saved         (ClWindow      *self,
                                    const char    *student_id,
                                    const char    *message,
                                    gboolean       offer_undo);
/* "Not saved: …" */
void _cl_window_report_unsaved     (ClWindow      *self,
                                    GError        *error);
/* Opens @id's file, clearing the search and filters when they hide it; FALSE if there is no such
 * student. */
gboolean _cl_window_show_student   (ClWindow      *self,
                                    const char    *id);
/* The student whose file is open, or NULL. */
ClStudent *_cl_window_get_student  (ClWindow      *self);
void _cl_window_actions_update     (ClWindow      *self);
void _cl_window_toast              (ClWindow      *self,
                                    const char    *message);
/* Imports a bundle into the open database in the background (or shows it read-only when no
 * database is open), with a progress bar. */
void _cl_window_import_file        (ClWindow      *self,
                                    GFile         *file);
/* Shows "due" or "compliance" in the content pane, computed from the open caseload. */
void _cl_window_show_view          (ClWindow      *self,
                                    const char    *view);

/* cl-window-list.c */
void        _cl_window_list_init          (ClWindow   *self);
void        _cl_window_list_dispose       (ClWindow   *self);
/* The sort and filters used last time with a database. */
void        _cl_window_list_restore       (ClWindow   *self);
/* The state of the "list." action @action (borrowed). */
const char *_cl_window_list_state         (ClWindow   *self,
                                           const char *action);
/* The School and Case Manager submenus are to list what the session's caseload has, by the time
 * the view menu next opens. */
void        _cl_window_filter_menus_changed (ClWindow *self);
/* What a case database window shows is remembered for next time. */
gboolean    _cl_window_remembers          (ClWindow   *self);

/* cl-window-trace.c: a trace until the next painted frame when the environment @variable is set
 * (else NULL); the caller may fill in @built. */
typedef struct {
  const char *what;     /* "search", "student" */
  const char *after;    /* "keystroke", "selection" */
  gint64      started;
  gint64      built;    /* µs building the page, or -1 */
} ClPaintTrace;

ClPaintTrace *_cl_window_trace_paint (ClWindow   *self,
                                      const char *variable,
                                      const char *what,
                                      const char *after);

/* cl-window-conflicts.c */
void     _cl_window_class_conflicts_init (ClWindowClass    *klass);
void     _cl_window_conflicts_init       (ClWindow         *self);

/* cl-window-meetings.c */
void     _cl_window_class_meetings_init (ClWindowClass     *klass);

G_END_DECLS
