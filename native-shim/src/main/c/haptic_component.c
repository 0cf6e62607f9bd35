#include "haptic_component.h"

#include "host_log.h"
#include "utf16_text.h"

#include <stdlib.h>
#include <string.h>

/* Records staged per block before the Java buffer's batches: a few Java buffers' worth. */
#define STAGED_BUFFERS 4
#define MIN_STAGED_RECORDS 4096

static const vst_component_vtbl component_vtbl;

/* ---- reference counting and interfaces -------------------------------------------------------- */

tresult haptic_component_query(haptic_component *c, const char *iid, void **obj) {
    if (obj == NULL) {
        return VST_INVALID_ARGUMENT;
    }
    void *found = NULL;
    if (vst_iid_equal(iid, VST_IID_FUNKNOWN) || vst_iid_equal(iid, VST_IID_PLUGIN_BASE)
        || vst_iid_equal(iid, VST_IID_COMPONENT)) {
        found = &c->component;
    } else if (vst_iid_equal(iid, VST_IID_AUDIO_PROCESSOR)) {
        found = &c->processor;
    } else if (vst_iid_equal(iid, VST_IID_EDIT_CONTROLLER)) {
        found = &c->controller;
    } else if (vst_iid_equal(iid, VST_IID_MIDI_MAPPING)) {
        found = &c->midi_mapping;
    } else if (vst_iid_equal(iid, VST_IID_NOTE_EXPRESSION_CONTROLLER)) {
        found = &c->note_expression;
    } else if (vst_iid_equal(iid, VST_IID_PROCESS_CONTEXT_REQUIREMENTS)) {
        found = &c->context_requirements;
    }
    *obj = found;
    if (found == NULL) {
        return VST_NO_INTERFACE;
    }
    haptic_component_add_ref(c);
    return VST_OK;
}

uint32_t haptic_component_add_ref(haptic_component *c) {
    return atomic_fetch_add(&c->refs, 1) + 1;
}

static void destroy(haptic_component *c) {
    while (c->initialized > 0) {
        host_log("instance released while still initialized: terminating it now");
        haptic_component_terminate(c);
    }
    free(c->resources_dir);
    free(c);
}

uint32_t haptic_component_release(haptic_component *c) {
    uint32_t left = atomic_fetch_sub(&c->refs, 1) - 1;
    if (left == 0) {
        destroy(c);
    }
    return left;
}

/* ---- Java access ------------------------------------------------------------------------------ */

JNIEnv *component_enter(haptic_component *c) {
    if (c->plugin == NULL) {
        return NULL;
    }
    JNIEnv *env = java_runtime_env(c->rt);
    if (env == NULL) {
        host_log("cannot attach this thread to the JVM");
        return NULL;
    }
    if ((*env)->PushLocalFrame(env, 16) != JNI_OK) {
        (*env)->ExceptionClear(env);
        return NULL;
    }
    return env;
}

void component_leave(JNIEnv *env) {
    (*env)->PopLocalFrame(env, NULL);
}

/* Host thread (setActive(false), terminate): logs what process() could not. */
void component_report_process_failures(haptic_component *c, JNIEnv *env) {
    unsigned failures;
    jobject first = failure_handoff_take(&c->process_failure, &failures);
    if (failures == 0 && first == NULL) {
        return;
    }
    host_log("Java's process() threw %u exception(s)%s", failures, first != NULL ? "; the first:" : "");
    if (first != NULL) {
        java_runtime_report_throwable(env, first, "process()");
        (*env)->DeleteGlobalRef(env, first);
    }
}

/* ---- lifecycle -------------------------------------------------------------------------------- */

static void release_host_objects(haptic_component *c) {
    if (c->handler != NULL) {
        c->handler->vtbl->release(c->handler);
        c->handler = NULL;
    }
    if (c->host_context != NULL) {
        c->host_context->vtbl->release(c->host_context);
        c->host_context = NULL;
    }
}

