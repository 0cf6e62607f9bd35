/* IAudioProcessor and IProcessContextRequirements of the component. process() runs on the host's audio
 * thread: it allocates nothing, takes no lock and logs nothing (after the thread's first call attached it). */
#include "haptic_component.h"

#include <string.h>

static tresult p_query(vst_audio_processor *self, const char *iid, void **obj) {
    return haptic_component_query(COMPONENT_OF(self, processor), iid, obj);
}

static uint32_t p_add_ref(vst_audio_processor *self) {
    return haptic_component_add_ref(COMPONENT_OF(self, processor));
}

static uint32_t p_release(vst_audio_processor *self) {
    return haptic_component_release(COMPONENT_OF(self, processor));
}

static tresult p_set_bus_arrangements(vst_audio_processor *self, vst_speaker_arrangement *inputs, int32_t num_ins,
                                      vst_speaker_arrangement *outputs, int32_t num_outs) {
    (void)self;
    (void)inputs;
    if (num_ins == 0 && num_outs == 1 && outputs != NULL && outputs[0] == VST_SPEAKER_STEREO) {
        return VST_TRUE;
    }
    return VST_FALSE;
}

static tresult p_get_bus_arrangement(vst_audio_processor *self, int32_t dir, int32_t index,
                                     vst_speaker_arrangement *arr) {
    (void)self;
    if (arr == NULL || dir != VST_BUS_OUTPUT || index != 0) {
        return VST_INVALID_ARGUMENT;
    }
    *arr = VST_SPEAKER_STEREO;
    return VST_OK;
}

static tresult p_can_process_sample_size(vst_audio_processor *self, int32_t size) {
    (void)self;
    return size == VST_SAMPLE_32 || size == VST_SAMPLE_64 ? VST_TRUE : VST_FALSE;
}

/* The scheduling latency the server applies to this instance's events, so a host can compensate for it. */
static uint32_t p_get_latency_samples(vst_audio_processor *self) {
    haptic_component *c = COMPONENT_OF(self, processor);
    JNIEnv *env = component_enter(c);
    if (env == NULL) {
        return 0;
    }
    jint samples = (*env)->CallIntMethod(env, c->plugin, c->rt->latency_samples);
    int failed = java_runtime_report_exception(env, "latencySamples()");
    component_leave(env);
    return failed || samples < 0 ? 0 : (uint32_t)samples;
}

static tresult p_setup_processing(vst_audio_processor *self, vst_process_setup *setup) {
    haptic_component *c = COMPONENT_OF(self, processor);
    if (setup == NULL || (setup->symbolic_sample_size != VST_SAMPLE_32 && setup->symbolic_sample_size != VST_SAMPLE_64)
        || setup->sample_rate <= 0 || setup->max_samples_per_block <= 0) {
        return VST_INVALID_ARGUMENT;
    }
    JNIEnv *env = component_enter(c);
    if (env == NULL) {
        return VST_NOT_INITIALIZED;
    }
    c->setup = *setup;
    (*env)->CallVoidMethod(env, c->plugin, c->rt->setup_processing, (jdouble)setup->sample_rate,
                           (jint)setup->max_samples_per_block);
    int failed = java_runtime_report_exception(env, "setupProcessing()");
    component_leave(env);
    return failed ? VST_FALSE : VST_OK;
}

static tresult p_set_processing(vst_audio_processor *self, vst_bool state) {
    haptic_component *c = COMPONENT_OF(self, processor);
    if (c->plugin == NULL) {
        return VST_NOT_INITIALIZED;
    }
    JNIEnv *env = java_runtime_env(c->rt);
    if (env == NULL) {
        return VST_FALSE;
    }
    (*env)->CallVoidMethod(env, c->plugin, c->rt->set_processing, (jboolean)(state != 0));
    if ((*env)->ExceptionCheck(env)) {
        /* Possibly the audio thread: no logging here; the count shows up at setActive(false)/terminate. */
        (*env)->ExceptionClear(env);
        failure_handoff_count(&c->process_failure);
        return VST_FALSE;
    }
    return VST_OK;
}

static void silence(const vst_process_data *d) {
    for (int32_t b = 0; b < d->num_outputs && d->outputs != NULL; b++) {
        vst_audio_bus_buffers *bus = &d->outputs[b];
        for (int32_t ch = 0; ch < bus->num_channels; ch++) {
            if (d->symbolic_sample_size == VST_SAMPLE_64) {
                if (bus->u.channel_buffers64 != NULL && bus->u.channel_buffers64[ch] != NULL) {
                    memset(bus->u.channel_buffers64[ch], 0, (size_t)d->num_samples * sizeof(double));
                }
            } else if (bus->u.channel_buffers32 != NULL && bus->u.channel_buffers32[ch] != NULL) {
                memset(bus->u.channel_buffers32[ch], 0, (size_t)d->num_samples * sizeof(float));
            }
        }
        bus->silence_flags = bus->num_channels >= 64 ? ~(uint64_t)0 : (((uint64_t)1 << bus->num_channels) - 1);
    }
}

static tresult p_process(vst_audio_processor *self, vst_process_data *data) {
    haptic_component *c = COMPONENT_OF(self, processor);
    if (data == NULL) {
        return VST_INVALID_ARGUMENT;
    }
    if (data->num_samples > 0) {
        silence(data);
    }
    if (c->plugin == NULL) {
        return VST_NOT_INITIALIZED;
    }
    JNIEnv *env = java_runtime_env(c->rt);
    if (env == NULL) {
        return VST_FALSE;
    }
    c->process_env = env;
    c->process_samples = data->num_samples > 0 ? data->num_samples : 0;
    c->process_first_batch = 1;
    const vst_process_context *context = data->process_context;
    c->context_state = context != NULL ? (int32_t)context->state : 0;
    c->context_system_time = context != NULL ? context->system_time : 0;
    c->context_project_samples = context != NULL ? context->project_time_samples : 0;
    block_events_translate(&c->events, data->input_parameter_changes,
                           c->event_bus_active ? data->input_events : NULL, c->process_samples);
    c->process_env = NULL;
    return VST_OK;
}

static uint32_t p_get_tail_samples(vst_audio_processor *self) {
    (void)self;
    return 0;
}

const vst_audio_processor_vtbl component_processor_vtbl = {
    p_query, p_add_ref, p_release,
    p_set_bus_arrangements, p_get_bus_arrangement, p_can_process_sample_size, p_get_latency_samples,
    p_setup_processing, p_set_processing, p_process, p_get_tail_samples,
};

static tresult r_query(vst_process_context_requirements *self, const char *iid, void **obj) {
    return haptic_component_query(COMPONENT_OF(self, context_requirements), iid, obj);
}

static uint32_t r_add_ref(vst_process_context_requirements *self) {
    return haptic_component_add_ref(COMPONENT_OF(self, context_requirements));
}

static uint32_t r_release(vst_process_context_requirements *self) {
    return haptic_component_release(COMPONENT_OF(self, context_requirements));
}

/* The host's system time stamps blocks; the transport state and position reveal jumps that restart the clock. */
static uint32_t r_get_requirements(vst_process_context_requirements *self) {
    (void)self;
    return VST_NEED_SYSTEM_TIME | VST_NEED_CONTINUOUS_TIME_SAMPLES | VST_NEED_TRANSPORT_STATE;
}

const vst_process_context_requirements_vtbl component_context_requirements_vtbl = {
    r_query, r_add_ref, r_release, r_get_requirements,
};
