/* cl-rules-discipline.c — being written */
#include "cl-deadline-engine.h"
