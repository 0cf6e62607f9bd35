/*
 * Interface of allocation-probe.so, an LD_PRELOAD library that counts the malloc family calls made by the
 * calling thread while it is armed. The test host looks these up with dlsym and, when present, proves the
 * plugin's steady-state process() path (shim, JNI and Java) allocates no native memory on the audio thread.
 */
#ifndef HAPTIC_ALLOCATION_PROBE_H
#define HAPTIC_ALLOCATION_PROBE_H

typedef void (*allocation_probe_arm_fn)(int armed);
typedef unsigned long (*allocation_probe_count_fn)(void);

#define ALLOCATION_PROBE_ARM "allocation_probe_arm"
#define ALLOCATION_PROBE_COUNT "allocation_probe_count"

#endif
