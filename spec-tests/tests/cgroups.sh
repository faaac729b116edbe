# Cgroup v1 resources, pause/resume, update, ps, events on this host (the
# v2 side runs in a VM, tests/cgroupv2.sh). Every cgroup lives under the
# runner's own parent ($CGPATH), removed at teardown.

SLEEPER='trap "exit 0" TERM; sleep 100 & wait'
CG=/sys/fs/cgroup

# The first real block device's major:minor, for blkio throttles.
blockdev() { awk 'NR > 2 && $2 == 0 { print $1 ":" $2; exit }' /proc/partitions; }

# host_file CONTROLLER FILE: a control file of the current container's cgroup.
host_file() { cat "$CG/$1$CGPATH/$2" 2>/dev/null || echo "<missing $1/$2>"; }

with_cgroup_mount() {
    cfg '.mounts += [{"destination": "/sys/fs/cgroup", "type": "cgroup", "source": "cgroup", "options": ["nosuid", "noexec", "nodev", "relatime", "ro"]}]'
}

sc_resources_v1() {
    local dev
    dev=$(blockdev)
    probe "$SLEEPER"
    cfg '.linux.resources = {
        "memory": {"limit": 104857600, "swap": 209715200, "reservation": 52428800, "swappiness": 30, "disableOOMKiller": false},
        "cpu": {"shares": 512, "quota": 50000, "period": 100000, "cpus": "0", "mems": "0"},
        "pids": {"limit": 64},
        "blockIO": {"throttleReadBpsDevice": [{"major": $ma, "minor": $mi, "rate": 1048576}], "throttleWriteIOPSDevice": [{"major": $ma, "minor": $mi, "rate": 300}]}
    }' --argjson ma "${dev%%:*}" --argjson mi "${dev##*:}"
    create_ok
    local f
    for f in memory/memory.limit_in_bytes memory/memory.memsw.limit_in_bytes memory/memory.soft_limit_in_bytes memory/memory.swappiness \
             cpu/cpu.shares cpu/cpu.cfs_quota_us cpu/cpu.cfs_period_us cpuset/cpuset.cpus cpuset/cpuset.mems pids/pids.max; do
        echo "$f=$(host_file "${f%%/*}" "${f#*/}")"
    done
    echo "read_bps=$(host_file blkio blkio.throttle.read_bps_device | sed "s/^$dev /DEV /")"
    echo "write_iops=$(host_file blkio blkio.throttle.write_iops_device | sed "s/^$dev /DEV /")"
    rt_ok delete --force "$CID"
    [ -z "$(cgroup_dirs "$CGPATH")" ] || fail "cgroup left after delete: $(cgroup_dirs "$CGPATH")"
}

test_cgroups_v1_resources_written() {
    oracle_same sc_resources_v1
    assert_contains "$RES" "memory/memory.limit_in_bytes=104857600"
    assert_contains "$RES" "memory/memory.memsw.limit_in_bytes=209715200"
    assert_contains "$RES" "cpu/cpu.shares=512"
    assert_contains "$RES" "cpu/cpu.cfs_quota_us=50000"
    assert_contains "$RES" "pids/pids.max=64"
    assert_contains "$RES" "read_bps=DEV 1048576"
    assert_contains "$RES" "write_iops=DEV 300"
}

sc_limits_inside() {
    with_cgroup_mount
    cfg '.linux.resources = {"memory": {"limit": 33554432, "swap": 33554432}, "pids": {"limit": 8}}'
    # The hog: sort holds its one 64 MiB line in memory. The fork bomb
    # wants 20 sleepers; the shell running it dies on the first refused fork.
    probe 'echo mem=$(cat /sys/fs/cgroup/memory/memory.limit_in_bytes) pids=$(cat /sys/fs/cgroup/pids/pids.max)
           head -c 67108864 /dev/zero | sort > /dev/null; echo hog-status=$?
           (for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do sleep 5 & done; echo bomb-completed) 2>/dev/null
           st=$?; read n < /sys/fs/cgroup/pids/pids.current; [ $n -le 8 ] && ok=yes; echo bomb-status=$st pids-within-limit=$ok
           kill -9 -1 2>/dev/null; true'
    run_ok
    printf '%s\n' "$out"
}

