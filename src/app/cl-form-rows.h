/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-form-rows.h — what the forms that check as they are typed share: reading and marking their
 * rows, the message under the form, the "valid" property, the event being edited */
#pragma once

#include <adwaita.h>

#include "cl-case-model.h"

G_BEGIN_DECLS

/* The "valid" property of every form: whether what is typed can be saved. */
GParamSpec *cl_form_valid_param_spec        (void);
/* Sets *@valid to @value; notifies @pspec on @object only when it changed. */
void        cl_form_set_valid               (gpointer     object,
                                             gboolean    *valid,
                                             gboolean     value,
                                             GParamSpec  *pspec);

/* @row's text without surrounding blanks, or NULL when there is none. */
char       *cl_form_row_dup_text            (AdwEntryRow *row);
/* NULL writes an empty row. */
void        cl_form_row_set_text            (AdwEntryRow *row,
                                             const char  *text);
/* As YYYY-MM-DD; CL_DATE_NONE writes an empty row. */
void        cl_form_row_set_date            (AdwEntryRow *row,
                                             ClDate       date);
/* As short as it reads, "3" or "2.5", whatever the locale. */
void        cl_form_row_set_number          (AdwEntryRow *row,
                                             double       value);

/* The error style on @row (any widget) when @wrong, off otherwise. */
void        cl_form_mark                    (gpointer     row,
                                             gboolean     wrong);
/* A row typed into by the person, not filled in by the form, is "touched"; only a touched row is
 * shown in red (cl_form_mark_touched), as an empty new form is not a list of mistakes. */
void        cl_form_row_touch               (AdwEntryRow *row);
gboolean    cl_form_row_touched             (AdwEntryRow *row);
void        cl_form_mark_touched            (AdwEntryRow *row,
                                             gboolean     wrong);

/* Reads @row as a YYYY-MM-DD date into @out and marks it in red when it is not one. Returns NULL
 * for a date, else the message that says what is wrong: @empty_message when nothing is typed,
 * else how a date is written. */
const char *cl_form_row_date_problem        (AdwEntryRow *row,
                                             const char  *empty_message,
                                             ClDate      *out);
/* School days of a removal: a number greater than 0 and at most a year's 366, portions allowed. */
gboolean    cl_form_parse_school_days       (const char  *text,
                                             double      *out);

/* Shows @message under the form, or hides the label when it is NULL. */
void        cl_form_show_message            (GtkLabel    *label,
                                             const char  *message);
/* Shows the first problem (which blocks saving, in red) or else the first question (which does
 * not, as a warning); a copy of what is shown into *@shown. A problem that is about @problem_row
 * reads as a hint (dim) until that row is touched: it is still to be filled in, not a mistake. */
void        cl_form_show_problem            (GtkLabel    *label,
                                             char       **shown,
                                             const char  *problem,
                                             const char  *question,
                                             AdwEntryRow *problem_row);

/* The event a form starts from into @base: a copy of @initial (TRUE), or else (FALSE) a new event
 * of @today with no kind and no source yet, the caller setting its type. */
gboolean    cl_form_event_begin             (ClEvent       *base,
                                             const ClEvent *initial,
                                             ClDate         today);
/* What is not on the form is kept from @base: its copy into @out, with an extra of its own to
 * change, and the date of @date_row (which the caller has found valid). */
void        cl_form_event_from_base         (const ClEvent *base,
                                             AdwEntryRow   *date_row,
                                             ClEvent       *out);
/* @extra's @key into @row, when there is one. */
void        cl_form_row_from_extra          (AdwEntryRow   *row,
                                             JsonObject    *extra,
                                             const char    *key);
/* @row's text without surrounding blanks into @extra's @key; an empty row removes the key. */
void        cl_form_row_to_extra            (AdwEntryRow   *row,
                                             JsonObject    *extra,
                                             const char    *key);
/* An extra left with nothing in it is not kept. */
void        cl_form_event_drop_empty_extra  (ClEvent       *event);

G_END_DECLS