static void drop_java(haptic_component *c, JNIEnv *env) {
    unsigned ignored;
    jobject unreported = failure_handoff_take(&c->process_failure, &ignored);
    if (unreported != NULL) {
        (*env)->DeleteGlobalRef(env, unreported);
    }
    if (c->event_buffer != NULL) {
        (*env)->DeleteGlobalRef(env, c->event_buffer);
        c->event_buffer = NULL;
    }
    if (c->plugin != NULL) {
        (*env)->DeleteGlobalRef(env, c->plugin);
        c->plugin = NULL;
    }
    c->java_records = NULL;
    block_events_free(&c->events);
}

static void send_records(void *context, const event_record *records, int count, int final);

/* Creates the Java object and takes its event buffer; 0 on success, else everything is undone. */
static int create_java_side(haptic_component *c, JNIEnv *env) {
    const java_runtime *rt = c->rt;
    jstring dir = (*env)->NewStringUTF(env, c->resources_dir);
    jobject plugin = dir != NULL ? (*env)->NewObject(env, rt->plugin_class, rt->construct, dir) : NULL;
    if (plugin == NULL) {
        java_runtime_report_exception(env, "new HapticPlugin()");
        return -1;
    }
    c->plugin = (*env)->NewGlobalRef(env, plugin);
    jobject buffer = (*env)->CallObjectMethod(env, plugin, rt->event_buffer);
    if (java_runtime_report_exception(env, "eventBuffer()")) {
        drop_java(c, env);
        return -1;
    }
    jint capacity = (*env)->CallIntMethod(env, plugin, rt->event_capacity);
    if (java_runtime_report_exception(env, "eventCapacity()") || buffer == NULL || capacity <= 0) {
        host_log("the Java side gave no usable event buffer");
        drop_java(c, env);
        return -1;
    }
    void *address = (*env)->GetDirectBufferAddress(env, buffer);
    jlong bytes = (*env)->GetDirectBufferCapacity(env, buffer);
    if (address == NULL || bytes < (jlong)capacity * (jlong)sizeof(event_record)) {
        host_log("the event buffer is not direct or smaller than %d records of %zu bytes", (int)capacity,
                 sizeof(event_record));
        drop_java(c, env);
        return -1;
    }
    c->event_buffer = (*env)->NewGlobalRef(env, buffer);
    c->java_records = address;
    c->java_capacity = capacity;
    int staged = capacity * STAGED_BUFFERS > MIN_STAGED_RECORDS ? capacity * STAGED_BUFFERS : MIN_STAGED_RECORDS;
    if (c->event_buffer == NULL || block_events_init(&c->events, staged, send_records, c) != 0) {
        host_log("out of memory for the event staging area");
        drop_java(c, env);
        return -1;
    }
    return 0;
}

tresult haptic_component_initialize(haptic_component *c, vst_funknown *context) {
    if (c->initialized > 0) {
        c->initialized++;
        return VST_OK;
    }
    JNIEnv *env = java_runtime_env(c->rt);
    if (env == NULL || (*env)->PushLocalFrame(env, 16) != JNI_OK) {
        host_log("cannot attach the host thread to the JVM");
        return VST_FALSE;
    }
    int failed = create_java_side(c, env);
    (*env)->PopLocalFrame(env, NULL);
    if (failed) {
        return VST_FALSE;
    }
    if (context != NULL) {
        context->vtbl->add_ref(context);
        c->host_context = context;
    }
    c->initialized = 1;
    return VST_OK;
}

tresult haptic_component_terminate(haptic_component *c) {
    if (c->initialized == 0) {
        return VST_FALSE;
    }
    if (--c->initialized > 0) {
        return VST_OK;
    }
    JNIEnv *env = java_runtime_env(c->rt);
    if (env != NULL) {
        (*env)->CallVoidMethod(env, c->plugin, c->rt->dispose);
        java_runtime_report_exception(env, "dispose()");
        component_report_process_failures(c, env);
        drop_java(c, env);
    }
    release_host_objects(c);
    return VST_OK;
}

