/*
 * One block's notes, pressure, note expression and parameter points, translated into the 32-byte records of
 * haptic-plugin/JNI.md and put in sample order. All memory is allocated up front: nothing here allocates
 * while the host's audio thread runs it.
 */
#ifndef HAPTIC_BLOCK_EVENTS_H
#define HAPTIC_BLOCK_EVENTS_H

#include "vst3_abi.h"

#include <stdint.h>

enum {
    RECORD_NOTE_ON = 1,
    RECORD_NOTE_OFF = 2,
    RECORD_POLY_PRESSURE = 3,
    RECORD_NOTE_EXPRESSION = 4,
    RECORD_PARAMETER = 5
};

typedef struct {
    int32_t kind;
    int32_t sample_offset;
    int32_t channel;
    int32_t pitch;
    int32_t note_id;
    float value;
    int32_t param;
    int32_t reserved;
} event_record;

_Static_assert(sizeof(event_record) == 32, "JNI.md event record is 32 bytes");

#define SOUNDING_NOTES 256

typedef struct {
    int32_t note_id;
    int16_t channel;
    int16_t pitch;
} sounding_note;

/* Receives records in sample order when the staging area is full mid-block (final = 0) or at the end (1). */
typedef void (*block_events_sink)(void *context, const event_record *records, int count, int final);

typedef struct {
    event_record *records;
    event_record *scratch;
    int capacity;
    int count;
    int num_samples;
    block_events_sink sink;
    void *sink_context;
    /* Note expression events carry only a note id; channel and pitch come from the NoteOn that started it. */
    sounding_note notes[SOUNDING_NOTES];
    int note_count;
    int next_evicted;
} block_events;

int block_events_init(block_events *b, int capacity, block_events_sink sink, void *sink_context);
void block_events_free(block_events *b);
/* Forgets sounding notes (the host stopped processing). */
void block_events_reset_notes(block_events *b);

/*
 * Translates one block: every point of every parameter queue, then the events of bus 0, stably sorted by
 * sample offset (on equal offsets parameter points come first, so an MPE bend at a note's start applies to
 * it). Delivers everything to the sink, the last batch with final = 1 (also when there is nothing).
 */
void block_events_translate(block_events *b, vst_parameter_changes *changes, vst_event_list *events,
                            int num_samples);

#endif
