# linux.seccomp (config-linux.md "Seccomp"): actions, errno values, argument
# conditions, architectures, flags, unknown names, and refused profiles.

# deny SYSCALLS_JSON ACTION [ERRNO]: an ALLOW profile with one rule.
deny() {
    cfg '.linux.seccomp = {"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": $n, "action": $a} + (if $e == "" then {} else {"errnoRet": ($e | tonumber)} end)]}' \
        --argjson n "$1" --arg a "$2" --arg e "${3:-}"
}

sc_errno_rule() {
    deny '["mkdir", "mkdirat"]' SCMP_ACT_ERRNO 1
    probe 'mkdir /tmp/a 2>&1; echo "mkdir=$?"; touch /tmp/f && echo touch=ok'
    run_ok
    echo "$out"
    new_env "$RT"
    deny '["mkdir", "mkdirat"]' SCMP_ACT_ERRNO 13
    probe 'mkdir /tmp/a 2>&1; echo "mkdir=$?"'
    run_ok
    echo "$out"
    new_env "$RT"
    # errnoRet omitted: EPERM.
    deny '["mkdir", "mkdirat"]' SCMP_ACT_ERRNO
    probe 'mkdir /tmp/a 2>&1; echo "mkdir=$?"'
    run_ok
    echo "$out"
}

test_seccomp_errno_rule() {
    oracle_same sc_errno_rule
    assert_eq "$RES" $'mkdir: can\'t create directory \'/tmp/a\': Operation not permitted\nmkdir=1\ntouch=ok\nmkdir: can\'t create directory \'/tmp/a\': Permission denied\nmkdir=1\nmkdir: can\'t create directory \'/tmp/a\': Operation not permitted\nmkdir=1'
}

# A default-deny profile: only what busybox sh and the runtime's last steps
# before execve need is allowed, everything else returns defaultErrnoRet.
sc_errno_default() {
    cfg '.linux.seccomp = {"defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": 38, "architectures": ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"], "syscalls": [{"action": "SCMP_ACT_ALLOW", "names": [
        "read", "write", "writev", "readv", "pread64", "open", "openat", "close", "close_range", "fstat", "newfstatat", "statx", "stat", "lstat",
        "lseek", "execve", "exit", "exit_group", "futex", "rt_sigaction", "rt_sigprocmask", "rt_sigreturn", "sigaltstack",
        "mmap", "munmap", "mprotect", "madvise", "brk", "arch_prctl", "set_tid_address", "set_robust_list", "rseq",
        "prlimit64", "getrandom", "sendmsg", "sendto", "recvmsg", "recvfrom", "fcntl", "ioctl", "getpid", "getppid", "gettid",
        "getuid", "geteuid", "getgid", "getegid", "getgroups", "getcwd", "chdir", "readlink", "readlinkat", "uname",
        "wait4", "waitid", "clone", "clone3", "vfork", "fork", "dup", "dup2", "dup3", "pipe", "pipe2", "access", "faccessat", "faccessat2",
        "poll", "ppoll", "pselect6", "nanosleep", "clock_nanosleep", "clock_gettime", "sched_yield", "sched_getaffinity",
        "tgkill", "kill", "membarrier", "fstatfs", "statfs", "mremap", "getdents64", "umask", "setpgid", "getpgrp", "getpgid", "setsid", "getrlimit"]}]}'
    probe 'echo hello; mkdir /tmp/a 2>&1; echo "mkdir=$?"'
    run_ok
    echo "$out"
}

test_seccomp_errno_default_action() {
    oracle_same sc_errno_default
    assert_eq "$RES" $'hello\nmkdir: can\'t create directory \'/tmp/a\': Function not implemented\nmkdir=1'
}

