#include "host_objects.h"

#include "utf16_text.h"

#include <stdlib.h>
#include <string.h>

#define OWNER(type, iface_ptr) ((type *)(void *)(iface_ptr))

/* Every object here has its interface first, so the interface pointer is the object pointer. */
#define COUNTED_METHODS(prefix, type, iface_type, own_iid)                                          \
    static tresult prefix##_query(iface_type *self, const char *iid, void **obj) {                  \
        if (vst_iid_equal(iid, VST_IID_FUNKNOWN) || vst_iid_equal(iid, own_iid)) {                  \
            atomic_fetch_add(&OWNER(type, self)->refs, 1);                                          \
            *obj = self;                                                                            \
            return VST_OK;                                                                          \
        }                                                                                           \
        *obj = NULL;                                                                                \
        return VST_NO_INTERFACE;                                                                    \
    }                                                                                               \
    static uint32_t prefix##_add_ref(iface_type *self) {                                            \
        return (uint32_t)atomic_fetch_add(&OWNER(type, self)->refs, 1) + 1;                         \
    }                                                                                               \
    static uint32_t prefix##_release(iface_type *self) {                                            \
        return (uint32_t)atomic_fetch_sub(&OWNER(type, self)->refs, 1) - 1;                         \
    }

/* ---- IHostApplication ------------------------------------------------------------------------- */

COUNTED_METHODS(app, host_application, vst_host_application, VST_IID_HOST_APPLICATION)

static tresult app_get_name(vst_host_application *self, vst_char16 name[128]) {
    (void)self;
    utf16_from_utf8(name, 128, "haptic-test-host");
    return VST_OK;
}

static tresult app_create_instance(vst_host_application *self, char *cid, char *iid, void **obj) {
    (void)self;
    (void)cid;
    (void)iid;
    *obj = NULL;
    return VST_FALSE;
}

static const vst_host_application_vtbl app_vtbl = {
    app_query, app_add_ref, app_release, app_get_name, app_create_instance,
};

void host_application_init(host_application *a) {
    a->iface.vtbl = &app_vtbl;
    atomic_init(&a->refs, 1);
}

/* ---- IComponentHandler ------------------------------------------------------------------------ */

COUNTED_METHODS(handler, host_component_handler, vst_component_handler, VST_IID_COMPONENT_HANDLER)

static tresult handler_begin_edit(vst_component_handler *self, vst_param_id id) {
    (void)self;
    (void)id;
    return VST_OK;
}

static tresult handler_perform_edit(vst_component_handler *self, vst_param_id id, double value) {
    (void)self;
    (void)id;
    (void)value;
    return VST_OK;
}

static tresult handler_end_edit(vst_component_handler *self, vst_param_id id) {
    (void)self;
    (void)id;
    return VST_OK;
}

static tresult handler_restart_component(vst_component_handler *self, int32_t flags) {
    (void)flags;
    OWNER(host_component_handler, self)->restarts++;
    return VST_OK;
}

static const vst_component_handler_vtbl handler_vtbl = {
    handler_query, handler_add_ref, handler_release,
    handler_begin_edit, handler_perform_edit, handler_end_edit, handler_restart_component,
};

void host_component_handler_init(host_component_handler *h) {
    h->iface.vtbl = &handler_vtbl;
    atomic_init(&h->refs, 1);
    h->restarts = 0;
}

/* ---- IBStream in memory ----------------------------------------------------------------------- */

COUNTED_METHODS(stream, memory_stream, vst_bstream, VST_IID_BSTREAM)

static tresult stream_read(vst_bstream *self, void *buffer, int32_t bytes, int32_t *bytes_read) {
    memory_stream *s = OWNER(memory_stream, self);
    int64_t n = bytes < 0 ? 0 : bytes;
    if (n > s->size - s->position) {
        n = s->size - s->position;
    }
    memcpy(buffer, s->data + s->position, (size_t)n);
    s->position += n;
    if (bytes_read != NULL) {
        *bytes_read = (int32_t)n;
    }
    return VST_OK;
}

static tresult stream_write(vst_bstream *self, void *buffer, int32_t bytes, int32_t *bytes_written) {
    memory_stream *s = OWNER(memory_stream, self);
    if (bytes < 0) {
        return VST_INVALID_ARGUMENT;
    }
    int64_t end = s->position + bytes;
    if (end > s->capacity) {
        int64_t capacity = s->capacity > 0 ? s->capacity : 256;
        while (capacity < end) {
            capacity *= 2;
        }
        unsigned char *grown = realloc(s->data, (size_t)capacity);
        if (grown == NULL) {
            return VST_OUT_OF_MEMORY;
        }
        s->data = grown;
        s->capacity = capacity;
    }
    memcpy(s->data + s->position, buffer, (size_t)bytes);
    s->position = end;
    if (end > s->size) {
        s->size = end;
    }
    if (bytes_written != NULL) {
        *bytes_written = bytes;
    }
    return VST_OK;
}

static tresult stream_seek(vst_bstream *self, int64_t pos, int32_t mode, int64_t *result) {
    memory_stream *s = OWNER(memory_stream, self);
    int64_t base = mode == VST_SEEK_SET ? 0 : mode == VST_SEEK_CUR ? s->position : s->size;
    int64_t target = base + pos;
    if (target < 0 || target > s->size) {
        return VST_INVALID_ARGUMENT;
    }
    s->position = target;
    if (result != NULL) {
        *result = target;
    }
    return VST_OK;
}

static tresult stream_tell(vst_bstream *self, int64_t *pos) {
    if (pos == NULL) {
        return VST_INVALID_ARGUMENT;
    }
    *pos = OWNER(memory_stream, self)->position;
    return VST_OK;
}

