/* cl-rules-requests.c — being written */
#include "cl-deadline-engine.h"
