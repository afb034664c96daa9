/* cl-school-calendar.c — being written */
#include "cl-deadline-engine.h"