test_cgroups_v1_oom_and_fork_bomb_from_inside() {
    oracle_same sc_limits_inside
    assert_contains "$RES" "mem=33554432 pids=8"
    assert_contains "$RES" "hog-status=137"
    assert_contains "$RES" "bomb-status=2 pids-within-limit=yes"
}

sc_pause_resume() {
    probe "$SLEEPER"
    create_ok
    rt_ok start "$CID"
    wait_status running
    rt_ok pause "$CID"
    echo "status=$(state_field .status)"
    echo "freezer=$(host_file freezer freezer.state)"
    run_rt pause "$CID"
    echo "pause-again=$status"
    rt_ok resume "$CID"
    echo "status=$(state_field .status)"
    echo "freezer=$(host_file freezer freezer.state)"
    run_rt resume "$CID"
    echo "resume-again=$status"
    rt_ok pause "$CID"
    rt_ok delete --force "$CID"
    [ -z "$(cgroup_dirs "$CGPATH")" ] || fail "cgroup left after delete --force of a paused container"
    echo deleted
}

test_cgroups_v1_pause_resume() {
    oracle_same sc_pause_resume
    assert_eq "$RES" $'status=paused\nfreezer=FROZEN\npause-again=1\nstatus=running\nfreezer=THAWED\nresume-again=1\ndeleted'
}

sc_update() {
    probe "$SLEEPER"
    cfg '.linux.resources = {"memory": {"limit": 104857600}, "pids": {"limit": 64}, "cpu": {"shares": 1024}}'
    create_ok
    rt_ok start "$CID"
    rt_ok update --memory 200m --memory-swap 300m --pids-limit 32 --cpu-share 256 --cpu-quota 20000 --cpu-period 100000 "$CID"
    echo "mem=$(host_file memory memory.limit_in_bytes) swap=$(host_file memory memory.memsw.limit_in_bytes) pids=$(host_file pids pids.max)"
    echo "shares=$(host_file cpu cpu.shares) quota=$(host_file cpu cpu.cfs_quota_us)"
    echo '{"pids": {"limit": 16}, "memory": {"reservation": 10485760}}' > "$T/res.json"
    "$RT" --root "$ROOT" update --resources - "$CID" < "$T/res.json" > "$T/last.out" 2> "$T/last.err" || fail "update --resources -: $(cat "$T/last.err")"
    echo "pids=$(host_file pids pids.max) soft=$(host_file memory memory.soft_limit_in_bytes) mem=$(host_file memory memory.limit_in_bytes)"
    # As in runc, the per-field flags apply only without --resources.
    rt_ok update --resources "$T/res.json" --pids-limit 12 "$CID"
    echo "pids=$(host_file pids pids.max)"
    rt_ok update --pids-limit 12 "$CID"
    echo "pids=$(host_file pids pids.max)"
}

test_cgroups_v1_update_running_container() {
    oracle_same sc_update
    assert_eq "$RES" $'mem=209715200 swap=314572800 pids=32\nshares=256 quota=20000\npids=16 soft=10485760 mem=209715200\npids=16\npids=12'
}

test_cgroups_update_bad_values() {
    new_env "$RUNTIME"
    probe "$SLEEPER"
    create_ok
    run_rt update --pids-limit -5 "$CID"
    assert_error
    assert_contains "$err" "linux.resources.pids.limit"
    echo '{"memory": {"swappiness": 300}}' > "$T/bad.json"
    run_rt update --resources "$T/bad.json" "$CID"
    assert_error
    assert_contains "$err" "linux.resources.memory.swappiness"
    run_rt update --pids-limit 5 nonesuch
    assert_error
    assert_eq "$(host_file pids pids.max)" "max" "pids.max changed by a refused update"
}

sc_ps() {
    probe 'sleep 100 & sleep 100 & trap "exit 0" TERM; wait'
    create_ok
    rt_ok start "$CID"
    wait_status running
    local i=0
    while [ "$(wc -l < "$CG/pids$CGPATH/cgroup.procs")" -lt 3 ] && [ $i -lt 100 ]; do sleep 0.02; i=$((i + 1)); done
    rt_ok ps --format json "$CID"
    local want
    want=$(sort -n "$CG/pids$CGPATH/cgroup.procs" | jq -sc .)
    [ "$(jq -c 'sort' <<< "$out")" = "$want" ] || fail "ps json $out != cgroup.procs $want"
    echo "json-count=$(jq length <<< "$out")"
    rt_ok ps "$CID"
    echo "header=$(head -n1 <<< "$out" | awk '{print $1, $2, $3}')"
    echo "table-rows=$(($(wc -l <<< "$out") - 1))"
    echo "sleeps=$(awk '$(NF-1) == "sleep" && $NF == "100"' <<< "$out" | wc -l)"
}

