#ifndef FRONTDESK_CNCURSESW_SHIM_H
#define FRONTDESK_CNCURSESW_SHIM_H

/* The wide-character API (cchar_t, setcchar, wget_wch) is only declared with these set. */
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>
#include <ncursesw/term.h>

/* Swift 6 rejects ncurses' mutable C globals and cannot import function-like macros, so every
   one the backend needs goes through a static inline function. */

static inline WINDOW *fd_stdscr(void) { return stdscr; }
static inline int fd_lines(void) { return LINES; }
static inline int fd_cols(void) { return COLS; }
static inline int fd_colors(void) { return COLORS; }
static inline int fd_color_pairs(void) { return COLOR_PAIRS; }
static inline int fd_escdelay(void) { return ESCDELAY; }
static inline int fd_set_escdelay(int ms) { return set_escdelay(ms); }
static inline int fd_err(void) { return ERR; }
static inline int fd_ok(void) { return OK; }

static inline attr_t fd_a_normal(void) { return A_NORMAL; }
static inline attr_t fd_a_bold(void) { return A_BOLD; }
static inline attr_t fd_a_reverse(void) { return A_REVERSE; }
static inline attr_t fd_a_underline(void) { return A_UNDERLINE; }
static inline attr_t fd_a_dim(void) { return A_DIM; }

static inline int fd_key_f(int n) { return KEY_F(n); }
static inline int fd_key_f0(void) { return KEY_F0; }
static inline int fd_key_code_yes(void) { return KEY_CODE_YES; }
static inline int fd_key_up(void) { return KEY_UP; }
static inline int fd_key_down(void) { return KEY_DOWN; }
static inline int fd_key_left(void) { return KEY_LEFT; }
static inline int fd_key_right(void) { return KEY_RIGHT; }
static inline int fd_key_home(void) { return KEY_HOME; }
static inline int fd_key_end(void) { return KEY_END; }
static inline int fd_key_ppage(void) { return KEY_PPAGE; }
static inline int fd_key_npage(void) { return KEY_NPAGE; }
static inline int fd_key_enter(void) { return KEY_ENTER; }
static inline int fd_key_backspace(void) { return KEY_BACKSPACE; }
static inline int fd_key_dc(void) { return KEY_DC; }
static inline int fd_key_ic(void) { return KEY_IC; }
static inline int fd_key_btab(void) { return KEY_BTAB; }
static inline int fd_key_resize(void) { return KEY_RESIZE; }

static inline int fd_color_pair(int n) { return (int)COLOR_PAIR(n); }

static inline void fd_getmaxyx(WINDOW *win, int *y, int *x) {
    /* term.h defines `lines` and `columns` as macros, hence these names. */
    int max_y, max_x;
    getmaxyx(win, max_y, max_x);
    *y = max_y;
    *x = max_x;
}

/* Reads one key and reports errno from that very call (Swift might clobber it in between). */
static inline int fd_get_wch(WINDOW *win, wint_t *ch, int *error) {
    errno = 0;
    int rc = wget_wch(win, ch);
    *error = errno;
    return rc;
}

/* True when the file descriptor's other end is gone (SSH hangup, closed terminal window). */
static inline int fd_is_hung_up(int fd) {
    struct pollfd p = { .fd = fd, .events = POLLIN, .revents = 0 };
    if (poll(&p, 1, 0) < 0) return errno != EINTR;
    return (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

/* Checks TERM against terminfo without letting ncurses exit the process.
   Returns 1 when usable; else 0 (unknown terminal) or -1 (no terminfo database). */
static inline int fd_check_terminal(const char *term) {
    int status = 0;
    if (setupterm(term, STDOUT_FILENO, &status) != OK) return status;
    /* A terminal without cursor addressing (TERM=dumb) would get every frame on one line. */
    char *cup = tigetstr("cup");
    int addressable = cup != NULL && cup != (char *)-1;
    del_curterm(cur_term);
    return addressable ? 1 : 2;
}

/* Opens the screen with newterm, which returns NULL on failure where initscr would exit. */
static inline SCREEN *fd_newterm(void) { return newterm(NULL, stdout, stdin); }

/* A terminfo string capability ("rmcup", "cnorm"…), or NULL when the terminal has none. */
static inline const char *fd_tigetstr(const char *name) {
    char *value = tigetstr((char *)name);
    if (value == NULL || value == (char *)-1) return NULL;
    return value;
}

/* Signal handling lives in the CursesSignals target: its state must exist exactly once. */
static inline int fd_sighup(void) { return SIGHUP; }

#endif
