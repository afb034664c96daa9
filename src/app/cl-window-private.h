/* cl-window-private.h — what the window's files share */
#pragma once

#include "cl-compliance-page.h"
#include "cl-deadline-engine.h"
#include "cl-due-page.h"
#include "cl-store.h"
#include "cl-student-page.h"
#include "cl-window.h"

G_BEGIN_DECLS

typedef enum {
  CL_UNDO_NONE,
  CL_UNDO_ADDED,     /* undo: delete the event at position */
  CL_UNDO_CHANGED,   /* undo: write `before` back at position */
  CL_UNDO_DELETED,   /* undo: add `before` again */
  CL_UNDO_MEETING_HELD, /* undo: delete the event at position, put the planned meeting `held` back */
} ClUndoKind;

typedef struct _ClMeetingSnapshot ClMeetingSnapshot;

typedef struct {
  ClUndoKind kind;
  char      *student_id;
  guint      position;
  ClEvent    before;
  ClMeetingSnapshot *held;
} ClUndo;

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
  GtkStack             *content_stack;
  AdwWindowTitle       *content_title;
  AdwWindowTitle       *sidebar_title;
  ClStudentPage        *student_page;
  ClDuePage            *due_page;
  ClCompliancePage     *compliance_page;
  GtkListBox           *views_list;
  AdwToastOverlay      *toast_overlay;
  GtkProgressBar       *import_progress;
  GtkMenuButton        *documents_button;

  /* state */
  GSettings            *settings;
  ClCaseload           *caseload;
  ClDeadlineEngine     *engine;
  GPtrArray            *obligations;   /* of the whole caseload, by student then due date */
  GHashTable           *by_student;    /* ClStudent* -> GPtrArray of its obligations (borrowed) */
  GListStore           *students;      /* of ClStudentRow */
  GtkFilterListModel   *filtered;
  GtkCustomFilter      *filter;
  GtkSingleSelection   *selection;
  GtkSortListModel     *sorted;
  GtkCustomSorter      *sorter;
  GSimpleActionGroup   *list_actions;   /* "list.": sort and filters of the student list */
  GMenu                *school_menu;
  GMenu                *case_manager_menu;
  GtkMenuButton        *view_button;
  char                 *database_path;
  ClStore              *store;          /* the open case database, NULL for a read-only bundle */
  ClDate                today;
  gboolean              read_only;
  ClUndo                undo;           /* the last change, until it is undone or replaced */
  guint                 load_generation; /* bumped by every load: a late result of an older one is dropped */
  gboolean              loading;
  char                 *pending_student; /* asked for while loading */
  char                 *pending_view;
};

void _cl_window_class_actions_init (ClWindowClass *klass);
void _cl_window_class_edit_init    (ClWindowClass *klass);
void _cl_window_undo_clear         (ClWindow      *self);
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
/* Reloads everything from the open database and recomputes the obligations. */
gboolean _cl_window_reload         (ClWindow      *self,
                                    GError       **error);
/* Reloads, shows @student_id's file again and toasts @message (with Undo when @offer_undo). */
void     _cl_window_refresh        (ClWindow      *self,
                                    const char    *student_id,
                                    const char    *message,
                                    gboolean       offer_undo);

/* cl-window-meetings.c */
void     _cl_window_class_meetings_init (ClWindowClass     *klass);
void     _cl_meeting_snapshot_free      (ClMeetingSnapshot *snapshot);
/* Every open meeting window shown again from the caseload as it is now. */
void     _cl_window_meetings_sync       (ClWindow          *self);
gboolean _cl_window_undo_meeting_held   (ClWindow          *self,
                                         GError           **error);

G_END_DECLS
