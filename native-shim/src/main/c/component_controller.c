/* IEditController and IMidiMapping of the component: parameters and MIDI mapping are all Java's. */
#include "haptic_component.h"

#include "c_number.h"
#include "host_log.h"
#include "utf16_text.h"

#include <math.h>
#include <string.h>

#define INFO_FIELDS 7
#define INFO_TEXT_MAX 1024

static void copy_field(vst_char16 *dst, const vst_char16 *src, size_t length) {
    if (length > 127) {
        length = 127;
    }
    memcpy(dst, src, length * sizeof *src);
    dst[length] = 0;
}

/* Copies a Java string into a String128, truncating; 0 on success. */
static int to_string128(JNIEnv *env, jstring s, vst_char16 *out) {
    if (s == NULL) {
        return -1;
    }
    jsize length = (*env)->GetStringLength(env, s);
    if (length > 127) {
        length = 127;
    }
    (*env)->GetStringRegion(env, s, 0, length, (jchar *)out);
    out[length] = 0;
    return 0;
}

/*
 * "id\ttitle\tshortTitle\tunits\tstepCount\tdefaultNormalized\tflags" (JNI.md) -> ParameterInfo.
 */
static int parse_parameter_info(const vst_char16 *text, size_t length, vst_parameter_info *info) {
    size_t start[INFO_FIELDS];
    size_t end[INFO_FIELDS];
    int field = 0;
    start[0] = 0;
    for (size_t i = 0; i <= length && field < INFO_FIELDS; i++) {
        if (i == length || text[i] == '\t') {
            end[field] = i;
            field++;
            if (field < INFO_FIELDS) {
                start[field] = i + 1;
            }
        }
    }
    if (field != INFO_FIELDS || end[INFO_FIELDS - 1] != length) {
        return -1;
    }
    double id;
    double steps;
    double def;
    double flags;
    if (c_number_parse(text + start[0], end[0] - start[0], 1, &id) != 0
        || c_number_parse(text + start[4], end[4] - start[4], 1, &steps) != 0
        || c_number_parse(text + start[5], end[5] - start[5], 1, &def) != 0
        || c_number_parse(text + start[6], end[6] - start[6], 1, &flags) != 0 || id < 0 || id > 0x7FFFFFFF) {
        return -1;
    }
    memset(info, 0, sizeof *info);
    info->id = (vst_param_id)id;
    copy_field(info->title, text + start[1], end[1] - start[1]);
    copy_field(info->short_title, text + start[2], end[2] - start[2]);
    copy_field(info->units, text + start[3], end[3] - start[3]);
    info->step_count = (int32_t)steps;
    info->default_normalized_value = def;
    info->unit_id = 0; /* the root unit */
    info->flags = (int32_t)flags;
    return 0;
}

/* ---- IEditController -------------------------------------------------------------------------- */

static tresult e_query(vst_edit_controller *self, const char *iid, void **obj) {
    return haptic_component_query(COMPONENT_OF(self, controller), iid, obj);
}

static uint32_t e_add_ref(vst_edit_controller *self) {
    return haptic_component_add_ref(COMPONENT_OF(self, controller));
}

static uint32_t e_release(vst_edit_controller *self) {
    return haptic_component_release(COMPONENT_OF(self, controller));
}

static tresult e_initialize(vst_edit_controller *self, vst_funknown *context) {
    return haptic_component_initialize(COMPONENT_OF(self, controller), context);
}

static tresult e_terminate(vst_edit_controller *self) {
    return haptic_component_terminate(COMPONENT_OF(self, controller));
}

/* The component's state already lives in this same object. */
static tresult e_set_component_state(vst_edit_controller *self, vst_bstream *state) {
    (void)self;
    (void)state;
    return VST_OK;
}

/* Controller-only state: none, everything is in the component state. */
static tresult e_set_state(vst_edit_controller *self, vst_bstream *state) {
    (void)self;
    (void)state;
    return VST_OK;
}

