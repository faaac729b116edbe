# Crash consistency: the runtime (or the container's init) is killed at each
# named step of create, start, kill and delete through OCIRUNTIME_FAULT.
# Afterwards `state` and `list` tell the truth and `delete --force` removes
# every trace: state dir, cgroup, mounts, processes, fifos, pid file debris.
# The steps come from the binary itself (OCIRUNTIME_FAULT=trace:FILE), so a
# step added to the code is covered without editing this file.

FAULT_SLEEPER='trap "exit 0" TERM; sleep 100 & wait'

# Processes of ours that carry the variable: the init and its bootstrap
# before execve (the workload itself is found by $MARK).
fault_procs() {
    local p
    for p in /proc/[0-9]*; do
        grep -qzxF "OCIRUNTIME_FAULT=$1" "$p/environ" 2>/dev/null && echo "${p#/proc/}"
    done
    return 0
}

# lifecycle_with_fault STEP: create, start, kill, delete with the variable
# set; stops at the first command that fails. Prints "PHASE STATUS" of that
# command, or "done 0".
lifecycle_with_fault() {
    local step=$1 phase
    for phase in create start kill delete; do
        case $phase in
            create) OCIRUNTIME_FAULT=$step "$RT" --root "$ROOT" create --bundle "$B" --pid-file "$T/pidfile/$CID" "$CID" \
                        > "$B/ct.out" 2> "$T/last.err" < /dev/null ;;
            kill) OCIRUNTIME_FAULT=$step "$RT" --root "$ROOT" kill "$CID" KILL > /dev/null 2> "$T/last.err" < /dev/null ;;
            *) OCIRUNTIME_FAULT=$step "$RT" --root "$ROOT" "$phase" "$CID" > /dev/null 2> "$T/last.err" < /dev/null ;;
        esac
        status=$?
        err=$(cat "$T/last.err")
        if [ "$status" -ne 0 ]; then
            echo "$phase $status"
            return 0
        fi
        if [ "$phase" = kill ]; then
            # delete (without --force) needs the container stopped.
            local i
            for i in $(seq 100); do
                run_rt state "$CID"
                [ "$(jq -r .status <<< "$out" 2>/dev/null)" = stopped ] && break
                sleep 0.02
            done
        fi
    done
    echo "done 0"
}

# check_truthful STEP: state and list agree with the kernel.
check_truthful() {
    local step=$1 st pid listed
    run_rt list --quiet
    [ "$status" -eq 0 ] || fail "$step: list failed: $err"
    listed=$(grep -cx -- "$CID" <<< "$out" || true)
    run_rt state "$CID"
    if [ -d "$ROOT/$CID" ]; then
        [ "$listed" = 1 ] || fail "$step: state dir exists but list does not show $CID"
        [ "$status" -eq 0 ] || fail "$step: state dir exists but state fails: $err"
        st=$(jq -r .status <<< "$out")
        pid=$(jq -r .pid <<< "$out")
        case $st in
            creating|created|running)
                [ "$pid" -gt 0 ] && [ -d "/proc/$pid" ] || fail "$step: status $st but init $pid is not alive" ;;
            stopped)
                local procs
                procs=$(cat "$(cgroup_dirs "$CGPATH" | head -n1)/cgroup.procs" 2>/dev/null || true)
                [ -z "$procs" ] || fail "$step: status stopped but the cgroup still holds: $procs" ;;
            *) fail "$step: unexpected status [$st]" ;;
        esac
        echo "$st"
    else
        [ "$listed" = 0 ] || fail "$step: list shows $CID without a state dir"
        [ "$status" -eq 1 ] || fail "$step: state of a removed container exited $status"
        assert_contains "$err" "does not exist"
        echo "gone"
    fi
}

# The steps the binary reaches in a full lifecycle.
traced_steps() {
    local trace=$T/trace
    rm -f "$trace"
    lifecycle_with_fault "trace:$trace" > "$T/trace.res"
    [ "$(cat "$T/trace.res")" = "done 0" ] || fail "traced lifecycle failed: $(cat "$T/trace.res") $err"
    awk '!seen[$0]++' "$trace"
}

