/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-meeting-labels.h — what a person reads for the case file's kinds, roles, methods, statuses and
 * dates */
#pragma once

#include <adwaita.h>

#include "cl-meeting-prep.h"
#include "cl-obligation.h"

G_BEGIN_DECLS

const char *_cl_meeting_kind_label     (ClMeetingKind   kind);
const char *_cl_role_label             (ClInviteeRole   role);
const char *_cl_contact_method_label   (ClContactMethod method);
/* "Spanish" for "es"; the code itself for a language neither this table nor the roster names. */
const char *_cl_language_label         (const char     *code);
/* "15:30" in the locale's way, or NULL when @minutes < 0. */
char       *_cl_format_minutes         (int             minutes);
/* Whether an absent @role needs a written excusal (rules.md excusal_incomplete). */
gboolean    _cl_role_needs_excusal     (ClInviteeRole   role);
/* A pill as the student page draws them: @css_class is one of cl_status_names, or "neutral". */
GtkWidget  *_cl_pill_new               (const char     *text,
                                        const char     *css_class);
const char *_cl_status_label           (ClObligationStatus status);
/* The coloured pill of an obligation's status. */
GtkWidget  *_cl_status_pill_new        (ClObligationStatus status);
/* @ob's status in words and as a pill's class: a prompt (plan_decision_followup, rules.md §4) is
 * nobody's deadline, so while open it reads "Awaiting parent" until its day and "Follow up" after
 * ("awaiting", "follow_up"), never Overdue or Due soon; every other obligation as its status. */
const char *_cl_obligation_status_label (const ClObligation *ob);
const char *_cl_obligation_status_class (const ClObligation *ob);
/* The label of a pill of @css_class (a status name, "awaiting" or "follow_up"). */
const char *_cl_status_class_label     (const char     *css_class);
GtkWidget  *_cl_obligation_pill_new    (const ClObligation *ob);
/* A screen reader hears an obligation row's status (@status_label) and @dates with its title: the
 * pill and the subtitle are not in the row's accessible name. */
void        _cl_describe_obligation_row (GtkWidget         *row,
                                         const char        *status_label,
                                         const char        *dates);
const char *_cl_event_type_label       (ClEventType     type);
/* What @ob was counted from and how, in the user's words ("The annual IEP meeting of May 14, 2026",
 * "A year after …"). */
char       *_cl_obligation_from_text  (const ClObligation *ob);
char       *_cl_counted_text          (const ClObligation *ob);
/* "Suspension", "In-school suspension", "Other removal" (a ClRemovalKind). */
const char *_cl_removal_kind_label     (int             kind);
/* "from another state" (a ClTransferFrom). */
const char *_cl_transfer_from_label    (int             from);
/* A rule pack's English text through gettext; "" stays "" (gettext("") is the catalogue's header). */
const char *_cl_translate              (const char     *text);
/* An action row that shows text as text (no markup), with "—" for an empty subtitle. */
GtkWidget  *_cl_info_row_new           (const char     *title,
                                        const char     *subtitle);

G_END_DECLS
