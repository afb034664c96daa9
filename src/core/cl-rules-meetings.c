/* cl-rules-meetings.c — being written */
#include "cl-deadline-engine.h"
