/* cl-rules-age.c — being written */
#include "cl-deadline-engine.h"
