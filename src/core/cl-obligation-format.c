/* cl-obligation-format.c — being written */
#include "cl-deadline-engine.h"
