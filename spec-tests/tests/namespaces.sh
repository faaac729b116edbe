# Namespaces, checked from inside the container.

host_ns() { readlink "/proc/self/ns/$1"; }

sc_pid_ns() {
    probe 'echo "pid=$$"; ps -o pid,args | awk "NR > 1 { print \$1 }" | sort -n | head -n1'
    run_ok
    echo "$out"
}

test_ns_pid_is_1() {
    oracle_same sc_pid_ns
    assert_eq "$RES" $'pid=1\n1'
}

sc_uts_ns() {
    cfg '.hostname = "spec-host"'
    probe 'hostname; cat /proc/sys/kernel/hostname; readlink /proc/self/ns/uts'
    run_ok
    sed -n 1,2p <<< "$out"
    [ "$(sed -n 3p <<< "$out")" != "$(host_ns uts)" ] || fail "uts namespace is the host's"
}

test_ns_uts_hostname() {
    oracle_same sc_uts_ns
    assert_eq "$RES" $'spec-host\nspec-host'
}

# ns_differs TYPE NSNAME: the container's ns link differs from the host's
# when the namespace is requested, and equals it when it is not.
sc_ns_link() {
    local link=$1 kind=$2
    probe "readlink /proc/self/ns/$link"
    run_ok
    echo "with-$kind=$([ "$out" != "$(host_ns "$link")" ] && echo own || echo host)"
    new_env "$RT"
    cfg '.linux.namespaces |= map(select(.type != $k))' --arg k "$kind"
    [ "$kind" = mount ] || true
    probe "readlink /proc/self/ns/$link"
    run_ok
    echo "without-$kind=$([ "$out" = "$(host_ns "$link")" ] && echo host || echo own)"
}

sc_ipc_ns() { sc_ns_link ipc ipc; }
test_ns_ipc() {
    oracle_same sc_ipc_ns
    assert_eq "$RES" $'with-ipc=own\nwithout-ipc=host'
}

sc_net_ns() {
    sc_ns_link net network
    new_env "$RT"
    probe 'awk -F: "NR > 2 { gsub(/ /, \"\", \$1); print \$1 }" /proc/net/dev; ls /sys/class/net'
    run_ok
    echo "$out"
}
test_ns_net_only_lo() {
    oracle_same sc_net_ns
    assert_eq "$RES" $'with-network=own\nwithout-network=host\nlo\nlo'
}

sc_mount_ns() {
    probe 'readlink /proc/self/ns/mnt'
    run_ok
    echo "mnt=$([ "$out" != "$(host_ns mnt)" ] && echo own || echo host)"
}
test_ns_mount() {
    oracle_same sc_mount_ns
    assert_eq "$RES" "mnt=own"
}

sc_user_ns() {
    cfg '.linux.namespaces += [{"type": "user"}]
         | .linux.uidMappings = [{"containerID": 0, "hostID": 200000, "size": 65536}]
         | .linux.gidMappings = [{"containerID": 0, "hostID": 200000, "size": 65536}]'
    probe 'awk "{ print \$1, \$2, \$3 }" /proc/self/uid_map /proc/self/gid_map; id -u; readlink /proc/self/ns/user'
    run_ok
    head -n3 <<< "$out"
    [ "$(sed -n 4p <<< "$out")" != "$(host_ns user)" ] || fail "user namespace is the host's"
}

test_ns_user_mappings() {
    oracle_same sc_user_ns
    assert_eq "$RES" $'0 200000 65536\n0 200000 65536\n0'
}

sc_user_ns_host_view() {
    cfg '.linux.namespaces += [{"type": "user"}]
         | .linux.uidMappings = [{"containerID": 0, "hostID": 200000, "size": 65536}]
         | .linux.gidMappings = [{"containerID": 0, "hostID": 200000, "size": 65536}]'
    probe 'trap "exit 0" TERM; sleep 100 & wait'
    create_ok
    local pid
    pid=$(state_field .pid)
    awk '{ print "host-view", $1, $2, $3 }' "/proc/$pid/uid_map"
    echo "host-uid=$(awk '/^Uid:/ { print $2 }' "/proc/$pid/status")"
}

test_ns_user_host_view() {
    oracle_same sc_user_ns_host_view
    assert_eq "$RES" $'host-view 0 200000 65536\nhost-uid=200000'
}

sc_cgroup_ns() {
    cfg '.linux.namespaces += [{"type": "cgroup"}]'
    probe 'readlink /proc/self/ns/cgroup; grep -v ":/$" /proc/self/cgroup | grep -v "::/" | wc -l'
    run_ok
    [ "$(head -n1 <<< "$out")" != "$(host_ns cgroup)" ] || fail "cgroup namespace is the host's"
    echo "non-root-paths=$(sed -n 2p <<< "$out")"
}

test_ns_cgroup() {
    oracle_same sc_cgroup_ns
    assert_eq "$RES" "non-root-paths=0"
}

sc_join_net_by_path() {
    probe 'trap "exit 0" TERM; sleep 100 & wait'
    create_ok
    local pid1 want
    pid1=$(state_field .pid)
    want=$(readlink "/proc/$pid1/ns/net")
    new_env "$RT"
    cfg '.linux.namespaces |= map(if .type == "network" then .path = $p else . end)' --arg p "/proc/$pid1/ns/net"
    probe 'readlink /proc/self/ns/net'
    run_ok
    echo "joined=$([ "$out" = "$want" ] && echo same || echo "different $out $want")"
    echo "not-host=$([ "$out" != "$(host_ns net)" ] && echo yes)"
}

test_ns_join_by_path() {
    oracle_same sc_join_net_by_path
    assert_eq "$RES" $'joined=same\nnot-host=yes'
}

sc_join_uts_by_path() {
    cfg '.hostname = "first-host"'
    probe 'trap "exit 0" TERM; sleep 100 & wait'
    create_ok
    local pid1
    pid1=$(state_field .pid)
    new_env "$RT"
    cfg 'del(.hostname) | .linux.namespaces |= map(if .type == "uts" then .path = $p else . end)' --arg p "/proc/$pid1/ns/uts"
    probe 'hostname'
    run_ok
    echo "hostname=$out"
}

test_ns_join_uts_sees_hostname() {
    oracle_same sc_join_uts_by_path
    assert_eq "$RES" "hostname=first-host"
}

test_ns_time_offsets() {
    # runc 1.1 does not know the time namespace; the check then only runs
    # for other runtimes.
    if is_runc; then
        log "time namespace not supported by runc 1.1: checking the host only"
        [ -e /proc/self/ns/time ] || fail "kernel has no time namespace"
        return 0
    fi
    cfg '.linux.namespaces += [{"type": "time"}]
         | .linux.timeOffsets = {"monotonic": {"secs": 86400, "nanosecs": 0}, "boottime": {"secs": 172800, "nanosecs": 0}}'
    probe 'cat /proc/self/timens_offsets; cut -d. -f1 /proc/uptime'
    run_ok
    local mono boot up hostup
    mono=$(awk '$1 == "monotonic" || $1 == "1" { print $2 }' <<< "$out")
    boot=$(awk '$1 == "boottime" || $1 == "7" { print $2 }' <<< "$out")
    assert_eq "$mono" 86400 "monotonic offset"
    assert_eq "$boot" 172800 "boottime offset"
    up=$(tail -n1 <<< "$out")
    hostup=$(cut -d. -f1 /proc/uptime)
    [ $((up - hostup)) -ge 172790 ] || fail "uptime inside ($up) not offset from host ($hostup)"
}
