# Security layers: personality, scheduler, I/O priority, LSM fallbacks,
# seccomp notify, and regression tests for the classes of runtime CVEs.

# ---------------------------------------------------------------- attributes

test_security_personality_linux32() {
    new_env "$RUNTIME"
    cfg '.linux.personality = {"domain": "LINUX32"}'
    assert_eq "$(probe_out 'uname -m')" "i686"
    new_env "$RUNTIME"
    cfg '.linux.personality = {"domain": "LINUX"}'
    assert_eq "$(probe_out 'uname -m')" "$(uname -m)"
}

# /proc/PID/stat: field 19 nice, 40 rt_priority, 41 policy.
SCHED='awk "{ print \$19, \$40, \$41 }" /proc/self/stat'

test_security_scheduler_policies() {
    new_env "$RUNTIME"
    cfg '.process.scheduler = {"policy": "SCHED_BATCH", "nice": 7}'
    assert_eq "$(probe_out "$SCHED")" "7 0 3"
    new_env "$RUNTIME"
    cfg '.process.scheduler = {"policy": "SCHED_IDLE"}'
    assert_eq "$(probe_out "$SCHED")" "0 0 5"
    new_env "$RUNTIME"
    # SCHED_RESET_ON_FORK: the child of sh (awk) gets its negative nice reset.
    cfg '.process.scheduler = {"policy": "SCHED_BATCH", "nice": -5, "flags": ["SCHED_FLAG_RESET_ON_FORK"]}'
    # (The trailing `true` keeps sh from exec'ing the last command unforked.)
    assert_eq "$(probe_out 'awk "{ print \$19, \$41 }" /proc/$$/stat; '"$SCHED"'; true')" $'-5 3\n0 0 3'
    new_env "$RUNTIME"
    cfg '.process.scheduler = {"policy": "SCHED_RR", "priority": 3, "flags": ["SCHED_FLAG_RESET_ON_FORK"]}'
    probe 'awk "{ print \$40, \$41 }" /proc/$$/stat; '"$SCHED"'; true'
    run_ct
    # Real-time policies need RT time in the container's cgroup (cgroup v1
    # with RT group scheduling gives none by default): then EPERM is right.
    if [[ $err == *"sched_setattr"*"Operation not permitted"* ]]; then
        log "no real-time budget in the container cgroup: SCHED_RR not checked"
    else
        [ "$status" -eq 0 ] || fail "run exited $status: $err"
        assert_eq "$out" $'3 2\n0 0 0'
    fi
}

test_security_scheduler_bad_values() {
    new_env "$RUNTIME"
    snapshot
    cfg '.process.scheduler = {"policy": "SCHED_OTHER", "priority": 5}'
    create_ct
    assert_error
    assert_contains "$err" "process.scheduler.priority"
    assert_nothing_left
}

test_security_io_priority() {
    new_env "$RUNTIME"
    cfg '.process.ioPriority = {"class": "IOPRIO_CLASS_IDLE", "priority": 0}'
    assert_eq "$(probe_out 'ionice')" "idle"
    new_env "$RUNTIME"
    cfg '.process.ioPriority = {"class": "IOPRIO_CLASS_BE", "priority": 6}'
    assert_eq "$(probe_out 'ionice')" "best-effort: prio 6"
}

test_security_exec_cpu_affinity_accepted_for_init() {
    # config.md: execCPUAffinity does not apply to the container's init.
    new_env "$RUNTIME"
    cfg '.process.execCPUAffinity = {"initial": "0", "final": "0"}'
    assert_eq "$(probe_out 'awk "/^Cpus_allowed_list/ { print \$2 }" /proc/self/status')" "$(awk '/^Cpus_allowed_list/ { print $2 }' /proc/self/status)"
    new_env "$RUNTIME"
    cfg '.process.execCPUAffinity = {"final": "2-1"}'
    create_ct
    assert_error
    assert_contains "$err" "process.execCPUAffinity.final"
}

# ---------------------------------------------------------------- LSMs

sc_apparmor_without_apparmor() {
    cfg '.process.apparmorProfile = "ocirt-test-profile"'
    probe 'echo ran'
    run_ok
    echo "$out"
}

# Skipped without a word, as crun does and engines expect (they pass their
# default profile everywhere). runc 1.1 fails with EINVAL instead: no oracle.
test_security_apparmor_skipped_when_host_has_none() {
    [ "$(cat /sys/module/apparmor/parameters/enabled 2>/dev/null)" = Y ] && { log "host has AppArmor: not applicable"; return 0; }
    new_env "$RUNTIME"
    sc_apparmor_without_apparmor > "$T/aa.out"
    assert_eq "$(cat "$T/aa.out")" "ran"
}

