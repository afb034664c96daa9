/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-case-model.h — the case file as plain data
 *
 * What a bundle or the database holds, in the shape the deadline engine reads: calendars, schools,
 * staff and students with their events and planned meetings. Records are plain structs owned by a
 * ClCaseload; the engine walks them millions of times, and the app wraps them in GObjects where a
 * list needs one.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cl-date.h"

G_BEGIN_DECLS

typedef enum {
  CL_EVENT_REFERRAL,
  CL_EVENT_ASSESSMENT_PLAN_PROVIDED,
  CL_EVENT_ASSESSMENT_PLAN_CONSENT,
  CL_EVENT_REASSESSMENT_CONSENT,
  CL_EVENT_IEP_MEETING,
  CL_EVENT_TRANSFER_IN,
  CL_EVENT_REMOVAL,
  CL_EVENT_PLACEMENT_CHANGE_DECISION,
  CL_EVENT_IAES_PLACEMENT,
  CL_EVENT_RECORDS_REQUEST,
  CL_EVENT_RIGHTS_TRANSFER_NOTICE,
  CL_EVENT_COMPLAINT,
  CL_EVENT_EXIT,
  CL_EVENT_MEETING_REQUEST,
  CL_EVENT_REMOVAL_SERVICES,
  CL_EVENT_RECORDS_PROVIDED,
  CL_EVENT_RESOLUTION_SESSION,
  CL_EVENT_DUE_PROCESS_RESPONSE,
  CL_EVENT_COMPLAINT_RESOLVED,
  CL_EVENT_TRANSITION_CONFERENCE,
  CL_EVENT_REASSESSMENT_REQUEST,
  CL_EVENT_ASSESSMENT_REFUSED,
  CL_EVENT_ASSESSMENT_PLAN_DECLINED,
  CL_EVENT_TRIENNIAL_WAIVER,
  CL_EVENT_EXTENSION,
  CL_EVENT_DISTRICT_RECORDS_REQUEST,
  CL_EVENT_RECORDS_SENT,
  CL_EVENT_SURROGATE_NEEDED,
  CL_EVENT_SURROGATE_NOTICE_SENT,
  CL_EVENT_SURROGATE_APPOINTED,
  CL_EVENT_ENROLLMENT,
  CL_EVENT_ENGLISH_PROFICIENCY_ASSESSED,
  CL_EVENT_PRIMARY_LANGUAGE_ASSESSED,
  CL_EVENT_HEARING_SCHEDULED,
  CL_EVENT_HEARING_DISCLOSURE_SENT,
  CL_EVENT_RESOLUTION_WAIVED,
  CL_N_EVENT_TYPES
} ClEventType;

typedef enum {
  CL_MEETING_INITIAL,
  CL_MEETING_ANNUAL,
  CL_MEETING_TRIENNIAL,
  CL_MEETING_AMENDMENT,
  CL_MEETING_INTERIM,
  CL_MEETING_MANIFESTATION,
  CL_MEETING_TRANSITION,
  CL_MEETING_OTHER,
  CL_N_MEETING_KINDS
} ClMeetingKind;

typedef enum {
  CL_TRANSFER_SAME_SELPA,
  CL_TRANSFER_IN_STATE,
  CL_TRANSFER_OUT_OF_STATE,
  CL_N_TRANSFER_FROMS
} ClTransferFrom;

typedef enum {
  CL_REMOVAL_SUSPENSION,
  CL_REMOVAL_IN_SCHOOL_SUSPENSION,
  CL_REMOVAL_OTHER,
  CL_N_REMOVAL_KINDS
} ClRemovalKind;

typedef enum {
  CL_SPECIAL_NONE,
  CL_SPECIAL_WEAPON,
  CL_SPECIAL_DRUGS,
  CL_SPECIAL_SERIOUS_BODILY_INJURY,
  CL_N_SPECIAL_CIRCUMSTANCES
} ClSpecialCircumstance;

typedef enum {
  CL_COMPLAINT_UCP,
  CL_COMPLAINT_STATE,
  CL_COMPLAINT_DUE_PROCESS,
  CL_COMPLAINT_EXPEDITED_DUE_PROCESS,
  CL_N_COMPLAINT_KINDS,
  CL_COMPLAINT_ANY = -1
} ClComplaintKind;

typedef enum {
  CL_REFERRAL_PARENT,
  CL_REFERRAL_TEACHER,
  CL_REFERRAL_OTHER,
  CL_N_REFERRAL_SOURCES
} ClReferralSource;

