#include "plugin_bundle.h"

#include "host_log.h"

#include <ctype.h>
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *join(const char *a, const char *b) {
    size_t n = strlen(a) + strlen(b) + 2;
    char *s = malloc(n);
    if (s != NULL) {
        snprintf(s, n, "%s/%s", a, b);
    }
    return s;
}

static char *trim(char *s) {
    while (isspace((unsigned char)*s)) {
        s++;
    }
    char *end = s + strlen(s);
    while (end > s && isspace((unsigned char)end[-1])) {
        *--end = '\0';
    }
    return s;
}

/* Sets *slot to a copy of value; an empty value means "not set". */
static void assign(char **slot, const char *value) {
    free(*slot);
    *slot = value[0] != '\0' ? strdup(value) : NULL;
}

static void read_conf(plugin_bundle *b) {
    FILE *f = fopen(b->conf_path, "r");
    if (f == NULL) {
        if (errno != ENOENT) {
            host_log("cannot read %s: %s", b->conf_path, strerror(errno));
        }
        return;
    }
    char line[4096];
    int number = 0;
    while (fgets(line, sizeof line, f) != NULL) {
        number++;
        char *text = trim(line);
        if (text[0] == '\0' || text[0] == '#') {
            continue;
        }
        char *eq = strchr(text, '=');
        if (eq == NULL) {
            host_log("%s:%d: ignored, expected key=value: %s", b->conf_path, number, text);
            continue;
        }
        *eq = '\0';
        char *key = trim(text);
        char *value = trim(eq + 1);
        if (strcmp(key, "jvm") == 0) {
            assign(&b->jvm, value);
        } else if (strcmp(key, "java_home") == 0) {
            assign(&b->java_home, value);
        } else if (strcmp(key, "options") == 0) {
            assign(&b->options, value);
        } else if (strcmp(key, "log") == 0) {
            assign(&b->log, value);
        }
        /* Other keys (socket=, ...) belong to the Java side, which reads the same file. */
    }
    fclose(f);
}

int plugin_bundle_load(plugin_bundle *b) {
    memset(b, 0, sizeof *b);
    Dl_info info;
    if (dladdr((void *)&plugin_bundle_load, &info) == 0 || info.dli_fname == NULL) {
        host_log("cannot find the plugin's own file (dladdr failed)");
        return -1;
    }
    char so_path[PATH_MAX];
    if (realpath(info.dli_fname, so_path) == NULL) {
        host_log("cannot resolve %s: %s", info.dli_fname, strerror(errno));
        return -1;
    }
    /* .../Contents/x86_64-linux/HapticController.so -> .../Contents */
    char *slash = strrchr(so_path, '/');
    if (slash != NULL) {
        *slash = '\0';
    }
    slash = strrchr(so_path, '/');
    if (slash != NULL) {
        *slash = '\0';
    }
    b->resources_dir = join(so_path, "Resources");
    if (b->resources_dir == NULL) {
        return -1;
    }
    b->conf_path = join(b->resources_dir, "haptic-plugin.conf");
    if (b->conf_path == NULL) {
        plugin_bundle_free(b);
        return -1;
    }
    read_conf(b);
    return 0;
}

void plugin_bundle_free(plugin_bundle *b) {
    free(b->resources_dir);
    free(b->conf_path);
    free(b->jvm);
    free(b->java_home);
    free(b->options);
    free(b->log);
    memset(b, 0, sizeof *b);
}