static tresult e_get_state(vst_edit_controller *self, vst_bstream *state) {
    (void)self;
    (void)state;
    return VST_OK;
}

static int32_t e_get_parameter_count(vst_edit_controller *self) {
    haptic_component *c = COMPONENT_OF(self, controller);
    JNIEnv *env = component_enter(c);
    if (env == NULL) {
        return 0;
    }
    jint n = (*env)->CallIntMethod(env, c->plugin, c->rt->parameter_count);
    if (java_runtime_report_exception(env, "parameterCount()")) {
        n = 0;
    }
    component_leave(env);
    return n;
}

static tresult e_get_parameter_info(vst_edit_controller *self, int32_t index, vst_parameter_info *info) {
    haptic_component *c = COMPONENT_OF(self, controller);
    if (info == NULL) {
        return VST_INVALID_ARGUMENT;
    }
    JNIEnv *env = component_enter(c);
    if (env == NULL) {
        return VST_NOT_INITIALIZED;
    }
    tresult result = VST_INVALID_ARGUMENT;
    jstring text = (*env)->CallObjectMethod(env, c->plugin, c->rt->parameter_info, (jint)index);
    if (!java_runtime_report_exception(env, "parameterInfo()") && text != NULL) {
        vst_char16 chars[INFO_TEXT_MAX];
        jsize length = (*env)->GetStringLength(env, text);
        if (length > 0 && length <= INFO_TEXT_MAX) {
            (*env)->GetStringRegion(env, text, 0, length, (jchar *)chars);
            if (parse_parameter_info(chars, (size_t)length, info) == 0) {
                result = VST_OK;
            } else {
                host_log("parameterInfo(%d) is not \"id\\ttitle\\tshort\\tunits\\tsteps\\tdefault\\tflags\"", index);
            }
        }
    }
    component_leave(env);
    return result;
}

static tresult e_get_param_string_by_value(vst_edit_controller *self, vst_param_id id, double value,
                                           vst_char16 *string) {
    haptic_component *c = COMPONENT_OF(self, controller);
    if (string == NULL) {
        return VST_INVALID_ARGUMENT;
    }
    JNIEnv *env = component_enter(c);
    if (env == NULL) {
        return VST_NOT_INITIALIZED;
    }
    jstring text = (*env)->CallObjectMethod(env, c->plugin, c->rt->parameter_to_string, (jint)id, (jdouble)value);
    int failed = java_runtime_report_exception(env, "parameterToString()") || to_string128(env, text, string) != 0;
    component_leave(env);
    return failed ? VST_FALSE : VST_OK;
}

static tresult e_get_param_value_by_string(vst_edit_controller *self, vst_param_id id, vst_char16 *string,
                                           double *value) {
    haptic_component *c = COMPONENT_OF(self, controller);
    if (string == NULL || value == NULL) {
        return VST_INVALID_ARGUMENT;
    }
    JNIEnv *env = component_enter(c);
    if (env == NULL) {
        return VST_NOT_INITIALIZED;
    }
    jstring text = (*env)->NewString(env, (const jchar *)string, (jsize)utf16_length(string, 1024));
    double v = text != NULL ? (*env)->CallDoubleMethod(env, c->plugin, c->rt->parameter_from_string, (jint)id, text)
                            : NAN;
    int failed = java_runtime_report_exception(env, "parameterFromString()") || isnan(v);
    component_leave(env);
    if (failed) {
        return VST_FALSE;
    }
    *value = v;
    return VST_OK;
}

static double call_double(haptic_component *c, jmethodID method, vst_param_id id, double arg, int with_arg,
                          const char *name) {
    JNIEnv *env = component_enter(c);
    if (env == NULL) {
        return 0;
    }
    double v = with_arg ? (*env)->CallDoubleMethod(env, c->plugin, method, (jint)id, (jdouble)arg)
                        : (*env)->CallDoubleMethod(env, c->plugin, method, (jint)id);
    if (java_runtime_report_exception(env, name)) {
        v = 0;
    }
    component_leave(env);
    return v;
}