typedef enum {
  CL_ROLE_PARENT,
  CL_ROLE_STUDENT,
  CL_ROLE_GENERAL_EDUCATION_TEACHER,
  CL_ROLE_SPECIAL_EDUCATION_TEACHER,
  CL_ROLE_LEA_REPRESENTATIVE,
  CL_ROLE_ASSESSMENT_INTERPRETER,
  CL_ROLE_RELATED_SERVICE_PROVIDER,
  CL_ROLE_AGENCY_REPRESENTATIVE,
  CL_ROLE_PART_C_COORDINATOR,
  CL_ROLE_INTERPRETER,
  CL_ROLE_OTHER,
  CL_N_ROLES
} ClInviteeRole;

typedef enum {
  CL_STAFF_CASE_MANAGER,
  CL_STAFF_SPECIAL_EDUCATION_TEACHER,
  CL_STAFF_GENERAL_EDUCATION_TEACHER,
  CL_STAFF_ADMINISTRATOR,
  CL_STAFF_SCHOOL_PSYCHOLOGIST,
  CL_STAFF_SPEECH_LANGUAGE_PATHOLOGIST,
  CL_STAFF_RELATED_SERVICE_PROVIDER,
  CL_STAFF_NURSE,
  CL_STAFF_INTERPRETER,
  CL_STAFF_OTHER,
  CL_N_STAFF_ROLES
} ClStaffRole;

/* The wire names of each enum, as exchange-format.md spells them; index = enum value. */
extern const char * const cl_event_type_names[CL_N_EVENT_TYPES];
extern const char * const cl_meeting_kind_names[CL_N_MEETING_KINDS];
extern const char * const cl_transfer_from_names[CL_N_TRANSFER_FROMS];
extern const char * const cl_removal_kind_names[CL_N_REMOVAL_KINDS];
extern const char * const cl_special_circumstance_names[CL_N_SPECIAL_CIRCUMSTANCES];
extern const char * const cl_complaint_kind_names[CL_N_COMPLAINT_KINDS];
extern const char * const cl_referral_source_names[CL_N_REFERRAL_SOURCES];
extern const char * const cl_role_names[CL_N_ROLES];
extern const char * const cl_staff_role_names[CL_N_STAFF_ROLES];

/* The wire names of an extension's `rule` and a complaint's `filed_by`; index = enum value. */
typedef enum {
  CL_EXTENDS_ASSESSMENT_PLAN,
  CL_EXTENDS_COMPLAINT_DECISION,
  CL_N_EXTENDED_RULES
} ClExtendedRule;

typedef enum {
  CL_FILED_BY_PARENT,
  CL_FILED_BY_DISTRICT,
  CL_FILED_BY_STUDENT,
  CL_FILED_BY_OTHER,
  CL_N_FILED_BY
} ClFiledBy;

extern const char * const cl_extended_rule_names[CL_N_EXTENDED_RULES];
extern const char * const cl_filed_by_names[CL_N_FILED_BY];

/* Fields added to the bundle after version 1 of the database (an extension's `rule` and `until`,
 * a hearing's `hearing_date`, a transfer's `last_enrolled`, a complaint's `filed_by`, an excusal's
 * `lea_consent`, a student's `regular_education`) live in the record's `extra` object: the bundle
 * reader checks them there, and the database, the writer and every copy keep them without a schema
 * change. These read them; absent or malformed gives the fallback (CL_DATE_NONE, NULL, -1). */
ClDate      cl_extra_get_date   (JsonObject *extra,
                                 const char *name);
const char *cl_extra_get_string (JsonObject *extra,
                                 const char *name);
gboolean    cl_extra_get_bool   (JsonObject *extra,
                                 const char *name,
                                 gboolean    fallback);
int         cl_extra_get_enum   (JsonObject         *extra,
                                 const char         *name,
                                 const char * const *names,
                                 guint               n_names);

/* Returns the index of @name in @names, or -1. */
int cl_enum_from_name (const char * const *names,
                       guint               n_names,
                       const char         *name);

typedef struct {
  ClDate  from;
  ClDate  to;
  char   *label;
  guint   holiday : 1;
  JsonObject *extra;           /* members this version does not know, kept for the round trip */
} ClClosedRange;

/* One school year of one school: its session and the days it is closed. */
typedef struct {
  char   *id;
  ClDate  first_day;
  ClDate  last_day;
  GArray *closed;            /* of ClClosedRange */
  JsonObject *extra;
} ClCalendarYear;

typedef struct _ClSchoolCalendar ClSchoolCalendar;

typedef struct {
  char             *id;
  char             *name;
  GPtrArray        *calendars;  /* of ClCalendarYear*, borrowed from the caseload, by first_day */
  ClSchoolCalendar *table;      /* built lazily by the engine; owned */
  JsonObject       *extra;
} ClSchool;

typedef struct {
  char        *id;
  char        *name;
  ClStaffRole  role;
  char        *email;
  JsonObject  *extra;
} ClStaff;

typedef struct {
  char *name;
  char *relationship;
  char *language;
  char *phone;
  char *email;
  char *address;
  JsonObject *extra;
} ClGuardian;

