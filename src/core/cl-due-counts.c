/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-due-counts.c — what is due across a caseload, in groups, counted once for every view */
#define G_LOG_DOMAIN "cl-due-counts"

#include "config.h"

#include "cl-due-counts.h"
#include "cl-rule-completion.h"

gboolean
cl_due_is_open (const ClObligation *ob)
{
  return ob->status != CL_STATUS_MET && ob->status != CL_STATUS_MET_LATE;
}

ClDueWhen
cl_due_when (ClDate due,
             ClDate today)
{
  if (due < today)
    return CL_DUE_OVERDUE;
  if (due <= today + 7)
    return CL_DUE_THIS_WEEK;
  if (due <= today + 30)
    return CL_DUE_NEXT_30;
  return CL_DUE_LATER;
}

ClDueWhen
cl_due_when_obligation (const ClObligation *ob,
                        ClDate              today)
{
  if (ob->prompt && ob->due < today)
    return CL_DUE_THIS_WEEK;
  return cl_due_when (ob->due, today);
}

/* Whether @rule's obligations are completed by sending a meeting's notice. */
static gboolean
completed_by_notice (const ClRule *rule)
{
  const ClRuleCompletion *completion = cl_rule_completion_lookup (rule->id);

  return completion != NULL && completion->by == CL_COMPLETED_BY_NOTICE_SENT;
}

gboolean
cl_due_is_notice (const ClObligation *ob)
{
  return cl_due_is_open (ob) && completed_by_notice (ob->rule);
}

/* A planned meeting that is coming: from today to CL_DUE_MEETING_DAYS ahead. One whose day has
 * passed is waiting to be recorded as held, not coming. */
static gboolean
meeting_is_coming (const ClMeeting *meeting,
                   ClDate           today)
{
  return meeting->date >= today && meeting->date <= today + CL_DUE_MEETING_DAYS;
}

gboolean
cl_due_for_case_manager (const ClStudent *student,
                         const char      *case_manager_id)
{
  if (case_manager_id == NULL || *case_manager_id == '\0')
    return TRUE;
  return student->case_manager != NULL && g_strcmp0 (student->case_manager->id, case_manager_id) == 0;
}

static int
compare_by_due (gconstpointer a,
                gconstpointer b)
{
  const ClObligation *oa = *(ClObligation * const *) a;
  const ClObligation *ob = *(ClObligation * const *) b;

  if (oa->due != ob->due)
    return oa->due < ob->due ? -1 : 1;
  return cl_obligation_compare (a, b);
}

GPtrArray *
cl_due_list_open (GPtrArray  *obligations,
                  const char *case_manager_id)
{
  GPtrArray *open = g_ptr_array_new ();

  for (guint i = 0; obligations != NULL && i < obligations->len; i++)
    {
      ClObligation *ob = g_ptr_array_index (obligations, i);

      if (cl_due_is_open (ob) && cl_due_for_case_manager (ob->student, case_manager_id))
        g_ptr_array_add (open, ob);
    }
  g_ptr_array_sort (open, compare_by_due);
  return open;
}

static int
compare_meetings (gconstpointer a,
                  gconstpointer b)
{
  const ClDueMeeting *ma = a, *mb = b;

  if (ma->meeting->date != mb->meeting->date)
    return ma->meeting->date < mb->meeting->date ? -1 : 1;
  if (ma->meeting->start_minutes != mb->meeting->start_minutes)
    return ma->meeting->start_minutes < mb->meeting->start_minutes ? -1 : 1;
  return g_strcmp0 (ma->student->id, mb->student->id);
}

GArray *
cl_due_list_meetings (ClCaseload *caseload,
                      ClDate      today,
                      const char *case_manager_id)
{
  GArray *coming = g_array_new (FALSE, FALSE, sizeof (ClDueMeeting));
  GPtrArray *students = caseload ? cl_caseload_get_students (caseload) : NULL;

  for (guint i = 0; students != NULL && i < students->len; i++)
    {
      const ClStudent *student = g_ptr_array_index (students, i);

      if (!cl_due_for_case_manager (student, case_manager_id))
        continue;
      for (guint m = 0; student->meetings != NULL && m < student->meetings->len; m++)
        {
          const ClMeeting *meeting = g_ptr_array_index (student->meetings, m);
          ClDueMeeting entry = { student, meeting };

          if (meeting_is_coming (meeting, today))
            g_array_append_val (coming, entry);
        }
    }
  g_array_sort (coming, compare_meetings);
  return coming;
}

/* completed_by_notice(), remembered for the last rule asked about: a district has a million
 * obligations and a few dozen rules, each student's in the same order, and finding a rule's
 * completion compares its id with every entry's (most of counting a district, on the main
 * thread). */
typedef struct {
  const ClRule *rule;
  gboolean      notice;
} NoticeRule;

static gboolean
rule_is_notice (NoticeRule   *last,
                const ClRule *rule)
{
  if (last->rule != rule)
    {
      last->rule = rule;
      last->notice = completed_by_notice (rule);
    }
  return last->notice;
}

