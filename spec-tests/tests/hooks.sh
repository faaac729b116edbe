# Hooks: when each kind runs, what it gets on stdin, and failure handling.

# hook NAME LOGFILE: a hook that appends "NAME <state json>" to LOGFILE.
hook() {
    jq -nc --arg n "$1" --arg f "$2" '{"path": "/bin/sh", "args": ["sh", "-c", "printf \"%s %s\\n\" \"$0\" \"$(cat)\" >> \"$1\"", $n, $f], "env": ["HOOK_ENV=present"]}'
}

# hook_report LOGFILE PHASE: one "name status id-ok pid-ok bundle-ok" line
# per hook (pid-ok is "-" once stopped). runc 1.1 runs poststart hooks during
# create, against the spec; their lines go to $T/poststart with the phase
# instead, and the test judges them apart from the oracle comparison.
hook_report() {
    local name json line
    [ -f "$1" ] || return 0
    while read -r name json; do
        line="$name $(jq -r --arg id "$CID" --arg b "$B" '[.status, (.id == $id), (if .status == "stopped" then "-" else ((.pid // 0) > 0) end), (.bundle == $b)] | map(tostring) | join(" ")' <<< "$json")"
        if [ "$name" = poststart ]; then
            echo "$2 $line" >> "$T/poststart"
        else
            echo "$line"
        fi
    done < "$1"
}

sc_hooks_order() {
    local log=$T/hooks.$ENV_N inlog=/tmp/in-container-hooks
    cfg '.hooks = {
        "prestart": [$pre], "createRuntime": [$cr], "createContainer": [$cc],
        "startContainer": [{"path": "/bin/sh", "args": ["sh", "-c", "printf \"startContainer %s\\n\" \"$(cat)\" >> /tmp/in-container-hooks"]}],
        "poststart": [$ps], "poststop": [$pst]}' \
        --argjson pre "$(hook prestart "$log")" --argjson cr "$(hook createRuntime "$log")" \
        --argjson cc "$(hook createContainer "$log")" --argjson ps "$(hook poststart "$log")" \
        --argjson pst "$(hook poststop "$log")"
    probe 'trap "exit 0" TERM; sleep 100 & wait'
    create_ok
    echo "-- after create"
    hook_report "$log" create
    [ ! -e "$B/rootfs$inlog" ] || fail "startContainer hook ran before start"
    : > "$log"
    rt_ok start "$CID"
    wait_status running
    echo "-- after start"
    hook_report "$B/rootfs$inlog" start
    hook_report "$log" start
    : > "$log"
    rt_ok kill "$CID" KILL
    wait_status stopped
    echo "-- after stop"
    hook_report "$log" stop
    rt_ok delete "$CID"
    echo "-- after delete"
    hook_report "$log" delete
}

test_hooks_run_in_order_with_state() {
    rm -f "$T/poststart"
    oracle_same sc_hooks_order
    assert_eq "$RES" "-- after create
prestart creating true true true
createRuntime creating true true true
createContainer creating true true true
-- after start
startContainer created true true true
-- after stop
-- after delete
poststop stopped true - true"
    local post
    post=$(head -n1 "$T/poststart" 2>/dev/null)
    if is_runc; then
        assert_match "$post" "^(create|start) poststart (created|running) true true true$" "poststart hook"
    else
        # runtime.md: poststart runs after the user process started, before
        # `start` returns.
        assert_match "$post" "^start poststart (created|running) true true true$" "poststart hook"
    fi
}

sc_hook_env_args() {
    local log=$T/hookenv.$ENV_N
    cfg '.hooks.prestart = [{"path": "/bin/sh", "args": ["sh", "-c", "echo \"$1 $HOOK_ENV ${SPEC_LEAK:-not-inherited}\" > \"$2\"", "x", "first-arg", $f], "env": ["HOOK_ENV=yes"]}]' --arg f "$log"
    probe 'true'
    SPEC_LEAK=leaked run_ok
    cat "$log"
}

test_hooks_args_and_env() {
    oracle_same sc_hook_env_args
    assert_eq "$RES" "first-arg yes not-inherited"
}

sc_failing_prestart() {
    cfg '.hooks.prestart = [{"path": "/bin/sh", "args": ["sh", "-c", "echo hook-failed >&2; exit 3"]}]'
    probe 'trap "exit 0" TERM; sleep 100 & wait'
    snapshot
    create_ct
    echo "create=$status"
    assert_error
    assert_nothing_left
    run_rt state "$CID"
    echo "state=$status"
}

test_hooks_failing_prestart_fails_create() {
    oracle_same sc_failing_prestart
    assert_eq "$RES" $'create=1\nstate=1'
}

sc_failing_create_runtime() {
    cfg '.hooks.createRuntime = [{"path": "/bin/false"}]'
    probe 'true'
    snapshot
    run_ct
    echo "run=$status"
    [ "$status" -ne 0 ] || fail "run succeeded despite a failing createRuntime hook"
    assert_nothing_left
}

test_hooks_failing_create_runtime_fails_run() {
    oracle_same sc_failing_create_runtime
    assert_eq "$RES" "run=1"
}

sc_hook_timeout() {
    local pidf=$T/hookpid.$ENV_N
    cfg '.hooks.prestart = [{"path": "/bin/sh", "args": ["sh", "-c", "echo $$ > \"$0\"; exec sleep 20", $f], "timeout": 1}]' --arg f "$pidf"
    probe 'true'
    snapshot
    local t0
    t0=$(date +%s%N)
    create_ct
    echo "create=$status"
    assert_error
    local ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    [ "$ms" -ge 900 ] || fail "create failed after ${ms}ms, before the hook timeout"
    [ "$ms" -lt 10000 ] || fail "hook timeout not enforced (${ms}ms)"
    assert_nothing_left
    local hp
    hp=$(cat "$pidf")
    [ -n "$hp" ] || fail "hook never ran"
    if [ -d "/proc/$hp" ] && grep -q sleep "/proc/$hp/cmdline" 2>/dev/null; then
        fail "timed-out hook still running"
    fi
}

test_hooks_timeout() {
    oracle_same sc_hook_timeout
    assert_eq "$RES" "create=1"
}

sc_failing_poststop() {
    cfg '.hooks.poststop = [{"path": "/bin/false"}]'
    probe 'exit 0'
    create_ok
    rt_ok start "$CID"
    wait_status stopped
    run_rt delete "$CID"
    echo "delete=$status"
    run_rt state "$CID"
    echo "state=$status"
}

test_hooks_failing_poststop_still_deletes() {
    oracle_same sc_failing_poststop
    assert_eq "$(tail -n1 <<< "$RES")" "state=1"
}
