/* Where libjvm.so is: the configuration's jvm=, then java_home=, then $JAVA_HOME, then the `java` on PATH. */
#ifndef HAPTIC_JAVA_LOCATION_H
#define HAPTIC_JAVA_LOCATION_H

#include "plugin_bundle.h"

#include <stddef.h>

/* The path of an existing libjvm.so (caller frees), or NULL; `tried` receives what was looked at, for the log. */
char *java_location_find(const plugin_bundle *bundle, char *tried, size_t tried_size);

#endif
