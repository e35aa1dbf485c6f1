// The only file that includes ICU's headers. See include/CICUShim.h.
#include "CICUShim.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unorm2.h>
#include <unicode/uregex.h>
#include <unicode/utrans.h>
#include <unicode/utypes.h>
#include <unicode/uversion.h>

const char *tiyao_error_name(int32_t status) { return u_errorName((UErrorCode)status); }

void tiyao_icu_version(char *buffer, int32_t capacity) {
    UVersionInfo version;
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(version);
    u_versionToString(version, text);
    if (capacity > 0) {
        strncpy(buffer, text, (size_t)capacity - 1);
        buffer[capacity - 1] = 0;
    }
}

// MARK: Break iteration

struct TiyaoBreaker { UBreakIterator *iterator; };

TiyaoBreaker *tiyao_breaker_open(int32_t kind, const char *locale, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open((UBreakIteratorType)kind, locale, NULL, 0, &error);
    *status = error;
    if (U_FAILURE(error)) return NULL;
    TiyaoBreaker *breaker = malloc(sizeof *breaker);
    if (!breaker) { ubrk_close(iterator); *status = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    breaker->iterator = iterator;
    return breaker;
}

void tiyao_breaker_close(TiyaoBreaker *breaker) {
    if (!breaker) return;
    ubrk_close(breaker->iterator);
    free(breaker);
}

int32_t tiyao_breaker_boundaries(TiyaoBreaker *breaker, const uint16_t *text, int32_t length,
                                 int32_t *out, int32_t *ruleStatus, int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    ubrk_setText(breaker->iterator, (const UChar *)text, length, &error);
    *status = error;
    if (U_FAILURE(error)) return 0;
    int32_t count = 0;
    for (int32_t b = ubrk_next(breaker->iterator); b != UBRK_DONE; b = ubrk_next(breaker->iterator)) {
        if (count < capacity) {
            out[count] = b;
            if (ruleStatus) ruleStatus[count] = ubrk_getRuleStatus(breaker->iterator);
        }
        count++;
    }
    // Do not keep a pointer to the caller's buffer.
    ubrk_setText(breaker->iterator, NULL, 0, &error);
    return count;
}

// MARK: Transliteration

struct TiyaoTransliterator { UTransliterator *transliterator; };

TiyaoTransliterator *tiyao_transliterator_open(const uint16_t *id, int32_t idLength, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UTransliterator *t = utrans_openU((const UChar *)id, idLength, UTRANS_FORWARD, NULL, 0, NULL, &error);
    *status = error;
    if (U_FAILURE(error)) return NULL;
    TiyaoTransliterator *result = malloc(sizeof *result);
    if (!result) { utrans_close(t); *status = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    result->transliterator = t;
    return result;
}

void tiyao_transliterator_close(TiyaoTransliterator *transliterator) {
    if (!transliterator) return;
    utrans_close(transliterator->transliterator);
    free(transliterator);
}

int32_t tiyao_transliterate(TiyaoTransliterator *transliterator, uint16_t *buffer, int32_t length,
                            int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    int32_t textLength = length;
    int32_t limit = length;
    utrans_transUChars(transliterator->transliterator, (UChar *)buffer, &textLength, capacity, 0, &limit, &error);
    *status = error;
    return textLength;
}

// MARK: Normalization

int32_t tiyao_normalize(int32_t form, const uint16_t *source, int32_t length, uint16_t *dest,
                        int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    const UNormalizer2 *normalizer;
    switch (form) {
    case TIYAO_NFKC: normalizer = unorm2_getNFKCInstance(&error); break;
    case TIYAO_NFKC_CASEFOLD: normalizer = unorm2_getNFKCCasefoldInstance(&error); break;
    default: normalizer = unorm2_getNFCInstance(&error); break;
    }
    if (U_FAILURE(error)) { *status = error; return 0; }
    int32_t result = unorm2_normalize(normalizer, (const UChar *)source, length, (UChar *)dest, capacity, &error);
    *status = error;
    return result;
}

// MARK: Regular expressions

struct TiyaoRegex {
    URegularExpression *regex;
    UChar *text;  // owned copy: ICU keeps a pointer to the subject text
};

TiyaoRegex *tiyao_regex_open(const uint16_t *pattern, int32_t length, uint32_t flags,
                             int32_t *errorOffset, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UParseError parseError;
    memset(&parseError, 0, sizeof parseError);
    URegularExpression *regex = uregex_open((const UChar *)pattern, length, flags, &parseError, &error);
    *status = error;
    *errorOffset = parseError.offset;
    if (U_FAILURE(error)) return NULL;
    TiyaoRegex *result = calloc(1, sizeof *result);
    if (!result) { uregex_close(regex); *status = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    result->regex = regex;
    return result;
}

void tiyao_regex_close(TiyaoRegex *regex) {
    if (!regex) return;
    uregex_close(regex->regex);
    free(regex->text);
    free(regex);
}

void tiyao_regex_set_time_limit(TiyaoRegex *regex, int32_t steps, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    uregex_setTimeLimit(regex->regex, steps, &error);
    *status = error;
}

int32_t tiyao_regex_group_count(TiyaoRegex *regex, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    int32_t count = uregex_groupCount(regex->regex, &error);
    *status = error;
    return count;
}

int32_t tiyao_regex_group_number(TiyaoRegex *regex, const uint16_t *name, int32_t length) {
    UErrorCode error = U_ZERO_ERROR;
    int32_t number = uregex_groupNumberFromName(regex->regex, (const UChar *)name, length, &error);
    return U_FAILURE(error) ? -1 : number;
}

void tiyao_regex_set_text(TiyaoRegex *regex, const uint16_t *text, int32_t length, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UChar *copy = malloc(sizeof(UChar) * (size_t)(length > 0 ? length : 1));
    if (!copy) { *status = U_MEMORY_ALLOCATION_ERROR; return; }
    if (length > 0) memcpy(copy, text, sizeof(UChar) * (size_t)length);
    uregex_setText(regex->regex, copy, length, &error);
    free(regex->text);
    regex->text = copy;
    *status = error;
}

int32_t tiyao_regex_find_next(TiyaoRegex *regex, int32_t *bounds, int32_t boundsCount, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UBool found = uregex_findNext(regex->regex, &error);
    *status = error;
    if (U_FAILURE(error) || !found) return 0;
    int32_t groups = uregex_groupCount(regex->regex, &error);
    for (int32_t g = 0; g <= groups && 2 * g + 1 < boundsCount; g++) {
        bounds[2 * g] = uregex_start(regex->regex, g, &error);
        bounds[2 * g + 1] = uregex_end(regex->regex, g, &error);
    }
    *status = error;
    return U_FAILURE(error) ? 0 : 1;
}

// MARK: Charsets

int32_t tiyao_charset_detect(const char *bytes, int32_t length, char *name, int32_t nameCapacity,
                             int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UCharsetDetector *detector = ucsdet_open(&error);
    if (U_FAILURE(error)) { *status = error; return -1; }
    ucsdet_setText(detector, bytes, length, &error);
    const UCharsetMatch *match = ucsdet_detect(detector, &error);
    int32_t confidence = -1;
    if (U_SUCCESS(error) && match) {
        const char *matched = ucsdet_getName(match, &error);
        confidence = ucsdet_getConfidence(match, &error);
        if (U_SUCCESS(error) && matched && nameCapacity > 0) {
            strncpy(name, matched, (size_t)nameCapacity - 1);
            name[nameCapacity - 1] = 0;
        }
    }
    ucsdet_close(detector);
    *status = error;
    return U_SUCCESS(error) ? confidence : -1;
}

static UConverter *open_strict_converter(const char *charset, UErrorCode *error) {
    UConverter *converter = ucnv_open(charset, error);
    if (U_FAILURE(*error)) return NULL;
    ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, error);
    ucnv_setFromUCallBack(converter, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, error);
    return converter;
}

int32_t tiyao_charset_decode(const char *charset, const char *bytes, int32_t length, uint16_t *dest,
                             int32_t capacity, int32_t *errorOffset, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    *errorOffset = -1;
    UConverter *converter = open_strict_converter(charset, &error);
    if (U_FAILURE(error)) { *status = error; return 0; }
    // Convert in streaming form so that an illegal sequence reports where it stands.
    UChar *target = (UChar *)dest;
    UChar *targetLimit = (UChar *)dest + capacity;
    const char *source = bytes;
    ucnv_toUnicode(converter, &target, targetLimit, &source, bytes + length, NULL, 1, &error);
    int32_t written = (int32_t)(target - (UChar *)dest);
    // The caller sizes `dest` generously (2 units a byte); an overflow is reported as is.
    if (U_FAILURE(error) && error != U_BUFFER_OVERFLOW_ERROR) *errorOffset = (int32_t)(source - bytes);
    ucnv_close(converter);
    *status = error;
    return written;
}

int32_t tiyao_charset_encode(const char *charset, const uint16_t *source, int32_t length, char *dest,
                             int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UConverter *converter = open_strict_converter(charset, &error);
    if (U_FAILURE(error)) { *status = error; return 0; }
    int32_t written = ucnv_fromUChars(converter, dest, capacity, (const UChar *)source, length, &error);
    ucnv_close(converter);
    *status = error;
    return written;
}