static const vst_bstream_vtbl stream_vtbl = {
    stream_query, stream_add_ref, stream_release, stream_read, stream_write, stream_seek, stream_tell,
};

void memory_stream_init(memory_stream *s) {
    memset(s, 0, sizeof *s);
    s->iface.vtbl = &stream_vtbl;
    atomic_init(&s->refs, 1);
}

void memory_stream_free(memory_stream *s) {
    free(s->data);
    s->data = NULL;
    s->size = s->capacity = s->position = 0;
}

void memory_stream_set(memory_stream *s, const void *bytes, int64_t size) {
    s->size = 0;
    s->position = 0;
    int32_t written = 0;
    stream_write(&s->iface, (void *)bytes, (int32_t)size, &written);
    s->position = 0;
}

/* ---- IEventList ------------------------------------------------------------------------------- */

COUNTED_METHODS(events, host_event_list, vst_event_list, VST_IID_EVENT_LIST)

static int32_t events_count(vst_event_list *self) {
    return OWNER(host_event_list, self)->count;
}

static tresult events_get(vst_event_list *self, int32_t index, vst_event *e) {
    host_event_list *l = OWNER(host_event_list, self);
    if (index < 0 || index >= l->count || e == NULL) {
        return VST_INVALID_ARGUMENT;
    }
    *e = l->events[index];
    return VST_OK;
}

static tresult events_add(vst_event_list *self, vst_event *e) {
    return host_event_list_push(OWNER(host_event_list, self), e) == 0 ? VST_OK : VST_OUT_OF_MEMORY;
}

static const vst_event_list_vtbl events_vtbl = {
    events_query, events_add_ref, events_release, events_count, events_get, events_add,
};

void host_event_list_init(host_event_list *l) {
    l->iface.vtbl = &events_vtbl;
    atomic_init(&l->refs, 1);
    l->count = 0;
}

void host_event_list_clear(host_event_list *l) {
    l->count = 0;
}

int host_event_list_push(host_event_list *l, const vst_event *e) {
    if (l->count == HOST_MAX_EVENTS) {
        return -1;
    }
    l->events[l->count++] = *e;
    return 0;
}

/* ---- IParamValueQueue / IParameterChanges ------------------------------------------------------- */

COUNTED_METHODS(queue, host_param_queue, vst_param_value_queue, VST_IID_PARAM_VALUE_QUEUE)

static vst_param_id queue_id(vst_param_value_queue *self) {
    return OWNER(host_param_queue, self)->id;
}

static int32_t queue_count(vst_param_value_queue *self) {
    return OWNER(host_param_queue, self)->count;
}

static tresult queue_get(vst_param_value_queue *self, int32_t index, int32_t *offset, double *value) {
    host_param_queue *q = OWNER(host_param_queue, self);
    if (index < 0 || index >= q->count || offset == NULL || value == NULL) {
        return VST_INVALID_ARGUMENT;
    }
    *offset = q->offsets[index];
    *value = q->values[index];
    return VST_OK;
}

static tresult queue_add(vst_param_value_queue *self, int32_t offset, double value, int32_t *index) {
    host_param_queue *q = OWNER(host_param_queue, self);
    if (q->count == HOST_MAX_POINTS) {
        return VST_OUT_OF_MEMORY;
    }
    q->offsets[q->count] = offset;
    q->values[q->count] = value;
    if (index != NULL) {
        *index = q->count;
    }
    q->count++;
    return VST_OK;
}

static const vst_param_value_queue_vtbl queue_vtbl = {
    queue_query, queue_add_ref, queue_release, queue_id, queue_count, queue_get, queue_add,
};

COUNTED_METHODS(changes, host_param_changes, vst_parameter_changes, VST_IID_PARAMETER_CHANGES)

static int32_t changes_count(vst_parameter_changes *self) {
    return OWNER(host_param_changes, self)->count;
}

static vst_param_value_queue *changes_get(vst_parameter_changes *self, int32_t index) {
    host_param_changes *c = OWNER(host_param_changes, self);
    return index >= 0 && index < c->count ? &c->queues[index].iface : NULL;
}

static host_param_queue *queue_for(host_param_changes *c, vst_param_id id, int32_t *index) {
    for (int i = 0; i < c->count; i++) {
        if (c->queues[i].id == id) {
            *index = i;
            return &c->queues[i];
        }
    }
    if (c->count == HOST_MAX_QUEUES) {
        return NULL;
    }
    host_param_queue *q = &c->queues[c->count];
    q->iface.vtbl = &queue_vtbl;
    atomic_init(&q->refs, 1);
    q->id = id;
    q->count = 0;
    *index = c->count++;
    return q;
}

static vst_param_value_queue *changes_add(vst_parameter_changes *self, const vst_param_id *id, int32_t *index) {
    int32_t i = 0;
    host_param_queue *q = queue_for(OWNER(host_param_changes, self), *id, &i);
    if (index != NULL) {
        *index = i;
    }
    return q != NULL ? &q->iface : NULL;
}

static const vst_parameter_changes_vtbl changes_vtbl = {
    changes_query, changes_add_ref, changes_release, changes_count, changes_get, changes_add,
};

void host_param_changes_init(host_param_changes *c) {
    c->iface.vtbl = &changes_vtbl;
    atomic_init(&c->refs, 1);
    c->count = 0;
}

void host_param_changes_clear(host_param_changes *c) {
    c->count = 0;
}

int host_param_changes_point(host_param_changes *c, vst_param_id id, int32_t offset, double value) {
    int32_t index = 0;
    host_param_queue *q = queue_for(c, id, &index);
    if (q == NULL) {
        return -1;
    }
    return queue_add(&q->iface, offset, value, NULL) == VST_OK ? 0 : -1;
}
