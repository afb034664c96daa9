/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-deadline-engine.c — (caseload, today) -> obligations */
#define G_LOG_DOMAIN "cl-deadline-engine"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cl-deadline-engine-private.h"

G_DEFINE_QUARK (cl-engine-error-quark, cl_engine_error)

typedef struct {
  const ClRule *rule;
  ClRuleFunc    func;
} Binding;

struct _ClDeadlineEngine
{
  GObject        parent_instance;
  ClRulePackSet *packs;
  GHashTable    *algorithms;  /* rule id -> ClRuleFunc */
  GHashTable    *bindings;    /* pack id -> GArray of Binding: the pack's rules, ready to run */
};

G_DEFINE_FINAL_TYPE (ClDeadlineEngine, cl_deadline_engine, G_TYPE_OBJECT)

static void
cl_deadline_engine_finalize (GObject *object)
{
  ClDeadlineEngine *self = CL_DEADLINE_ENGINE (object);

  g_clear_object (&self->packs);
  g_clear_pointer (&self->algorithms, g_hash_table_unref);
  g_clear_pointer (&self->bindings, g_hash_table_unref);
  G_OBJECT_CLASS (cl_deadline_engine_parent_class)->finalize (object);
}

static void
cl_deadline_engine_class_init (ClDeadlineEngineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cl_deadline_engine_finalize;
}

static void
cl_deadline_engine_init (ClDeadlineEngine *self)
{
  const ClRuleAlgorithm *tables[] = {
    _cl_rules_timeline, _cl_rules_age, _cl_rules_discipline, _cl_rules_meetings, _cl_rules_requests,
    _cl_rules_assessment, _cl_rules_arrival,
  };

  self->algorithms = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    for (const ClRuleAlgorithm *a = tables[t]; a->id != NULL; a++)
      g_hash_table_insert (self->algorithms, (gpointer) a->id, a->func);
  self->bindings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_array_unref);
}

ClDeadlineEngine *
cl_deadline_engine_new (ClRulePackSet *packs)
{
  ClDeadlineEngine *self;

  g_return_val_if_fail (CL_IS_RULE_PACK_SET (packs), NULL);

  self = g_object_new (CL_TYPE_DEADLINE_ENGINE, NULL);
  self->packs = g_object_ref (packs);
  return self;
}

ClRulePackSet *
cl_deadline_engine_get_packs (ClDeadlineEngine *self)
{
  g_return_val_if_fail (CL_IS_DEADLINE_ENGINE (self), NULL);
  return self->packs;
}

static GArray *
bindings_for (ClDeadlineEngine  *self,
              const char        *pack_id,
              GError           **error)
{
  GArray *bindings = g_hash_table_lookup (self->bindings, pack_id);
  const ClRulePack *pack;
  GPtrArray *rules;

  if (bindings != NULL)
    return bindings;

  pack = cl_rule_pack_set_lookup (self->packs, pack_id, error);
  if (pack == NULL)
    return NULL;

  bindings = g_array_new (FALSE, FALSE, sizeof (Binding));
  rules = cl_rule_pack_get_rules (pack);
  for (guint i = 0; i < rules->len; i++)
    {
      const ClRule *rule = g_ptr_array_index (rules, i);
      Binding b = { rule, g_hash_table_lookup (self->algorithms, rule->id) };

      /* A district pack may carry rules a newer Caseload knows; this one skips them. */
      if (b.func == NULL)
        {
          g_debug ("Rule pack %s: no algorithm for rule %s", pack_id, rule->id);
          continue;
        }
      g_array_append_val (bindings, b);
    }
  g_hash_table_insert (self->bindings, g_strdup (pack_id), bindings);
  return bindings;
}

static gboolean
ensure_calendar (ClStudent  *student,
                 GError    **error)
{
  ClSchool *school = student->school;

  if (school == NULL || school->calendars->len == 0)
    {
      g_set_error (error, CL_ENGINE_ERROR, CL_ENGINE_ERROR_NO_CALENDAR,
                   _("student %s: school %s has no calendar"), student->id,
                   school ? school->id : _("(none)"));
      return FALSE;
    }
  cl_school_calendar_of (school);
  return TRUE;
}

