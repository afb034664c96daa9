/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cl-school-year-page.h — one school year of one school, changed in place: its first and last
 * day, its closed ranges (label, days, whether the offices close too), copied to the next year or
 * removed; a subpage of District Set-Up
 *
 * The page saves nothing itself: each change is the whole year as it would be, handed to
 * ::save (the window saves it and shows the page again from what was saved); ::copy and ::remove
 * ask for the year to be copied to the next or taken off the school.
 */
#pragma once

#include <adwaita.h>

#include "cl-case-model.h"

G_BEGIN_DECLS

#define CL_TYPE_SCHOOL_YEAR_PAGE (cl_school_year_page_get_type ())
G_DECLARE_FINAL_TYPE (ClSchoolYearPage, cl_school_year_page, CL, SCHOOL_YEAR_PAGE, GtkBox)

ClSchoolYearPage *cl_school_year_page_new             (void);
/* Shows @year of @school (both copied). @cannot_copy and @cannot_remove say why the year cannot
 * be copied to the next or removed; NULL when it can. */
void              cl_school_year_page_show            (ClSchoolYearPage     *self,
                                                       const ClSchool       *school,
                                                       const ClCalendarYear *year,
                                                       const char           *cannot_copy,
                                                       const char           *cannot_remove);
const char       *cl_school_year_page_get_school_id   (ClSchoolYearPage     *self);
const char       *cl_school_year_page_get_calendar_id (ClSchoolYearPage     *self);

G_END_DECLS
