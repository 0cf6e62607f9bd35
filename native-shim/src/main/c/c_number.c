#include "c_number.h"

#include <locale.h>
#include <pthread.h>
#include <stdlib.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static locale_t c_locale;

static void create_c_locale(void) {
    c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
}

int c_number_parse(const vst_char16 *text, size_t length, int whole, double *value) {
    char ascii[64];
    if (length == 0 || length >= sizeof ascii) {
        return -1;
    }
    for (size_t i = 0; i < length; i++) {
        if (text[i] == 0 || text[i] > 0x7F) {
            return -1;
        }
        ascii[i] = (char)text[i];
    }
    ascii[length] = '\0';
    pthread_once(&once, create_c_locale);
    char *end = NULL;
    double v = c_locale != (locale_t)0 ? strtod_l(ascii, &end, c_locale) : strtod(ascii, &end);
    if (end == ascii || (whole && *end != '\0')) {
        return -1;
    }
    *value = v;
    return 0;
}