sc_arg_conditions() {
    # kill(2) refused only for signal 10 (SIGUSR1); chmod refused only when
    # the mode has no owner-execute bit (MASKED_EQ, valueTwo omitted = 0).
    cfg '.linux.seccomp = {"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [
        {"names": ["kill"], "action": "SCMP_ACT_ERRNO", "args": [{"index": 1, "value": 10, "op": "SCMP_CMP_EQ"}]},
        {"names": ["chmod", "fchmodat", "fchmodat2"], "action": "SCMP_ACT_ERRNO", "args": [{"index": 1, "value": 64, "op": "SCMP_CMP_MASKED_EQ"}]},
        {"names": ["setpriority"], "action": "SCMP_ACT_ERRNO", "errnoRet": 22, "args": [{"index": 2, "value": 5, "op": "SCMP_CMP_GT"}, {"index": 0, "value": 0, "op": "SCMP_CMP_EQ"}]}]}'
    probe 'trap "echo got-usr2" USR2; kill -USR1 $$ 2>/dev/null; echo "usr1=$?"; kill -USR2 $$; echo "usr2=$?"
        touch /tmp/f; chmod 644 /tmp/f 2>/dev/null; echo "chmod644=$?"; chmod 755 /tmp/f; echo "chmod755=$?"; stat -c %a /tmp/f
        renice -n 3 -p $$ > /dev/null 2>&1; echo "renice3=$?"; renice -n 9 -p $$ > /dev/null 2>&1; echo "renice9=$?"'
    run_ok
    echo "$out"
}

test_seccomp_argument_conditions() {
    oracle_same sc_arg_conditions
    assert_eq "$RES" $'usr1=1\ngot-usr2\nusr2=0\nchmod644=1\nchmod755=0\n755\nrenice3=0\nrenice9=1'
}

sc_repeated_argument() {
    # Two conditions on the same argument: each is a rule of its own (either denies).
    cfg '.linux.seccomp = {"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [
        {"names": ["kill"], "action": "SCMP_ACT_ERRNO", "args": [{"index": 1, "value": 10, "op": "SCMP_CMP_EQ"}, {"index": 1, "value": 12, "op": "SCMP_CMP_EQ"}]}]}'
    probe 'trap "echo got-hup" HUP; kill -USR1 $$ 2>/dev/null; echo "usr1=$?"; kill -USR2 $$ 2>/dev/null; echo "usr2=$?"; kill -HUP $$; echo "hup=$?"'
    run_ok
    echo "$out"
}

test_seccomp_repeated_argument_is_or() {
    oracle_same sc_repeated_argument
    assert_eq "$RES" $'usr1=1\nusr2=1\ngot-hup\nhup=0'
}

sc_unknown_syscall() {
    deny '["no_such_syscall_at_all", "mkdir", "mkdirat"]' SCMP_ACT_ERRNO 1
    probe 'mkdir /tmp/a 2>/dev/null; echo "mkdir=$?"; echo alive'
    run_ok
    echo "$out"
}

test_seccomp_unknown_syscall_skipped() {
    oracle_same sc_unknown_syscall
    assert_eq "$RES" $'mkdir=1\nalive'
}

sc_kill_actions() {
    local action
    for action in SCMP_ACT_KILL_PROCESS SCMP_ACT_KILL SCMP_ACT_KILL_THREAD SCMP_ACT_TRAP; do
        new_env "$RT"
        deny '["sethostname"]' "$action"
        probe 'hostname other 2> /dev/null; echo "hostname=$?"'
        run_ok
        echo "$action $out"
    done
    # busybox sh calls uname(2) itself: the container dies before its script.
    new_env "$RT"
    deny '["uname"]' SCMP_ACT_KILL_PROCESS
    probe 'echo "not reached"'
    run_ct
    echo "uname: run=$status out=[$out]"
}

test_seccomp_kill_and_trap() {
    oracle_same sc_kill_actions
    # 128 + SIGSYS (31).
    assert_eq "$RES" $'SCMP_ACT_KILL_PROCESS hostname=159\nSCMP_ACT_KILL hostname=159\nSCMP_ACT_KILL_THREAD hostname=159\nSCMP_ACT_TRAP hostname=159\nuname: run=159 out=[]'
}

