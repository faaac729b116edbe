# CLI surface: version, help, unknown commands, global flags.

test_cli_version() {
    run_rt --version
    assert_eq "$status" 0 "--version exit status"
    local first name
    first=$(head -n1 <<< "$out")
    name=$(basename "$RT")
    assert_match "$first" "^$name version [0-9]" "--version first line"
}

test_cli_help_each_command() {
    local c
    for c in create start run state kill delete list spec; do
        run_rt "$c" --help
        assert_eq "$status" 0 "$c --help exit status"
        [ -n "$out$err" ] || fail "$c --help printed nothing"
    done
    run_rt --help
    assert_eq "$status" 0 "--help exit status"
    assert_contains "$out" "create" "--help lists commands"
}

sc_unknown_command() {
    run_rt no-such-command
    [ "$status" -ne 0 ] || fail "unknown command succeeded"
    [ -n "$err" ] || fail "unknown command printed no error"
    echo "failed=yes"
}

test_cli_unknown_command() {
    oracle_same sc_unknown_command
    # runc exits 3 here (its CLI library's code); ociruntime uses 1 for every
    # runtime error.
    new_env "$RUNTIME"
    run_rt no-such-command
    if ! is_runc; then assert_eq "$status" 1 "unknown command exit status"; fi
}

sc_global_root_flag() {
    probe 'sleep 30'
    create_ok
    [ -d "$ROOT/$CID" ] || fail "state dir not under --root"
    run_rt list --format json
    echo "listed=$(jq -c --arg id "$CID" '[.[].id] == [$id]' <<< "$out")"
    rt_ok delete --force "$CID"
    [ ! -e "$ROOT/$CID" ] || fail "state dir left after delete"
    echo "ok"
}

test_cli_global_root() {
    oracle_same sc_global_root_flag
    assert_eq "$RES" $'listed=true\nok' "list under --root shows exactly this container"
}

sc_log_json() {
    run_rt --log "$T/log.$ENV_N" --log-format json state does-not-exist
    echo "status=$status"
    [ -s "$T/log.$ENV_N" ] || fail "no log written"
    local line
    while read -r line; do
        jq -e 'type == "object" and (.level|type) == "string" and (.msg|type) == "string" and (.time|type) == "string"' <<< "$line" > /dev/null \
            || fail "log line is not a level/msg/time JSON object: $line"
    done < "$T/log.$ENV_N"
    jq -r 'select(.level == "error") | .msg' "$T/log.$ENV_N" | grep -q "does not exist" || fail "error not logged"
    echo "logged=yes"
}

test_cli_log_format_json() {
    oracle_same sc_log_json
    assert_eq "$RES" $'status=1\nlogged=yes'
}

test_cli_spec_generates_valid_config() {
    mkdir -p "$T/specdir"
    ( cd "$T/specdir" && "$RT" spec ) > "$T/spec.out" 2>&1 || fail "spec failed: $(cat "$T/spec.out")"
    jq -e '.ociVersion and .process.args and .root.path == "rootfs"' "$T/specdir/config.json" > /dev/null \
        || fail "spec output lacks ociVersion/process.args/root.path"
    # A second `spec` must refuse to overwrite.
    ( cd "$T/specdir" && "$RT" spec ) > "$T/spec.out" 2>&1 && fail "spec overwrote an existing config.json"
    return 0
}