test_faults_kill_at_every_step() {
    probe "$FAULT_SLEEPER"
    mkdir -p "$T/pidfile"
    local steps step res phase code st n=0 cleaned=0 base=$CID
    steps=$(traced_steps)
    # Guards against a silent trace: the known steps of each command are there.
    for step in create:after-claim create:after-cgroup create:after-spawn create:after-state \
                "init:mount rootfs" init:seccomp init:after-exec-fifo \
                start:before-release start:after-release kill:before-signal delete:after-cgroup delete:after-remove; do
        grep -qxF -- "$step" <<< "$steps" || fail "step $step not reached in the traced lifecycle: $steps"
    done
    while IFS= read -r step; do
        n=$((n + 1))
        CID=$base-f$n
        snapshot
        res=$(lifecycle_with_fault "$step")
        phase=${res% *}
        code=${res#* }
        status=$code
        err=$(cat "$T/last.err")
        case $step in
            init:after-exec-fifo)
                # The init dies after start released it: start itself succeeds,
                # the container is stopped, so kill refuses (one line).
                [ "$phase" = kill ] && [ "$code" = 1 ] || fail "$step: expected kill to fail, got $res"
                assert_error ;;
            init:*)
                # The init dies before ready: create fails with one line and cleans up.
                [ "$phase" = create ] && [ "$code" = 1 ] || fail "$step: expected create to fail with 1, got $res"
                assert_error
                assert_contains "$err" "container init exited before it was ready" ;;
            *)
                [ "$phase" = "${step%%:*}" ] && [ "$code" = 137 ] || fail "$step: expected ${step%%:*} to die by SIGKILL (137), got $res" ;;
        esac
        st=$(check_truthful "$step")
        rt_ok delete --force "$CID"
        sleep 0.05
        [ -z "$(fault_procs "$step")" ] || fail "$step: runtime processes left: $(fault_procs "$step")"
        assert_nothing_left
        # A pid file is either absent or whole (written atomically), with no temp file beside it.
        if [ -e "$T/pidfile/$CID" ]; then
            grep -qx '[0-9][0-9]*' "$T/pidfile/$CID" || fail "$step: torn pid file: $(cat "$T/pidfile/$CID")"
        fi
        [ -z "$(find "$T/pidfile" -name '.*')" ] || fail "$step: pid file debris: $(ls -A "$T/pidfile")"
        rm -f "$T/pidfile/$CID"
        cleaned=$((cleaned + 1))
        log "fault $step: $res, state $st, cleaned"
    done <<< "$steps"
    log "faults: $cleaned/$n steps killed and cleaned"
    [ "$cleaned" -eq "$n" ] || fail "cleaned $cleaned of $n"
}

# A state dir without state.json (a create killed right after claiming the
# id, or a delete killed while removing files) is listed as stopped and
# removable.
test_faults_state_dir_without_state_file() {
    mkdir -p "$ROOT/$CID"
    : > "$ROOT/$CID/.lock"
    run_rt list --quiet
    assert_eq "$out" "$CID" "list of a half-made container"
    run_rt state "$CID"
    [ "$status" -eq 0 ] || fail "state failed: $err"
    assert_eq "$(jq -r .status <<< "$out")" stopped
    rt_ok delete "$CID"
    [ ! -e "$ROOT/$CID" ] || fail "state dir left"
}

# A torn or garbage state file is reported in one line naming the file.
test_faults_corrupt_state_file() {
    create_ok
    cp "$ROOT/$CID/state.json" "$T/state.good"
    printf '{"id": "%s", "initPid": ' "$CID" > "$ROOT/$CID/state.json"
    run_rt state "$CID"
    assert_error
    assert_contains "$err" "$ROOT/$CID/state.json"
    run_rt delete "$CID"
    assert_error
    assert_contains "$err" "$ROOT/$CID/state.json"
    cp "$T/state.good" "$ROOT/$CID/state.json"
    rt_ok delete --force "$CID"
    [ ! -e "$ROOT/$CID" ] || fail "state dir left"
}

