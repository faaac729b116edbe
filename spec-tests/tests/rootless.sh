# Rootless: the runtime runs as an ordinary user (a test user made here and
# removed at the end), with a single-id map written directly and with
# subordinate ranges through newuidmap/newgidmap (Debian's uidmap package).

RL_SUB_FIRST=400000
RL_SUB_COUNT=65536

# rl_user: creates a user for this test (removed by the EXIT trap) and
# exports RL_USER, RL_UID, RL_GID.
rl_user() {
    command -v newuidmap > /dev/null || fail "newuidmap missing: install the uidmap package (make deps)"
    RL_USER=ocirt$(( $$ % 100000 ))
    host_etc_lock
    useradd --no-create-home --shell /bin/false "$RL_USER" > /dev/null 2>&1 || fail "useradd $RL_USER failed"
    # shellcheck disable=SC2064  # the name is fixed now
    trap "rl_rc=\$?; rl_cleanup $RL_USER; teardown_test \$rl_rc" EXIT
    usermod --add-subuids "$RL_SUB_FIRST-$((RL_SUB_FIRST + RL_SUB_COUNT - 1))" \
        --add-subgids "$RL_SUB_FIRST-$((RL_SUB_FIRST + RL_SUB_COUNT - 1))" "$RL_USER" || fail "usermod --add-subuids failed"
    host_etc_unlock
    RL_UID=$(id -u "$RL_USER")
    RL_GID=$(id -g "$RL_USER")
    export RL_USER RL_UID RL_GID
}

rl_cleanup() {
    # The user's containers go first: userdel refuses a user with processes.
    local root
    for root in "$T"/state*; do
        for id in $(ls -A "$root" 2>/dev/null); do
            setpriv --reuid "$RL_UID" --regid "$RL_GID" --clear-groups "$RT" --root "$root" delete --force "$id" > /dev/null 2>&1
        done
    done
    pkill -9 -u "$1" 2> /dev/null
    host_etc_lock
    userdel "$1" > /dev/null 2>&1 || userdel -f "$1" > /dev/null 2>&1
    # Older userdel leaves the subordinate ranges behind.
    sed -i "/^$1:/d" /etc/subuid /etc/subgid
    host_etc_unlock
}

# rl_env: the current bundle and state dir belong to the test user, and the
# config is the runtime's own `spec --rootless` with the test's process.
rl_env() {
    chown -R "$RL_UID:$RL_GID" "$B" "$ROOT"
    local args
    args=$(jq -c .process.args "$B/config.json")
    ( cd "$B" && rm -f config.json && rl_exec "$RT" spec --rootless ) || fail "spec --rootless failed"
    cfg '.process.args = $a | .root.path = "rootfs" | .process.terminal = false' --argjson a "$args"
    chown "$RL_UID:$RL_GID" "$B/config.json"
}

rl_exec() { setpriv --reuid "$RL_UID" --regid "$RL_GID" --clear-groups env -u XDG_RUNTIME_DIR "$@"; }

rl_run() {
    rl_exec "$RT" --root "$ROOT" run --bundle "$B" "$CID" > "$B/ct.out" 2> "$B/ct.err" < /dev/null
    status=$?
    cp "$B/ct.err" "$T/last.err"
    # Awk, not sed: the test user's uid and gid may be the same number.
    out=$(awk -v u="$RL_UID" -v g="$RL_GID" 'NR <= 4 && NF == 3 && $2 == u && $1 == 0 && !seen++ { $2 = "UID" } NF == 3 && $2 == g && $1 == 0 { $2 = "GID" } 1' "$B/ct.out")
    err=$(cat "$B/ct.err")
}

sc_rootless_single_id() {
    rl_env
    mkdir -p "$B/shared" && chown "$RL_UID:$RL_GID" "$B/shared"
    cfg '.mounts += [{"destination": "/shared", "type": "bind", "source": $s, "options": ["rbind"]}]' --arg s "$B/shared"
    probe 'awk "{ print \$1, \$2, \$3 }" /proc/self/uid_map /proc/self/gid_map; cat /proc/self/setgroups; id -u; touch /shared/f'
    rl_run
    [ "$status" -eq 0 ] || fail "rootless run exited $status: $err"
    echo "$out"
    echo "host-owner=$(stat -c '%u:%g' "$B/shared/f" | sed "s/^$RL_UID:$RL_GID$/user/")"
}

test_rootless_single_id() {
    rl_user
    oracle_same sc_rootless_single_id
    assert_eq "$RES" $'0 UID 1\n0 GID 1\ndeny\n0\nhost-owner=user'
}

sc_rootless_subordinate() {
    rl_env
    cfg '.linux.uidMappings = [{"containerID": 0, "hostID": $u, "size": 1}, {"containerID": 1, "hostID": $f, "size": $n}]
         | .linux.gidMappings = [{"containerID": 0, "hostID": $g, "size": 1}, {"containerID": 1, "hostID": $f, "size": $n}]
         | .mounts += [{"destination": "/shared", "type": "bind", "source": $s, "options": ["rbind"]}]' \
        --argjson u "$RL_UID" --argjson g "$RL_GID" --argjson f "$RL_SUB_FIRST" --argjson n 1000 --arg s "$B/shared"
    cfg '.process.user = {"uid": 10, "gid": 20}'
    mkdir -p "$B/shared" && chmod 1777 "$B/shared"
    probe 'awk "{ print \$1, \$2, \$3 }" /proc/self/uid_map /proc/self/gid_map; touch /shared/root-file'
    rl_run
    [ "$status" -eq 0 ] || fail "rootless run exited $status: $err"
    echo "$out"
    echo "host-owner=$(stat -c '%u:%g' "$B/shared/root-file")"
}

test_rootless_subordinate_ranges() {
    rl_user
    oracle_same sc_rootless_subordinate
    assert_eq "$RES" $'0 UID 1\n1 400000 1000\n0 GID 1\n1 400000 1000\nhost-owner=400009:400019'
}

test_rootless_range_not_granted() {
    rl_user
    rl_env
    cfg '.linux.uidMappings += [{"containerID": 1, "hostID": 900000, "size": 10}]'
    snapshot
    rl_run
    assert_error
    assert_contains "$err" "linux.uidMappings[1]: host ids 900000-900009 are not granted to user $RL_USER in /etc/subuid"
    assert_contains "$err" "add a line \"$RL_USER:900000:10\" to /etc/subuid"
    assert_nothing_left
}