sc_flags_and_status() {
    cfg '.linux.seccomp = {"defaultAction": "SCMP_ACT_ALLOW", "flags": ["SECCOMP_FILTER_FLAG_TSYNC", "SECCOMP_FILTER_FLAG_LOG", "SECCOMP_FILTER_FLAG_SPEC_ALLOW"], "syscalls": [{"names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ERRNO"}]}'
    probe 'mkdir /tmp/a 2>/dev/null; echo "mkdir=$?"; grep -E "^(Seccomp|Seccomp_filters|NoNewPrivs):" /proc/self/status'
    run_ok
    echo "$out"
}

# runc 1.1 refuses every flag ("seccomp flags are not yet supported by runc"): no oracle.
test_seccomp_flags() {
    new_env "$RUNTIME"
    if is_runc; then log "runc 1.1 supports no seccomp flags"; return 0; fi
    RES=$(sc_flags_and_status)
    assert_eq "$RES" $'mkdir=1\nNoNewPrivs:\t1\nSeccomp:\t2\nSeccomp_filters:\t1'
}

sc_without_no_new_privs() {
    # Loaded before capabilities are dropped: without no_new_privs, seccomp(2)
    # needs CAP_SYS_ADMIN, which a non-root user no longer has afterwards.
    deny '["mkdir", "mkdirat"]' SCMP_ACT_ERRNO 1
    cfg '.process.noNewPrivileges = false | .process.user = {"uid": 1000, "gid": 1000}'
    probe 'id -u; mkdir /tmp/a 2>/dev/null; echo "mkdir=$?"; grep -E "^(Seccomp|NoNewPrivs):" /proc/self/status'
    run_ok
    echo "$out"
}

test_seccomp_without_no_new_privs_non_root() {
    oracle_same sc_without_no_new_privs
    assert_eq "$RES" $'1000\nmkdir=1\nNoNewPrivs:\t0\nSeccomp:\t2'
}

sc_bad_profiles() {
    local filter
    for filter in \
        '.linux.seccomp = {"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["mkdir"], "action": "SCMP_ACT_BOGUS"}]}' \
        '.linux.seccomp = {"defaultAction": "SCMP_ACT_BOGUS"}' \
        '.linux.seccomp = {"defaultAction": "SCMP_ACT_ALLOW", "architectures": ["SCMP_ARCH_VAX"]}' \
        '.linux.seccomp = {"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["kill"], "action": "SCMP_ACT_ERRNO", "args": [{"index": 6, "value": 1, "op": "SCMP_CMP_EQ"}]}]}' \
        '.linux.seccomp = {"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["kill"], "action": "SCMP_ACT_ERRNO", "args": [{"index": 0, "value": 1, "op": "SCMP_CMP_BOGUS"}]}]}'; do
        new_env "$RT"
        cfg "$filter"
        snapshot
        create_ct
        echo "create=$status"
        assert_error
        assert_nothing_left
    done
}

test_seccomp_bad_profile_is_an_error() {
    oracle_same sc_bad_profiles
    assert_eq "$RES" $'create=1\ncreate=1\ncreate=1\ncreate=1\ncreate=1'
}

test_seccomp_unknown_action_message() {
    new_env "$RUNTIME"
    if is_runc; then log "wording specific to ociruntime"; return 0; fi
    # The schema's enum catches it first; either way one line naming the field.
    cfg '.linux.seccomp = {"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["a"], "action": "SCMP_ACT_ALLOW"}, {"names": ["mkdir"], "action": "SCMP_ACT_X"}]}'
    create_ct
    assert_error
    assert_contains "$err" "linux.seccomp.syscalls[1].action"
    new_env "$RUNTIME"
    cfg '.linux.seccomp = {"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["kill"], "action": "SCMP_ACT_ERRNO", "args": [{"index": 6, "value": 1, "op": "SCMP_CMP_EQ"}]}]}'
    create_ct
    assert_error
    assert_contains "$err" "linux.seccomp.syscalls[0].args[0].index"
    new_env "$RUNTIME"
    cfg '.linux.seccomp = {"defaultAction": "SCMP_ACT_ALLOW", "defaultErrnoRet": 1}'
    create_ct
    assert_error
    assert_contains "$err" "linux.seccomp.defaultErrnoRet"
}
