/* cl-rules-timeline.c — being written */
#include "cl-deadline-engine.h"
