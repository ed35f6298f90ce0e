#ifndef FRONTDESK_CURSES_SIGNALS_H
#define FRONTDESK_CURSES_SIGNALS_H

#include <stddef.h>

/* Signals while the full-screen application owns the terminal. Kept in a C file of its own (not in
   the ncurses shim header) so there is exactly one copy of its state: a `static` variable in a
   header gets one copy per Swift file that uses it. */

/* Saves the terminal's settings (termios of standard input) before curses changes them. */
void fd_signals_save_terminal(void);

/* The bytes a crash writes to give the terminal back (leave the alternate screen, show the cursor,
   turn bracketed paste off…), computed beforehand because a signal handler may not ask terminfo. */
void fd_signals_set_restore_sequence(const char *bytes, size_t length);

/* Installs the handlers: SIGTERM, SIGINT and SIGHUP set a flag the loop reads, as SIGTSTP does; SIGSEGV, SIGBUS,
   SIGILL, SIGABRT, SIGFPE and SIGTRAP restore the terminal and die of the same signal. */
void fd_signals_install(void);

/* Gives the quit signals their default action again and puts back the crash handlers that were there before. */
void fd_signals_uninstall(void);

/* The quit signal received (SIGTERM, SIGINT or SIGHUP), 0 for none. */
int fd_signals_quit_signal(void);

/* What the crash handler does, without a crash: writes the restore bytes and resets the terminal. */
void fd_signals_restore_terminal(void);

/* 1 once after Ctrl-Z (SIGTSTP) arrived while installed, then 0 until the next one. */
int fd_signals_take_suspend(void);

/* Stops the process as Ctrl-Z would (the default SIGTSTP action) and returns after SIGCONT with the
   handler back in place. Call it with the terminal given back. */
void fd_signals_stop_until_continued(void);

#endif
