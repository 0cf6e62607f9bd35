#include "java_location.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void note(char *tried, size_t size, const char *fmt, ...) {
    size_t used = strlen(tried);
    if (used + 1 >= size) {
        return;
    }
    va_list args;
    va_start(args, fmt);
    vsnprintf(tried + used, size - used, fmt, args);
    va_end(args);
}

static int readable(const char *path) {
    return path != NULL && access(path, R_OK) == 0;
}

/* A Java home's server VM: JDK 9+ layout. */
static char *libjvm_in_home(const char *home) {
    char path[PATH_MAX];
    int n = snprintf(path, sizeof path, "%s/lib/server/libjvm.so", home);
    if (n < 0 || (size_t)n >= sizeof path || !readable(path)) {
        return NULL;
    }
    return strdup(path);
}

static char *java_on_path(void) {
    const char *path = getenv("PATH");
    if (path == NULL) {
        return NULL;
    }
    char *dirs = strdup(path);
    if (dirs == NULL) {
        return NULL;
    }
    char *found = NULL;
    char *save = NULL;
    for (char *dir = strtok_r(dirs, ":", &save); dir != NULL && found == NULL; dir = strtok_r(NULL, ":", &save)) {
        char candidate[PATH_MAX];
        int n = snprintf(candidate, sizeof candidate, "%s/java", dir[0] != '\0' ? dir : ".");
        if (n > 0 && (size_t)n < sizeof candidate && access(candidate, X_OK) == 0) {
            found = strdup(candidate);
        }
    }
    free(dirs);
    return found;
}

/* .../bin/java, symlinks resolved (Debian: /usr/bin/java -> /etc/alternatives -> the JDK) -> the home. */
static char *home_of_java(const char *java) {
    char real[PATH_MAX];
    if (realpath(java, real) == NULL) {
        return NULL;
    }
    char *slash = strrchr(real, '/');
    if (slash == NULL) {
        return NULL;
    }
    *slash = '\0';
    slash = strrchr(real, '/');
    if (slash == NULL || strcmp(slash, "/bin") != 0) {
        return NULL;
    }
    *slash = '\0';
    return strdup(real);
}

char *java_location_find(const plugin_bundle *bundle, char *tried, size_t tried_size) {
    tried[0] = '\0';
    if (bundle->jvm != NULL) {
        if (readable(bundle->jvm)) {
            return strdup(bundle->jvm);
        }
        note(tried, tried_size, "jvm=%s (no such file); ", bundle->jvm);
    } else {
        note(tried, tried_size, "jvm= (not set); ");
    }
    if (bundle->java_home != NULL) {
        char *lib = libjvm_in_home(bundle->java_home);
        if (lib != NULL) {
            return lib;
        }
        note(tried, tried_size, "java_home=%s (no lib/server/libjvm.so); ", bundle->java_home);
    } else {
        note(tried, tried_size, "java_home= (not set); ");
    }
    const char *env_home = getenv("JAVA_HOME");
    if (env_home != NULL && env_home[0] != '\0') {
        char *lib = libjvm_in_home(env_home);
        if (lib != NULL) {
            return lib;
        }
        note(tried, tried_size, "$JAVA_HOME=%s (no lib/server/libjvm.so); ", env_home);
    } else {
        note(tried, tried_size, "$JAVA_HOME (not set); ");
    }
    char *java = java_on_path();
    if (java == NULL) {
        note(tried, tried_size, "java on PATH (not found)");
        return NULL;
    }
    char *home = home_of_java(java);
    char *lib = home != NULL ? libjvm_in_home(home) : NULL;
    if (lib == NULL) {
        note(tried, tried_size, "%s (no lib/server/libjvm.so beside it)", java);
    }
    free(home);
    free(java);
    return lib;
}
