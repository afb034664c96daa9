/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-meeting-window-private.h — what the meeting window's files share */
#pragma once

#include "cl-meeting-labels.h"
#include "cl-meeting-window.h"

G_BEGIN_DECLS

/* What the window needs of one obligation, copied: the engine's array is gone at the next reload. */
typedef struct {
  char               *rule_id;
  char               *title;
  char               *sentence;
  char               *citation;
  char               *counted;        /* how it was counted, in the user's words */
  char               *from_text;      /* what it was counted from, in the user's words */
  ClDate              due;
  ClDate              met_on;
  ClDate              from;
  ClObligationStatus  status;
  int                 role;
  gboolean            this_meeting;   /* about this planned meeting */
} ClMeetingObligation;

struct _ClMeetingWindow
{
  AdwWindow             parent_instance;

  /* template */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *stack;
  GtkScrolledWindow    *prepare_scroller;
  GtkLabel             *prepare_title;
  GtkLabel             *prepare_subtitle;
  GtkLabel             *checklist_title;
  GtkLabel             *checklist_subtitle;
  AdwPreferencesGroup  *meeting_group;
  AdwComboRow          *kind_row;
  AdwEntryRow          *date_row;
  AdwEntryRow          *time_row;
  AdwEntryRow          *place_row;
  AdwEntryRow          *interpreter_row;
  AdwPreferencesGroup  *team_group;
  AdwPreferencesGroup  *notice_group;
  AdwEntryRow          *notice_row;
  AdwPreferencesGroup  *parent_group;
  AdwPreferencesGroup  *attempt_group;
  AdwEntryRow          *attempt_date_row;
  AdwComboRow          *attempt_method_row;
  AdwEntryRow          *attempt_outcome_row;
  AdwPreferencesGroup  *agenda_group;
  AdwPreferencesGroup  *checklist_group;
  GtkLabel             *progress_label;

  /* state */
  ClSession            *session;       /* whose caseload the meeting is of */
  ClStore              *opened_on;     /* (weak) the session's database when the window opened */
  char                 *student_id;
  char                 *meeting_id;
  ClCaseload           *caseload;      /* a reference: student and staff are borrowed from it */
  ClStudent            *student;
  ClStudent            *scratch;       /* owns the draft, a copy of the planned meeting */
  ClMeeting            *draft;
  GArray               *obligations;   /* of ClMeetingObligation */
  GArray               *team;          /* of ClProposedRole, for this kind, date and student */
  ClRulePackSet        *packs;
  ClDate                today;
  GPtrArray            *rows;          /* (group, row) pairs the rebuild adds */
  GHashTable           *expanded;      /* keys of the expander rows left open */
  GHashTable           *keyed;         /* key -> expander row of the current rebuild (borrowed) */
  guint                 rebuild_id;
  gboolean              updating;      /* filling the fixed rows: their signals are not edits */
  gboolean              closing;       /* hidden, destroyed from an idle */
};

/* Saves the draft as it is now; on failure puts the planned meeting back in the draft. */
gboolean _cl_meeting_window_save       (ClMeetingWindow *self);
/* Shows the draft again, from an idle: the row asking may be one the rebuild removes. */
void     _cl_meeting_window_queue_rebuild (ClMeetingWindow *self);
void     _cl_meeting_window_add_row    (ClMeetingWindow     *self,
                                        AdwPreferencesGroup *group,
                                        GtkWidget           *row);
/* The obligations of @rule_id about this meeting (and @role, unless it is -1). */
const ClMeetingObligation *_cl_meeting_window_find_obligation (ClMeetingWindow *self,
                                                               const char      *rule_id,
                                                               int              role);
/* A row that says an obligation's due date and status, with @items (what to do, English, through
 * gettext; may be NULL) and then its rule, citation and count. */
GtkWidget *_cl_meeting_obligation_row  (const ClMeetingObligation *ob,
                                        const char                *title,
                                        const char * const        *items);
/* The same in one row, for inside an expander row. */
GtkWidget *_cl_meeting_obligation_info_row (const ClMeetingObligation *ob);
/* Remembers whether @row (an AdwExpanderRow) is open under @key across rebuilds. */
void     _cl_meeting_window_track_expander (ClMeetingWindow *self,
                                            GtkWidget       *row,
                                            const char      *key);

/* cl-meeting-team.c */
void     _cl_meeting_team_build        (ClMeetingWindow *self);
void     _cl_meeting_parent_build      (ClMeetingWindow *self);
void     _cl_meeting_team_class_init   (GtkWidgetClass  *widget_class);

/* cl-meeting-checklist.c */
/* The age-driven agenda items of this meeting, in order: ClMeetingObligation pointers (borrowed). */
GPtrArray *_cl_meeting_agenda_items    (ClMeetingWindow *self);
void     _cl_meeting_agenda_build      (ClMeetingWindow *self);
void     _cl_meeting_checklist_build   (ClMeetingWindow *self);

G_END_DECLS
