// External scanner for the Dockerfile grammar: the tokens whose extent depends on the
// escape character (`# escape=` directive) or on state that regular rules cannot keep:
// line continuations, words, flags, shell text, JSON detection and heredocs.
//
// BuildKit joins continuation lines before it splits arguments, so a continuation
// (escape, blanks, newline, then any empty or comment lines) may sit anywhere in an
// instruction. The scanner keeps enough state (quotes, "glued" fragments) for the
// pieces on both sides of it to be read as one logical line.

#include "tree_sitter/parser.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum TokenType {
  DIRECTIVE,
  LINE_CONTINUATION,
  EOL,
  FLAG,
  WORD,
  WORD_CONT,
  AS_KEYWORD,
  PAIR_KEY,
  NAME,
  PAIR_VALUE,
  TEXT,
  HEREDOC_MARKER,
  HEREDOC_BODY,
  HEREDOC_END,
  JSON_YES,
  JSON_NO,
  UNKNOWN_KEYWORD,
  ERROR_SENTINEL,
};

#define MAX_HEREDOCS 8
#define MAX_NAME 100

typedef struct {
  uint8_t len;
  bool chomp;
  char name[MAX_NAME];
} Heredoc;

typedef struct {
  int32_t escape;     // '\\' or '`'
  bool in_single;     // inside '...' on the current logical line
  bool in_double;     // inside "..." on the current logical line
  bool glued;         // the last token was a continuation with no blank before it
  bool after_eq;      // the last token was a pair key: a value may follow its `=`
  uint8_t heredoc_count;
  Heredoc heredocs[MAX_HEREDOCS];
} Scanner;

typedef TSLexer Lexer;

static bool is_blank(int32_t c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }
static bool at_line_end(Lexer *l) { return l->lookahead == '\n' || l->eof(l); }
static void advance(Lexer *l) { l->advance(l, false); }

// Skips blanks (not newlines) as whitespace before a token; true when any was skipped.
static bool skip_blanks(Lexer *l) {
  bool skipped = false;
  while (is_blank(l->lookahead)) {
    l->advance(l, true);
    skipped = true;
  }
  return skipped;
}

// With lookahead on an escape character: consumes the run of escape characters and the
// blanks after it. Returns the run length when a line end follows (a continuation when
// the run is exactly one character, as BuildKit's `([^E])E[ \t]*$` decides), else 0.
static int consume_escape_run(Lexer *l, int32_t escape) {
  int run = 0;
  while (l->lookahead == escape) {
    advance(l);
    run++;
  }
  while (l->lookahead == ' ' || l->lookahead == '\t') advance(l);
  while (l->lookahead == '\r') advance(l);
  return at_line_end(l) ? run : 0;
}

// After a continuation's newline: consumes the empty and comment lines BuildKit skips,
// marking the token end after each one.
static void skip_continuation_lines(Lexer *l, bool mark) {
  if (mark) l->mark_end(l);
  while (!l->eof(l)) {
    while (is_blank(l->lookahead)) advance(l);
    if (l->lookahead == '#') {
      while (!at_line_end(l)) advance(l);
    }
    if (l->lookahead != '\n') {
      // A comment or blank line that ends the file belongs to the continuation too.
      if (mark && l->eof(l)) l->mark_end(l);
      return;
    }
    advance(l);
    if (mark) l->mark_end(l);
  }
}

// ---- parser directives ------------------------------------------------------

