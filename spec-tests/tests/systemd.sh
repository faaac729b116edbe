# The systemd cgroup driver (--systemd-cgroup) against a real systemd. This
# host does not boot systemd, so each test starts one: PID 1 of new pid,
# mount and cgroup namespaces, on a private cgroup2 mount rooted at a fresh
# cgroup of the host's v2 hierarchy, with a private /run and a unit path
# holding one empty target, so it starts nothing but itself. The runtime then
# runs in those namespaces and reaches systemd on /run/systemd/private.

SD_PID=""
SD_CG=""

# sd_start: sets SD_PID; returns 1 (after logging why) when systemd cannot run here.
sd_start() {
    local sd=/lib/systemd/systemd v2="" i
    [ -x "$sd" ] || { log "no $sd"; return 1; }
    command -v unshare > /dev/null && command -v nsenter > /dev/null || { log "no unshare/nsenter"; return 1; }
    if [ -f /sys/fs/cgroup/unified/cgroup.controllers ]; then v2=/sys/fs/cgroup/unified
    elif [ -f /sys/fs/cgroup/cgroup.controllers ]; then v2=/sys/fs/cgroup
    else log "no cgroup v2 hierarchy"; return 1; fi
    SD_CG=$v2/$CGPARENT/systemd-$$
    mkdir -p "$SD_CG" "$T/units"
    printf '[Unit]\nDescription=ociruntime spec-test target\nDefaultDependencies=no\n' > "$T/units/ocirt-test.target"
    cat > "$T/sd-init.sh" <<SCRIPT
#!/bin/sh
set -e
mount --make-rprivate /
umount -R /sys/fs/cgroup 2>/dev/null || umount -l /sys/fs/cgroup
mount -t cgroup2 cgroup2 /sys/fs/cgroup
mount -t tmpfs -o mode=755 tmpfs /run
exec env -i container=other SYSTEMD_UNIT_PATH=$T/units: PATH=/usr/sbin:/usr/bin:/sbin:/bin $sd --unit=ocirt-test.target --log-target=null
SCRIPT
    chmod +x "$T/sd-init.sh"
    # The cgroup namespace is rooted where unshare runs: the fresh cgroup.
    (echo "$BASHPID" > "$SD_CG/cgroup.procs" && exec unshare -fpmuC --mount-proc "$T/sd-init.sh") > "$T/sd.log" 2>&1 < /dev/null &
    local up=$!
    trap 'rc=$?; sd_stop; teardown_test $rc' EXIT
    for i in $(seq 100); do
        SD_PID=$(pgrep -P "$up" 2>/dev/null | head -1)
        if [ -n "$SD_PID" ] && nsenter -t "$SD_PID" -m test -S /run/systemd/private 2>/dev/null \
            && [ "$(sd systemctl is-active ocirt-test.target 2>/dev/null)" = active ]; then
            return 0
        fi
        sleep 0.1
    done
    log "systemd did not come up in 10s: $(head -c 500 "$T/sd.log")"
    return 1
}

# sd_stop: PID 1's death takes its namespace along; then the cgroups it made.
sd_stop() {
    local i
    [ -n "$SD_PID" ] && kill -9 "$SD_PID" 2>/dev/null
    [ -n "$SD_CG" ] && [ -d "$SD_CG" ] || return 0
    for i in $(seq 50); do
        find "$SD_CG" -depth -type d -exec rmdir {} + 2>/dev/null
        [ -d "$SD_CG" ] || break
        sleep 0.1
    done
    return 0
}

# sd CMD...: CMD inside systemd's namespaces (its view of pids and cgroups).
sd() { nsenter -t "$SD_PID" -m -p -C -- "$@"; }

sd_rt() {
    sd "$RT" --root "$ROOT" --systemd-cgroup "$@" > "$T/last.out" 2> "$T/last.err" < /dev/null
    status=$?
    out=$(cat "$T/last.out")
    err=$(cat "$T/last.err")
}

sd_rt_ok() {
    sd_rt "$@"
    [ "$status" -eq 0 ] || fail "--systemd-cgroup $* exited $status: $err"
}

