/* cl-session-undo.h — how the last saved change is taken back */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cl-store.h"

G_BEGIN_DECLS

/* How to take back the last saved change, whatever it changed: @revert writes what was there
 * before back to the database (one transaction of its own), from @data. */
typedef gboolean (*ClRevertFunc) (ClStore  *store,
                                  gpointer  data,
                                  GError  **error);

/* The same undo made to the open caseload's records (as the database now holds them), so only
 * one student is computed again: returns the record it changed, or NULL when the caseload must
 * be read again instead. */
typedef ClStudent *(*ClApplyFunc) (ClCaseload *caseload,
                                   gpointer    data);

typedef struct {
  ClRevertFunc   revert;
  ClApplyFunc    apply;          /* may be NULL: everything is read again */
  gpointer       data;
  GDestroyNotify free_data;
  char          *show_student;   /* whose file to open once undone; NULL: none */
} ClUndo;

/* Takes @data. */
ClUndo *cl_undo_new  (ClRevertFunc    revert,
                      ClApplyFunc     apply,
                      gpointer        data,
                      GDestroyNotify  free_data,
                      const char     *show_student);
void    cl_undo_free (ClUndo         *undo);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClUndo, cl_undo_free)

G_END_DECLS
