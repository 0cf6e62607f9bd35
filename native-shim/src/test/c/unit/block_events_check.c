/*
 * block-events-check: the block translation on its own, against hand-built host event lists and parameter
 * queues. Prints one line per check; exit code 0 only if all pass. Run by BlockEventsCheckTest.
 */
#include "block_events.h"
#include "host_objects.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define MAX_DELIVERED 64

typedef struct {
    event_record records[MAX_DELIVERED];
    int count;
    int deliveries;
    int finals;
    int unsorted;
    int last_batch;
} sink_log;

static int failures;

static void check(int ok, const char *name, const char *fmt, ...) {
    char detail[256];
    va_list args;
    va_start(args, fmt);
    vsnprintf(detail, sizeof detail, fmt, args);
    va_end(args);
    printf("%s %s: %s\n", ok ? "ok" : "FAIL", name, detail);
    failures += !ok;
}

static void collect(void *context, const event_record *records, int count, int final) {
    sink_log *log = context;
    for (int i = 0; i < count; i++) {
        if (i > 0 && records[i].sample_offset < records[i - 1].sample_offset) {
            log->unsorted++;
        }
        if (log->count < MAX_DELIVERED) {
            log->records[log->count++] = records[i];
        }
    }
    log->deliveries++;
    log->finals += final;
    log->last_batch = count;
}

static vst_event event(uint16_t type, int32_t offset) {
    vst_event e;
    memset(&e, 0, sizeof e);
    e.type = type;
    e.sample_offset = offset;
    return e;
}

static vst_event note_on(int32_t offset, int16_t channel, int16_t pitch, int32_t id) {
    vst_event e = event(VST_EVENT_NOTE_ON, offset);
    e.u.note_on = (vst_note_on_event){channel, pitch, 0.0f, 0.5f, 0, id};
    return e;
}

static vst_event expression(int32_t offset, int32_t id, uint32_t type, double value) {
    vst_event e = event(VST_EVENT_NOTE_EXPRESSION_VALUE, offset);
    e.u.note_expression_value = (vst_note_expression_value_event){type, id, value};
    return e;
}

static int kinds_are(const sink_log *log, const int *kinds, int n) {
    if (log->count != n) {
        return 0;
    }
    for (int i = 0; i < n; i++) {
        if (log->records[i].kind != kinds[i]) {
            return 0;
        }
    }
    return 1;
}

static void sample_order_with_parameters_first_on_ties(void) {
    static host_event_list events;
    static host_param_changes changes;
    host_event_list_init(&events);
    host_param_changes_init(&changes);
    vst_event pressure = event(VST_EVENT_POLY_PRESSURE, 0);
    pressure.u.poly_pressure = (vst_poly_pressure_event){1, 60, 0.25f, -1};
    host_event_list_push(&events, &pressure);
    vst_event on = note_on(5, 1, 60, -1);
    host_event_list_push(&events, &on);
    vst_event off = event(VST_EVENT_NOTE_OFF, 10);
    off.u.note_off = (vst_note_off_event){1, 60, 0.0f, -1, 0.0f};
    host_event_list_push(&events, &off);
    host_param_changes_point(&changes, 1010, 10, 0.75);
    host_param_changes_point(&changes, 7, 0, 0.5);

    sink_log log = {0};
    block_events b;
    block_events_init(&b, 16, collect, &log);
    block_events_translate(&b, &changes.iface, &events.iface, 64);
    const int kinds[] = {RECORD_PARAMETER, RECORD_POLY_PRESSURE, RECORD_NOTE_ON, RECORD_PARAMETER, RECORD_NOTE_OFF};
    check(kinds_are(&log, kinds, 5) && log.records[0].param == 7 && log.records[3].param == 1010
              && log.records[3].value == 0.75f && log.deliveries == 1 && log.finals == 1,
          "order", "%d records: parameter@0, pressure@0, note on@5, parameter@10, note off@10", log.count);
    block_events_free(&b);
}