test_systemd_cgroup_scope_lifecycle() {
    sd_start || { log "SKIP: systemd cannot start here"; return 0; }
    local unit=ociruntime-$CID.scope dir pid
    dir=/sys/fs/cgroup/system.slice/$unit
    cfg 'del(.linux.cgroupsPath) | .linux.resources = {"unified": {"cgroup.max.descendants": "5"}}'
    sd_rt_ok create --bundle "$B" "$CID"
    pid=$(state_pid)
    [ "$(sd systemctl is-active "$unit")" = active ] || fail "$unit is not active: $(sd systemctl status "$unit" 2>&1)"
    assert_eq "$(sd systemctl show -p ControlGroup --value "$unit")" "/system.slice/$unit"
    assert_eq "$(sd systemctl show -p Delegate --value "$unit")" yes
    sd systemctl status --no-pager "$unit" | grep -Eq "[^0-9]$pid ociruntime" || fail "systemctl status does not list the init $pid: $(sd systemctl status --no-pager "$unit")"
    assert_eq "$(sd cat "$dir/cgroup.procs")" "$pid"
    assert_eq "$(sd cat "$dir/cgroup.max.descendants")" 5

    # Later commands find the scope from the record.
    echo '{"unified": {"cgroup.max.descendants": "7"}}' > "$T/update.json"
    sd_rt_ok update --resources "$T/update.json" "$CID"
    assert_eq "$(sd cat "$dir/cgroup.max.descendants")" 7
    sd_rt_ok start "$CID"
    # exec --cgroup names a sub-cgroup of the scope's directory.
    sd mkdir "$dir/sub"
    sd_rt_ok exec --cgroup sub "$CID" cat /proc/self/cgroup
    assert_contains "$out" "/system.slice/$unit/sub"
    sd rmdir "$dir/sub" 2>/dev/null || true
    sd_rt_ok pause "$CID"
    sd_rt_ok state "$CID"
    assert_eq "$(jq -r .status <<< "$out")" paused
    sd_rt_ok resume "$CID"
    sd_rt_ok ps --format json "$CID"
    assert_eq "$(jq -r '.[0]' <<< "$out")" "$pid"

    sd_rt_ok delete --force "$CID"
    sd systemctl is-active "$unit" > /dev/null 2>&1 && fail "$unit still active after delete"
    [ -n "$(sd systemctl list-units --all --plain --no-legend "$unit" 2>/dev/null)" ] && fail "$unit still loaded after delete"
    sd test -d "$dir" && fail "cgroup $dir left after delete"
    [ -z "$(ls -A "$ROOT")" ] || fail "state left: $(ls -A "$ROOT")"
}

state_pid() {
    sd_rt state "$CID"
    jq -r .pid <<< "$out"
}

# A nested slice ("a-b.slice" is a.slice/a-b.slice) and a prefix of one's own.
test_systemd_cgroup_nested_slice() {
    sd_start || { log "SKIP: systemd cannot start here"; return 0; }
    local unit=box-$CID.scope
    cfg '.linux.cgroupsPath = "ocirt-sub.slice:box:" + $id' --arg id "$CID"
    sd_rt_ok create --bundle "$B" "$CID"
    assert_eq "$(sd systemctl show -p Slice --value "$unit")" ocirt-sub.slice
    assert_eq "$(sd cat "/sys/fs/cgroup/ocirt.slice/ocirt-sub.slice/$unit/cgroup.procs")" "$(state_pid)"
    sd_rt_ok delete --force "$CID"
    sd test -d "/sys/fs/cgroup/ocirt.slice/ocirt-sub.slice/$unit" && fail "cgroup left after delete"
    return 0
}

test_systemd_cgroup_bad_path() {
    sd_start || { log "SKIP: systemd cannot start here"; return 0; }
    cfg '.linux.cgroupsPath = "system.slice:only-two"'
    sd_rt create --bundle "$B" "$CID"
    [ "$status" -eq 1 ] || fail "bad cgroupsPath: exit $status"
    assert_eq "$err" 'config.json: linux.cgroupsPath: "system.slice:only-two": expected the systemd form "slice:prefix:name"'
    cfg '.linux.cgroupsPath = "system--x.slice:p:" + $id' --arg id "$CID"
    sd_rt create --bundle "$B" "$CID"
    [ "$status" -eq 1 ] || fail "bad slice: exit $status"
    assert_contains "$err" 'linux.cgroupsPath'
    [ -z "$(ls -A "$ROOT")" ] || fail "state left: $(ls -A "$ROOT")"
    assert_eq "$(sd systemctl list-units --all --plain --no-legend --type=scope | awk '{print $1}' | grep -v '^init.scope$' || true)" ""
}
