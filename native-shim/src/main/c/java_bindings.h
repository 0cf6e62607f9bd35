/* Lookups inside the running JVM: see java_bindings.c. */
#ifndef HAPTIC_JAVA_BINDINGS_H
#define HAPTIC_JAVA_BINDINGS_H

#include "java_runtime.h"

#include <jni.h>

#define JAVA_BINDINGS_PLUGIN_CLASS "haptic/plugin/HapticPlugin"

/* FindClass that leaves no exception pending: NULL if the class is missing. */
jclass java_bindings_find_class(JNIEnv *env, const char *name);
/* Resolves what java_runtime_report_throwable needs; -1 if the JVM lacks it (traces are then left out). */
int java_bindings_resolve_trace(JNIEnv *env);
/* Fills every method ID of rt from rt->plugin_class; -1 (after naming each missing method) if any is absent. */
int java_bindings_resolve_plugin(JNIEnv *env, java_runtime *rt);
/* Logs the plugin's build identity and the Java version. */
void java_bindings_log_identity(JNIEnv *env, const java_runtime *rt, const char *libjvm);

#endif