test_cgroups_ps_lists_the_container_processes() {
    oracle_same sc_ps
    assert_eq "$RES" $'json-count=3\nheader=UID PID PPID\ntable-rows=3\nsleeps=2'
}

test_cgroups_events_stats_move() {
    new_env "$RUNTIME"
    cfg '.linux.resources = {"memory": {"limit": 104857600}, "pids": {"limit": 50}}'
    probe 'while :; do :; done'
    create_ok
    rt_ok start "$CID"
    rt_ok events --stats "$CID"
    local a b
    a=$out
    jq -e --arg id "$CID" '.type == "stats" and .id == $id and .data.pids.current >= 1 and .data.pids.limit == 50 and .data.memory.usage.limit == 104857600 and .data.cpu.usage.total > 0' <<< "$a" > /dev/null \
        || fail "bad stats event: $a"
    sleep 0.3
    rt_ok events --stats "$CID"
    b=$out
    [ "$(jq .data.cpu.usage.total <<< "$b")" -gt "$(jq .data.cpu.usage.total <<< "$a")" ] || fail "cpu usage did not move: $a / $b"
    # The stream: two events 200ms apart, then it is stopped.
    timeout 0.5 "$RT" --root "$ROOT" events --interval 200ms "$CID" > "$T/stream" 2>&1
    [ "$(grep -c '"type":"stats"' "$T/stream")" -ge 2 ] || fail "stream: $(cat "$T/stream")"
    rt_ok kill "$CID" KILL
}

test_cgroups_events_oom() {
    new_env "$RUNTIME"
    cfg '.linux.resources = {"memory": {"limit": 33554432, "swap": 33554432}}'
    probe 'sleep 0.6; dd if=/dev/zero of=/dev/null bs=64M count=1; sleep 1'
    create_ok
    rt_ok start "$CID"
    timeout 2 "$RT" --root "$ROOT" events --interval 100ms "$CID" > "$T/stream" 2>&1
    grep -q "{\"type\":\"oom\",\"id\":\"$CID\"}" "$T/stream" || fail "no oom event: $(grep -v stats "$T/stream")"
}

test_cgroups_kill_all() {
    new_env "$RUNTIME"
    # Without a pid namespace the init's children survive it: --all reaches them.
    cfg 'del(.linux.namespaces[] | select(.type == "pid"))'
    probe 'sleep 100 & sleep 100 & wait'
    create_ok
    rt_ok start "$CID"
    rt_ok kill --all "$CID" KILL
    local i=0
    while [ -n "$(pgrep -f "$MARK")" ] && [ $i -lt 100 ]; do sleep 0.02; i=$((i + 1)); done
    [ -z "$(cat "$CG/pids$CGPATH/cgroup.procs")" ] || fail "processes left: $(cat "$CG/pids$CGPATH/cgroup.procs")"
    rt_ok delete "$CID"
    [ -z "$(cgroup_dirs "$CGPATH")" ] || fail "cgroup left"
}

bad_resources() {
    new_env "$RUNTIME"
    probe "$SLEEPER"
    cfg ".linux.resources = $1"
    snapshot
    create_ct
    assert_error
    assert_contains "$err" "$2"
    assert_nothing_left
}

test_cgroups_v1_bad_values_name_the_json_path() {
    bad_resources '{"memory": {"limit": -5}}' "linux.resources.memory.limit"
    bad_resources '{"memory": {"limit": 1048576, "swap": 1024}}' "linux.resources.memory.swap"
    bad_resources '{"cpu": {"shares": 1}}' "linux.resources.cpu.shares"
    bad_resources '{"cpu": {"cpus": "0-x"}}' "linux.resources.cpu.cpus"
    bad_resources '{"blockIO": {"weight": 5000}}' "linux.resources.blockIO.weight"
    bad_resources '{"hugepageLimits": [{"pageSize": "2MB", "limit": 0}]}' "linux.resources.hugepageLimits[0]"
    bad_resources '{"unified": {"memory.max": "10M"}}' "linux.resources.unified"
    bad_resources '{"devices": [{"allow": true, "type": "x"}]}' "linux.resources.devices[0].type"
    bad_resources '{"cpu": {"cpus": "63"}}' "linux.resources.cpu.cpus"
}

