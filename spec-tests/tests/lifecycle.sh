# Lifecycle: create/start/state/kill/delete/run/list and their status rules.

# A PID 1 shell ignores signals it has no handler for, so long-running
# probes trap TERM explicitly.
SLEEPER='trap "exit 0" TERM; sleep 100 & wait'

sc_lifecycle() {
    probe "$SLEEPER"
    create_ok
    run_rt state "$CID"
    [ "$status" -eq 0 ] || fail "state after create: $err"
    jq -e --arg id "$CID" --arg b "$B" '.id == $id and .status == "created" and (.pid|type) == "number" and .pid > 0 and .bundle == $b and (.ociVersion|type) == "string"' <<< "$out" > /dev/null \
        || fail "bad state after create: $out"
    local pid
    pid=$(jq .pid <<< "$out")
    [ -d "/proc/$pid" ] || fail "init pid $pid not alive while created"
    echo "created $(jq -r .status <<< "$out")"
    rt_ok start "$CID"
    wait_status running
    echo "running"
    [ "$(state_field .pid)" = "$pid" ] || fail "pid changed between created and running"
    rt_ok kill "$CID" TERM
    wait_status stopped
    echo "stopped"
    rt_ok delete "$CID"
    run_rt state "$CID"
    echo "state-after-delete=$status"
    assert_error
    assert_contains "$err" "does not exist"
    [ ! -e "$ROOT/$CID" ] || fail "state dir left after delete"
}

test_lifecycle_create_start_kill_delete() {
    oracle_same sc_lifecycle
    assert_eq "$RES" $'created created\nrunning\nstopped\nstate-after-delete=1'
}

sc_start_runs_process() {
    probe 'echo hello-from-container'
    create_ok
    sleep 0.2
    echo "before-start=[$(cat "$B/ct.out")]"
    rt_ok start "$CID"
    wait_status stopped
    echo "after-start=[$(cat "$B/ct.out")]"
}

test_lifecycle_process_runs_only_after_start() {
    oracle_same sc_start_runs_process
    assert_eq "$RES" $'before-start=[]\nafter-start=[hello-from-container]'
}

sc_kill_signals() {
    local sig
    for sig in KILL 9 SIGKILL TERM SIGTERM 15; do
        new_env "$RT"
        probe "$SLEEPER"
        create_ok
        rt_ok start "$CID"
        wait_status running
        rt_ok kill "$CID" "$sig"
        wait_status stopped
        echo "$sig stopped"
        rt_ok delete "$CID"
    done
}

test_lifecycle_kill_by_name_and_number() {
    oracle_same sc_kill_signals
    assert_eq "$(wc -l <<< "$RES")" 6
}

sc_kill_default_is_term() {
    probe 'trap "echo got-term; exit 0" TERM; sleep 100 & wait'
    create_ok
    rt_ok start "$CID"
    wait_status running
    rt_ok kill "$CID"
    wait_status stopped
    cat "$B/ct.out"
}

test_lifecycle_kill_default_signal_is_term() {
    oracle_same sc_kill_default_is_term
    assert_eq "$RES" "got-term"
}

sc_run_exit_code() {
    probe 'echo out; exit 3'
    run_ct
    echo "status=$status out=$out"
    [ ! -e "$ROOT/$CID" ] || fail "run left the container behind"
    probe 'exit 0'
    run_ct
    echo "status=$status"
}

test_lifecycle_run_returns_exit_code() {
    oracle_same sc_run_exit_code
    assert_eq "$RES" $'status=3 out=out\nstatus=0'
}

sc_run_killed() {
    probe 'sleep 100'
    "$RT" --root "$ROOT" run --bundle "$B" "$CID" > "$B/ct.out" 2> "$B/ct.err" < /dev/null &
    local runpid=$!
    wait_status running
    rt_ok kill "$CID" KILL
    wait "$runpid"
    echo "status=$?"
}

test_lifecycle_run_killed_by_signal() {
    oracle_same sc_run_killed
    assert_eq "$RES" "status=137"
}

