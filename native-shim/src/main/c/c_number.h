/* Numbers as text in the C locale, whatever LC_NUMERIC the host set (Java prints them that way too). */
#ifndef HAPTIC_C_NUMBER_H
#define HAPTIC_C_NUMBER_H

#include "vst3_abi.h"

#include <stddef.h>

/*
 * Parses a number at the start of UTF-16 text (leading blanks allowed). With whole = 1 nothing may follow it;
 * otherwise trailing text such as a unit is ignored. Returns 0 on success.
 */
int c_number_parse(const vst_char16 *text, size_t length, int whole, double *value);

#endif