gboolean
_cl_deadline_engine_compute_student_into (ClDeadlineEngine  *self,
                                          ClCaseload        *caseload,
                                          ClStudent         *student,
                                          ClDate             today,
                                          GPtrArray         *out,
                                          GError           **error)
{
  const char *pack_id = student->jurisdiction ? student->jurisdiction
                                              : cl_caseload_get_jurisdiction (caseload);
  ClRuleContext ctx = { 0 };
  GArray *bindings;

  bindings = bindings_for (self, pack_id, error);
  if (bindings == NULL)
    {
      g_prefix_error (error, _("student %s: "), student->id);
      return FALSE;
    }
  if (!ensure_calendar (student, error))
    return FALSE;

  ctx.student = student;
  ctx.calendar = student->school->table;
  ctx.today = today;
  ctx.iep_spans = cl_student_iep_spans (student);
  ctx.out = out;

  for (guint i = 0; i < bindings->len; i++)
    {
      const Binding *b = &g_array_index (bindings, Binding, i);
      b->func (&ctx, b->rule);
    }

  g_array_unref (ctx.iep_spans);
  return TRUE;
}

gboolean
cl_deadline_engine_can_compute (ClDeadlineEngine  *self,
                                ClCaseload        *caseload,
                                ClStudent         *student,
                                GError           **error)
{
  const char *pack_id;

  g_return_val_if_fail (CL_IS_DEADLINE_ENGINE (self), FALSE);
  g_return_val_if_fail (CL_IS_CASELOAD (caseload), FALSE);
  g_return_val_if_fail (student != NULL, FALSE);

  /* What _cl_deadline_engine_compute_student_into() checks before it runs a rule, with the same
   * errors. */
  pack_id = student->jurisdiction ? student->jurisdiction : cl_caseload_get_jurisdiction (caseload);
  if (bindings_for (self, pack_id, error) == NULL)
    {
      g_prefix_error (error, _("student %s: "), student->id);
      return FALSE;
    }
  return ensure_calendar (student, error);
}

GPtrArray *
cl_deadline_engine_compute_student (ClDeadlineEngine  *self,
                                    ClCaseload        *caseload,
                                    ClStudent         *student,
                                    ClDate             today,
                                    GError           **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) cl_obligation_free);

  g_return_val_if_fail (CL_IS_DEADLINE_ENGINE (self), NULL);
  g_return_val_if_fail (CL_IS_CASELOAD (caseload), NULL);
  g_return_val_if_fail (student != NULL, NULL);

  if (!_cl_deadline_engine_compute_student_into (self, caseload, student, today, out, error))
    return NULL;
  g_ptr_array_sort (out, cl_obligation_compare);
  return g_steal_pointer (&out);
}

static int
compare_student_ids (gconstpointer a,
                     gconstpointer b)
{
  return strcmp ((*(ClStudent * const *) a)->id, (*(ClStudent * const *) b)->id);
}

GPtrArray *
cl_deadline_engine_compute (ClDeadlineEngine  *self,
                            ClCaseload        *caseload,
                            ClDate             today,
                            GError           **error)
{
  g_autoptr(GPtrArray) out = NULL;
  g_autoptr(GPtrArray) students = NULL;

  g_return_val_if_fail (CL_IS_DEADLINE_ENGINE (self), NULL);
  g_return_val_if_fail (CL_IS_CASELOAD (caseload), NULL);

  /* Students in id order, each one's obligations sorted on their own: the result is sorted as a
   * whole without comparing every obligation with every other student's. */
  students = _cl_ptr_array_dup (cl_caseload_get_students (caseload));
  g_ptr_array_sort (students, compare_student_ids);
  cl_school_calendar_share (cl_caseload_get_schools (caseload));
  out = g_ptr_array_new_full (students->len * 24, (GDestroyNotify) cl_obligation_free);
  for (guint i = 0; i < students->len; i++)
    {
      guint first = out->len;

      if (!_cl_deadline_engine_compute_student_into (self, caseload, g_ptr_array_index (students, i), today, out, error))
        return NULL;
      qsort (out->pdata + first, out->len - first, sizeof (gpointer), cl_obligation_compare);
    }
  return g_steal_pointer (&out);
}

/* ---- what the rule algorithms share ---- */

gboolean
_cl_rule_has_iep_on (ClRuleContext *ctx,
                     ClDate         day)
{
  for (guint i = 0; i < ctx->iep_spans->len; i++)
    {
      const ClIepSpan *s = &g_array_index (ctx->iep_spans, ClIepSpan, i);
      if (s->start <= day && day < s->end)
        return TRUE;
    }
  return FALSE;
}

gboolean
_cl_rule_has_iep_from (ClRuleContext *ctx,
                       ClDate         day)
{
  for (guint i = 0; i < ctx->iep_spans->len; i++)
    {
      const ClIepSpan *s = &g_array_index (ctx->iep_spans, ClIepSpan, i);
      if (day < s->end)
        return TRUE;
    }
  return FALSE;
}

