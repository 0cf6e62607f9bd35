/*
 * The host side of the VST3 objects the test host hands to the plugin: application context, component
 * handler, memory stream, event list and parameter changes. Each counts its references so the test can
 * check the plugin gave back every one it took.
 */
#ifndef HAPTIC_HOST_OBJECTS_H
#define HAPTIC_HOST_OBJECTS_H

#include "vst3_abi.h"

#include <stdatomic.h>

typedef struct {
    vst_host_application iface;
    atomic_int refs;
} host_application;

typedef struct {
    vst_component_handler iface;
    atomic_int refs;
    int restarts;
} host_component_handler;

typedef struct {
    vst_bstream iface;
    atomic_int refs;
    unsigned char *data;
    int64_t size;
    int64_t capacity;
    int64_t position;
} memory_stream;

#define HOST_MAX_EVENTS 2048

typedef struct {
    vst_event_list iface;
    atomic_int refs;
    vst_event events[HOST_MAX_EVENTS];
    int count;
} host_event_list;

#define HOST_MAX_QUEUES 64
#define HOST_MAX_POINTS 64

typedef struct {
    vst_param_value_queue iface;
    atomic_int refs;
    vst_param_id id;
    int count;
    int32_t offsets[HOST_MAX_POINTS];
    double values[HOST_MAX_POINTS];
} host_param_queue;

typedef struct {
    vst_parameter_changes iface;
    atomic_int refs;
    host_param_queue queues[HOST_MAX_QUEUES];
    int count;
} host_param_changes;

void host_application_init(host_application *a);
void host_component_handler_init(host_component_handler *h);

void memory_stream_init(memory_stream *s);
void memory_stream_free(memory_stream *s);
/* Replaces the content with bytes and rewinds. */
void memory_stream_set(memory_stream *s, const void *bytes, int64_t size);

void host_event_list_init(host_event_list *l);
void host_event_list_clear(host_event_list *l);
/* Appends; the caller adds in sample order, as a host must. Returns 0, or -1 when full. */
int host_event_list_push(host_event_list *l, const vst_event *e);

void host_param_changes_init(host_param_changes *c);
void host_param_changes_clear(host_param_changes *c);
/* Adds a point to the queue of id (created on first use). Returns 0, or -1 when out of room. */
int host_param_changes_point(host_param_changes *c, vst_param_id id, int32_t offset, double value);

#endif
