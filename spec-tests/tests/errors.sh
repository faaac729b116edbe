# Bad input of every kind: exit status 1, an error on stderr (one line for
# ociruntime), and nothing left behind (state, mounts, cgroup, process, fifo).

# bad_create: create must fail cleanly; prints a runtime-neutral summary.
bad_create() {
    snapshot
    create_ct "$@"
    echo "create=$status"
    assert_error
    assert_nothing_left
    run_rt state "$CID"
    echo "state=$status"
}

sc_missing_bundle() {
    snapshot
    "$RT" --root "$ROOT" create --bundle "$T/no-such-bundle" "$CID" > /dev/null 2> "$T/last.err" < /dev/null
    status=$?
    err=$(cat "$T/last.err")
    echo "create=$status"
    assert_error
    assert_nothing_left
}
test_error_missing_bundle_dir() { oracle_same sc_missing_bundle; assert_eq "$RES" "create=1"; }

sc_missing_config() { rm "$B/config.json"; snapshot; create_ct; echo "create=$status"; assert_error; assert_nothing_left; }
test_error_missing_config_json() { oracle_same sc_missing_config; assert_eq "$RES" "create=1"; }

sc_invalid_json() { echo '{"ociVersion": "1.0.2", "process": {' > "$B/config.json"; snapshot; create_ct; echo "create=$status"; assert_error; assert_nothing_left; }
test_error_invalid_json() { oracle_same sc_invalid_json; assert_eq "$RES" "create=1"; }

sc_schema_invalid() {
    local filter
    for filter in '.process.args = 5' '.root = "rootfs"' '.linux.namespaces = {"type": "pid"}' '.mounts[0].options = "ro"'; do
        new_env "$RT"
        cfg "$filter"
        snapshot
        create_ct
        echo "$filter: create=$status"
        assert_error
        assert_nothing_left
    done
}
test_error_schema_invalid_config() { oracle_same sc_schema_invalid; assert_eq "$(grep -c 'create=1$' <<< "$RES")" 4; }

sc_empty_args() { cfg '.process.args = []'; snapshot; create_ct; echo "create=$status"; assert_error; assert_nothing_left; }
test_error_empty_args() { oracle_same sc_empty_args; assert_eq "$RES" "create=1"; }

sc_relative_cwd() { cfg '.process.cwd = "relative/dir"'; bad_create; }
test_error_relative_cwd() { oracle_same sc_relative_cwd; assert_eq "$RES" $'create=1\nstate=1'; }

sc_missing_rootfs() { rm -rf "$B/rootfs"; snapshot; create_ct; echo "create=$status"; assert_error; assert_nothing_left; }
test_error_missing_rootfs() { oracle_same sc_missing_rootfs; assert_eq "$RES" "create=1"; }

sc_bad_mount_type() { cfg '.mounts += [{"destination": "/bad", "type": "no-such-fs-type", "source": "none"}]'; bad_create; }
test_error_bad_mount_type() { oracle_same sc_bad_mount_type; assert_eq "$RES" $'create=1\nstate=1'; }

sc_bad_mount_source() { cfg '.mounts += [{"destination": "/bad", "type": "bind", "source": $s, "options": ["rbind"]}]' --arg s "$T/no-such-source"; bad_create; }
test_error_bad_mount_source() { oracle_same sc_bad_mount_source; assert_eq "$RES" $'create=1\nstate=1'; }

sc_missing_executable() { cfg '.process.args = ["/no/such/binary", $m]' --arg m "$MARK"; bad_create; }
test_error_missing_executable() { oracle_same sc_missing_executable; assert_eq "$RES" $'create=1\nstate=1'; }

sc_bad_ns_path() { cfg '.linux.namespaces |= map(if .type == "network" then .path = "/no/such/ns" else . end)'; bad_create; }
test_error_bad_namespace_path() { oracle_same sc_bad_ns_path; assert_eq "$RES" $'create=1\nstate=1'; }

sc_bad_rlimit() { cfg '.process.rlimits = [{"type": "RLIMIT_NO_SUCH", "soft": 1, "hard": 1}]'; bad_create; }
test_error_bad_rlimit_type() { oracle_same sc_bad_rlimit; assert_eq "$RES" $'create=1\nstate=1'; }

sc_failing_create_container_hook() { cfg '.hooks.createContainer = [{"path": "/bin/false"}]'; bad_create; }
test_error_failing_create_container_hook() { oracle_same sc_failing_create_container_hook; assert_eq "$RES" $'create=1\nstate=1'; }

sc_unknown_id() {
    local cmd
    for cmd in "state" "start" "kill" "delete" "kill --all"; do
        # shellcheck disable=SC2086
        run_rt $cmd no-such-container
        echo "$cmd=$status"
        assert_error
        assert_contains "$err" "does not exist"
    done
    [ -z "$(ls -A "$ROOT")" ] || fail "state created for an unknown id"
}
test_error_unknown_id() { oracle_same sc_unknown_id; assert_eq "$RES" $'state=1\nstart=1\nkill=1\ndelete=1\nkill --all=1'; }

sc_bad_signal() {
    probe 'trap "exit 0" TERM; sleep 100 & wait'
    create_ok
    run_rt kill "$CID" NOSUCHSIG
    echo "kill=$status"
    assert_error
    echo "still=$(state_field .status)"
}
test_error_bad_signal_name() { oracle_same sc_bad_signal; assert_eq "$RES" $'kill=1\nstill=created'; }

sc_bad_id() {
    snapshot
    "$RT" --root "$ROOT" create --bundle "$B" "../escape" > /dev/null 2> "$T/last.err" < /dev/null
    status=$?
    err=$(cat "$T/last.err")
    echo "create=$status"
    assert_error
    assert_nothing_left
    [ ! -e "$T/escape" ] || fail "id escaped the state dir"
}
test_error_invalid_container_id() { oracle_same sc_bad_id; assert_eq "$RES" "create=1"; }

sc_missing_id() {
    run_rt create --bundle "$B"
    [ "$status" -ne 0 ] || fail "create without an id succeeded"
    [ -n "$err" ] || fail "no error for missing id"
    echo "failed"
}
test_error_missing_id_argument() { oracle_same sc_missing_id; assert_eq "$RES" failed; }

# --systemd-cgroup without a systemd driver (this host runs no systemd): a
# clear one-line refusal and nothing created. runc tries to reach systemd's
# D-Bus here and fails too, in its own words.
sc_systemd_cgroup_flag() {
    snapshot
    "$RT" --root "$ROOT" --systemd-cgroup create --bundle "$B" "$CID" > /dev/null 2> "$T/last.err" < /dev/null
    status=$?
    err=$(cat "$T/last.err")
    echo "create=$status"
    assert_error
    assert_nothing_left
    is_runc || assert_contains "$err" "systemd is not running"
}
test_error_systemd_cgroup_without_systemd() {
    [ -d /run/systemd/system ] && { log "systemd runs here: not applicable"; return 0; }
    oracle_same sc_systemd_cgroup_flag
    assert_eq "$RES" "create=1"
}