# run in the foreground passes the signals it receives to the container init
# (the shell is PID 1: only a trapped signal has an effect there).
sc_run_forwards_signals() {
    local sig
    for sig in TERM INT HUP; do
        probe "trap 'exit 3' $sig; echo ready; while :; do sleep 0.05; done"
        # The background job truncates ct.out only once it runs: without the
        # rm, the last round's "ready" could be read and the signal sent early.
        rm -f "$B/ct.out"
        "$RT" --root "$ROOT" run --bundle "$B" "$CID" > "$B/ct.out" 2> "$B/ct.err" < /dev/null &
        local runpid=$! n=0
        until grep -q ready "$B/ct.out" 2> /dev/null; do
            n=$((n + 1)); [ "$n" -lt 400 ] || fail "container never got ready ($sig): $(tr "\n" " " < "$B/ct.err") state: $("$RT" --root "$ROOT" state "$CID" 2>&1 | tr "\n" " ")"
            sleep 0.025
        done
        kill -s "$sig" "$runpid"
        wait "$runpid"
        echo "$sig status=$? left=$([ -e "$ROOT/$CID" ] && echo yes || echo no)"
    done
}

test_lifecycle_run_forwards_signals() {
    oracle_same sc_run_forwards_signals
    assert_eq "$RES" $'TERM status=3 left=no\nINT status=3 left=no\nHUP status=3 left=no'
}

# A signal that reaches `run` while it is still creating the container
# neither kills it halfway (leaving state, cgroup and init behind) nor is
# lost: it is forwarded once the container runs.
sc_run_early_signal() {
    local sig
    for sig in TERM HUP; do
        probe "trap 'exit 3' $sig; sleep 1; exit 5"
        "$RT" --root "$ROOT" run --bundle "$B" "$CID" > "$B/ct.out" 2> "$B/ct.err" < /dev/null &
        local runpid=$!
        sleep 0.01
        kill -s "$sig" "$runpid"
        wait "$runpid"
        local status=$?
        case $status in 3|5|$((128 + $(kill -l "$sig")))) ;; *) fail "$sig: run exited $status: $(cat "$B/ct.err")";; esac
        echo "$sig runtime-survived=$([ "$status" -ne 129 ] && [ "$status" -ne 143 ] && echo yes || echo no) left=$([ -e "$ROOT/$CID" ] && echo yes || echo no)"
    done
}

test_lifecycle_run_early_signal() {
    RES=$(sc_run_early_signal) || fail "scenario failed: $RES"
    assert_eq "$RES" $'TERM runtime-survived=yes left=no\nHUP runtime-survived=yes left=no'
}

sc_run_detach() {
    probe "$SLEEPER"
    "$RT" --root "$ROOT" run --detach --bundle "$B" "$CID" > "$B/ct.out" 2> "$B/ct.err" < /dev/null
    echo "status=$?"
    echo "state=$(state_field .status)"
    rt_ok kill "$CID" KILL
    wait_status stopped
    rt_ok delete "$CID"
}

test_lifecycle_run_detach() {
    oracle_same sc_run_detach
    assert_eq "$RES" $'status=0\nstate=running'
}

sc_pid_file() {
    probe "$SLEEPER"
    create_ok --pid-file "$T/pid.$ENV_N"
    local content
    content=$(cat "$T/pid.$ENV_N")
    [[ $content =~ ^[0-9]+$ ]] || fail "pid file is not plain digits: [$content]"
    [ "$content" = "$(state_field .pid)" ] || fail "pid file $content != state pid"
    [ "$(tr -d '0-9' < "$T/pid.$ENV_N")" = "" ] || fail "pid file has extra bytes"
    echo "pidfile=ok"
}

test_lifecycle_create_pid_file() {
    oracle_same sc_pid_file
    assert_eq "$RES" "pidfile=ok"
}

sc_list() {
    probe "$SLEEPER"
    create_ok
    rt_ok list
    local header row
    header=$(head -n1 <<< "$out")
    read -ra cols <<< "$header"
    echo "header=${cols[*]}"
    row=$(grep -E "^$CID[[:space:]]" <<< "$out") || fail "list has no row for $CID: $out"
    read -ra cols <<< "$row"
    echo "row-status=${cols[2]} pid-ok=$([ "${cols[1]}" = "$(state_field .pid)" ] && echo yes)"
    rt_ok list --format json
    jq -e 'type == "array"' <<< "$out" > /dev/null || fail "list --format json is not an array: $out"
    jq -c --arg id "$CID" --arg b "$B" '[.[] | select(.id == $id) | {status, bundle_ok: (.bundle == $b)}]' <<< "$out"
    rt_ok list -q
    echo "quiet=$([ "$out" = "$CID" ] && echo ok)"
}

test_lifecycle_list() {
    oracle_same sc_list
    assert_eq "$RES" $'header=ID PID STATUS BUNDLE CREATED OWNER\nrow-status=created pid-ok=yes\n[{"status":"created","bundle_ok":true}]\nquiet=ok'
}

