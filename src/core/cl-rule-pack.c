/* cl-rule-pack.c — being written */
#include "cl-deadline-engine.h"