sc_selinux_without_selinux() {
    snapshot
    cfg '.process.selinuxLabel = "system_u:system_r:container_t:s0"'
    create_ct
    assert_error
    echo "create=$status"
    assert_nothing_left
}

test_security_selinux_label_refused_when_host_has_none() {
    [ -e /sys/fs/selinux/enforce ] && { log "host has SELinux: not applicable"; return 0; }
    oracle_same sc_selinux_without_selinux
    assert_eq "$RES" "create=1"
}

# ---------------------------------------------------------------- seccomp notify

# A seccomp agent: takes each connection (the container init's, then any
# exec's) on a thread of its own, saves the process state it was sent (the
# first in OUT, the Nth in OUT.N) and answers every notification with EXDEV
# (18) until the process exits.
write_agent() {
    cat > "$T/agent.py" <<'PY'
import array, fcntl, os, socket, struct, sys, threading
path, out = sys.argv[1], sys.argv[2]
srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
srv.bind(path); srv.listen(4)
open(out + ".ready", "w").write("1")

def serve(conn, n):
    fds = array.array("i")
    msg, anc, _, _ = conn.recvmsg(65536, socket.CMSG_SPACE(4))
    for level, kind, data in anc:
        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            fds.frombytes(data[:4])
    while True:
        chunk = conn.recv(65536)
        if not chunk:
            break
        msg += chunk
    name = out if n == 1 else "%s.%d" % (out, n)
    with open(name + ".tmp", "wb") as f:
        f.write(msg)
    os.rename(name + ".tmp", name)
    fd = fds[0]
    RECV, SEND = 0xC0502100, 0xC0182101
    while True:
        req = bytearray(80)
        try:
            fcntl.ioctl(fd, RECV, req)
        except OSError:
            break
        nid, pid, _, nr = struct.unpack_from("=QIIi", req)
        resp = bytearray(struct.pack("=QqiI", nid, 0, -18, 0))
        try:
            fcntl.ioctl(fd, SEND, resp)
        except OSError:
            pass

n = 0
while True:
    conn, _ = srv.accept()
    n += 1
    threading.Thread(target=serve, args=(conn, n), daemon=True).start()
PY
}

# start_agent METADATA: the agent listening on $T/agent.sock (its pid in
# AGENT) and a profile that sends mkdir to it with METADATA.
start_agent() {
    write_agent
    python3 "$T/agent.py" "$T/agent.sock" "$T/agent.out" & AGENT=$!
    wait_file "$T/agent.out.ready"
    cfg '.linux.seccomp = {"defaultAction": "SCMP_ACT_ALLOW", "listenerPath": $p, "listenerMetadata": $m,
          "syscalls": [{"names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_NOTIFY"}]}' --arg p "$T/agent.sock" --arg m "$1"
}

test_security_seccomp_notify_listener() {
    command -v python3 > /dev/null || { log "python3 missing: not applicable"; return 0; }
    new_env "$RUNTIME"
    start_agent meta-1
    probe 'mkdir /tmp/x 2>&1; echo "rc=$?"'
    run_ct
    kill "$AGENT" 2> /dev/null; wait "$AGENT" 2> /dev/null
    [ "$status" -eq 0 ] || fail "run exited $status: $err"
    assert_contains "$out" "rc=1"
    assert_contains "$out" "cross-device link"
    assert_eq "$(jq -c '[.ociVersion != null, .fds, .metadata, .state.id, .state.status, .pid == .state.pid]' "$T/agent.out")" \
        "[true,[\"seccompFd\"],\"meta-1\",\"$CID\",\"creating\",true]"
}

# An exec'd process under the same profile hands its own listener fd to the
# agent, with the container's state and its own pid.
test_security_seccomp_notify_listener_exec() {
    command -v python3 > /dev/null || { log "python3 missing: not applicable"; return 0; }
    new_env "$RUNTIME"
    start_agent meta-2
    probe 'trap "exit 0" TERM; sleep 100 & wait'
    create_ok
    rt_ok start "$CID"
    run_rt exec "$CID" sh -c 'mkdir /tmp/y 2>&1; echo "rc=$?"'
    local exec_status=$status exec_out=$out exec_err=$err
    local i=0
    while [ ! -s "$T/agent.out.2" ] && [ $i -lt 250 ]; do sleep 0.02; i=$((i + 1)); done
    # The agent goes first, whatever the outcome: it must not outlive the test.
    kill "$AGENT" 2> /dev/null; wait "$AGENT" 2> /dev/null
    rt_ok delete --force "$CID"
    [ "$exec_status" -eq 0 ] || fail "exec exited $exec_status: $exec_err"
    [ -s "$T/agent.out.2" ] || fail "the agent never heard of the exec'd process"
    assert_contains "$exec_out" "cross-device link"
    assert_eq "$(jq -c '[.fds, .metadata, .state.id, .state.status, .pid != .state.pid, .pid > 0]' "$T/agent.out.2")" \
        "[[\"seccompFd\"],\"meta-2\",\"$CID\",\"running\",true,true]"
}

