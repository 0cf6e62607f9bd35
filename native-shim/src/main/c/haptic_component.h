/*
 * One plugin instance: a single-component VST3 instrument. The same object is the IComponent, the
 * IAudioProcessor, the IEditController with its IMidiMapping and INoteExpressionController; each interface
 * is a vtable pointer inside the struct, and a method finds the object from its interface pointer
 * (COMPONENT_OF). Behind it sits one haptic.plugin.HapticPlugin Java object, created in initialize and
 * disposed in terminate.
 */
#ifndef HAPTIC_COMPONENT_H
#define HAPTIC_COMPONENT_H

#include "block_events.h"
#include "failure_handoff.h"
#include "java_runtime.h"
#include "vst3_abi.h"

#include <stdatomic.h>
#include <stddef.h>

typedef struct haptic_component {
    vst_component component; /* also the FUnknown and IPluginBase identity */
    vst_audio_processor processor;
    vst_edit_controller controller;
    vst_midi_mapping midi_mapping;
    vst_note_expression_controller note_expression;
    vst_process_context_requirements context_requirements;
    atomic_uint refs;

    const java_runtime *rt;
    char *resources_dir;
    /* initialize calls not yet matched by terminate (a host may initialize through both interfaces). */
    int initialized;
    jobject plugin;       /* global reference; NULL when not initialized */
    jobject event_buffer; /* global reference to the direct buffer whose memory java_records is */
    unsigned char *java_records;
    int java_capacity;
    block_events events;

    /* Valid during process() only: the audio thread's env and the block length, for the record sink. */
    JNIEnv *process_env;
    int32_t process_samples;
    int process_first_batch;
    int32_t context_state;
    int64_t context_system_time;
    int64_t context_project_samples;
    /* process() cannot log: the first exception Java threw there is handed to the host thread to log. */
    failure_handoff process_failure;

    vst_funknown *host_context;
    vst_component_handler *handler;
    vst_bool event_bus_active;
    vst_bool audio_bus_active;
    vst_process_setup setup;
} haptic_component;

#define COMPONENT_OF(iface, member) ((haptic_component *)((char *)(iface) - offsetof(haptic_component, member)))

/* A new instance with one reference, held through its IComponent; NULL if out of memory. */
haptic_component *haptic_component_create(const java_runtime *rt, const char *resources_dir);

tresult haptic_component_query(haptic_component *c, const char *iid, void **obj);
uint32_t haptic_component_add_ref(haptic_component *c);
uint32_t haptic_component_release(haptic_component *c);

tresult haptic_component_initialize(haptic_component *c, vst_funknown *context);
tresult haptic_component_terminate(haptic_component *c);

/* The calling thread's env with a fresh local frame, or NULL (not initialized, or Java unavailable). */
JNIEnv *component_enter(haptic_component *c);
void component_leave(JNIEnv *env);

/* Logs what Java's process() threw since the last call (host thread only). */
void component_report_process_failures(haptic_component *c, JNIEnv *env);

extern const vst_audio_processor_vtbl component_processor_vtbl;
extern const vst_process_context_requirements_vtbl component_context_requirements_vtbl;
extern const vst_edit_controller_vtbl component_controller_vtbl;
extern const vst_midi_mapping_vtbl component_midi_mapping_vtbl;
extern const vst_note_expression_controller_vtbl component_note_expression_vtbl;

/* IBStream state, shared by IComponent::getState/setState. */
tresult component_write_state(haptic_component *c, vst_bstream *stream);
tresult component_read_state(haptic_component *c, vst_bstream *stream);

#endif
