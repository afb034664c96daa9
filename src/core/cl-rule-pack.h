/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-rule-pack.h — jurisdiction rule packs, loaded from data
 *
 * A pack (data/rules/us.json, ca.json, ut.json, or a district's file in
 * $XDG_DATA_HOME/caseload/rules/) lists rule ids with their parameters, sentence and citation. A pack
 * may "extends" another: its rules are merged over the parent's, key by key, and a rule with
 * "disabled": true is removed. A rule a pack does not list is not computed for it.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cl-school-calendar.h"

G_BEGIN_DECLS

#define CL_RULE_PACK_ERROR (cl_rule_pack_error_quark ())

typedef enum {
  CL_RULE_PACK_ERROR_INVALID,
  CL_RULE_PACK_ERROR_UNKNOWN_PACK,
  CL_RULE_PACK_ERROR_CYCLE,
} ClRulePackError;

GQuark cl_rule_pack_error_quark (void);

/* One rule of a resolved pack. */
typedef struct {
  char       *id;
  char       *title;           /* short name for lists, e.g. "Annual IEP review" */
  char       *sentence;        /* English; shown through gettext */
  char       *citation;
  char       *source;          /* where in the seed documents, for people */
  int         warning_days;
  JsonObject *params;          /* the whole merged rule object */
  /* private: @params' members in an array, searched by cl_rule_get_*() (a hash lookup of the
   * object for each number a rule reads was a tenth of computing a student) */
  const struct _ClRuleMember *members;
  guint       n_members;
} ClRule;

int          cl_rule_get_int          (const ClRule *rule,
                                       const char   *member,
                                       int           fallback);
gboolean     cl_rule_get_bool         (const ClRule *rule,
                                       const char   *member,
                                       gboolean      fallback);
const char  *cl_rule_get_string       (const ClRule *rule,
                                       const char   *member,
                                       const char   *fallback);
ClCountKind  cl_rule_get_count_kind   (const ClRule *rule,
                                       const char   *member,
                                       ClCountKind   fallback);
/* The member's node, NULL when the rule has none: json_object_get_member() of @rule's params. */
JsonNode    *cl_rule_get_member       (const ClRule *rule,
                                       const char   *member);
JsonObject  *cl_rule_get_object       (const ClRule *rule,
                                       const char   *member);

typedef struct _ClRulePack ClRulePack;

const char   *cl_rule_pack_get_id     (const ClRulePack *pack);
const char   *cl_rule_pack_get_name   (const ClRulePack *pack);
const ClRule *cl_rule_pack_lookup     (const ClRulePack *pack,
                                       const char       *rule_id);
/* The rules in a stable order (by id). */
GPtrArray    *cl_rule_pack_get_rules  (const ClRulePack *pack);

#define CL_TYPE_RULE_PACK_SET (cl_rule_pack_set_get_type ())
G_DECLARE_FINAL_TYPE (ClRulePackSet, cl_rule_pack_set, CL, RULE_PACK_SET, GObject)

/* The packs shipped in the GResource (US, CA, UT). */
ClRulePackSet    *cl_rule_pack_set_new_builtin  (GError        **error);
/* Adds a pack from JSON text; @origin names it in errors. */
gboolean          cl_rule_pack_set_add_data     (ClRulePackSet  *self,
                                                 const char     *data,
                                                 gssize          length,
                                                 const char     *origin,
                                                 GError        **error);
/* Adds every *.json pack in @dir (a missing directory is not an error). */
gboolean          cl_rule_pack_set_add_dir      (ClRulePackSet  *self,
                                                 const char     *dir,
                                                 GError        **error);
/* Resolves "extends"; NULL with CL_RULE_PACK_ERROR_UNKNOWN_PACK when @id is not known. */
const ClRulePack *cl_rule_pack_set_lookup       (ClRulePackSet  *self,
                                                 const char     *id,
                                                 GError        **error);
GStrv             cl_rule_pack_set_list_ids     (ClRulePackSet  *self);

G_END_DECLS
