#include "host_log.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static FILE *file;

static void make_parents(const char *path) {
    char *copy = strdup(path);
    if (copy == NULL) {
        return;
    }
    for (char *p = copy + 1; *p != '\0'; p++) {
        if (*p == '/') {
            *p = '\0';
            if (mkdir(copy, 0700) != 0 && errno != EEXIST) {
                break;
            }
            *p = '/';
        }
    }
    free(copy);
}

void host_log_open(const char *path) {
    pthread_mutex_lock(&lock);
    if (file != NULL) {
        fclose(file);
        file = NULL;
    }
    if (path != NULL && path[0] != '\0') {
        make_parents(path);
        file = fopen(path, "a");
        if (file == NULL) {
            fprintf(stderr, "haptic-plugin: cannot open log file %s: %s\n", path, strerror(errno));
        }
    }
    pthread_mutex_unlock(&lock);
}

void host_log_close(void) {
    pthread_mutex_lock(&lock);
    if (file != NULL) {
        fclose(file);
        file = NULL;
    }
    pthread_mutex_unlock(&lock);
}

void host_log(const char *fmt, ...) {
    char message[2048];
    va_list args;
    va_start(args, fmt);
    vsnprintf(message, sizeof message, fmt, args);
    va_end(args);

    pthread_mutex_lock(&lock);
    fprintf(stderr, "haptic-plugin: %s\n", message);
    fflush(stderr);
    if (file != NULL) {
        char stamp[32];
        time_t now = time(NULL);
        struct tm local;
        localtime_r(&now, &local);
        strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%S", &local);
        fprintf(file, "%s haptic-plugin: %s\n", stamp, message);
        fflush(file);
    }
    pthread_mutex_unlock(&lock);
}

int host_log_raw(const char *fmt, va_list args) {
    va_list copy;
    va_copy(copy, args);
    pthread_mutex_lock(&lock);
    int n = vfprintf(stderr, fmt, args);
    fflush(stderr);
    if (file != NULL) {
        vfprintf(file, fmt, copy);
        fflush(file);
    }
    pthread_mutex_unlock(&lock);
    va_end(copy);
    return n;
}
