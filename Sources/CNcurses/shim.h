#ifndef ECSDASH_CNCURSES_SHIM_H
#define ECSDASH_CNCURSES_SHIM_H

/* SwiftPM drops pkg-config's defines, and without these the wide-character API vanishes. */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Swift cannot import macros or mutable C globals; these small wrappers expose what the UI needs. */

static inline WINDOW *ecs_stdscr(void) { return stdscr; }
static inline int ecs_lines(void) { return LINES; }
static inline int ecs_cols(void) { return COLS; }
static inline int ecs_colors(void) { return COLORS; }
static inline int ecs_color_pairs(void) { return COLOR_PAIRS; }

static inline int ecs_getmaxy(WINDOW *win) { return getmaxy(win); }
static inline int ecs_getmaxx(WINDOW *win) { return getmaxx(win); }

static inline attr_t ecs_a_normal(void) { return A_NORMAL; }
static inline attr_t ecs_a_bold(void) { return A_BOLD; }
static inline attr_t ecs_a_reverse(void) { return A_REVERSE; }
static inline attr_t ecs_a_underline(void) { return A_UNDERLINE; }
static inline attr_t ecs_a_dim(void) { return A_DIM; }
static inline attr_t ecs_color_pair(short pair) { return COLOR_PAIR(pair); }

static inline int ecs_key_resize(void) { return KEY_RESIZE; }
static inline int ecs_key_f(int n) { return KEY_F(n); }
static inline int ecs_err(void) { return ERR; }
static inline int ecs_key_code_yes(void) { return KEY_CODE_YES; }

static inline int ecs_wcwidth(wchar_t c) { return wcwidth(c); }

/* stdin and stdout are mutable C globals that Swift 6 refuses to touch directly. */
static inline FILE *ecs_stdout(void) { return stdout; }
static inline FILE *ecs_stdin(void) { return stdin; }
static inline const char *ecs_codeset(void) { return nl_langinfo(CODESET); }

/* Draws a wide string of at most n characters; Swift formats, curses only places. */
static inline int ecs_mvwaddnwstr(WINDOW *win, int y, int x, const wchar_t *text, int n) {
    return mvwaddnwstr(win, y, x, text, n);
}

#endif
