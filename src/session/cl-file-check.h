/* cl-file-check.h — the integrity check of a database being opened, on a thread of its own */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cl-store.h"

G_BEGIN_DECLS

typedef struct _ClFileCheck ClFileCheck;

/* Called in the thread-default main context of cl_file_check_start()'s caller, once. */
typedef void (*ClFileCheckFunc) (ClFileCheck *check,
                                 gpointer     user_data);

/* Starts cl_store_quick_check_file() on @path at idle priority (where the system has one); @done follows when it finished. */
ClFileCheck *cl_file_check_start        (const char      *path,
                                         ClFileCheckFunc  done,
                                         gpointer         done_data,
                                         GDestroyNotify   done_data_free);
ClFileCheck *cl_file_check_ref          (ClFileCheck     *self);
void         cl_file_check_unref        (ClFileCheck     *self);
/* From now on at normal priority (the loading it stood aside for is over). */
void         cl_file_check_hurry        (ClFileCheck     *self);
/* It ends with G_IO_ERROR_CANCELLED (the file's next use does not need it any more). */
void         cl_file_check_cancel       (ClFileCheck     *self);
/* Hurries the check, then blocks until it has finished: TRUE when the file is sound, else why
 * not (for a damaged file CL_STORE_ERROR_CORRUPT). TRUE at once for NULL, no check pending (as
 * _cl_session_ref_check() gives once the file has passed). Any thread. */
gboolean     cl_file_check_wait         (ClFileCheck     *self,
                                         GError         **error);
/* How long it took, in µs, once finished. */
gint64       cl_file_check_get_took     (ClFileCheck     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClFileCheck, cl_file_check_unref)

G_END_DECLS