/* Something that happened, with the fields of its type. Unused fields are zero. */
typedef struct {
  ClEventType type;
  ClDate      date;
  guint       order;           /* position in the input, to keep same-day order stable */
  int         kind;            /* ClMeetingKind, ClRemovalKind or ClComplaintKind (-1 = absent) */
  int         from;            /* ClTransferFrom, or ClReferralSource for a referral (-1 = absent) */
  double      school_days;     /* removal */
  int         special;         /* ClSpecialCircumstance */
  guint       eligible : 1;                 /* initial/triennial; absent = TRUE */
  guint       transition_plan : 1;
  guint       age_of_majority_informed : 1;
  guint       has_iep : 1;                  /* transfer_in */
  char       *reason;          /* exit */
  JsonObject *extra;
} ClEvent;

typedef struct {
  guint  present : 1;
  guint  area_discussed : 1;
  ClDate parent_written_consent;
  ClDate written_input;
  JsonObject *extra;
} ClExcusal;

typedef struct {
  ClInviteeRole role;
  char         *name;
  char         *staff_id;
  guint         attending : 1;   /* absent = TRUE */
  ClExcusal     excusal;
  JsonObject   *extra;
} ClInvitee;

/* A meeting that is planned (an entry of a student's "meetings"). */
typedef struct {
  char          *id;
  ClMeetingKind  kind;
  ClDate         date;           /* the date part of "starts" */
  int            start_minutes;  /* minutes after midnight, -1 when no time was given */
  char          *location;
  ClDate         notice_sent;
  char          *interpreter;    /* ISO 639-1, or NULL */
  GArray        *invitees;       /* of ClInvitee */
  JsonObject    *extra;
} ClMeeting;

typedef struct {
  char       *id;
  char       *first_name;
  char       *last_name;
  ClDate      birth_date;
  ClSchool   *school;            /* borrowed */
  char       *grade;
  ClStaff    *case_manager;      /* borrowed, may be NULL */
  char       *home_language;
  gboolean    english_learner;
  char       *eligibility_primary;
  char       *eligibility_secondary;
  gboolean    conservatorship;
  gboolean    part_c;
  ClDate      emancipated_on;
  char       *jurisdiction;      /* overrides the caseload's; NULL = inherit */
  GArray     *guardians;         /* of ClGuardian */
  GArray     *events;            /* of ClEvent, sorted by (date, order) */
  GPtrArray  *meetings;          /* of ClMeeting* */
  JsonObject *eligibility_extra; /* unknown members of "eligibility" */
  JsonObject *extra;
} ClStudent;

#define CL_TYPE_CASELOAD (cl_caseload_get_type ())
G_DECLARE_FINAL_TYPE (ClCaseload, cl_caseload, CL, CASELOAD, GObject)

ClCaseload     *cl_caseload_new                (void);
const char     *cl_caseload_get_jurisdiction   (ClCaseload *self);
void            cl_caseload_set_jurisdiction   (ClCaseload *self,
                                                const char *jurisdiction);
/* Top-level members this version does not know, kept for the round trip (may be NULL). */
JsonObject     *cl_caseload_get_extra          (ClCaseload *self);
void            cl_caseload_set_extra          (ClCaseload *self,
                                                JsonObject *extra);
GPtrArray      *cl_caseload_get_calendars      (ClCaseload *self);
GPtrArray      *cl_caseload_get_schools        (ClCaseload *self);
GPtrArray      *cl_caseload_get_staff          (ClCaseload *self);
GPtrArray      *cl_caseload_get_students       (ClCaseload *self);
ClCalendarYear *cl_caseload_lookup_calendar    (ClCaseload *self,
                                                const char *id);
ClSchool       *cl_caseload_lookup_school      (ClCaseload *self,
                                                const char *id);
ClStaff        *cl_caseload_lookup_staff       (ClCaseload *self,
                                                const char *id);
ClStudent      *cl_caseload_lookup_student     (ClCaseload *self,
                                                const char *id);

/* The caseload takes ownership of what is added. Adding an id that exists returns FALSE. */
gboolean        cl_caseload_add_calendar       (ClCaseload     *self,
                                                ClCalendarYear *calendar);
gboolean        cl_caseload_add_school         (ClCaseload     *self,
                                                ClSchool       *school);
gboolean        cl_caseload_add_staff          (ClCaseload     *self,
                                                ClStaff        *staff);
gboolean        cl_caseload_add_student        (ClCaseload     *self,
                                                ClStudent      *student);

ClCalendarYear *cl_calendar_year_new           (const char *id,
                                                ClDate      first_day,
                                                ClDate      last_day);
void            cl_calendar_year_add_closed    (ClCalendarYear *self,
                                                ClDate          from,
                                                ClDate          to,
                                                const char     *label,
                                                gboolean        holiday);
