/* cl-obligation.c — being written */
#include "cl-deadline-engine.h"