sc_list_empty() {
    rt_ok list --format json
    echo "json=$(jq -c . <<< "$out")"
}

test_lifecycle_list_empty_json() {
    oracle_same sc_list_empty
    assert_match "$RES" '^json=(\[\]|null)$'
}

sc_delete_force_running() {
    probe "$SLEEPER"
    create_ok
    rt_ok start "$CID"
    wait_status running
    local pid
    pid=$(state_field .pid)
    rt_ok delete --force "$CID"
    echo "delete=$status"
    run_rt state "$CID"
    echo "state=$status"
    local i=0
    while [ -d "/proc/$pid" ] && [ $i -lt 100 ]; do sleep 0.02; i=$((i + 1)); done
    echo "alive=$([ -d "/proc/$pid" ] && grep -q "$MARK" "/proc/$pid/cmdline" 2>/dev/null && echo yes || echo no)"
}

test_lifecycle_delete_force_running() {
    oracle_same sc_delete_force_running
    assert_eq "$RES" $'delete=0\nstate=1\nalive=no'
}

test_lifecycle_delete_force_created() {
    # A created container (init waiting for start) can be deleted with --force.
    probe "$SLEEPER"
    create_ok
    rt_ok delete --force "$CID"
    run_rt state "$CID"
    assert_eq "$status" 1 "state after delete --force of a created container"
    assert_contains "$err" "does not exist"
}

sc_delete_running_fails() {
    probe "$SLEEPER"
    create_ok
    rt_ok start "$CID"
    wait_status running
    run_rt delete "$CID"
    echo "delete=$status"
    assert_error
    assert_contains "$err" "not stopped"
    echo "still=$(state_field .status)"
}

test_lifecycle_delete_running_without_force_fails() {
    oracle_same sc_delete_running_fails
    assert_eq "$RES" $'delete=1\nstill=running'
}

sc_start_running_fails() {
    probe "$SLEEPER"
    create_ok
    rt_ok start "$CID"
    wait_status running
    run_rt start "$CID"
    echo "second-start=$status"
    assert_error
    echo "still=$(state_field .status)"
}

test_lifecycle_start_running_fails() {
    oracle_same sc_start_running_fails
    assert_eq "$RES" $'second-start=1\nstill=running'
}

sc_start_stopped_fails() {
    probe 'exit 0'
    create_ok
    rt_ok start "$CID"
    wait_status stopped
    run_rt start "$CID"
    echo "start-stopped=$status"
    assert_error
}

test_lifecycle_start_stopped_fails() {
    oracle_same sc_start_stopped_fails
    assert_eq "$RES" "start-stopped=1"
}

sc_kill_stopped_fails() {
    probe 'exit 0'
    create_ok
    rt_ok start "$CID"
    wait_status stopped
    run_rt kill "$CID" KILL
    echo "kill-stopped=$status"
    assert_error
}

test_lifecycle_kill_stopped_fails() {
    oracle_same sc_kill_stopped_fails
    assert_eq "$RES" "kill-stopped=1"
}

sc_kill_all() {
    probe 'sleep 100 & sleep 100 & trap "" TERM; wait'
    create_ok
    rt_ok start "$CID"
    wait_status running
    local i=0
    while [ "$(pgrep -f "$MARK" | wc -l)" -lt 1 ] && [ $i -lt 100 ]; do sleep 0.02; i=$((i + 1)); done
    rt_ok kill --all "$CID" KILL
    wait_status stopped
    echo "stopped"
    rt_ok delete "$CID"
}

test_lifecycle_kill_all() {
    oracle_same sc_kill_all
    assert_eq "$RES" "stopped"
}

sc_exit_by_itself() {
    probe 'exit 7'
    create_ok
    rt_ok start "$CID"
    wait_status stopped
    echo "stopped"
    rt_ok delete "$CID"
    echo "deleted"
}

test_lifecycle_stops_on_exit() {
    oracle_same sc_exit_by_itself
    assert_eq "$RES" $'stopped\ndeleted'
}

sc_duplicate_id() {
    probe "$SLEEPER"
    create_ok
    create_ct
    echo "second-create=$status"
    assert_error
    assert_contains "$err" "exists"
    echo "first=$(state_field .status)"
}

test_lifecycle_duplicate_id_fails() {
    oracle_same sc_duplicate_id
    assert_eq "$RES" $'second-create=1\nfirst=created'
}