ClObligation *
_cl_rule_emit (ClRuleContext *ctx,
               const ClRule  *rule,
               ClEmitFlags    flags,
               ClDate         due,
               ClDate         met_on,
               ClDate         from,
               const char    *from_event,
               ClCounted     *counted)
{
  ClObligation *ob;

  if ((flags & CL_EMIT_REQUIRES_IEP) &&
      !_cl_rule_has_iep_on (ctx, due) &&
      !(met_on != CL_DATE_NONE && met_on <= due))
    {
      g_clear_pointer (&counted->skipped, g_array_unref);
      return NULL;
    }

  ob = g_new0 (ClObligation, 1);
  ob->student = ctx->student;
  ob->rule = rule;
  ob->citation = rule->citation;
  ob->due = due;
  ob->met_on = met_on;
  ob->from = from;
  ob->from_event = from_event;
  ob->role = -1;
  ob->counted = *counted;
  counted->skipped = NULL;

  _cl_rule_set_status (ctx, ob, flags);
  g_ptr_array_add (ctx->out, ob);
  return ob;
}

void
_cl_rule_set_status (ClRuleContext *ctx,
                     ClObligation  *ob,
                     ClEmitFlags    flags)
{
  ClDate due = ob->due, met_on = ob->met_on;
  const ClRule *rule = ob->rule;

  if (flags & CL_EMIT_NEVER_MET)
    {
      ob->met_on = CL_DATE_NONE;
      ob->status = due <= ctx->today ? CL_STATUS_OVERDUE : CL_STATUS_UPCOMING;
      ob->severity = CL_SEVERITY_CRITICAL;
    }
  else
    {
      if (met_on != CL_DATE_NONE)
        ob->status = met_on <= due ? CL_STATUS_MET : CL_STATUS_MET_LATE;
      else if (due < ctx->today)
        ob->status = CL_STATUS_OVERDUE;
      else if (due <= ctx->today + (guint) MAX (rule->warning_days, 0))
        ob->status = CL_STATUS_DUE_SOON;
      else
        ob->status = CL_STATUS_UPCOMING;

      switch (ob->status)
        {
        case CL_STATUS_OVERDUE:
          ob->severity = CL_SEVERITY_CRITICAL;
          break;
        case CL_STATUS_DUE_SOON:
        case CL_STATUS_MET_LATE:
          ob->severity = CL_SEVERITY_WARNING;
          break;
        case CL_STATUS_MET:
        case CL_STATUS_UPCOMING:
        case CL_N_STATUSES:
        default:
          ob->severity = CL_SEVERITY_INFO;
          break;
        }
      /* rules.md §4 plan_decision_followup: a late answer is not late, and nothing is urgent. */
      if (flags & CL_EMIT_PROMPT)
        {
          ob->prompt = TRUE;
          if (ob->status == CL_STATUS_MET_LATE)
            ob->status = CL_STATUS_MET;
          ob->severity = CL_SEVERITY_INFO;
        }
    }
}

void
_cl_rule_apply_extensions (ClRuleContext *ctx,
                           ClExtendedRule which,
                           GArray        *emitted,
                           ClEmitFlags    flags)
{
  g_autofree const ClEvent **winner = NULL;

  if (emitted == NULL || emitted->len == 0)
    return;
  /* Which obligation each extension moves depends only on triggers and completions, never on an
   * earlier extension: choose first, then apply the latest choosing each one. */
  CL_FOR_EACH_EVENT (ctx, x)
    {
      int chosen = -1;

      if (x->type != CL_EVENT_EXTENSION ||
          cl_extra_get_enum (x->extra, "rule", cl_extended_rule_names, CL_N_EXTENDED_RULES) != (int) which ||
          cl_extra_get_date (x->extra, "until") == CL_DATE_NONE)
        continue;
      /* In trigger order, so the last match is the latest trigger (same day: the later event). */
      for (guint i = 0; i < emitted->len; i++)
        {
          const ClEmitted *em = &g_array_index (emitted, ClEmitted, i);
          if (em->ob != NULL && em->trigger->date <= x->date &&
              (em->ob->met_on == CL_DATE_NONE || em->ob->met_on > x->date))
            chosen = (int) i;
        }
      if (chosen < 0)
        continue;
      if (winner == NULL)
        winner = g_new0 (const ClEvent *, emitted->len);
      winner[chosen] = x;
    }

  for (guint i = 0; winner != NULL && i < emitted->len; i++)
    {
      const ClEmitted *em = &g_array_index (emitted, ClEmitted, i);
      ClObligation *ob = em->ob;
      const ClEvent *x = winner[i];

      if (x == NULL)
        continue;
      ob->extended_on = x->date;
      ob->extended_was = ob->due;
      ob->due = cl_extra_get_date (x->extra, "until");
      /* An agreed date uses no calendar. */
      ob->estimated = FALSE;
      if (em->extension_citation != NULL)
        ob->citation = em->extension_citation;
      _cl_rule_set_status (ctx, ob, flags);
    }
}

