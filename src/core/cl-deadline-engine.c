/* cl-deadline-engine.c — being written */
#include "cl-deadline-engine.h"
