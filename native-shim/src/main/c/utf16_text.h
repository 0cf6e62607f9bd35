/* VST3 strings are NUL-terminated UTF-16 (String128 and friends). */
#ifndef HAPTIC_UTF16_TEXT_H
#define HAPTIC_UTF16_TEXT_H

#include "vst3_abi.h"

#include <stddef.h>

/* Copies UTF-8 into dst (capacity units including the NUL), truncating; always terminates. */
void utf16_from_utf8(vst_char16 *dst, size_t capacity, const char *src);
/* Units before the NUL, at most max. */
size_t utf16_length(const vst_char16 *s, size_t max);

#endif