ClDate
_cl_rule_count_business_before (ClRuleContext *ctx,
                                ClDate         to,
                                guint          n)
{
  ClDate day = to;

  while (n > 0 && day > 1)
    {
      day--;
      if (cl_school_calendar_classify (ctx->calendar, day) & CL_DAY_BUSINESS)
        n--;
    }
  return day;
}

gboolean
_cl_event_is_type (const ClEvent *event,
                   gconstpointer  data)
{
  return event->type == (ClEventType) GPOINTER_TO_INT (data);
}

const ClEvent *
_cl_rule_first_event (ClRuleContext *ctx,
                      ClDate         from,
                      const ClEvent *except,
                      ClEventMatch   match,
                      gconstpointer  data)
{
  GArray *events = ctx->student->events;
  guint lo = 0, hi = events->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (g_array_index (events, ClEvent, mid).date < from)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint i = lo; i < events->len; i++)
    {
      const ClEvent *e = &g_array_index (events, ClEvent, i);
      if (e != except && match (e, data))
        return e;
    }
  return NULL;
}

gboolean
_cl_event_is_meeting_of (const ClEvent *event,
                         gconstpointer  data)
{
  guint kinds = GPOINTER_TO_UINT (data);
  return event->type == CL_EVENT_IEP_MEETING && event->kind >= 0 && (kinds & (1u << event->kind));
}

void
_cl_rule_mark_estimated (ClRuleContext *ctx,
                         ClObligation  *ob,
                         gboolean       estimated)
{
  if (ob != NULL && estimated)
    {
      ob->estimated = TRUE;
    }
}

ClObligation *
_cl_rule_emit_for_event (ClRuleContext *ctx,
                         const ClRule  *rule,
                         ClEmitFlags    flags,
                         const ClEvent *trigger,
                         ClCountKind    kind,
                         guint          n,
                         ClEventMatch   complete,
                         gconstpointer  complete_data)
{
  gboolean estimated = FALSE;
  ClCounted counted;
  ClDate due = _cl_rule_count (ctx, kind, trigger->date, n, &estimated, &counted);
  const ClEvent *done = _cl_rule_first_event (ctx, trigger->date, trigger, complete, complete_data);
  ClObligation *ob;

  counted.meeting_kind = trigger->type == CL_EVENT_IEP_MEETING ? trigger->kind : -1;
  ob = _cl_rule_emit (ctx, rule, flags, due, done ? done->date : CL_DATE_NONE,
                      trigger->date, cl_event_type_names[trigger->type], &counted);

  _cl_rule_mark_estimated (ctx, ob, estimated);
  return ob;
}

void
_cl_rule_emit_each (ClRuleContext *ctx,
                    const ClRule  *rule,
                    ClEmitFlags    flags,
                    ClEventType    trigger_type,
                    gboolean       first_only,
                    ClCountKind    fallback_kind,
                    guint          fallback_days,
                    ClEventMatch   complete,
                    gconstpointer  complete_data)
{
  ClCountKind kind = cl_rule_get_count_kind (rule, "count", fallback_kind);
  guint days = cl_rule_get_int (rule, "days", fallback_days);

  CL_FOR_EACH_EVENT (ctx, e)
    if (e->type == trigger_type)
      {
        _cl_rule_emit_for_event (ctx, rule, flags, e, kind, days, complete, complete_data);
        if (first_only)
          return;
      }
}

ClDate
_cl_rule_count (ClRuleContext *ctx,
                ClCountKind    kind,
                ClDate         from,
                guint          n,
                gboolean      *estimated,
                ClCounted     *counted)
{
  ClDate due = cl_school_calendar_count (ctx->calendar, kind, from, n, estimated);

  *counted = (ClCounted) { .way = CL_COUNTED_DAYS, .count = kind, .days = n, .meeting_kind = -1 };
  if (kind == CL_COUNT_CA_PAUSE)
    {
      counted->skipped = cl_school_calendar_skipped (ctx->calendar, from, due);
      if (counted->skipped->len == 0)
        g_clear_pointer (&counted->skipped, g_array_unref);
    }
  return due;
}
