#ifndef HAPTIC_TIMED_PLAY_H
#define HAPTIC_TIMED_PLAY_H

#include "vst3_abi.h"

#include <stdbool.h>

/* A performance with known sample positions, for measuring timing on the captured output. */
typedef struct {
    int block;           /* frames per process() call */
    int notes;           /* notes to play */
    int ioi_frames;      /* base spacing between note starts; each start adds a different sub-block offset */
    int note_frames;     /* length of each note, NoteOn to NoteOff */
    int lead_in_blocks;  /* blocks before the first note (connection, clock lock) */
    bool jitter;         /* call process() early or late by up to half a block */
    bool host_time;      /* provide ProcessContext.systemTime = the block's ideal start */
} timed_options;

/*
 * Plays the performance in real time at 48 kHz with blocks of o->block frames. Before it starts, Attack and
 * Release are set to their minimum so notes do not overlap; the last note lasts ten times as long as the others,
 * as a reference for their level and length. Prints, once each note's NoteOn block has been
 * processed, "timednote <index> <intended CLOCK_MONOTONIC ns> <start frame> <length frames>".
 * Returns the number of failed steps (it prints ok/FAIL lines as the test host does).
 */
int timed_play(vst_audio_processor *processor, vst_edit_controller *controller, const timed_options *o);

#endif
