#!/bin/sh
# check-translation.sh SOURCE_ROOT LANG [--update]
#
# Extracts every translatable string of the sources listed in po/POTFILES (as the build's glib
# preset does), merges po/LANG.po with it and fails when anything is untranslated or fuzzy — so a
# string added to the code without its translation is caught, not only a gap in the .po file.
# With --update, writes the merged catalogue back to po/LANG.po (new strings untranslated) for a
# translator to fill in.
set -eu
root=$1
lang=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cd "$root"
# A source with translatable strings that POTFILES does not list would never reach the catalogue.
sort po/POTFILES > "$tmp/listed"
missing=$(grep -rlE '(\b_|\bN_|\bC_|\bNC_)[[:space:]]*\("|g_dngettext|translatable="yes"' src ui | sort |
          comm -23 - "$tmp/listed")
if [ -n "$missing" ]; then
  echo "Translatable strings in files po/POTFILES does not list:"
  echo "$missing"
  exit 1
fi
# The glib preset's keywords (meson's i18n.gettext); xgettext picks the language by extension,
# ignoring a trailing .in.
xgettext --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dcgettext:2 \
  --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --files-from=po/POTFILES -o "$tmp/all.pot"
msgmerge --quiet --no-fuzzy-matching --previous "po/$lang.po" "$tmp/all.pot" -o "$tmp/merged.po"

if [ "${3:-}" = "--update" ]; then
  cp "$tmp/merged.po" "po/$lang.po"
  echo "po/$lang.po updated"
fi
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$tmp/merged.po" 2>&1) || { echo "$stats"; exit 1; }
echo "$lang: $stats"
case "$stats" in
  *untranslated*|*fuzzy*)
    echo "Untranslated or fuzzy in po/$lang.po against the sources:"
    msgattrib --untranslated --no-wrap "$tmp/merged.po" | grep '^msgid ' | tail -n +2 | head -40
    msgattrib --only-fuzzy --no-wrap "$tmp/merged.po" | grep '^msgid ' | tail -n +2 | head -40
    exit 1
    ;;
esac