/* ---- the record sink: batches into Java's buffer, on the audio thread ------------------------- */

/* HapticPlugin.FIRST_BATCH / LAST_BATCH: which calls of one host block these are. */
#define BATCH_FIRST 1
#define BATCH_LAST 2

static void send_records(void *context, const event_record *records, int count, int final) {
    haptic_component *c = context;
    JNIEnv *env = c->process_env;
    int sent = 0;
    do {
        int n = count - sent;
        int last = final && n <= c->java_capacity;
        if (n > c->java_capacity) {
            n = c->java_capacity;
        }
        memcpy(c->java_records, records + sent, (size_t)n * sizeof *records);
        jint batch = (c->process_first_batch ? BATCH_FIRST : 0) | (last ? BATCH_LAST : 0);
        c->process_first_batch = 0;
        (*env)->CallVoidMethod(env, c->plugin, c->rt->process, (jint)n, (jint)c->process_samples, batch,
                               (jint)c->context_state, (jlong)c->context_system_time,
                               (jlong)c->context_project_samples);
        if ((*env)->ExceptionCheck(env)) {
            jthrowable thrown = (*env)->ExceptionOccurred(env);
            (*env)->ExceptionClear(env);
            if (failure_handoff_count(&c->process_failure)) {
                jobject kept = (*env)->NewGlobalRef(env, thrown);
                if (kept != NULL && failure_handoff_offer(&c->process_failure, kept) != 0) {
                    (*env)->DeleteGlobalRef(env, kept);
                }
            }
            (*env)->DeleteLocalRef(env, thrown);
        }
        sent += n;
    } while (sent < count);
}

/* ---- IComponent ------------------------------------------------------------------------------- */

static tresult c_query(vst_component *self, const char *iid, void **obj) {
    return haptic_component_query(COMPONENT_OF(self, component), iid, obj);
}

static uint32_t c_add_ref(vst_component *self) {
    return haptic_component_add_ref(COMPONENT_OF(self, component));
}

static uint32_t c_release(vst_component *self) {
    return haptic_component_release(COMPONENT_OF(self, component));
}

static tresult c_initialize(vst_component *self, vst_funknown *context) {
    return haptic_component_initialize(COMPONENT_OF(self, component), context);
}

static tresult c_terminate(vst_component *self) {
    return haptic_component_terminate(COMPONENT_OF(self, component));
}

/* Single component: the controller is this object, reached through queryInterface. */
static tresult c_get_controller_class_id(vst_component *self, char *class_id) {
    (void)self;
    if (class_id != NULL) {
        memset(class_id, 0, sizeof(vst_tuid));
    }
    return VST_NOT_IMPLEMENTED;
}

static tresult c_set_io_mode(vst_component *self, int32_t mode) {
    (void)self;
    (void)mode;
    return VST_NOT_IMPLEMENTED;
}

static int32_t c_get_bus_count(vst_component *self, int32_t type, int32_t dir) {
    (void)self;
    if (type == VST_MEDIA_EVENT && dir == VST_BUS_INPUT) {
        return 1;
    }
    if (type == VST_MEDIA_AUDIO && dir == VST_BUS_OUTPUT) {
        return 1;
    }
    return 0;
}