# exec_with_fault STEP: a short exec into the running container with the
# variable set; sets status and err.
exec_with_fault() {
    OCIRUNTIME_FAULT=$1 "$RT" --root "$ROOT" exec "$CID" sh -c 'exit 3' "$MARK-exec" \
        > /dev/null 2> "$T/last.err" < /dev/null
    status=$?
    err=$(cat "$T/last.err")
}

# check_only_own_processes STEP: the container's cgroup holds its init and
# the init's children, nothing an interrupted exec left behind.
check_only_own_processes() {
    local step=$1 init=$2 procs p ppid extra i
    for i in $(seq 50); do
        extra=""
        procs=$(cat "$(cgroup_dirs "$CGPATH" | head -n1)/cgroup.procs" 2>/dev/null || true)
        for p in $procs; do
            [ "$p" = "$init" ] && continue
            ppid=$(awk '{print $4}' "/proc/$p/stat" 2>/dev/null || echo "$init")
            [ "$ppid" = "$init" ] && ! grep -qF -- "$MARK-exec" "/proc/$p/cmdline" 2>/dev/null && continue
            extra="$extra $p"
        done
        [ -z "$extra" ] && [ -z "$(fault_procs "$step")" ] && return 0
        sleep 0.02
    done
    fail "$step: processes left in the container's cgroup besides its own:$extra $(fault_procs "$step")"
}

test_faults_kill_exec_at_every_step() {
    probe "$FAULT_SLEEPER"
    local steps step n=0 cleaned=0 base=$CID st init
    create_ok
    rt_ok start "$CID"
    exec_with_fault "trace:$T/exec.trace"
    [ "$status" -eq 3 ] || fail "traced exec exited $status: $err"
    rt_ok delete --force "$CID"
    steps=$(awk '!seen[$0]++' "$T/exec.trace")
    for step in exec:after-spawn exec:after-ready exec:init:plan exec:init:seccomp exec:init:before-execve; do
        grep -qxF -- "$step" <<< "$steps" || fail "step $step not reached in the traced exec: $steps"
    done
    while IFS= read -r step; do
        n=$((n + 1))
        CID=$base-e$n
        snapshot
        create_ok
        rt_ok start "$CID"
        exec_with_fault "$step"
        case $step in
            exec:init:before-execve)
                # Released by the runtime, the process dies by the signal
                # and the runtime reports it as the process's status.
                [ "$status" -eq 137 ] || fail "$step: expected exec to report 137, got $status: $err" ;;
            exec:init:*)
                # Dies before ready: exec fails with the runtime's own status, in one line.
                [ "$status" -eq 255 ] || fail "$step: expected exec to fail with 255, got $status: $err"
                [ "$(printf '%s\n' "$err" | grep -c .)" -eq 1 ] || fail "$step: error must be one line: $err" ;;
            *)
                [ "$status" -eq 137 ] || fail "$step: expected exec to die by SIGKILL (137), got $status: $err" ;;
        esac
        st=$(check_truthful "$step")
        [ "$st" = running ] || fail "$step: the container is $st after an interrupted exec"
        run_rt state "$CID"
        init=$(jq -r .pid <<< "$out")
        check_only_own_processes "$step" "$init"
        rt_ok delete --force "$CID"
        sleep 0.05
        [ -z "$(fault_procs "$step")" ] || fail "$step: runtime processes left: $(fault_procs "$step")"
        assert_nothing_left
        cleaned=$((cleaned + 1))
        log "fault $step: exec exited $status, state $st, cleaned"
    done <<< "$steps"
    log "exec faults: $cleaned/$n steps killed and cleaned"
    [ "$cleaned" -eq "$n" ] || fail "cleaned $cleaned of $n"
}