static double e_normalized_param_to_plain(vst_edit_controller *self, vst_param_id id, double value) {
    haptic_component *c = COMPONENT_OF(self, controller);
    return call_double(c, c->rt->normalized_to_plain, id, value, 1, "normalizedToPlain()");
}

static double e_plain_param_to_normalized(vst_edit_controller *self, vst_param_id id, double plain) {
    haptic_component *c = COMPONENT_OF(self, controller);
    return call_double(c, c->rt->plain_to_normalized, id, plain, 1, "plainToNormalized()");
}

static double e_get_param_normalized(vst_edit_controller *self, vst_param_id id) {
    haptic_component *c = COMPONENT_OF(self, controller);
    return call_double(c, c->rt->get_parameter, id, 0, 0, "getParameter()");
}

static tresult e_set_param_normalized(vst_edit_controller *self, vst_param_id id, double value) {
    haptic_component *c = COMPONENT_OF(self, controller);
    JNIEnv *env = component_enter(c);
    if (env == NULL) {
        return VST_NOT_INITIALIZED;
    }
    (*env)->CallVoidMethod(env, c->plugin, c->rt->set_parameter, (jint)id, (jdouble)value);
    int failed = java_runtime_report_exception(env, "setParameter()");
    component_leave(env);
    return failed ? VST_FALSE : VST_OK;
}

static tresult e_set_component_handler(vst_edit_controller *self, vst_component_handler *handler) {
    haptic_component *c = COMPONENT_OF(self, controller);
    if (handler == c->handler) {
        return VST_OK;
    }
    if (handler != NULL) {
        handler->vtbl->add_ref(handler);
    }
    if (c->handler != NULL) {
        c->handler->vtbl->release(c->handler);
    }
    c->handler = handler;
    return VST_OK;
}

/* No editor of its own: hosts show their generic parameter view. */
static void *e_create_view(vst_edit_controller *self, const char *name) {
    (void)self;
    (void)name;
    return NULL;
}

const vst_edit_controller_vtbl component_controller_vtbl = {
    e_query, e_add_ref, e_release,
    e_initialize, e_terminate,
    e_set_component_state, e_set_state, e_get_state,
    e_get_parameter_count, e_get_parameter_info, e_get_param_string_by_value, e_get_param_value_by_string,
    e_normalized_param_to_plain, e_plain_param_to_normalized, e_get_param_normalized, e_set_param_normalized,
    e_set_component_handler, e_create_view,
};

/* ---- IMidiMapping ----------------------------------------------------------------------------- */

static tresult m_query(vst_midi_mapping *self, const char *iid, void **obj) {
    return haptic_component_query(COMPONENT_OF(self, midi_mapping), iid, obj);
}

static uint32_t m_add_ref(vst_midi_mapping *self) {
    return haptic_component_add_ref(COMPONENT_OF(self, midi_mapping));
}

static uint32_t m_release(vst_midi_mapping *self) {
    return haptic_component_release(COMPONENT_OF(self, midi_mapping));
}

static tresult m_get_assignment(vst_midi_mapping *self, int32_t bus_index, int16_t channel, int16_t controller,
                                vst_param_id *id) {
    haptic_component *c = COMPONENT_OF(self, midi_mapping);
    if (id == NULL || bus_index != 0 || channel < 0 || channel > 15 || controller < 0) {
        return VST_FALSE;
    }
    JNIEnv *env = component_enter(c);
    if (env == NULL) {
        return VST_FALSE;
    }
    jint param = (*env)->CallIntMethod(env, c->plugin, c->rt->midi_controller_to_parameter, (jint)channel,
                                       (jint)controller);
    if (java_runtime_report_exception(env, "midiControllerToParameter()")) {
        param = -1;
    }
    component_leave(env);
    if (param < 0) {
        return VST_FALSE;
    }
    *id = (vst_param_id)param;
    return VST_TRUE;
}

const vst_midi_mapping_vtbl component_midi_mapping_vtbl = {
    m_query, m_add_ref, m_release, m_get_assignment,
};
