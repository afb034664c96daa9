/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-catalog.c — one language's compiled message catalogue, read directly (GNU .mo format) */
#include "config.h"

#include <libintl.h>
#include <string.h>

#include "cl-catalog.h"

#define MO_MAGIC 0x950412deu

struct _ClCatalog
{
  GMappedFile *file;
  const char  *data;
  gsize        size;
  gboolean     swapped;     /* written on a machine of the other byte order */
  guint32      n;
  guint32      originals;   /* offset of the table of (length, offset) of the sorted msgids */
  guint32      translations;
};

static guint32
read_u32 (const ClCatalog *self,
          guint32          offset)
{
  guint32 v;

  memcpy (&v, self->data + offset, sizeof v);
  return self->swapped ? GUINT32_SWAP_LE_BE (v) : v;
}

/* The string at entry @i of the table at @table, or NULL when the file is damaged there. */
static const char *
entry (const ClCatalog *self,
       guint32          table,
       guint32          i)
{
  guint64 at = (guint64) table + (guint64) i * 8;
  guint32 length, offset;

  if (at + 8 > self->size)
    return NULL;
  length = read_u32 (self, at);
  offset = read_u32 (self, at + 4);
  if ((guint64) offset + length >= self->size || self->data[offset + length] != '\0')
    return NULL;
  return self->data + offset;
}

ClCatalog *
cl_catalog_open (const char *domain,
                 const char *lang)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autofree char *path = NULL;
  const char *dir = bindtextdomain (domain, NULL);
  ClCatalog *self;
  guint32 magic;

  if (dir == NULL || lang == NULL || g_str_equal (lang, "en") || strchr (lang, '/') != NULL)
    return NULL;
  path = g_build_filename (dir, lang, "LC_MESSAGES", domain, NULL);
  {
    g_autofree char *mo = g_strconcat (path, ".mo", NULL);
    file = g_mapped_file_new (mo, FALSE, NULL);
  }
  if (file == NULL || g_mapped_file_get_length (file) < 28)
    return NULL;

  self = g_new0 (ClCatalog, 1);
  self->data = g_mapped_file_get_contents (file);
  self->size = g_mapped_file_get_length (file);
  memcpy (&magic, self->data, sizeof magic);
  if (magic != MO_MAGIC && GUINT32_SWAP_LE_BE (magic) != MO_MAGIC)
    {
      g_free (self);
      return NULL;
    }
  self->swapped = magic != MO_MAGIC;
  self->n = read_u32 (self, 8);
  self->originals = read_u32 (self, 12);
  self->translations = read_u32 (self, 16);
  self->file = g_steal_pointer (&file);
  return self;
}

const char *
cl_catalog_lookup (ClCatalog  *self,
                   const char *msgid)
{
  guint32 lo = 0, hi;

  if (self == NULL || msgid == NULL || *msgid == '\0')
    return msgid;
  /* msgfmt writes the msgids sorted by strcmp(): a binary search finds one. */
  hi = self->n;
  while (lo < hi)
    {
      guint32 mid = lo + (hi - lo) / 2;
      const char *original = entry (self, self->originals, mid);
      int cmp;

      if (original == NULL)
        return msgid;
      cmp = strcmp (msgid, original);
      if (cmp == 0)
        {
          const char *translation = entry (self, self->translations, mid);
          return translation != NULL && *translation != '\0' ? translation : msgid;
        }
      if (cmp < 0)
        hi = mid;
      else
        lo = mid + 1;
    }
  return msgid;
}

const char *
cl_catalog_locale_dir (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

  if (exe != NULL && g_str_has_prefix (exe, BUILD_ROOT "/"))
    return BUILD_LOCALEDIR;
  return LOCALEDIR;
}

void
cl_catalog_free (ClCatalog *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->file, g_mapped_file_unref);
  g_free (self);
}