void
cl_due_count (GPtrArray   *obligations,
              ClCaseload  *caseload,
              ClDate       today,
              const char  *case_manager_id,
              ClDueCounts *out)
{
  g_autoptr(GArray) meetings = NULL;
  NoticeRule notices = { NULL, FALSE };

  g_return_if_fail (out != NULL);

  *out = (ClDueCounts) { { 0 } };
  for (guint i = 0; obligations != NULL && i < obligations->len; i++)
    {
      const ClObligation *ob = g_ptr_array_index (obligations, i);

      if (!cl_due_is_open (ob) || !cl_due_for_case_manager (ob->student, case_manager_id))
        continue;
      out->when[cl_due_when_obligation (ob, today)]++;
      if (rule_is_notice (&notices, ob->rule))
        out->notices++;
    }
  meetings = cl_due_list_meetings (caseload, today, case_manager_id);
  out->meetings = meetings->len;
}

struct _ClDueCountTable
{
  ClDate       today;
  ClDueCounts  everyone;
  GHashTable  *by_case_manager; /* case manager id (borrowed) -> ClDueCounts */
  NoticeRule   notices;
};

ClDueCountTable *
cl_due_count_table_new (ClDate today)
{
  ClDueCountTable *self = g_new0 (ClDueCountTable, 1);

  self->today = today;
  self->by_case_manager = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  return self;
}

/* The counts @student adds to, besides everyone's: their case manager's, or NULL. */
static ClDueCounts *
case_manager_counts (ClDueCountTable *self,
                     const ClStudent *student)
{
  ClDueCounts *counts;

  if (student->case_manager == NULL || student->case_manager->id == NULL)
    return NULL;
  counts = g_hash_table_lookup (self->by_case_manager, student->case_manager->id);
  if (counts == NULL)
    {
      counts = g_new0 (ClDueCounts, 1);
      g_hash_table_insert (self->by_case_manager, student->case_manager->id, counts);
    }
  return counts;
}

void
cl_due_count_table_add_obligations (ClDueCountTable      *self,
                                    const ClStudent      *student,
                                    ClObligation * const *obligations,
                                    guint                 n)
{
  ClDueCounts *mine = NULL;

  g_return_if_fail (self != NULL);

  for (guint i = 0; i < n; i++)
    {
      const ClObligation *ob = obligations[i];
      ClDueWhen when;
      gboolean notice;

      if (!cl_due_is_open (ob))
        continue;
      when = cl_due_when_obligation (ob, self->today);
      notice = rule_is_notice (&self->notices, ob->rule);
      self->everyone.when[when]++;
      self->everyone.notices += notice;
      if (mine == NULL && (mine = case_manager_counts (self, student)) == NULL)
        continue;
      mine->when[when]++;
      mine->notices += notice;
    }
}

void
cl_due_count_table_add_meetings (ClDueCountTable *self,
                                 const ClStudent *student)
{
  guint coming = 0;

  g_return_if_fail (self != NULL);

  for (guint m = 0; student->meetings != NULL && m < student->meetings->len; m++)
    {
      coming += meeting_is_coming (g_ptr_array_index (student->meetings, m), self->today);
    }
  if (coming > 0)
    {
      ClDueCounts *mine = case_manager_counts (self, student);

      self->everyone.meetings += coming;
      if (mine != NULL)
        mine->meetings += coming;
    }
}

gboolean
cl_due_count_table_lookup (const ClDueCountTable *self,
                           const char            *case_manager_id,
                           ClDate                 today,
                           ClDueCounts           *out)
{
  const ClDueCounts *counts;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (today != self->today)
    return FALSE;
  if (case_manager_id == NULL || *case_manager_id == '\0')
    counts = &self->everyone;
  else
    counts = g_hash_table_lookup (self->by_case_manager, case_manager_id);
  *out = counts != NULL ? *counts : (ClDueCounts) { { 0 } };
  return TRUE;
}

static void
add_counts (ClDueCounts       *into,
            const ClDueCounts *counts)
{
  for (guint i = 0; i < CL_N_DUE_WHEN; i++)
    into->when[i] += counts->when[i];
  into->notices += counts->notices;
  into->meetings += counts->meetings;
}

void
cl_due_count_table_merge (ClDueCountTable       *self,
                          const ClDueCountTable *other)
{
  GHashTableIter iter;
  gpointer id, counts;

  g_return_if_fail (self != NULL && other != NULL);
  g_return_if_fail (self->today == other->today);

  add_counts (&self->everyone, &other->everyone);
  g_hash_table_iter_init (&iter, other->by_case_manager);
  while (g_hash_table_iter_next (&iter, &id, &counts))
    {
      ClDueCounts *mine = g_hash_table_lookup (self->by_case_manager, id);

      if (mine == NULL)
        g_hash_table_insert (self->by_case_manager, id, g_memdup2 (counts, sizeof (ClDueCounts)));
      else
        add_counts (mine, counts);
    }
}

void
cl_due_count_table_free (ClDueCountTable *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->by_case_manager);
  g_free (self);
}
