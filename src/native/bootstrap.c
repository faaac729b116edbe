/*
 * Namespace bootstrap for `ociruntime init`.
 *
 * A .NET process has several threads before Main runs, and the kernel refuses
 * unshare(CLONE_NEWUSER), unshare(CLONE_NEWNS) and setns() into user or mount
 * namespaces from a multi-threaded process. This constructor runs before the
 * .NET runtime starts, while the process still has exactly one thread, and
 * does the namespace work there. It is deliberately dumb: C# decides what to
 * do and sends the plan; this file only executes it and reports back.
 *
 * It does nothing unless _OCIRT_SYNC names the inherited sync socket.
 *
 * Protocol (SOCK_SEQPACKET, one message per line, all text):
 *   parent -> here : "clone FLAGS\njoin FLAG PATH\n...timens MS MNS BS BNS\nkeyring NAME\n[cgroupfd FD\n...][nowait\n]"
 *                                     cgroupfd: an inherited, open v1 `tasks` file to
 *                                     move into (written "0") before anything else
 *   here -> parent : "wait\n"        user namespace (if any) exists: write the
 *                                     id maps (and, for exec, move us into the
 *                                     cgroup; create moves the init later)
 *   parent -> here : "go\n"          (this pair is left out with "nowait")
 *   here -> parent : "pid N\n"       N = the container init, already inside
 *                                     every namespace; this process exits
 *   here -> parent : "error TEXT\n"  on any failure, then exit 1
 * The init child returns from the constructor into the .NET runtime, which
 * continues the protocol in C# (OciRuntime.Core.Init).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef CLONE_NEWTIME
#define CLONE_NEWTIME 0x00000080
#endif

#define MAX_JOIN 16
#define MAX_CGROUP_FDS 32
#define MSG_MAX 65536

struct join {
	int flag;
	char path[4096];
	int fd;
};

static int sync_fd = -1;

static void send_msg(const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof(buf))
		n = sizeof(buf) - 1;
	while (send(sync_fd, buf, (size_t)n, MSG_NOSIGNAL) < 0 && errno == EINTR)
		;
}

/* Report "error <what>: <strerror>" to the parent and exit. */
__attribute__((noreturn)) static void fail(const char *what, const char *arg)
{
	int e = errno;
	if (arg)
		send_msg("error %s `%s`: %s\n", what, arg, strerror(e));
	else
		send_msg("error %s: %s\n", what, strerror(e));
	_exit(1);
}

static ssize_t recv_msg(char *buf, size_t len)
{
	ssize_t n;
	do {
		n = recv(sync_fd, buf, len - 1, 0);
	} while (n < 0 && errno == EINTR);
	if (n >= 0)
		buf[n] = '\0';
	return n;
}

static const char *ns_name(int flag)
{
	switch (flag) {
	case CLONE_NEWUSER: return "user";
	case CLONE_NEWNS: return "mount";
	case CLONE_NEWPID: return "pid";
	case CLONE_NEWNET: return "network";
	case CLONE_NEWUTS: return "uts";
	case CLONE_NEWIPC: return "ipc";
	case CLONE_NEWCGROUP: return "cgroup";
	case CLONE_NEWTIME: return "time";
	default: return "unknown";
	}
}

/*
 * Join order: user first, so the later setns calls are checked against the
 * capabilities we hold in the target user namespace; mount last, because
 * setns into a mount namespace changes our root and the remaining paths
 * would then be resolved in the container's view.
 */
static const int join_order[] = { CLONE_NEWUSER, CLONE_NEWIPC, CLONE_NEWUTS, CLONE_NEWNET,
				  CLONE_NEWPID, CLONE_NEWCGROUP, CLONE_NEWTIME, CLONE_NEWNS };

