#include "CursesSignals.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static volatile sig_atomic_t quit_signal = 0;
static volatile sig_atomic_t suspend_requested = 0;

static struct termios saved_termios;
static volatile sig_atomic_t have_saved_termios = 0;

static char restore_bytes[512];
static volatile sig_atomic_t restore_length = 0;

static const int quit_signals[] = { SIGTERM, SIGINT, SIGHUP };
static const int fatal_signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGFPE, SIGTRAP };
#define QUIT_COUNT (sizeof quit_signals / sizeof quit_signals[0])
#define FATAL_COUNT (sizeof fatal_signals / sizeof fatal_signals[0])

static struct sigaction previous_fatal[FATAL_COUNT];
static int installed = 0;

/* A stack overflow leaves no stack for the handler: it runs on this one. */
static void *alternate_stack = NULL;

void fd_signals_save_terminal(void) {
    if (tcgetattr(STDIN_FILENO, &saved_termios) == 0) have_saved_termios = 1;
}

void fd_signals_set_restore_sequence(const char *bytes, size_t length) {
    if (length > sizeof restore_bytes) length = sizeof restore_bytes;
    restore_length = 0;
    memcpy(restore_bytes, bytes, length);
    restore_length = (sig_atomic_t)length;
}

/* Only what is async-signal-safe: write(2) of bytes prepared at start and tcsetattr(3) of the
   settings saved before curses took the terminal. */
void fd_signals_restore_terminal(void) {
    int saved_errno = errno;
    if (restore_length > 0) {
        ssize_t ignored = write(STDOUT_FILENO, restore_bytes, (size_t)restore_length);
        (void)ignored;
    }
    if (have_saved_termios) tcsetattr(STDIN_FILENO, TCSANOW, &saved_termios);
    errno = saved_errno;
}

static void quit_handler(int signo) { quit_signal = signo; }

static void suspend_handler(int signo) { (void)signo; suspend_requested = 1; }

static void install_suspend_handler(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; /* no SA_RESTART: the blocked read returns and the loop suspends at once */
    action.sa_handler = suspend_handler;
    sigaction(SIGTSTP, &action, NULL);
}

/* Installed with SA_RESETHAND, so the default action is back in place: raising the signal again
   makes it pending until this handler returns, and then the process dies of it, as it would have
   without us (a re-executed faulting instruction does the same for a real SIGSEGV). */
static void fatal_handler(int signo) {
    fd_signals_restore_terminal();
    raise(signo);
}

/* A call to exit() while curses has the terminal (a library giving up, a stray exit) would leave it
   raw: put it back on the way out. After a normal stop nothing is installed and this does nothing. */
static void restore_at_exit(void) {
    if (installed) fd_signals_restore_terminal();
}

void fd_signals_install(void) {
    if (installed) return;
    static int registered_at_exit = 0;
    if (!registered_at_exit) {
        atexit(restore_at_exit);
        registered_at_exit = 1;
    }
    if (alternate_stack == NULL) {
        size_t size = 64 * 1024;
        alternate_stack = malloc(size);
        if (alternate_stack != NULL) {
            stack_t stack;
            memset(&stack, 0, sizeof stack);
            stack.ss_sp = alternate_stack;
            stack.ss_size = size;
            sigaltstack(&stack, NULL);
        }
    }
    quit_signal = 0;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; /* no SA_RESTART: a blocked read returns so the loop notices at once */
    action.sa_handler = quit_handler;
    for (size_t i = 0; i < QUIT_COUNT; i++) sigaction(quit_signals[i], &action, NULL);
    suspend_requested = 0;
    install_suspend_handler();

    struct sigaction fatal;
    memset(&fatal, 0, sizeof fatal);
    sigemptyset(&fatal.sa_mask);
    fatal.sa_flags = SA_RESETHAND | SA_ONSTACK;
    fatal.sa_handler = fatal_handler;
    for (size_t i = 0; i < FATAL_COUNT; i++) sigaction(fatal_signals[i], &fatal, &previous_fatal[i]);
    installed = 1;
}

void fd_signals_uninstall(void) {
    if (!installed) return;
    /* The default action, not whatever was there: newterm installs ncurses' own handlers for some. */
    for (size_t i = 0; i < QUIT_COUNT; i++) signal(quit_signals[i], SIG_DFL);
    signal(SIGTSTP, SIG_DFL);
    for (size_t i = 0; i < FATAL_COUNT; i++) sigaction(fatal_signals[i], &previous_fatal[i], NULL);
    installed = 0;
}

int fd_signals_quit_signal(void) { return (int)quit_signal; }

int fd_signals_take_suspend(void) {
    int requested = (int)suspend_requested;
    suspend_requested = 0;
    return requested;
}

void fd_signals_stop_until_continued(void) {
    signal(SIGTSTP, SIG_DFL);
    raise(SIGTSTP); /* the process stops here until the shell's fg sends SIGCONT */
    install_suspend_handler();
}