void            cl_calendar_year_free          (ClCalendarYear *self);
/* @self whole, its unknown members (extra) shared. */
ClCalendarYear *cl_calendar_year_copy          (const ClCalendarYear *self);
/* @self moved to the next school year as @id, a draft to correct: every date 52 weeks later, so
 * a Monday stays a Monday and "the fourth Thursday of November" stays Thanksgiving (dates fixed
 * in the month, such as Veterans Day, come out a day or two early and are corrected by hand). */
ClCalendarYear *cl_calendar_year_copy_to_next_year (const ClCalendarYear *self,
                                                    const char           *id);

ClSchool       *cl_school_new                  (const char *id,
                                                const char *name);
/* Keeps the school's calendars sorted by first_day. */
void            cl_school_add_calendar         (ClSchool       *self,
                                                ClCalendarYear *calendar);
void            cl_school_free                 (ClSchool *self);

ClStaff        *cl_staff_new                   (const char  *id,
                                                const char  *name,
                                                ClStaffRole  role);
void            cl_staff_free                  (ClStaff *self);

ClStudent      *cl_student_new                 (const char *id);
/* Events may be added in any order; call cl_student_sort_events() once all are in. */
ClEvent        *cl_student_add_event           (ClStudent   *self,
                                                ClEventType  type,
                                                ClDate       date);
void            cl_student_sort_events         (ClStudent *self);
/* Room for @n events before the first is added (a reader that knows about how many will come
 * spares the array's growing copies); nothing once there are events. */
void            cl_student_reserve_events      (ClStudent *self,
                                                guint      n);
/* An array of events as a student holds them, to fill apart and hand over whole. */
GArray         *cl_event_array_new             (void);
/* Takes @events (from cl_event_array_new()): they become @self's when it has none yet, else are
 * added after its own. */
void            cl_student_take_events         (ClStudent *self,
                                                GArray    *events);
void            cl_student_add_guardian        (ClStudent  *self,
                                                ClGuardian *guardian);
ClMeeting      *cl_student_add_meeting         (ClStudent     *self,
                                                const char    *id,
                                                ClMeetingKind  kind,
                                                ClDate         date);
char           *cl_student_dup_display_name    (const ClStudent *self);
void            cl_student_free                (ClStudent *self);

/* Deep copies, for undo and for drafts: every string is duplicated and every list copied, so
 * that freeing the source leaves the copy whole. The `extra` objects are shared (referenced),
 * not duplicated. */

/* @src into @dest; free what it holds with cl_event_clear(). */
void            cl_event_copy                  (const ClEvent *src,
                                                ClEvent       *dest);
void            cl_event_clear                 (ClEvent       *event);
/* An IEP meeting held from a plan remembers the plan in its `extra` (`planned_meeting`: the plan's
 * id; `starts`, `location`: its time and place when it had them), so that a calendar keeps one
 * event for the meeting, planned then held (cl_caseload_to_ics()). @event's own extra members are
 * kept; its extra object is replaced, never changed in place (copies share it). */
void            cl_event_set_held_from         (ClEvent         *event,
                                                const ClMeeting *planned);
/* The id of the plan an IEP meeting was held from, or NULL. */
const char     *cl_event_get_planned_meeting   (const ClEvent   *event);
/* @src into @dest; free what it holds with cl_guardian_clear() (the clear function of a
 * student's guardians array). */
void            cl_guardian_copy               (const ClGuardian *src,
                                                ClGuardian       *dest);
void            cl_guardian_clear              (ClGuardian       *guardian);
/* A copy of @src, with its invitees and their excusals, added to @owner's meetings (which owns
 * it); returns the copy. */
ClMeeting      *cl_meeting_copy                (const ClMeeting *src,
                                                ClStudent       *owner);
/* A copy of @src with its guardians, events (in their order) and planned meetings. Like @src,
 * it borrows its school and case manager. */
ClStudent      *cl_student_copy                (const ClStudent *src);
/* The same without family, timeline or meetings: the student's own fields only. */
ClStudent      *cl_student_copy_details        (const ClStudent *src);

ClInvitee      *cl_meeting_add_invitee         (ClMeeting     *self,
                                                ClInviteeRole  role);

/* An id made from @name, for a record a district's file names but does not number: lower-case
 * ASCII, accents dropped, each run of other characters one "-" ("Lincoln Middle School" ->
 * "lincoln-middle-school"); "x" when nothing is left. */
char           *cl_make_id                     (const char *name);

/* A borrowing copy: the same pointers and no free function. (g_ptr_array_copy() keeps the source's
 * free function, so its copy would free what it only borrows.) */
GPtrArray      *_cl_ptr_array_dup              (GPtrArray *array);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClCalendarYear, cl_calendar_year_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClSchool, cl_school_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClStaff, cl_staff_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClStudent, cl_student_free)

G_END_DECLS
