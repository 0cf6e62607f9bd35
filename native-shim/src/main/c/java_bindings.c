/* What the shim looks up inside a running JVM, once: the plugin's methods (table-driven), the classes that
 * turn a throwable into a logged stack trace, and the build identity line. Starting the JVM is
 * java_runtime.c. */
#include "java_bindings.h"

#include "host_log.h"

#include <stddef.h>

/* Stack traces for the log, resolved at bootstrap so reporting never needs a lookup that could fail. */
static struct {
    jclass string_writer;
    jmethodID string_writer_new;
    jclass print_writer;
    jmethodID print_writer_new;
    jmethodID print_stack_trace;
    jmethodID to_string;
} trace;

/* ---- exceptions ------------------------------------------------------------------------------- */

/* Any attached thread but the audio thread. */
static void log_java_string(JNIEnv *env, jstring s, const char *during) {
    const char *text = s != NULL ? (*env)->GetStringUTFChars(env, s, NULL) : NULL;
    host_log("Java exception during %s: %s", during, text != NULL ? text : "(no description)");
    if (text != NULL) {
        (*env)->ReleaseStringUTFChars(env, s, text);
    }
}

/* Any attached thread but the audio thread, which cannot log and hands its failures on instead. */
void java_runtime_report_throwable(JNIEnv *env, jthrowable thrown, const char *during) {
    if ((*env)->PushLocalFrame(env, 8) != JNI_OK) {
        (*env)->ExceptionClear(env);
        host_log("Java exception during %s (no memory to describe it)", during);
        return;
    }
    jstring text = NULL;
    if (trace.print_stack_trace != NULL) {
        jobject sw = (*env)->NewObject(env, trace.string_writer, trace.string_writer_new);
        jobject pw = sw != NULL ? (*env)->NewObject(env, trace.print_writer, trace.print_writer_new, sw) : NULL;
        if (pw != NULL) {
            (*env)->CallVoidMethod(env, thrown, trace.print_stack_trace, pw);
            if (!(*env)->ExceptionCheck(env)) {
                text = (*env)->CallObjectMethod(env, sw, trace.to_string);
            }
        }
        (*env)->ExceptionClear(env);
    }
    if (text == NULL && trace.to_string != NULL) {
        text = (*env)->CallObjectMethod(env, thrown, trace.to_string);
        (*env)->ExceptionClear(env);
    }
    log_java_string(env, text, during);
    (*env)->PopLocalFrame(env, NULL);
}

/* Any attached thread but the audio thread: host threads after a call into Java, the start thread at
 * bootstrap. */
int java_runtime_report_exception(JNIEnv *env, const char *during) {
    jthrowable thrown = (*env)->ExceptionOccurred(env);
    if (thrown == NULL) {
        return 0;
    }
    (*env)->ExceptionClear(env);
    java_runtime_report_throwable(env, thrown, during);
    (*env)->DeleteLocalRef(env, thrown);
    return 1;
}

/* The start thread (run by java_runtime_start while it holds the start lock). */
jclass java_bindings_find_class(JNIEnv *env, const char *name) {
    jclass c = (*env)->FindClass(env, name);
    if (c == NULL) {
        (*env)->ExceptionClear(env);
    }
    return c;
}

/* The start thread, before the plugin class is loaded, so that a failure to load it has a trace. */
int java_bindings_resolve_trace(JNIEnv *env) {
    jclass object = java_bindings_find_class(env, "java/lang/Object");
    jclass throwable = object != NULL ? java_bindings_find_class(env, "java/lang/Throwable") : NULL;
    jclass sw = throwable != NULL ? java_bindings_find_class(env, "java/io/StringWriter") : NULL;
    jclass pw = sw != NULL ? java_bindings_find_class(env, "java/io/PrintWriter") : NULL;
    if (pw == NULL) {
        return -1;
    }
    trace.to_string = (*env)->GetMethodID(env, object, "toString", "()Ljava/lang/String;");
    trace.string_writer_new = (*env)->GetMethodID(env, sw, "<init>", "()V");
    trace.print_writer_new = (*env)->GetMethodID(env, pw, "<init>", "(Ljava/io/Writer;)V");
    jmethodID print = (*env)->GetMethodID(env, throwable, "printStackTrace", "(Ljava/io/PrintWriter;)V");
    if (trace.to_string == NULL || trace.string_writer_new == NULL || trace.print_writer_new == NULL
        || print == NULL) {
        (*env)->ExceptionClear(env);
        return -1;
    }
    trace.string_writer = (*env)->NewGlobalRef(env, sw);
    trace.print_writer = (*env)->NewGlobalRef(env, pw);
    trace.print_stack_trace = print;
    return 0;
}