test_security_seccomp_notify_without_agent_fails_create() {
    new_env "$RUNTIME"
    snapshot
    cfg '.linux.seccomp = {"defaultAction": "SCMP_ACT_ALLOW", "listenerPath": $p,
          "syscalls": [{"names": ["mkdir"], "action": "SCMP_ACT_NOTIFY"}]}' --arg p "$T/nobody.sock"
    create_ct
    assert_error
    assert_contains "$err" "seccomp agent"
    assert_nothing_left
}

# ---------------------------------------------------------------- CVE classes

# CVE-2019-5736: while the container is created (its init is the runtime's
# binary, waiting for `start`), a process in the container's PID namespace
# must neither open /proc/<init>/exe for writing nor read the init's memory.
test_security_cve_2019_5736_runtime_binary() {
    new_env "$RUNTIME"
    local sum pid
    sum=$(sha256sum < "$RUNTIME")
    create_ok
    pid=$(state_field .pid)
    local first_root=$ROOT first_cid=$CID
    new_env "$RUNTIME"
    cfg '.linux.namespaces = [.linux.namespaces[] | if .type == "pid" then .path = $p else . end]' --arg p "/proc/$pid/ns/pid"
    probe 'readlink /proc/1/exe > /dev/null 2>&1 && echo exe-readable; (echo x >> /proc/1/exe) 2>/dev/null && echo exe-writable;
           dd if=/proc/1/mem bs=1 count=1 skip=4096 2>/dev/null | wc -c | grep -qv "^ *0$" && echo mem-readable; echo checked'
    run_ok
    "$RUNTIME" --root "$first_root" delete --force "$first_cid" > /dev/null 2>&1
    assert_eq "$out" "checked"
    assert_eq "$(sha256sum < "$RUNTIME")" "$sum" "runtime binary changed"
}

# CVE-2024-21626: a descriptor of a host directory left open by the caller
# must not serve as the container's cwd (/proc/self/fd/N resolves on the host).
test_security_cve_2024_21626_cwd_through_leaked_fd() {
    new_env "$RUNTIME"
    snapshot
    mkdir -p "$T/hostdir" && echo host-secret > "$T/hostdir/secret"
    cfg '.process.cwd = "/proc/self/fd/7"'
    probe 'cat secret 2>/dev/null; pwd'
    exec 7< "$T/hostdir"
    run_ct
    exec 7<&-
    # runc (since 1.1.12) refuses such a cwd; reaching the host is the bug.
    [[ $out != *host-secret* ]] || fail "container read a host file through its cwd: $out"
}

# CVE-2024-21626, cwd variant: a cwd that is a symlink pointing out of the
# rootfs stays inside it.
test_security_cve_2024_21626_cwd_symlink_out() {
    new_env "$RUNTIME"
    mkdir -p "$T/outside"
    ln -s "../../../../../../../../../../$T/outside" "$B/rootfs/rel-out"
    ln -s "$T/outside" "$B/rootfs/abs-out"
    cfg '.process.cwd = "/rel-out"'
    probe 'pwd -P; touch in-cwd-1'
    run_ok
    new_env "$RUNTIME"
    ln -s "$T/outside" "$B/rootfs/abs-out"
    cfg '.process.cwd = "/abs-out"'
    probe 'touch in-cwd-2'
    run_ok
    [ -z "$(ls -A "$T/outside")" ] || fail "container wrote outside its rootfs: $(ls "$T/outside")"
}

