/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-discipline-section.h — a student's discipline, records requests and complaints, with alerts */
#pragma once

#include <adwaita.h>

#include "cl-obligation.h"

G_BEGIN_DECLS

#define CL_TYPE_DISCIPLINE_SECTION (cl_discipline_section_get_type ())
G_DECLARE_FINAL_TYPE (ClDisciplineSection, cl_discipline_section, CL, DISCIPLINE_SECTION, AdwBin)

/* Shows @student's removal log, the banners the engine's @obligations (theirs, borrowed) raise as
 * of @today, manifestation determinations, records requests and complaints. With @editable, the
 * forms are offered (student.log-discipline, student.edit-discipline, student.discipline-follow-up). Hides
 * itself when there is nothing to show or to add. */
void        cl_discipline_section_show            (ClDisciplineSection *self,
                                                   ClStudent           *student,
                                                   GPtrArray           *obligations,
                                                   ClDate               today,
                                                   gboolean             editable);
/* Every banner shown, one per line ("title — text — citation"), for tests and screen readers. */
const char *cl_discipline_section_get_banner_text (ClDisciplineSection *self);

/* "Due-process complaint" and the like, in the order of ClComplaintKind. */
const char *cl_discipline_complaint_label         (int                  kind);

G_END_DECLS
