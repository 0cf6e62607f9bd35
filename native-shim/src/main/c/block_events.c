#include "block_events.h"

#include <stdlib.h>
#include <string.h>

int block_events_init(block_events *b, int capacity, block_events_sink sink, void *sink_context) {
    memset(b, 0, sizeof *b);
    b->records = calloc((size_t)capacity, sizeof *b->records);
    b->scratch = calloc((size_t)capacity, sizeof *b->scratch);
    if (b->records == NULL || b->scratch == NULL) {
        block_events_free(b);
        return -1;
    }
    b->capacity = capacity;
    b->sink = sink;
    b->sink_context = sink_context;
    return 0;
}

void block_events_free(block_events *b) {
    free(b->records);
    free(b->scratch);
    b->records = NULL;
    b->scratch = NULL;
    b->capacity = 0;
}

void block_events_reset_notes(block_events *b) {
    b->note_count = 0;
    b->next_evicted = 0;
}

/* Bottom-up merge sort on sample_offset: stable, O(n log n), uses only the preallocated scratch. */
static void sort_by_offset(block_events *b) {
    event_record *from = b->records;
    event_record *to = b->scratch;
    int n = b->count;
    for (int width = 1; width < n; width *= 2) {
        for (int lo = 0; lo < n; lo += 2 * width) {
            int mid = lo + width < n ? lo + width : n;
            int hi = lo + 2 * width < n ? lo + 2 * width : n;
            int i = lo;
            int j = mid;
            int k = lo;
            while (i < mid && j < hi) {
                to[k++] = from[j].sample_offset < from[i].sample_offset ? from[j++] : from[i++];
            }
            while (i < mid) {
                to[k++] = from[i++];
            }
            while (j < hi) {
                to[k++] = from[j++];
            }
        }
        event_record *t = from;
        from = to;
        to = t;
    }
    if (from != b->records) {
        memcpy(b->records, from, (size_t)n * sizeof *from);
    }
}

static void deliver(block_events *b, int final) {
    sort_by_offset(b);
    b->sink(b->sink_context, b->records, b->count, final);
    b->count = 0;
}

static int clamp_offset(const block_events *b, int32_t offset) {
    if (offset < 0) {
        return 0;
    }
    if (b->num_samples > 0 && offset >= b->num_samples) {
        return b->num_samples - 1;
    }
    return b->num_samples > 0 ? offset : 0;
}

static void add(block_events *b, int32_t kind, int32_t offset, int32_t channel, int32_t pitch, int32_t note_id,
                float value, int32_t param) {
    if (b->count == b->capacity) {
        deliver(b, 0);
    }
    event_record *r = &b->records[b->count++];
    r->kind = kind;
    r->sample_offset = clamp_offset(b, offset);
    r->channel = channel;
    r->pitch = pitch;
    r->note_id = note_id;
    r->value = value;
    r->param = param;
    r->reserved = 0;
}

static void remember_note(block_events *b, int32_t note_id, int16_t channel, int16_t pitch) {
    if (note_id == -1) {
        return;
    }
    for (int i = 0; i < b->note_count; i++) {
        if (b->notes[i].note_id == note_id) {
            b->notes[i].channel = channel;
            b->notes[i].pitch = pitch;
            return;
        }
    }
    int slot;
    if (b->note_count < SOUNDING_NOTES) {
        slot = b->note_count++;
    } else {
        /* More held notes with ids than slots: overwrite slots in turn. */
        slot = b->next_evicted;
        b->next_evicted = (b->next_evicted + 1) % SOUNDING_NOTES;
    }
    b->notes[slot].note_id = note_id;
    b->notes[slot].channel = channel;
    b->notes[slot].pitch = pitch;
}

static void forget_note(block_events *b, int32_t note_id) {
    for (int i = 0; i < b->note_count; i++) {
        if (b->notes[i].note_id == note_id) {
            b->notes[i] = b->notes[--b->note_count];
            if (b->next_evicted >= b->note_count) {
                b->next_evicted = 0;
            }
            return;
        }
    }
}

static const sounding_note *find_note(const block_events *b, int32_t note_id) {
    for (int i = 0; i < b->note_count; i++) {
        if (b->notes[i].note_id == note_id) {
            return &b->notes[i];
        }
    }
    return NULL;
}

static int valid_key(int channel, int pitch) {
    return channel >= 0 && channel < 16 && pitch >= 0 && pitch < 128;
}

static void add_parameter_points(block_events *b, vst_parameter_changes *changes) {
    int32_t queues = changes->vtbl->get_parameter_count(changes);
    for (int32_t q = 0; q < queues; q++) {
        vst_param_value_queue *queue = changes->vtbl->get_parameter_data(changes, q);
        if (queue == NULL) {
            continue;
        }
        vst_param_id id = queue->vtbl->get_parameter_id(queue);
        int32_t points = queue->vtbl->get_point_count(queue);
        for (int32_t p = 0; p < points; p++) {
            int32_t offset = 0;
            double value = 0;
            if (queue->vtbl->get_point(queue, p, &offset, &value) == VST_OK) {
                add(b, RECORD_PARAMETER, offset, 0, 0, -1, (float)value, (int32_t)id);
            }
        }
    }
}

static void add_event(block_events *b, const vst_event *e) {
    switch (e->type) {
    case VST_EVENT_NOTE_ON: {
        const vst_note_on_event *n = &e->u.note_on;
        if (valid_key(n->channel, n->pitch)) {
            remember_note(b, n->note_id, n->channel, n->pitch);
            add(b, RECORD_NOTE_ON, e->sample_offset, n->channel, n->pitch, n->note_id, n->velocity, 0);
        }
        break;
    }
    case VST_EVENT_NOTE_OFF: {
        const vst_note_off_event *n = &e->u.note_off;
        if (valid_key(n->channel, n->pitch)) {
            forget_note(b, n->note_id);
            add(b, RECORD_NOTE_OFF, e->sample_offset, n->channel, n->pitch, n->note_id, n->velocity, 0);
        }
        break;
    }
    case VST_EVENT_POLY_PRESSURE: {
        const vst_poly_pressure_event *p = &e->u.poly_pressure;
        if (valid_key(p->channel, p->pitch)) {
            add(b, RECORD_POLY_PRESSURE, e->sample_offset, p->channel, p->pitch, p->note_id, p->pressure, 0);
        }
        break;
    }
    case VST_EVENT_NOTE_EXPRESSION_VALUE: {
        const vst_note_expression_value_event *x = &e->u.note_expression_value;
        /* An expression for a note that is not sounding has nothing to act on. */
        const sounding_note *note = find_note(b, x->note_id);
        if (note != NULL) {
            add(b, RECORD_NOTE_EXPRESSION, e->sample_offset, note->channel, note->pitch, x->note_id,
                (float)x->value, (int32_t)x->type_id);
        }
        break;
    }
    default:
        break;
    }
}

void block_events_translate(block_events *b, vst_parameter_changes *changes, vst_event_list *events,
                            int num_samples) {
    b->count = 0;
    b->num_samples = num_samples;
    if (changes != NULL) {
        add_parameter_points(b, changes);
    }
    if (events != NULL) {
        int32_t n = events->vtbl->get_event_count(events);
        for (int32_t i = 0; i < n; i++) {
            vst_event e;
            if (events->vtbl->get_event(events, i, &e) == VST_OK && e.bus_index == 0) {
                add_event(b, &e);
            }
        }
    }
    deliver(b, 1);
}
