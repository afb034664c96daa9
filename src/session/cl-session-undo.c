/* cl-session-undo.c — an undo record */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cl-session-undo.h"

ClUndo *
cl_undo_new (ClRevertFunc    revert,
             ClApplyFunc     apply,
             gpointer        data,
             GDestroyNotify  free_data,
             const char     *show_student)
{
  ClUndo *undo = g_new0 (ClUndo, 1);

  undo->revert = revert;
  undo->apply = apply;
  undo->data = data;
  undo->free_data = free_data;
  undo->show_student = g_strdup (show_student);
  return undo;
}

void
cl_undo_free (ClUndo *undo)
{
  if (undo == NULL)
    return;
  if (undo->free_data != NULL)
    undo->free_data (undo->data);
  g_free (undo->show_student);
  g_free (undo);
}
