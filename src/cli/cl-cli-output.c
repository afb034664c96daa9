/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-cli-output.c — where caseload-cli writes what -o names
 *
 * A file is replaced whole: written beside it, private (it holds students' records), then
 * renamed over it, so a failed write leaves what was there. Anything else -o can name (a device
 * such as /dev/null, a pipe, a link such as /dev/stdout) is written straight into: renaming over
 * it replaced the machine's /dev/null with a private file once. */
#define G_LOG_DOMAIN "caseload-cli"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <gio/gunixoutputstream.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "cl-cli.h"

gboolean
_cl_cli_output_is_special (const char *path)
{
  GStatBuf st;

  return g_lstat (path, &st) == 0 && !S_ISREG (st.st_mode);
}

GOutputStream *
_cl_cli_open_special_output (const char  *path,
                             GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CLOEXEC, 0);

  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Cannot write %s: %s"), path,
                   g_strerror (saved));
      return NULL;
    }
  return g_unix_output_stream_new (fd, TRUE);
}

gboolean
_cl_cli_write_output (const char    *path,
                      const void    *data,
                      gsize          length,
                      GError       **error)
{
  g_autoptr(GOutputStream) out = NULL;
  gboolean ok;

  if (!_cl_cli_output_is_special (path))
    return g_file_set_contents_full (path, data, (gssize) length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
  if ((out = _cl_cli_open_special_output (path, error)) == NULL)
    return FALSE;
  ok = g_output_stream_write_all (out, data, length, NULL, NULL, error) &&
       g_output_stream_close (out, NULL, error);
  if (!ok)
    g_prefix_error (error, _("Cannot write %s: "), path);
  return ok;
}
