/* The plugin's messages, for the person looking at the host: stderr plus an optional log file. */
#ifndef HAPTIC_HOST_LOG_H
#define HAPTIC_HOST_LOG_H

#include <stdarg.h>

/* Appends to path from now on (NULL or "" = stderr only). Creates missing parent directories. */
void host_log_open(const char *path);
void host_log_close(void);
/* One line, prefixed with "haptic-plugin: ". Not for the audio thread. */
void host_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Raw text as the JVM prints it (partial lines allowed); the JVM's vfprintf hook. */
int host_log_raw(const char *fmt, va_list args);

#endif