static void note_expression_takes_the_notes_channel_and_pitch(void) {
    static host_event_list events;
    host_event_list_init(&events);
    vst_event on = note_on(0, 3, 64, 7);
    vst_event known = expression(4, 7, VST_NOTE_EXPRESSION_BRIGHTNESS, 0.8);
    vst_event unknown = expression(4, 99, VST_NOTE_EXPRESSION_TUNING, 0.2);
    host_event_list_push(&events, &on);
    host_event_list_push(&events, &known);
    host_event_list_push(&events, &unknown);

    sink_log log = {0};
    block_events b;
    block_events_init(&b, 16, collect, &log);
    block_events_translate(&b, NULL, &events.iface, 64);
    const event_record *x = &log.records[1];
    check(log.count == 2 && x->kind == RECORD_NOTE_EXPRESSION && x->channel == 3 && x->pitch == 64
              && x->note_id == 7 && x->param == VST_NOTE_EXPRESSION_BRIGHTNESS && x->value == 0.8f,
          "note-expression", "%d records; expression for note 7 on channel %d pitch %d, unknown note dropped",
          log.count, x->channel, x->pitch);

    /* After the note ends its id means nothing any more. */
    host_event_list_clear(&events);
    vst_event off = event(VST_EVENT_NOTE_OFF, 0);
    off.u.note_off = (vst_note_off_event){3, 64, 0.0f, 7, 0.0f};
    vst_event late = expression(2, 7, VST_NOTE_EXPRESSION_BRIGHTNESS, 0.1);
    host_event_list_push(&events, &off);
    host_event_list_push(&events, &late);
    log = (sink_log){0};
    block_events_translate(&b, NULL, &events.iface, 64);
    check(log.count == 1 && log.records[0].kind == RECORD_NOTE_OFF, "note-expression-after-off",
          "%d record(s): only the note off", log.count);
    block_events_free(&b);
}

static void offsets_are_clamped_and_bad_events_dropped(void) {
    static host_event_list events;
    host_event_list_init(&events);
    vst_event early = note_on(-5, 0, 10, -1);
    vst_event late = note_on(100, 0, 11, -1);
    vst_event bad_channel = note_on(1, 16, 12, -1);
    vst_event bad_pitch = note_on(1, 0, 128, -1);
    vst_event other_bus = note_on(1, 0, 13, -1);
    other_bus.bus_index = 1;
    host_event_list_push(&events, &early);
    host_event_list_push(&events, &late);
    host_event_list_push(&events, &bad_channel);
    host_event_list_push(&events, &bad_pitch);
    host_event_list_push(&events, &other_bus);

    sink_log log = {0};
    block_events b;
    block_events_init(&b, 16, collect, &log);
    block_events_translate(&b, NULL, &events.iface, 64);
    check(log.count == 2 && log.records[0].sample_offset == 0 && log.records[0].pitch == 10
              && log.records[1].sample_offset == 63 && log.records[1].pitch == 11,
          "clamp", "%d records at offsets %d and %d (sent -5 and 100 in a 64-sample block)", log.count,
          log.records[0].sample_offset, log.records[1].sample_offset);
    log = (sink_log){0};
    block_events_translate(&b, NULL, &events.iface, 0);
    check(log.count == 2 && log.records[0].sample_offset == 0 && log.records[1].sample_offset == 0, "flush-block",
          "a 0-sample block puts everything at offset 0");
    block_events_free(&b);
}

static void a_full_staging_area_is_delivered_in_sorted_batches(void) {
    static host_event_list events;
    host_event_list_init(&events);
    for (int i = 0; i < 20; i++) {
        vst_event e = event(VST_EVENT_POLY_PRESSURE, 20 - i);
        e.u.poly_pressure = (vst_poly_pressure_event){2, (int16_t)i, 0.5f, -1};
        host_event_list_push(&events, &e);
    }
    sink_log log = {0};
    block_events b;
    block_events_init(&b, 8, collect, &log);
    block_events_translate(&b, NULL, &events.iface, 64);
    check(log.count == 20 && log.deliveries == 3 && log.finals == 1 && log.last_batch == 4 && log.unsorted == 0,
          "overflow", "20 records through a staging area of 8: %d deliveries (last %d, final %d), each sorted",
          log.deliveries, log.last_batch, log.finals);
    log = (sink_log){0};
    host_event_list_clear(&events);
    block_events_translate(&b, NULL, &events.iface, 64);
    check(log.deliveries == 1 && log.finals == 1 && log.count == 0, "empty",
          "an empty block still ends with one final delivery");
    block_events_free(&b);
}

int main(void) {
    sample_order_with_parameters_first_on_ties();
    note_expression_takes_the_notes_channel_and_pitch();
    offsets_are_clamped_and_bad_events_dropped();
    a_full_staging_area_is_delivered_in_sorted_batches();
    printf("%s: %d check(s) failed\n", failures == 0 ? "PASSED" : "FAILED", failures);
    return failures == 0 ? 0 : 1;
}