static tresult c_get_bus_info(vst_component *self, int32_t type, int32_t dir, int32_t index, vst_bus_info *bus) {
    (void)self;
    if (bus == NULL || index != 0) {
        return VST_INVALID_ARGUMENT;
    }
    memset(bus, 0, sizeof *bus);
    bus->media_type = type;
    bus->direction = dir;
    bus->bus_type = VST_BUS_MAIN;
    bus->flags = VST_BUS_DEFAULT_ACTIVE;
    if (type == VST_MEDIA_EVENT && dir == VST_BUS_INPUT) {
        bus->channel_count = 16;
        utf16_from_utf8(bus->name, 128, "MIDI/MPE In");
        return VST_OK;
    }
    if (type == VST_MEDIA_AUDIO && dir == VST_BUS_OUTPUT) {
        /* Hosts expect an instrument to have an output; the vibration goes to the server, so it is silent. */
        bus->channel_count = 2;
        utf16_from_utf8(bus->name, 128, "Silent Out");
        return VST_OK;
    }
    return VST_INVALID_ARGUMENT;
}

static tresult c_get_routing_info(vst_component *self, vst_routing_info *in, vst_routing_info *out) {
    (void)self;
    if (in == NULL || out == NULL || in->media_type != VST_MEDIA_EVENT || in->bus_index != 0) {
        return VST_FALSE;
    }
    out->media_type = VST_MEDIA_AUDIO;
    out->bus_index = 0;
    out->channel = -1;
    return VST_OK;
}

static tresult c_activate_bus(vst_component *self, int32_t type, int32_t dir, int32_t index, vst_bool state) {
    haptic_component *c = COMPONENT_OF(self, component);
    if (index != 0) {
        return VST_INVALID_ARGUMENT;
    }
    if (type == VST_MEDIA_EVENT && dir == VST_BUS_INPUT) {
        c->event_bus_active = state != 0;
        return VST_OK;
    }
    if (type == VST_MEDIA_AUDIO && dir == VST_BUS_OUTPUT) {
        c->audio_bus_active = state != 0;
        return VST_OK;
    }
    return VST_INVALID_ARGUMENT;
}

static tresult c_set_active(vst_component *self, vst_bool state) {
    haptic_component *c = COMPONENT_OF(self, component);
    JNIEnv *env = component_enter(c);
    if (env == NULL) {
        return VST_NOT_INITIALIZED;
    }
    (*env)->CallVoidMethod(env, c->plugin, c->rt->set_active, (jboolean)(state != 0));
    int failed = java_runtime_report_exception(env, "setActive()");
    if (!state) {
        block_events_reset_notes(&c->events);
        component_report_process_failures(c, env);
    }
    component_leave(env);
    return failed ? VST_FALSE : VST_OK;
}

static tresult c_set_state(vst_component *self, vst_bstream *state) {
    return component_read_state(COMPONENT_OF(self, component), state);
}

static tresult c_get_state(vst_component *self, vst_bstream *state) {
    return component_write_state(COMPONENT_OF(self, component), state);
}

static const vst_component_vtbl component_vtbl = {
    c_query, c_add_ref, c_release,
    c_initialize, c_terminate,
    c_get_controller_class_id, c_set_io_mode, c_get_bus_count, c_get_bus_info, c_get_routing_info,
    c_activate_bus, c_set_active, c_set_state, c_get_state,
};

haptic_component *haptic_component_create(const java_runtime *rt, const char *resources_dir) {
    haptic_component *c = calloc(1, sizeof *c);
    if (c == NULL) {
        return NULL;
    }
    c->resources_dir = strdup(resources_dir);
    if (c->resources_dir == NULL) {
        free(c);
        return NULL;
    }
    c->component.vtbl = &component_vtbl;
    c->processor.vtbl = &component_processor_vtbl;
    c->controller.vtbl = &component_controller_vtbl;
    c->midi_mapping.vtbl = &component_midi_mapping_vtbl;
    c->note_expression.vtbl = &component_note_expression_vtbl;
    c->context_requirements.vtbl = &component_context_requirements_vtbl;
    atomic_init(&c->refs, 1);
    failure_handoff_init(&c->process_failure);
    c->rt = rt;
    c->event_bus_active = 1;
    c->audio_bus_active = 1;
    c->setup.sample_rate = 48000;
    c->setup.max_samples_per_block = 1024;
    return c;
}
