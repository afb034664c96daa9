/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-deadline-engine-private.h — what the rule algorithms share with the engine
 *
 * Each rule id of a pack is computed by one algorithm (cl-rules-*.c); the pack supplies its numbers,
 * sentence and citation. An algorithm reads one student through a ClRuleContext and emits
 * obligations with _cl_rule_emit().
 */
#pragma once

#include "cl-deadline-engine.h"
#include "cl-school-calendar.h"
#include "cl-student-history.h"

G_BEGIN_DECLS

typedef struct {
  ClStudent        *student;
  ClSchoolCalendar *calendar;
  ClDate            today;
  GArray           *iep_spans;   /* of ClIepSpan, in date order */
  GPtrArray        *out;         /* of ClObligation* */
} ClRuleContext;

/* Walks the student's events in date order (input order within a day). */
#define CL_FOR_EACH_EVENT(ctx, e)                                                       \
  for (const ClEvent *e = (const ClEvent *) (gpointer) (ctx)->student->events->data;     \
       e < (const ClEvent *) (gpointer) (ctx)->student->events->data + (ctx)->student->events->len; \
       e++)

/* Appends @student's obligations to @out, unsorted. Safe on several threads at once for
 * students cl_deadline_engine_can_compute() accepted (cl-deadline-engine-parallel.c). */
gboolean _cl_deadline_engine_compute_student_into (ClDeadlineEngine  *self,
                                                   ClCaseload        *caseload,
                                                   ClStudent         *student,
                                                   ClDate             today,
                                                   GPtrArray         *out,
                                                   GError           **error);

typedef void (*ClRuleFunc) (ClRuleContext *ctx,
                            const ClRule  *rule);

typedef struct {
  const char *id;
  ClRuleFunc  func;
} ClRuleAlgorithm;

/* Per file: the algorithms it implements, terminated by { NULL, NULL }. */
extern const ClRuleAlgorithm _cl_rules_timeline[];
extern const ClRuleAlgorithm _cl_rules_age[];
extern const ClRuleAlgorithm _cl_rules_discipline[];
extern const ClRuleAlgorithm _cl_rules_meetings[];
extern const ClRuleAlgorithm _cl_rules_requests[];
extern const ClRuleAlgorithm _cl_rules_assessment[];
extern const ClRuleAlgorithm _cl_rules_arrival[];

typedef enum {
  CL_EMIT_DEFAULT       = 0,
  CL_EMIT_REQUIRES_IEP  = 1 << 0,  /* dropped when the IEP ended by the due date, unless met */
  CL_EMIT_NEVER_MET     = 1 << 1,  /* a violation: overdue once due <= today, always critical */
  CL_EMIT_PROMPT        = 1 << 2,  /* a reminder, not a deadline: severity info, any completion met */
} ClEmitFlags;

/* Computes status and severity and adds the obligation to ctx->out (or drops it, see flags).
 * Returns the obligation, or NULL when dropped. Copies @counted and takes its skipped runs. */
ClObligation   *_cl_rule_emit             (ClRuleContext *ctx,
                                           const ClRule  *rule,
                                           ClEmitFlags    flags,
                                           ClDate         due,
                                           ClDate         met_on,
                                           ClDate         from,
                                           const char    *from_event,
                                           ClCounted     *counted);

/* (Re)computes @ob's status and severity from its due date, met_on and @flags. */
void            _cl_rule_set_status       (ClRuleContext *ctx,
                                           ClObligation  *ob,
                                           ClEmitFlags    flags);

/* What a rule emitted, with the event that triggered it: what an extension chooses among. */
typedef struct {
  ClObligation  *ob;
  const ClEvent *trigger;
  const char    *extension_citation;  /* the citation once extended: the rule's own and the
                                       * agreement's (the pack's "extension_citation"), or NULL */
} ClEmitted;

/* Applies the student's `extension` events for @which to @emitted (of ClEmitted, in trigger
 * order; NULL when the rule emitted nothing), as rules.md §4 "extension" says: each moves the due date of the latest obligation
 * triggered on or before it and still open that day, and its citation becomes the emitted one's
 * extension_citation. */
void            _cl_rule_apply_extensions (ClRuleContext *ctx,
                                           ClExtendedRule which,
                                           GArray        *emitted,
                                           ClEmitFlags    flags);

/* Counts @n business days before @to (day 0 = @to, never counted): rules.md §2 "business days
 * before". Never estimated. */
ClDate          _cl_rule_count_business_before (ClRuleContext *ctx,
                                                ClDate         to,
                                                guint          n);

gboolean        _cl_rule_has_iep_on       (ClRuleContext *ctx,
                                           ClDate         day);
/* Whether an IEP is in effect on @day or starts at any time after it. */
gboolean        _cl_rule_has_iep_from     (ClRuleContext *ctx,
                                           ClDate         day);

typedef gboolean (*ClEventMatch) (const ClEvent *event,
                                  gconstpointer  data);

/* The first event (date order, then input order) dated on or after @from that is not @except and
 * that @match accepts; NULL when none. */
const ClEvent  *_cl_rule_first_event      (ClRuleContext *ctx,
                                           ClDate         from,
                                           const ClEvent *except,
                                           ClEventMatch   match,
                                           gconstpointer  data);
/* Matches events whose type is GPOINTER_TO_INT (data). */
gboolean        _cl_event_is_type         (const ClEvent *event,
                                           gconstpointer  data);

/* Matches iep_meeting events whose kind is in the bit mask GPOINTER_TO_UINT (data); see
 * CL_MEETING_MASK(). */
gboolean        _cl_event_is_meeting_of   (const ClEvent *event,
                                           gconstpointer  data);
#define CL_MEETING_MASK(kind) (GUINT_TO_POINTER (1u << (kind)))
#define CL_ANY_MEETING        (GUINT_TO_POINTER (G_MAXUINT))

/* Marks @ob (which may be NULL) as estimated when @estimated. */
void            _cl_rule_mark_estimated   (ClRuleContext *ctx,
                                           ClObligation  *ob,
                                           gboolean       estimated);

/* The common shape of an event-triggered rule: due @n days of @kind after @trigger, completed by the
 * first event @complete accepts dated on or after the trigger. When @due is not CL_DATE_NONE it is
 * used as given (with @counted, @estimated) instead of counting. */
ClObligation   *_cl_rule_emit_for_event   (ClRuleContext *ctx,
                                           const ClRule  *rule,
                                           ClEmitFlags    flags,
                                           const ClEvent *trigger,
                                           ClCountKind    kind,
                                           guint          n,
                                           ClEventMatch   complete,
                                           gconstpointer  complete_data);

/* The commonest rule of all: every event of @trigger_type owes its own obligation, due the pack's
 * "days" of its "count" later (@fallback_days of @fallback_kind when the pack does not say),
 * completed as _cl_rule_emit_for_event() says. With @first_only, only the earliest such event. */
void            _cl_rule_emit_each        (ClRuleContext *ctx,
                                           const ClRule  *rule,
                                           ClEmitFlags    flags,
                                           ClEventType    trigger_type,
                                           gboolean       first_only,
                                           ClCountKind    fallback_kind,
                                           guint          fallback_days,
                                           ClEventMatch   complete,
                                           gconstpointer  complete_data);

/* Counts @n days of @kind after @from on the student's calendar, and says how in @counted
 * (CL_COUNTED_DAYS, with the runs a CA pause count skipped). */
ClDate          _cl_rule_count            (ClRuleContext *ctx,
                                           ClCountKind    kind,
                                           ClDate         from,
                                           guint          n,
                                           gboolean      *estimated,
                                           ClCounted     *counted);

G_END_DECLS