# The init joins the container's cgroup only once it has set up (before the
# runtime hooks, or first thing before it unshares a cgroup namespace): its
# own start is charged to the runtime's cgroup, and `run` of /bin/true fits
# in 512 KiB (runc needs about 2 MiB). NS is "" or "cgroup".
with_ns() { [ -z "$1" ] || cfg '.linux.namespaces += [{"type": $t}]' --arg t "$1"; }

test_cgroups_v1_run_under_512k_memory_limit() {
    local ns pid d
    for ns in "" cgroup; do
        new_env "$RUNTIME"
        with_ns "$ns"
        cfg '.linux.resources = {"memory": {"limit": 524288}} | .process.args = ["/bin/true", $m]' --arg m "$MARK"
        run_ok
        [ -z "$(cgroup_dirs "$CGPATH")" ] || fail "cgroup left after run: $(cgroup_dirs "$CGPATH")"

        # Once create has returned the init is in every hierarchy of the container.
        new_env "$RUNTIME"
        with_ns "$ns"
        cfg '.linux.resources = {"memory": {"limit": 524288}}'
        create_ok
        pid=$(state_field .pid)
        for d in $(cgroup_dirs "$CGPATH"); do
            grep -qx "$pid" "$d/cgroup.procs" || fail "ns=$ns: init $pid not in $d/cgroup.procs: $(cat "$d/cgroup.procs")"
        done
        log "ns=${ns:-none}: memory charged after create $(host_file memory memory.usage_in_bytes) bytes"
        rt_ok delete --force "$CID"
    done
}

# The container sees its own cgroup at /sys/fs/cgroup although the init
# planned that mount before it joined (a bind of the container's directory
# without a cgroup namespace, the namespace's root with one).
sc_cgroup_view_inside() {
    with_ns "$1"
    with_cgroup_mount
    cfg '.linux.resources = {"memory": {"limit": 16777216}, "pids": {"limit": 20}}'
    probe 'echo mem=$(cat /sys/fs/cgroup/memory/memory.limit_in_bytes) pids=$(cat /sys/fs/cgroup/pids/pids.max)
           grep -E "^[0-9]+:(memory|pids):" /proc/self/cgroup | cut -d: -f2- | sort'
    run_ok
    sed "s|$CGPATH|CGPATH|" <<< "$out"
}
sc_cgroup_view_inside_no_ns() { sc_cgroup_view_inside ""; }
sc_cgroup_view_inside_cgroup_ns() { sc_cgroup_view_inside cgroup; }

test_cgroups_v1_view_inside_with_late_join() {
    oracle_same sc_cgroup_view_inside_no_ns
    assert_eq "$RES" $'mem=16777216 pids=20\nmemory:CGPATH\npids:CGPATH'
    oracle_same sc_cgroup_view_inside_cgroup_ns
    assert_eq "$RES" $'mem=16777216 pids=20\nmemory:/\npids:/'
}

# A join the kernel refuses fails create, with nothing left: a SCHED_FIFO
# task may not enter a cpu cgroup without real-time runtime (cpu.rt_runtime_us 0).
sc_join_refused() {
    snapshot
    chrt -f 1 "$RT" --root "$ROOT" create --bundle "$B" "$CID" > /dev/null 2> "$T/last.err" < /dev/null
    status=$?
    err=$(cat "$T/last.err")
    echo "create=$status"
    assert_error
    # runc writes cgroup.procs; ociruntime's init moves itself through `tasks`.
    assert_match "$err" '(cgroup\.procs|/tasks)'
    assert_nothing_left
}

test_cgroups_v1_refused_join_fails_create_cleanly() {
    [ -e "$CG/cpu/cpu.rt_runtime_us" ] || { log "no real-time group scheduling: skipped"; return 0; }
    oracle_same sc_join_refused
    assert_eq "$RES" "create=1"
    new_env "$RUNTIME"
    cfg '.linux.namespaces += [{"type": "cgroup"}]'
    sc_join_refused > /dev/null
}
