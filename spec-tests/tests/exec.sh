# exec: a new process in a running (or created) container: flags, namespaces,
# cgroup, seccomp from create time, exit codes, pid file, preserved fds.

# bg_ok: the default sleeping container, detached.
bg_ok() {
    "$RT" --root "$ROOT" run -d --bundle "$B" "$@" "$CID" > "$B/ct.out" 2> "$B/ct.err" < /dev/null
    status=$?
    [ "$status" -eq 0 ] || fail "run -d exited $status: $(cat "$B/ct.err")"
}

# ex ARGS...: exec in $CID; sets status, out, err.
ex() { run_rt exec "$@"; }

sc_exec_flags() {
    bg_ok
    ex --env FOO=bar --cwd /tmp --user 1000:1000 --additional-gids 5 --additional-gids 10 "$CID" \
        sh -c 'echo "FOO=$FOO"; pwd; id -u; id -g; id -G; echo "HOME=$HOME"'
    echo "status=$status"
    echo "$out"
    ex "$CID" sh -c 'exit 7'
    echo "exit=$status"
    ex "$CID" sh -c 'kill -9 $$'
    echo "killed=$status"
    ex "$CID" sh -c 'kill -TERM $$'
    echo "term=$status"
    ex --user 1000 "$CID" id
    echo "$out"
}

test_exec_flags_and_exit_codes() {
    oracle_same sc_exec_flags
    assert_eq "$RES" $'status=0\nFOO=bar\n/tmp\n1000\n1000\n1000 5 10\nHOME=/home/nobody\nexit=7\nkilled=137\nterm=143\nuid=1000(nobody) gid=0(root)'
}

# Every namespace and the cgroup of the container init, user namespace included.
sc_exec_joins() {
    cfg '.linux.namespaces += [{"type": "user"}, {"type": "cgroup"}]
         | .linux.uidMappings = [{"containerID": 0, "hostID": 100000, "size": 65536}]
         | .linux.gidMappings = [{"containerID": 0, "hostID": 100000, "size": 65536}]
         | .hostname = "exec-host"'
    chown -R 100000:100000 "$B/rootfs"
    bg_ok
    ex "$CID" sh -c 'for n in user pid net ipc uts mnt cgroup; do [ "$(readlink /proc/self/ns/$n)" = "$(readlink /proc/1/ns/$n)" ] && echo "$n same" || echo "$n differs"; done
        hostname; id -u; [ "$(cat /proc/self/cgroup)" = "$(cat /proc/1/cgroup)" ] && echo "cgroup same"; echo "pid1=$(cat /proc/1/cmdline | tr "\0" " ")" | cut -c1-14'
    echo "status=$status"
    echo "$out"
}

test_exec_joins_all_namespaces_and_cgroup() {
    oracle_same sc_exec_joins
    assert_eq "$RES" $'status=0\nuser same\npid same\nnet same\nipc same\nuts same\nmnt same\ncgroup same\nexec-host\n0\ncgroup same\npid1=sh -c tra'
}

sc_exec_cgroup_host() {
    bg_ok
    ex -d --pid-file "$T/exec.pid" "$CID" sleep 30
    echo "status=$status"
    local pid
    pid=$(cat "$T/exec.pid")
    [[ $pid =~ ^[0-9]+$ ]] && echo "pidfile digits only"
    [ "$(cat "/proc/$pid/cgroup")" = "$(cat "/proc/$(state_field .pid)/cgroup")" ] && echo "same cgroup as init"
    kill -9 "$pid"
}

test_exec_detach_pid_file_cgroup() {
    oracle_same sc_exec_cgroup_host
    assert_eq "$RES" $'status=0\npidfile digits only\nsame cgroup as init'
}

sc_exec_caps_nnp() {
    cfg '.process.capabilities = {"bounding": ["CAP_CHOWN"], "effective": ["CAP_CHOWN"], "permitted": ["CAP_CHOWN"]}'
    bg_ok
    ex "$CID" sh -c 'grep -E "^(CapEff|CapBnd|NoNewPrivs)" /proc/self/status'
    echo "$out"
    ex --cap CAP_KILL --cap CAP_NET_ADMIN --no-new-privs "$CID" sh -c 'grep -E "^(CapEff|CapBnd|NoNewPrivs)" /proc/self/status'
    echo "$out"
}

