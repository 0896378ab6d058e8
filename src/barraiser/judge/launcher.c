/* barraiser's sandbox launcher: what the judge's child must do between fork and exec, so the
 * judge can start it with vfork (posix_spawn-like, ~1 ms) instead of forking its whole large
 * process for a Python preexec_fn (~10-70 ms). Built on the host by barraiser.judge.launcher.
 *
 *   launch PROCS CPU_SOFT CPU_HARD FSIZE NOFILE STACK UID GID NETNS -- PROGRAM [ARG...]
 *
 * PROCS: cgroup.procs files to join, separated by ':' ("-" for none). Then the rlimits (CPU
 * seconds, file size bytes, open files, stack bytes; core dumps are always off), then the uid
 * and gid to become (-1: stay; only root changes them), then a network namespace file to enter
 * ("-": stay; the slot's own empty namespace, see barraiser.judge.netns). Then it execs PROGRAM
 * (searched on PATH when it has no '/') with the environment it was given. Any failure prints
 * one line to stderr and exits 127 without running PROGRAM.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sched.h>
#include <sys/resource.h>
#include <unistd.h>

static void die(const char *what, const char *detail) {
    fprintf(stderr, "barraiser launcher: %s %s: %s\n", what, detail ? detail : "", strerror(errno));
    _exit(127);
}

static unsigned long long number(const char *text, const char *name) {
    char *end = NULL;
    errno = 0;
    unsigned long long value = strtoull(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0') {
        errno = EINVAL;
        die("bad number for", name);
    }
    return value;
}

static void limit(int resource, unsigned long long soft, unsigned long long hard, const char *name) {
    struct rlimit rl = {.rlim_cur = soft, .rlim_max = hard};
    if (setrlimit(resource, &rl) != 0) die("cannot set", name);
}

static void join_cgroups(char *procs) {
    if (strcmp(procs, "-") == 0) return;
    char pid[32];
    int length = snprintf(pid, sizeof pid, "%ld", (long)getpid());
    for (char *path = strtok(procs, ":"); path != NULL; path = strtok(NULL, ":")) {
        int fd = open(path, O_WRONLY | O_CLOEXEC);
        if (fd < 0) die("cannot open", path);
        if (write(fd, pid, (size_t)length) != length) die("cannot join", path);
        close(fd);
    }
}

static void enter_netns(const char *path) {
    if (strcmp(path, "-") == 0) return;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) die("cannot open", path);
    if (setns(fd, CLONE_NEWNET) != 0) die("cannot enter", path);
    close(fd);
}

int main(int argc, char **argv) {
    if (argc < 12 || strcmp(argv[10], "--") != 0) {
        errno = EINVAL;
        die("usage: launch PROCS CPU_SOFT CPU_HARD FSIZE NOFILE STACK UID GID NETNS -- PROGRAM",
            NULL);
    }
    join_cgroups(argv[1]);
    enter_netns(argv[9]);  /* needs root: before the uid changes */
    unsigned long long cpu_soft = number(argv[2], "CPU_SOFT");
    unsigned long long cpu_hard = number(argv[3], "CPU_HARD");
    unsigned long long fsize = number(argv[4], "FSIZE");
    unsigned long long nofile = number(argv[5], "NOFILE");
    unsigned long long stack = number(argv[6], "STACK");
    limit(RLIMIT_CPU, cpu_soft, cpu_hard, "RLIMIT_CPU");
    limit(RLIMIT_FSIZE, fsize, fsize, "RLIMIT_FSIZE");
    limit(RLIMIT_NOFILE, nofile, nofile, "RLIMIT_NOFILE");
    limit(RLIMIT_STACK, stack, stack, "RLIMIT_STACK");
    limit(RLIMIT_CORE, 0, 0, "RLIMIT_CORE");
    long uid = strtol(argv[7], NULL, 10);
    long gid = strtol(argv[8], NULL, 10);
    if (geteuid() == 0 && uid >= 0 && gid >= 0) {
        if (setgroups(0, NULL) != 0) die("cannot clear", "supplementary groups");
        if (setresgid((gid_t)gid, (gid_t)gid, (gid_t)gid) != 0) die("cannot set", "gid");
        if (setresuid((uid_t)uid, (uid_t)uid, (uid_t)uid) != 0) die("cannot set", "uid");
        if (getuid() != (uid_t)uid || geteuid() != (uid_t)uid || getegid() != (gid_t)gid) {
            errno = EPERM;
            die("did not become", "the slot user");
        }
    }
    execvp(argv[11], &argv[11]);
    die("cannot run", argv[11]);
    return 127;
}