static bool ascii_alpha(int32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static bool ascii_digit(int32_t c) { return c >= '0' && c <= '9'; }

// `# key=value` with key syntax, escape or check. Sets the escape character.
static bool scan_directive(Scanner *s, Lexer *l) {
  if (l->lookahead != '#') return false;
  advance(l);
  while (is_blank(l->lookahead)) advance(l);
  char key[16];
  int n = 0;
  if (!ascii_alpha(l->lookahead)) return false;
  while (ascii_alpha(l->lookahead) || ascii_digit(l->lookahead)) {
    if (n < 15) key[n] = (char)(l->lookahead | 0x20);
    n++;
    advance(l);
  }
  if (n > 15) return false;
  key[n] = 0;
  if (strcmp(key, "syntax") != 0 && strcmp(key, "escape") != 0 && strcmp(key, "check") != 0) return false;
  while (is_blank(l->lookahead)) advance(l);
  if (l->lookahead != '=') return false;
  advance(l);
  while (is_blank(l->lookahead)) advance(l);
  int32_t first = 0;
  int count = 0;
  while (!at_line_end(l)) {
    if (!is_blank(l->lookahead)) {
      if (count == 0) first = l->lookahead;
      count++;
      advance(l);
      l->mark_end(l);
    } else {
      advance(l);
    }
  }
  if (count == 0) return false;
  if (strcmp(key, "escape") == 0 && count == 1 && (first == '`' || first == '\\')) s->escape = first;
  l->result_symbol = DIRECTIVE;
  return true;
}

// ---- heredocs ---------------------------------------------------------------

// Reads the word after `<<` or `<<-` (the lookahead is its first character) and
// records the delimiter with its quotes removed. False when it is no heredoc word
// for BuildKit (empty, or containing another `<`).
static bool scan_heredoc_word(Scanner *s, Lexer *l, bool chomp, bool record) {
  Heredoc h = {.len = 0, .chomp = chomp};
  int32_t quote = 0;
  bool any = false;
  for (;;) {
    int32_t c = l->lookahead;
    if (at_line_end(l)) break;
    if (!quote && is_blank(c)) break;
    if (c == '<' && !quote) return false;
    if (c == s->escape && !quote) {
      // A continuation ends the word; an escaped character is taken literally.
      if (record) l->mark_end(l);
      advance(l);
      if (at_line_end(l) || is_blank(l->lookahead)) break;
      c = l->lookahead;
    } else if (!quote && (c == '\'' || c == '"')) {
      quote = c;
      any = true;
      advance(l);
      if (record) l->mark_end(l);
      continue;
    } else if (quote && c == quote) {
      quote = 0;
      advance(l);
      if (record) l->mark_end(l);
      continue;
    } else if (quote == '"' && c == '\\') {
      advance(l);
      c = l->lookahead;
      if (at_line_end(l)) break;
    }
    if (h.len < MAX_NAME) h.name[h.len++] = (char)(c < 0x80 ? c : '?');
    any = true;
    advance(l);
    if (record) l->mark_end(l);
  }
  if (!any || h.len == 0 || s->heredoc_count >= MAX_HEREDOCS) return false;
  if (record) s->heredocs[s->heredoc_count++] = h;
  return true;
}

// At a word start with lookahead on a digit or `<`: consumes `\d*<<-?` and the word.
// Returns true and records the heredoc when the word is a heredoc marker.
static bool scan_heredoc_marker(Scanner *s, Lexer *l, bool record) {
  while (ascii_digit(l->lookahead)) advance(l);
  if (l->lookahead != '<') return false;
  advance(l);
  if (l->lookahead != '<') return false;
  advance(l);
  bool chomp = false;
  if (l->lookahead == '-') {
    chomp = true;
    advance(l);
  }
  return scan_heredoc_word(s, l, chomp, record);
}

// Compares the line at the lookahead with the first pending delimiter, consuming it.
static bool line_is_delimiter(Scanner *s, Lexer *l, bool mark) {
  const Heredoc *h = &s->heredocs[0];
  if (h->chomp) {
    while (l->lookahead == '\t') advance(l);
  }
  int i = 0;
  bool match = true;
  while (!at_line_end(l) && l->lookahead != '\r') {
    if (i >= h->len || l->lookahead != (unsigned char)h->name[i]) match = false;
    i++;
    advance(l);
  }
  if (mark) l->mark_end(l);
  while (l->lookahead == '\r') advance(l);
  return match && i == h->len && at_line_end(l);
}

static void pop_heredoc(Scanner *s) {
  memmove(&s->heredocs[0], &s->heredocs[1], sizeof(Heredoc) * (size_t)(s->heredoc_count - 1));
  s->heredoc_count--;
}

// The body lines and then the delimiter line of the first pending heredoc.
static bool scan_heredoc(Scanner *s, Lexer *l, const bool *valid) {
  if (s->heredoc_count == 0) return false;
  if (valid[HEREDOC_END] && l->eof(l)) {
    // No delimiter before the end of the file: an empty end the model reports as
    // BuildKit's "unterminated heredoc".
    l->mark_end(l);
    pop_heredoc(s);
    l->result_symbol = HEREDOC_END;
    return true;
  }
  if (valid[HEREDOC_END] && line_is_delimiter(s, l, true)) {
    pop_heredoc(s);
    l->result_symbol = HEREDOC_END;
    return true;
  }
  if (!valid[HEREDOC_BODY]) return false;
  // The first line was not the delimiter: the body runs to the next delimiter line.
  for (;;) {
    while (!at_line_end(l)) advance(l);
    if (l->eof(l)) {
      l->mark_end(l);
      break;
    }
    advance(l);  // the newline
    l->mark_end(l);
    if (l->eof(l) || line_is_delimiter(s, l, false)) break;
  }
  l->result_symbol = HEREDOC_BODY;
  return true;
}

// ---- JSON form --------------------------------------------------------------

// Reads the logical line as BuildKit's joined line: continuations (and the empty and
// comment lines after them) vanish. Returns -1 at the end of the logical line.
typedef struct {
  Lexer *l;
  int32_t escape;
  int32_t prev;
  int pending;  // characters consumed while testing for a continuation, not yet returned
  int32_t pending_chars[8];
  int pending_pos;
  bool crossed_line;  // the last character came after a continuation
} Reader;

static int32_t reader_next(Reader *r) {
  r->crossed_line = false;
  if (r->pending_pos < r->pending) return r->prev = r->pending_chars[r->pending_pos++];
  Lexer *l = r->l;
  for (;;) {
    if (at_line_end(l)) return -1;
    int32_t c = l->lookahead;
    if (c == r->escape && r->prev != r->escape) {
      advance(l);
      r->pending = r->pending_pos = 0;
      while ((l->lookahead == ' ' || l->lookahead == '\t' || l->lookahead == '\r') && r->pending < 8) {
        r->pending_chars[r->pending++] = l->lookahead;
        advance(l);
      }
      if (at_line_end(l)) {
        if (l->eof(l)) return -1;
        advance(l);
        skip_continuation_lines(l, false);
        r->pending = r->pending_pos = 0;
        r->prev = 0;
        r->crossed_line = true;
        continue;
      }
      return r->prev = c;
    }
    advance(l);
    return r->prev = c;
  }
}

static bool json_blank(int32_t c) { return c == ' ' || c == '\t' || c == '\r'; }

static int32_t reader_skip_blanks(Reader *r, int32_t c) {
  while (json_blank(c)) c = reader_next(r);
  return c;
}

static bool hex(int32_t c) { return ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// After the opening quote: true when a valid JSON string follows.
static bool json_string_rest(Reader *r) {
  for (;;) {
    int32_t c = reader_next(r);
    if (c == -1 || r->crossed_line || (c >= 0 && c < 0x20)) return false;
    if (c == '"') return true;
    if (c == '\\') {
      c = reader_next(r);
      if (c == 'u') {
        for (int i = 0; i < 4; i++)
          if (!hex(reader_next(r))) return false;
      } else if (!(c == '"' || c == '\\' || c == '/' || c == 'b' || c == 'f' || c == 'n' || c == 'r' || c == 't')) {
        return false;
      }
    }
  }
}

// With lookahead on `[`: a zero-width token saying whether the rest of the logical line
// is a JSON array of strings followed by blanks only (BuildKit's exec form). A
// continuation inside a string gives "no": the model still reads the joined line.
static bool json_is_exec_form(Scanner *s, Lexer *l);

static bool scan_json_decision(Scanner *s, Lexer *l) {
  l->mark_end(l);
  l->result_symbol = json_is_exec_form(s, l) ? JSON_YES : JSON_NO;
  return true;
}

static bool json_is_exec_form(Scanner *s, Lexer *l) {
  advance(l);
  Reader r = {.l = l, .escape = s->escape, .prev = '['};
  int32_t c = reader_skip_blanks(&r, reader_next(&r));
  if (c != ']') {
    for (;;) {
      if (c != '"' || !json_string_rest(&r)) return false;
      c = reader_skip_blanks(&r, reader_next(&r));
      if (c == ']') break;
      if (c != ',') return false;
      c = reader_skip_blanks(&r, reader_next(&r));
    }
  }
  c = reader_next(&r);
  while (c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f') c = reader_next(&r);
  return c == -1;
}

// ---- words, flags, pairs and text ---------------------------------------------

// With lookahead on the escape character: consumes its run, then blanks. Returns the
// run length; the caller tests at_line_end() for a continuation (run == 1) or a
// literal run at the end of the line (run > 1, already marked as content).
static int escape_run(Scanner *s, Lexer *l, bool *blanks_after) {
  int run = 0;
  while (l->lookahead == s->escape) {
    advance(l);
    run++;
  }
  if (run > 1) l->mark_end(l);
  *blanks_after = false;
  while (is_blank(l->lookahead)) {
    advance(l);
    *blanks_after = true;
  }
  return run;
}

// Finishes a continuation whose escape character has been consumed (the lookahead is
// at the line end): the newline, then the empty and comment lines BuildKit skips.
static bool finish_continuation(Scanner *s, Lexer *l, bool blank_before) {
  if (l->lookahead == '\n') {
    advance(l);
    skip_continuation_lines(l, true);
  } else {
    l->mark_end(l);
  }
  s->glued = !blank_before;
  s->after_eq = false;
  l->result_symbol = LINE_CONTINUATION;
  return true;
}

typedef enum { PLAIN_WORD, FLAG_WORD, KEY_WORD, VALUE_WORD, SHELL_TEXT } Mode;

typedef struct {
  Mode mode;
  bool any;         // content consumed (and marked) in this token
  bool word_start;  // SHELL_TEXT: the lookahead starts a shell word
  bool heredocs;    // a heredoc marker may start at a word start
  bool blank_seen;  // KEY_WORD: a blank was seen, so the plain word has ended
  int32_t quote;    // FLAG_WORD, KEY_WORD: the open quote
  char head[3];     // PLAIN_WORD: the first characters, to recognise `AS`
  int head_len;
} Lex;

static void take(Lexer *l, Lex *x, int32_t c) {
  if (x->mode == PLAIN_WORD && x->head_len < 3) x->head[x->head_len] = (char)c;
  x->head_len++;
  advance(l);
  if (!(x->mode == KEY_WORD && x->blank_seen)) l->mark_end(l);
  x->any = true;
}

// The content loop shared by every word-like token. Returns false when it met a
// continuation before any content (the caller then emits LINE_CONTINUATION), and
// sets *continuation. Quote state lives in the scanner for the value and shell modes,
// which may span continuations; in the local Lex for the others.
static bool lex_content(Scanner *s, Lexer *l, Lex *x, bool *continuation) {
  bool shell_escaped = false;
  *continuation = false;
  for (;;) {
    int32_t c = l->lookahead;
    if (at_line_end(l)) return x->any;
    bool quoted = x->mode == SHELL_TEXT || x->mode == VALUE_WORD ? (s->in_single || s->in_double) : x->quote != 0;
    bool single = x->mode == SHELL_TEXT || x->mode == VALUE_WORD ? s->in_single : x->quote == '\'';

    if (c == s->escape) {
      bool blanks;
      int run = escape_run(s, l, &blanks);
      if (at_line_end(l)) {
        if (run == 1) {
          *continuation = !x->any;
          return x->any;
        }
        x->any = true;
        return true;
      }
      x->any = true;
      if (single && x->mode != FLAG_WORD && x->mode != SHELL_TEXT) {
        l->mark_end(l);  // inside '...' the escape character is an ordinary one
        continue;
      }
      if (x->mode == PLAIN_WORD && blanks) return true;  // the word ended at the blank
      if (x->mode == SHELL_TEXT) {
        shell_escaped = s->escape == '\\' && run % 2 == 1 && !blanks;
        if (blanks && !quoted) x->word_start = true;
        l->mark_end(l);
        continue;
      }
      l->mark_end(l);
      // parseWords and the flag splitter take the character after an odd run literally.
      if (run % 2 == 1 && !blanks && !at_line_end(l)) take(l, x, l->lookahead);
      continue;
    }

    if (is_blank(c) && !quoted) {
      if (x->mode != SHELL_TEXT) return x->any;
      advance(l);
      if (!shell_escaped) x->word_start = true;
      shell_escaped = false;
      continue;
    }

    if (x->mode == SHELL_TEXT) {
      if (x->heredocs && x->word_start && !quoted && !shell_escaped && (c == '<' || ascii_digit(c))) {
        if (x->any) {
          if (scan_heredoc_marker(s, l, false)) return true;  // the marker is the next token
          l->mark_end(l);
        } else if (scan_heredoc_marker(s, l, true)) {
          l->result_symbol = HEREDOC_MARKER;
          x->any = true;
          return true;
        } else {
          l->mark_end(l);
          x->any = true;
        }
        x->word_start = false;
        continue;
      }
      if (!shell_escaped) {
        if (c == '\'' && !s->in_double) s->in_single = !s->in_single;
        else if (c == '"' && !s->in_single) s->in_double = !s->in_double;
      }
      bool escapes_next = c == '\\' && !s->in_single && !shell_escaped && s->escape != '\\';
      advance(l);
      l->mark_end(l);
      x->any = true;
      x->word_start = false;
      shell_escaped = escapes_next;
      continue;
    }

    if (is_blank(c)) {  // quoted blank: content, but the plain word of a key ends here
      if (x->mode == KEY_WORD && !x->blank_seen) x->blank_seen = true;
      take(l, x, c);
      continue;
    }
    if (x->mode == KEY_WORD && c == '=') return x->any || true;
    if (x->mode == VALUE_WORD) {
      if (c == '\'' && !s->in_double) s->in_single = !s->in_single;
      else if (c == '"' && !s->in_single) s->in_double = !s->in_double;
    } else if (x->mode != PLAIN_WORD) {
      if (!x->quote && (c == '\'' || c == '"')) x->quote = c;
      else if (x->quote && c == x->quote) x->quote = 0;
    }
    take(l, x, c);
  }
}

static bool is_as(const Lex *x) {
  return x->head_len == 2 && (x->head[0] | 0x20) == 'a' && (x->head[1] | 0x20) == 's';
}

// ---- instruction keywords ------------------------------------------------------

static const char *const KEYWORDS[] = {
    "from", "run", "cmd", "label", "maintainer", "expose", "env", "add", "copy", "entrypoint",
    "volume", "user", "workdir", "arg", "onbuild", "stopsignal", "healthcheck", "shell",
};

// An instruction keyword that is none of BuildKit's (the grammar lexes the known ones
// case-insensitively). BuildKit takes everything up to the first blank as the keyword.
static bool scan_unknown_keyword(Scanner *s, Lexer *l) {
  char word[12];
  int n = 0;
  while (!at_line_end(l) && !is_blank(l->lookahead) && l->lookahead != s->escape) {
    if (n == 0 && l->lookahead == '#') return false;
    if (n < 12) word[n] = (char)(l->lookahead < 0x80 ? (l->lookahead | 0x20) : 0);
    n++;
    advance(l);
  }
  if (n == 0) return false;
  if (n <= 11) {
    for (size_t i = 0; i < sizeof KEYWORDS / sizeof *KEYWORDS; i++) {
      if (strlen(KEYWORDS[i]) == (size_t)n && memcmp(KEYWORDS[i], word, (size_t)n) == 0) return false;
    }
  }
  l->mark_end(l);
  l->result_symbol = UNKNOWN_KEYWORD;
  return true;
}

// ---- the entry points ----------------------------------------------------------

static bool scan(Scanner *s, Lexer *l, const bool *valid) {
  bool recovering = valid[ERROR_SENTINEL];

  if ((valid[HEREDOC_BODY] || valid[HEREDOC_END]) && s->heredoc_count > 0) return scan_heredoc(s, l, valid);

  bool skipped = skip_blanks(l);
  if (valid[DIRECTIVE] && !recovering && l->lookahead == '#') return scan_directive(s, l);
  // Between instructions, blank lines are whitespace: skip them to reach the next keyword.
  if (valid[UNKNOWN_KEYWORD] && !valid[EOL] && !recovering) {
    while (l->lookahead == '\n' || is_blank(l->lookahead)) l->advance(l, true);
    skipped = true;
  }
  bool glued = !skipped && s->glued;

  if (at_line_end(l)) {
    if (!valid[EOL] || (l->eof(l) && recovering)) return false;
    if (!l->eof(l)) advance(l);
    l->mark_end(l);
    s->in_single = s->in_double = s->glued = s->after_eq = false;
    l->result_symbol = EOL;
    return true;
  }
  if (recovering) {
    if (l->lookahead != s->escape) return false;
    bool blanks;
    return escape_run(s, l, &blanks) == 1 && at_line_end(l) && finish_continuation(s, l, skipped);
  }

  int32_t c = l->lookahead;
  if ((valid[JSON_YES] || valid[JSON_NO]) && c == '[') return scan_json_decision(s, l);
  if (valid[UNKNOWN_KEYWORD] && c != s->escape) return scan_unknown_keyword(s, l);

  Lex x = {.word_start = skipped || !s->glued};
  enum TokenType symbol;
  if (valid[PAIR_VALUE] && (s->in_single || s->in_double || (!skipped && (s->after_eq || glued)))) {
    x.mode = VALUE_WORD;
    symbol = PAIR_VALUE;
  } else if (valid[FLAG] && c == '-') {
    advance(l);
    l->mark_end(l);
    x.any = true;
    if (l->lookahead == '-') {
      x.mode = FLAG_WORD;
      symbol = FLAG;
    } else if (valid[TEXT]) {
      x.mode = SHELL_TEXT;
      x.word_start = false;
      symbol = TEXT;
    } else if (valid[PAIR_KEY] || valid[NAME]) {
      x.mode = KEY_WORD;
      symbol = NAME;
    } else if (valid[WORD]) {
      x.mode = PLAIN_WORD;
      x.head[0] = '-';
      x.head_len = 1;
      symbol = WORD;
    } else {
      return false;
    }
  } else if (valid[PAIR_KEY] || valid[NAME]) {
    x.mode = KEY_WORD;
    symbol = NAME;
  } else if (valid[TEXT]) {
    x.mode = SHELL_TEXT;
    x.heredocs = valid[HEREDOC_MARKER];
    symbol = TEXT;
  } else if (valid[WORD] || valid[WORD_CONT] || valid[AS_KEYWORD]) {
    x.mode = PLAIN_WORD;
    symbol = glued && valid[WORD_CONT] ? WORD_CONT : WORD;
    if (valid[HEREDOC_MARKER] && !glued && (c == '<' || ascii_digit(c))) {
      if (scan_heredoc_marker(s, l, true)) {
        l->result_symbol = HEREDOC_MARKER;
        s->glued = s->after_eq = false;
        return true;
      }
      l->mark_end(l);
      x.any = true;
    }
  } else if (c == s->escape) {
    bool blanks;
    return escape_run(s, l, &blanks) == 1 && at_line_end(l) && finish_continuation(s, l, skipped);
  } else {
    return false;
  }

  bool continuation;
  bool got = lex_content(s, l, &x, &continuation);
  if (continuation) return finish_continuation(s, l, skipped);
  if (!got) return false;
  if (l->result_symbol == HEREDOC_MARKER && x.mode == SHELL_TEXT && x.any && symbol == TEXT) {
    // lex_content recorded a marker at the start of the token.
  } else {
    l->result_symbol = symbol;
  }
  if (x.mode == KEY_WORD) {
    if (l->lookahead == '=' && !x.blank_seen) {
      l->result_symbol = PAIR_KEY;
      if (x.quote == '\'') s->in_single = true;
      if (x.quote == '"') s->in_double = true;
    } else if (l->lookahead == '=') {
      l->result_symbol = PAIR_KEY;
    } else {
      l->result_symbol = NAME;
    }
    if (!valid[l->result_symbol]) return false;
  }
  if (symbol == WORD && valid[AS_KEYWORD] && is_as(&x)) l->result_symbol = AS_KEYWORD;
  s->after_eq = l->result_symbol == PAIR_KEY;
  s->glued = false;
  if (l->result_symbol == NAME) s->in_single = s->in_double = false;
  return true;
}

void *tree_sitter_dockerfile_external_scanner_create(void) {
  Scanner *s = calloc(1, sizeof(Scanner));
  s->escape = '\\';
  return s;
}

void tree_sitter_dockerfile_external_scanner_destroy(void *payload) { free(payload); }

unsigned tree_sitter_dockerfile_external_scanner_serialize(void *payload, char *buffer) {
  Scanner *s = payload;
  unsigned n = 0;
  buffer[n++] = (char)s->escape;
  buffer[n++] = (char)((s->in_single ? 1 : 0) | (s->in_double ? 2 : 0) | (s->glued ? 4 : 0) | (s->after_eq ? 8 : 0));
  buffer[n++] = (char)s->heredoc_count;
  for (int i = 0; i < s->heredoc_count; i++) {
    const Heredoc *h = &s->heredocs[i];
    buffer[n++] = (char)h->chomp;
    buffer[n++] = (char)h->len;
    memcpy(buffer + n, h->name, h->len);
    n += h->len;
  }
  return n;
}

void tree_sitter_dockerfile_external_scanner_deserialize(void *payload, const char *buffer, unsigned length) {
  Scanner *s = payload;
  // Called before every external token: reset only the fields, not the heredoc buffers.
  s->escape = '\\';
  s->in_single = s->in_double = s->glued = s->after_eq = false;
  s->heredoc_count = 0;
  if (length < 3) return;
  unsigned n = 0;
  s->escape = (unsigned char)buffer[n++];
  unsigned flags = (unsigned char)buffer[n++];
  s->in_single = flags & 1;
  s->in_double = flags & 2;
  s->glued = flags & 4;
  s->after_eq = flags & 8;
  s->heredoc_count = (uint8_t)buffer[n++];
  for (int i = 0; i < s->heredoc_count && n + 2 <= length; i++) {
    Heredoc *h = &s->heredocs[i];
    h->chomp = buffer[n++];
    h->len = (uint8_t)buffer[n++];
    memcpy(h->name, buffer + n, h->len);
    n += h->len;
  }
}

bool tree_sitter_dockerfile_external_scanner_scan(void *payload, TSLexer *lexer, const bool *valid_symbols) {
  return scan(payload, lexer, valid_symbols);
}