/* The plugin's methods the shim calls (haptic-plugin/JNI.md), one row each: resolved in one loop, and a
 * jar that lacks any of them is named in the log. */
static const struct {
    const char *name;
    const char *signature;
    size_t slot;
} PLUGIN_METHODS[] = {
    {"<init>", "(Ljava/lang/String;)V", offsetof(java_runtime, construct)},
    {"eventBuffer", "()Ljava/nio/ByteBuffer;", offsetof(java_runtime, event_buffer)},
    {"eventCapacity", "()I", offsetof(java_runtime, event_capacity)},
    {"setupProcessing", "(DI)V", offsetof(java_runtime, setup_processing)},
    {"setActive", "(Z)V", offsetof(java_runtime, set_active)},
    {"setProcessing", "(Z)V", offsetof(java_runtime, set_processing)},
    {"process", "(IIIIJJ)V", offsetof(java_runtime, process)},
    {"latencySamples", "()I", offsetof(java_runtime, latency_samples)},
    {"parameterCount", "()I", offsetof(java_runtime, parameter_count)},
    {"parameterInfo", "(I)Ljava/lang/String;", offsetof(java_runtime, parameter_info)},
    {"getParameter", "(I)D", offsetof(java_runtime, get_parameter)},
    {"setParameter", "(ID)V", offsetof(java_runtime, set_parameter)},
    {"parameterToString", "(ID)Ljava/lang/String;", offsetof(java_runtime, parameter_to_string)},
    {"parameterFromString", "(ILjava/lang/String;)D", offsetof(java_runtime, parameter_from_string)},
    {"normalizedToPlain", "(ID)D", offsetof(java_runtime, normalized_to_plain)},
    {"plainToNormalized", "(ID)D", offsetof(java_runtime, plain_to_normalized)},
    {"midiControllerToParameter", "(II)I", offsetof(java_runtime, midi_controller_to_parameter)},
    {"getState", "()[B", offsetof(java_runtime, get_state)},
    {"setState", "([B)Z", offsetof(java_runtime, set_state)},
    {"dispose", "()V", offsetof(java_runtime, dispose)},
};

/* The start thread. */
int java_bindings_resolve_plugin(JNIEnv *env, java_runtime *rt) {
    int failed = 0;
    for (size_t i = 0; i < sizeof PLUGIN_METHODS / sizeof PLUGIN_METHODS[0]; i++) {
        jmethodID id = (*env)->GetMethodID(env, rt->plugin_class, PLUGIN_METHODS[i].name, PLUGIN_METHODS[i].signature);
        if (id == NULL) {
            (*env)->ExceptionClear(env);
            host_log("%s has no method %s%s: the jar does not match this shim (see haptic-plugin/JNI.md)",
                     JAVA_BINDINGS_PLUGIN_CLASS, PLUGIN_METHODS[i].name, PLUGIN_METHODS[i].signature);
            failed = -1;
        }
        *(jmethodID *)((char *)rt + PLUGIN_METHODS[i].slot) = id;
    }
    return failed;
}

/* The start thread. */
void java_bindings_log_identity(JNIEnv *env, const java_runtime *rt, const char *libjvm) {
    jmethodID identity = (*env)->GetStaticMethodID(env, rt->plugin_class, "buildIdentity",
                                                   "()Ljava/lang/String;");
    jstring text = identity != NULL ? (*env)->CallStaticObjectMethod(env, rt->plugin_class, identity) : NULL;
    if (java_runtime_report_exception(env, "buildIdentity()")) {
        return;
    }
    jclass system = java_bindings_find_class(env, "java/lang/System");
    jmethodID property = system != NULL ? (*env)->GetStaticMethodID(env, system, "getProperty",
                                                                    "(Ljava/lang/String;)Ljava/lang/String;")
                                        : NULL;
    jstring key = property != NULL ? (*env)->NewStringUTF(env, "java.vm.version") : NULL;
    jstring vm_version = key != NULL ? (*env)->CallStaticObjectMethod(env, system, property, key) : NULL;
    (*env)->ExceptionClear(env);
    const char *id = text != NULL ? (*env)->GetStringUTFChars(env, text, NULL) : NULL;
    const char *version = vm_version != NULL ? (*env)->GetStringUTFChars(env, vm_version, NULL) : NULL;
    host_log("%s; Java %s (%s)", id != NULL ? id : "(no build identity)", version != NULL ? version : "?",
             libjvm);
    if (id != NULL) {
        (*env)->ReleaseStringUTFChars(env, text, id);
    }
    if (version != NULL) {
        (*env)->ReleaseStringUTFChars(env, vm_version, version);
    }
}