static void bootstrap(void)
{
	static char msg[MSG_MAX];
	static struct join joins[MAX_JOIN];
	int njoin = 0;
	long clone_flags = 0;
	long long mono_s = 0, mono_ns = 0, boot_s = 0, boot_ns = 0;
	int have_timens = 0;
	char keyring[256] = "";
	int nowait = 0;
	int cgroup_fds[MAX_CGROUP_FDS];
	int ncgroup = 0;

	if (recv_msg(msg, sizeof(msg)) <= 0)
		fail("read bootstrap message", NULL);

	for (char *line = strtok(msg, "\n"); line; line = strtok(NULL, "\n")) {
		if (strncmp(line, "clone ", 6) == 0) {
			clone_flags = strtol(line + 6, NULL, 10);
		} else if (strncmp(line, "join ", 5) == 0) {
			char *sp;
			if (njoin == MAX_JOIN) {
				errno = E2BIG;
				fail("too many namespaces to join", NULL);
			}
			joins[njoin].flag = (int)strtol(line + 5, &sp, 10);
			if (*sp != ' ') {
				errno = EINVAL;
				fail("bad join line", line);
			}
			snprintf(joins[njoin].path, sizeof(joins[njoin].path), "%s", sp + 1);
			joins[njoin].fd = -1;
			njoin++;
		} else if (strncmp(line, "timens ", 7) == 0) {
			if (sscanf(line + 7, "%lld %lld %lld %lld", &mono_s, &mono_ns, &boot_s, &boot_ns) != 4) {
				errno = EINVAL;
				fail("bad timens line", line);
			}
			have_timens = 1;
		} else if (strncmp(line, "keyring ", 8) == 0) {
			snprintf(keyring, sizeof(keyring), "%s", line + 8);
		} else if (strcmp(line, "nowait") == 0) {
			nowait = 1;
		} else if (strncmp(line, "cgroupfd ", 9) == 0) {
			if (ncgroup == MAX_CGROUP_FDS) {
				errno = E2BIG;
				fail("too many cgroup files", NULL);
			}
			cgroup_fds[ncgroup++] = atoi(line + 9);
		}
	}

	/* Into the container's cgroup (exec): a single thread moving itself
	 * through `tasks` skips the kernel's global threadgroup lock, whose
	 * write side waits for an RCU grace period. */
	for (int i = 0; i < ncgroup; i++) {
		if (write(cgroup_fds[i], "0", 1) != 1)
			fail("join the container's cgroup", NULL);
		close(cgroup_fds[i]);
	}

	/* Open every namespace first: after setns(mount) the paths would resolve elsewhere. */
	for (int i = 0; i < njoin; i++) {
		joins[i].fd = open(joins[i].path, O_RDONLY | O_CLOEXEC);
		if (joins[i].fd < 0)
			fail("open namespace", joins[i].path);
	}
	for (size_t o = 0; o < sizeof(join_order) / sizeof(join_order[0]); o++) {
		for (int i = 0; i < njoin; i++) {
			if (joins[i].flag != join_order[o])
				continue;
			if (setns(joins[i].fd, joins[i].flag) < 0) {
				char what[64];
				snprintf(what, sizeof(what), "setns %s namespace", ns_name(joins[i].flag));
				fail(what, joins[i].path);
			}
			close(joins[i].fd);
			joins[i].fd = -1;
		}
	}

	if (clone_flags & CLONE_NEWUSER) {
		if (unshare(CLONE_NEWUSER) < 0)
			fail("unshare user namespace", NULL);
	}

	/* The parent writes uid_map/gid_map (and for exec moves us into the
	 * container's cgroup). A container's init joins its cgroup only once it
	 * has set up, and then creates its cgroup namespace itself: create leaves
	 * CLONE_NEWCGROUP out of the flags sent here. */
	if (!nowait) {
		send_msg("wait\n");
		if (recv_msg(msg, sizeof(msg)) <= 0 || strncmp(msg, "go", 2) != 0) {
			errno = EPIPE;
			fail("wait for parent", NULL);
		}
	}

	if (clone_flags & CLONE_NEWUSER) {
		/* Become root of the new namespace; the maps are in place now. */
		if (setresgid(0, 0, 0) < 0)
			fail("setresgid", "0");
		if (setgroups(0, NULL) < 0 && errno != EPERM)
			fail("setgroups", "0");
		if (setresuid(0, 0, 0) < 0)
			fail("setresuid", "0");
	}

	long rest = clone_flags & ~(long)CLONE_NEWUSER;
	if (rest && unshare((int)rest) < 0)
		fail("unshare namespaces", NULL);

	if ((clone_flags & CLONE_NEWTIME) && have_timens) {
		/* Offsets may only be written before any process lives in the new time namespace. */
		char buf[128];
		int fd = open("/proc/self/timens_offsets", O_WRONLY | O_CLOEXEC);
		if (fd < 0)
			fail("open", "/proc/self/timens_offsets");
		int n = snprintf(buf, sizeof(buf), "monotonic %lld %lld\nboottime %lld %lld\n",
				 mono_s, mono_ns, boot_s, boot_ns);
		if (write(fd, buf, (size_t)n) != n)
			fail("write", "/proc/self/timens_offsets");
		close(fd);
	}

	/*
	 * A session keyring of its own, so the container cannot see or use the
	 * keys of the caller's session (runc does the same; --no-new-keyring
	 * omits the line). Kernels without keyrings answer ENOSYS: not an error.
	 */
	if (keyring[0] && syscall(SYS_keyctl, 1 /* KEYCTL_JOIN_SESSION_KEYRING */, keyring) < 0 && errno != ENOSYS)
		fail("join session keyring", keyring);

	/*
	 * Always fork: a new pid or time namespace only applies to children,
	 * and the .NET runtime cannot create its threads in a process whose
	 * pid namespace differs from the one it is in (it exits 255). The child
	 * is the container init; this process reports its pid and leaves.
	 */
	pid_t child = fork();
	if (child < 0)
		fail("fork init", NULL);
	if (child == 0) {
		/*
		 * CVE-2019-5736: until execve, /proc/self/exe of this process is the
		 * runtime binary on the host. Non-dumpable, no process of the
		 * container can open it (or our fds and memory) through /proc.
		 * execve restores dumpability for the user's program. In a new user
		 * namespace this would also hide /proc/self from the init itself,
		 * so it is left to the binary's own protections there.
		 */
		if (!(clone_flags & CLONE_NEWUSER) && prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) < 0)
			fail("prctl PR_SET_DUMPABLE", "0");
		return;
	}
	send_msg("pid %d\n", (int)child);
	_exit(0);
}

