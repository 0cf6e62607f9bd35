/*
 * The one JVM of the host process, shared by every plugin instance: found or started on first use, with
 * haptic.plugin.HapticPlugin resolved and its method IDs cached once (see haptic-plugin/JNI.md).
 */
#ifndef HAPTIC_JAVA_RUNTIME_H
#define HAPTIC_JAVA_RUNTIME_H

#include "plugin_bundle.h"

#include <jni.h>

typedef struct {
    JavaVM *vm;
    jclass plugin_class; /* global reference */
    jmethodID construct;
    jmethodID event_buffer;
    jmethodID event_capacity;
    jmethodID setup_processing;
    jmethodID set_active;
    jmethodID set_processing;
    jmethodID process;
    jmethodID latency_samples;
    jmethodID parameter_count;
    jmethodID parameter_info;
    jmethodID get_parameter;
    jmethodID set_parameter;
    jmethodID parameter_to_string;
    jmethodID parameter_from_string;
    jmethodID normalized_to_plain;
    jmethodID plain_to_normalized;
    jmethodID midi_controller_to_parameter;
    jmethodID get_state;
    jmethodID set_state;
    jmethodID dispose;
} java_runtime;

/*
 * The running JVM with the plugin class loaded, or NULL after logging why not (no JVM found, it failed to
 * start, the classes are missing). Blocks while the JVM starts. Thread-safe.
 */
const java_runtime *java_runtime_start(const plugin_bundle *bundle);

/*
 * The calling thread's JNIEnv. A host thread is attached as a daemon on its first call and stays attached
 * until it exits (never detached per call), so only the first call on a thread allocates.
 */
JNIEnv *java_runtime_env(const java_runtime *rt);

/* If a Java exception is pending: clears it and logs it with its stack trace. Returns 1 if there was one.
 * Like java_runtime_report_throwable, never called on the audio thread: logging may block. */
int java_runtime_report_exception(JNIEnv *env, const char *during);
/* Logs a throwable kept from earlier (the audio thread cannot log), with its stack trace. */
void java_runtime_report_throwable(JNIEnv *env, jthrowable thrown, const char *during);

#endif
