// A thin C face over the system ICU (libicu-dev). Only plain C types cross this
// header, so Swift never sees <unicode/*.h> beside Foundation's private ICU copy.
// Status values are ICU UErrorCode numbers: 0 ok, negative warnings, positive errors.
#ifndef CICUSHIM_H
#define CICUSHIM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// ICU's name for a status code, e.g. "U_REGEX_TIME_OUT".
const char *tiyao_error_name(int32_t status);

/// The ICU version as "72.1" (written into `buffer`, NUL-terminated).
void tiyao_icu_version(char *buffer, int32_t capacity);

// MARK: Break iteration (sentences, words)

enum { TIYAO_BREAK_WORD = 1, TIYAO_BREAK_SENTENCE = 3 };
typedef struct TiyaoBreaker TiyaoBreaker;
TiyaoBreaker *tiyao_breaker_open(int32_t kind, const char *locale, int32_t *status);
void tiyao_breaker_close(TiyaoBreaker *breaker);
/// Writes the boundaries of `text` (UTF-16 offsets, excluding 0, including len) into
/// `out` and, when `ruleStatus` is not NULL, the rule status of the segment that ends
/// there (word kind: 0 none/punctuation, 100 number, 200 letter, 300 kana, 400 ideo).
/// Returns the number of boundaries; if it exceeds `capacity`, only `capacity` were written.
int32_t tiyao_breaker_boundaries(TiyaoBreaker *breaker, const uint16_t *text, int32_t length,
                                 int32_t *out, int32_t *ruleStatus, int32_t capacity, int32_t *status);

// MARK: Transliteration (e.g. "Hant-Hans")

typedef struct TiyaoTransliterator TiyaoTransliterator;
TiyaoTransliterator *tiyao_transliterator_open(const uint16_t *id, int32_t idLength, int32_t *status);
void tiyao_transliterator_close(TiyaoTransliterator *transliterator);
/// Transliterates `buffer[0..<length]` in place; returns the new length (may exceed
/// `capacity`, in which case status is U_BUFFER_OVERFLOW_ERROR).
int32_t tiyao_transliterate(TiyaoTransliterator *transliterator, uint16_t *buffer, int32_t length,
                            int32_t capacity, int32_t *status);

// MARK: Normalization

enum { TIYAO_NFC = 0, TIYAO_NFKC = 1, TIYAO_NFKC_CASEFOLD = 2 };
/// Returns the normalized length (writes at most `capacity` units).
int32_t tiyao_normalize(int32_t form, const uint16_t *source, int32_t length, uint16_t *dest,
                        int32_t capacity, int32_t *status);

// MARK: Regular expressions

typedef struct TiyaoRegex TiyaoRegex;
/// On a syntax error returns NULL and sets *errorOffset to the UTF-16 offset of the error.
TiyaoRegex *tiyao_regex_open(const uint16_t *pattern, int32_t length, uint32_t flags,
                             int32_t *errorOffset, int32_t *status);
void tiyao_regex_close(TiyaoRegex *regex);
/// Limits each match to about `steps` steps of the match engine (ICU's unit, a few ms each 1000s).
void tiyao_regex_set_time_limit(TiyaoRegex *regex, int32_t steps, int32_t *status);
int32_t tiyao_regex_group_count(TiyaoRegex *regex, int32_t *status);
/// Group number for a named group, or -1.
int32_t tiyao_regex_group_number(TiyaoRegex *regex, const uint16_t *name, int32_t length);
/// Copies `text` and resets the matcher to it.
void tiyao_regex_set_text(TiyaoRegex *regex, const uint16_t *text, int32_t length, int32_t *status);
/// Finds the next match; returns 1 and fills bounds[2*g], bounds[2*g+1] for groups
/// 0...groupCount (-1 for a group that did not take part), or 0 when there is none.
int32_t tiyao_regex_find_next(TiyaoRegex *regex, int32_t *bounds, int32_t boundsCount, int32_t *status);

// MARK: Charsets

/// Best guess at the charset of `bytes`; writes its ICU name into `name` (NUL-terminated)
/// and returns the confidence 0...100, or -1 when nothing matched.
int32_t tiyao_charset_detect(const char *bytes, int32_t length, char *name, int32_t nameCapacity,
                             int32_t *status);
/// Decodes `bytes` in `charset` to UTF-16; stops with an error status at the first
/// undecodable sequence (never substitutes). Returns the UTF-16 length needed.
int32_t tiyao_charset_decode(const char *charset, const char *bytes, int32_t length, uint16_t *dest,
                             int32_t capacity, int32_t *errorOffset, int32_t *status);
/// Encodes UTF-16 into `charset`; stops at the first unmappable character. Returns bytes needed.
int32_t tiyao_charset_encode(const char *charset, const uint16_t *source, int32_t length, char *dest,
                             int32_t capacity, int32_t *status);

#ifdef __cplusplus
}
#endif

#endif