/*
 * `run` waits for its container on the main thread, reading the signals it
 * forwards (and SIGCHLD) from a signalfd; they must be blocked in every
 * thread, and the .NET runtime starts its finalizer thread before Main.
 * Blocked here, before any thread exists, every thread inherits the mask.
 * C# reads the mask from before (ocirt_startup_sigmask) and restores it in
 * the main thread for every command but `run` in the foreground. The list
 * is ForegroundWait's; if they ever differ, C# finds out (it checks every
 * thread's mask) and blocks the rest itself.
 */
static const int run_signals[] = { SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGTERM, SIGWINCH, SIGCHLD };
static sigset_t startup_mask;
static int startup_blocked;

static void block_for_run(int argc, char **argv)
{
	sigset_t set;
	int run = 0;
	for (int i = 1; i < argc && !run; i++)
		run = strcmp(argv[i], "run") == 0;
	if (!run)
		return;
	sigemptyset(&set);
	for (size_t i = 0; i < sizeof(run_signals) / sizeof(run_signals[0]); i++)
		sigaddset(&set, run_signals[i]);
	if (sigprocmask(SIG_BLOCK, &set, &startup_mask) == 0)
		startup_blocked = 1;
}

/* 1 and the mask before the constructor blocked `run`'s signals; 0 if it did not. */
int ocirt_startup_sigmask(sigset_t *before)
{
	if (!startup_blocked)
		return 0;
	*before = startup_mask;
	return 1;
}

__attribute__((constructor)) static void ocirt_bootstrap(int argc, char **argv)
{
	const char *env = getenv("_OCIRT_SYNC");
	if (!env || !*env) {
		block_for_run(argc, argv);
		return;
	}
	sync_fd = atoi(env);
	if (sync_fd < 3)
		return;
	bootstrap();
}

/* Referenced from C# so the linker keeps this object (and its constructor). */
int ocirt_native_version(void)
{
	return 1;
}