# CVE-2021-30465: a mount destination under a symlink of the rootfs is
# resolved inside the rootfs, whatever the link points at.
test_security_cve_2021_30465_mount_destination_symlink() {
    local link want
    for link in "/" "../../../../../../../../.." "$T/hostside"; do
        new_env "$RUNTIME"
        mkdir -p "$T/hostside/target"
        ln -s "$link" "$B/rootfs/evil"
        cfg '.mounts += [{"destination": "/evil/target", "type": "tmpfs", "source": "tmpfs", "options": ["size=64k"]}]'
        # Mounts outside the reader's root are not listed in its mountinfo:
        # the tmpfs must show up, at the path the link has inside the rootfs.
        probe 'awk "\$9 == \"tmpfs\" && \$5 ~ /target\$/ { print \$5 }" /proc/self/mountinfo'
        run_ok
        case $link in /) want=/target ;; ../*) want=/target ;; *) want=$link/target ;; esac
        assert_eq "$out" "$want" "mount destination /evil/target with /evil -> $link"
        [ -z "$(ls -A "$T/hostside/target")" ] || fail "host directory written through /evil -> $link"
    done
}

# CVE-2025-31133: masked and read-only paths that are symlinks in the image
# must not lead the runtime to a file outside the container.
test_security_cve_2025_31133_masked_path_symlink() {
    new_env "$RUNTIME"
    echo host-secret > "$T/hostfile"
    ln -s "$T/hostfile" "$B/rootfs/leak"
    ln -s "../../../../../../../../../$T/hostfile" "$B/rootfs/leak2"
    cfg '.linux.maskedPaths += ["/leak", "/leak2"] | .linux.readonlyPaths = ["/leak2"]'
    probe 'cat /leak /leak2 2>/dev/null; echo done'
    run_ct
    [[ $out != *host-secret* ]] || fail "masked path exposed a host file"
    assert_eq "$(cat "$T/hostfile")" "host-secret"
    assert_eq "$(mounts_under "$T/hostfile")" ""
}

# CVE-2025-31133: the container's /dev/null is what masking binds over
# masked paths; an image whose /dev/null is a regular file or a symlink
# (here to the host's core_pattern path) is refused, not followed.
test_security_cve_2025_31133_dev_null_replaced() {
    local kind
    for kind in file symlink; do
        new_env "$RUNTIME"
        snapshot
        cfg 'del(.mounts[] | select(.destination == "/dev" or (.destination | startswith("/dev/"))))'
        mkdir -p "$B/rootfs/dev"
        rm -f "$B/rootfs/dev/null"
        if [ $kind = file ]; then echo not-null > "$B/rootfs/dev/null"; else ln -s /proc/sys/kernel/core_pattern "$B/rootfs/dev/null"; fi
        cfg '.linux.maskedPaths = ["/proc/sysrq-trigger", "/proc/kcore"]'
        # Nothing is written: a masked file must be the null device (mode 'c').
        probe 'ls -l /proc/sysrq-trigger | cut -c1'
        run_ct
        if [ "$status" -eq 0 ]; then
            assert_eq "$out" "c" "/dev/null as $kind: /proc/sysrq-trigger not masked by the null device"
        else
            assert_error
            assert_nothing_left
        fi
    done
}

# CVE-2025-52565 (/dev/console redirected to a host file) needs terminal
# support, which is not in this runtime yet (process.terminal is refused).

# ---------------------------------------------------------------- limits

test_security_rlimit_soft_above_hard_is_an_error() {
    new_env "$RUNTIME"
    snapshot
    cfg '.process.rlimits = [{"type": "RLIMIT_NOFILE", "soft": 2048, "hard": 1024}]'
    create_ct
    assert_error
    assert_contains "$err" "process.rlimits[0]"
    assert_nothing_left
}

# Every RLIMIT_ name, each set to soft = hard = a value this host lets root
# set without CAP_SYS_RESOURCE (at most the current hard limit).
RLIMIT_ROWS='AS:Max address space|CORE:Max core file size|CPU:Max cpu time|DATA:Max data size|FSIZE:Max file size|LOCKS:Max file locks|MEMLOCK:Max locked memory|MSGQUEUE:Max msgqueue size|NICE:Max nice priority|NOFILE:Max open files|NPROC:Max processes|RSS:Max resident set|RTPRIO:Max realtime priority|RTTIME:Max realtime timeout|SIGPENDING:Max pending signals|STACK:Max stack size'

test_security_every_rlimit_name() {
    new_env "$RUNTIME"
    local entry name row hard v json="[]" want=""
    IFS='|' read -ra entries <<< "$RLIMIT_ROWS"
    for entry in "${entries[@]}"; do
        name=${entry%%:*}; row=${entry#*:}
        hard=$(awk -v r="$row" 'index($0, r) == 1 { for (i = NF; i > 0; i--) if ($i ~ /^([0-9]+|unlimited)$/) { print $i; exit } }' /proc/self/limits)
        case $name in NICE|RTPRIO) v=10 ;; NOFILE) v=4096 ;; *) v=1000000000 ;; esac
        [ "$hard" != unlimited ] && [ "$hard" -lt "$v" ] && v=$hard
        json=$(jq -c --arg t "RLIMIT_$name" --argjson v "$v" '. + [{"type": $t, "soft": $v, "hard": $v}]' <<< "$json")
        want+="$row $v $v"$'\n'
    done
    cfg '.process.rlimits = $r' --argjson r "$json"
    probe 'sed -E "s/  +/ /g; s/ (bytes|seconds|processes|files|locks|signals|us) ?$//; s/ $//" /proc/self/limits | tail -n +2 | sort'
    run_ok
    assert_eq "$out" "$(printf '%s' "$want" | sort)"
}
