#include "utf16_text.h"

void utf16_from_utf8(vst_char16 *dst, size_t capacity, const char *src) {
    if (capacity == 0) {
        return;
    }
    const unsigned char *s = (const unsigned char *)src;
    size_t n = 0;
    while (*s != 0 && n + 1 < capacity) {
        uint32_t cp;
        int extra;
        if (*s < 0x80) {
            cp = *s;
            extra = 0;
        } else if ((*s & 0xE0) == 0xC0) {
            cp = *s & 0x1F;
            extra = 1;
        } else if ((*s & 0xF0) == 0xE0) {
            cp = *s & 0x0F;
            extra = 2;
        } else if ((*s & 0xF8) == 0xF0) {
            cp = *s & 0x07;
            extra = 3;
        } else {
            cp = 0xFFFD;
            extra = 0;
        }
        s++;
        for (int i = 0; i < extra; i++) {
            if ((*s & 0xC0) != 0x80) {
                cp = 0xFFFD;
                break;
            }
            cp = (cp << 6) | (*s++ & 0x3F);
        }
        if (cp >= 0x10000) {
            if (n + 2 >= capacity) {
                break;
            }
            cp -= 0x10000;
            dst[n++] = (vst_char16)(0xD800 | (cp >> 10));
            dst[n++] = (vst_char16)(0xDC00 | (cp & 0x3FF));
        } else {
            dst[n++] = (vst_char16)cp;
        }
    }
    dst[n] = 0;
}

size_t utf16_length(const vst_char16 *s, size_t max) {
    size_t n = 0;
    while (n < max && s[n] != 0) {
        n++;
    }
    return n;
}