test_exec_caps_and_no_new_privs() {
    oracle_same sc_exec_caps_nnp
    assert_eq "$RES" $'CapEff:\t0000000000000001\nCapBnd:\t0000000000000001\nNoNewPrivs:\t1\nCapEff:\t0000000000001021\nCapBnd:\t0000000000001021\nNoNewPrivs:\t1'
}

sc_exec_process_file() {
    bg_ok
    jq -n '{"args": ["sh", "-c", "echo $A; pwd; id -u"], "env": ["A=from-file", "PATH=/bin:/usr/bin"], "cwd": "/etc", "user": {"uid": 1000, "gid": 1000}}' > "$T/process.json"
    ex --process "$T/process.json" "$CID"
    echo "status=$status"
    echo "$out"
}

test_exec_process_file() {
    oracle_same sc_exec_process_file
    assert_eq "$RES" $'status=0\nfrom-file\n/etc\n1000'
}

# The filter of create time applies, even after config.json changed.
sc_exec_seccomp() {
    cfg '.linux.seccomp = {"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ERRNO", "errnoRet": 1}]}'
    bg_ok
    cfg 'del(.linux.seccomp)'
    ex "$CID" sh -c 'mkdir /tmp/x 2>&1; echo "rc=$?"; grep ^Seccomp: /proc/self/status'
    echo "$out"
}

test_exec_seccomp_from_create_time() {
    oracle_same sc_exec_seccomp
    assert_eq "$RES" $'mkdir: can\'t create directory \'/tmp/x\': Operation not permitted\nrc=1\nSeccomp:\t2'
}

sc_exec_preserve_fds() {
    bg_ok
    echo "kept" > "$T/kept.txt"
    exec 3< "$T/kept.txt" 4< "$T/kept.txt" 5< /etc/hostname
    "$RT" --root "$ROOT" exec --preserve-fds 2 "$CID" sh -c 'cat <&3; cat <&4; ls /proc/self/fd | sort -n | tr "\n" " "' > "$T/x.out" 2> "$T/last.err" < /dev/null
    echo "status=$?"
    exec 3<&- 4<&- 5<&-
    cat "$T/x.out"
}

test_exec_preserve_fds() {
    oracle_same sc_exec_preserve_fds
    assert_eq "$RES" $'status=0\nkept\nkept\n0 1 2 3 4 5 '
}

sc_exec_created() {
    create_ok
    ex "$CID" sh -c 'echo in-created'
    echo "status=$status"
    echo "$out"
    # The container's own process has not started: still waiting for `start`.
    echo "state=$(state_field .status)"
}

test_exec_in_created_container() {
    oracle_same sc_exec_created
    assert_eq "$RES" $'status=0\nin-created\nstate=created'
}

sc_exec_errors() {
    ex nosuch-ctr sh
    echo "missing=$status"
    bg_ok
    ex "$CID"
    echo "noargs=$status"
    ex "$CID" /no/such/binary
    echo "nobinary=$status"
    ex "$CID" --cwd /tmp sh
    echo "flag-after-id=$status"
    rt_ok kill "$CID" KILL
    wait_status stopped
    ex "$CID" true
    echo "stopped=$status"
}

test_exec_errors() {
    oracle_same sc_exec_errors
    # runc's exec exits 255 on its own errors, apart from the process's codes.
    assert_eq "$RES" $'missing=255\nnoargs=255\nnobinary=255\nflag-after-id=255\nstopped=255'
    # One-line errors with the words engines match on.
    ex nosuch-ctr sh
    assert_eq "$(printf '%s\n' "$err" | grep -c .)" 1 "one-line error"
    assert_contains "$err" "does not exist"
}

# config.md execCPUAffinity: the exec'd process ends with the "final" set;
# the container's own process is not affected. runc 1.1 predates the field.
test_exec_cpu_affinity() {
    if is_runc; then
        log "runc 1.1 has no execCPUAffinity: not checked"
        return 0
    fi
    [ "$(nproc)" -ge 2 ] || { log "one CPU: nothing to pin"; return 0; }
    cfg '.process.execCPUAffinity = {"initial": "1", "final": "0"}'
    probe 'trap "exit 0" TERM; grep Cpus_allowed_list /proc/self/status; sleep 100 & wait'
    create_ok
    rt_ok start "$CID"
    run_rt exec "$CID" grep Cpus_allowed_list /proc/self/status
    [ "$status" -eq 0 ] || fail "exec failed: $err"
    assert_match "$out" $'^Cpus_allowed_list:\t0$'
    wait_file "$B/ct.out" 5
    assert_contains "$(cat "$B/ct.out")" $'Cpus_allowed_list:\t0-'
}
