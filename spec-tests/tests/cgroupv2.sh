# Cgroup v2: this host is cgroup v1 (plus a hybrid v2 mount), so the v2 code
# runs for real in a VM that boots Debian's kernel with pure cgroup v2
# (../shared/vm/run-in-vm.sh, one boot of about half a minute for the file).

VM=${VM_HARNESS:-$SPEC_DIR/../../shared/vm/run-in-vm.sh}

# The resource, pause, update, ps, events, kill and bad-input scenarios, run
# in the same boot after the lifecycle one. Each prints key=value facts.
vm_cgroup_scenarios() {
    cat <<'SCRIPT'
CG=/sys/fs/cgroup
# base: the lifecycle config with a fresh process and cgroup path.
cfg() { jq "$1" /tmp/base.json > /bundle/config.json; }
hostf() { echo "$2=$(cat $CG/ocirt-vm/$1/$2 2>&1 | tr '\n' ' ' | sed 's/ $//')"; }
gone() { [ -d $CG/ocirt-vm/$1 ] && echo "$1-cgroup-left" || echo "$1-cgroup-gone"; }
cgroup_scenarios() {
    jq '.process.args = ["sh", "-c", "trap \"exit 0\" TERM; sleep 100 & wait"]' config.json > /tmp/base.json

    # Resources, seen from the host and from inside (cgroup namespace: the container's cgroup is /).
    cfg '.linux.cgroupsPath = "/ocirt-vm/r1" | .linux.resources = {
        "memory": {"limit": 104857600, "swap": 209715200, "reservation": 52428800},
        "cpu": {"shares": 1024, "quota": 50000, "period": 100000, "cpus": "0", "mems": "0"},
        "pids": {"limit": 30}, "blockIO": {"weight": 500},
        "hugepageLimits": [{"pageSize": "2MB", "limit": 4194304}],
        "unified": {"memory.high": "94371840"}}
      | .process.args = ["sh", "-c", "echo inside-memory.max=$(cat /sys/fs/cgroup/memory.max) inside-pids.max=$(cat /sys/fs/cgroup/pids.max)"]'
    $RT create r1 || echo r1-create-failed
    for f in memory.max memory.swap.max memory.low memory.high cpu.weight cpu.max cpuset.cpus cpuset.mems pids.max hugetlb.2MB.max; do hostf r1 $f; done
    [ -e $CG/ocirt-vm/r1/io.weight ] && hostf r1 io.weight || echo "io.weight=default 4950"
    $RT start r1; sleep 0.5
    $RT delete r1; gone r1

    # OOM kill and an oom event; a fork bomb stopped by pids.max.
    cfg '.linux.cgroupsPath = "/ocirt-vm/o1" | .linux.resources = {"memory": {"limit": 33554432, "swap": 33554432}, "pids": {"limit": 8}}
      | .process.args = ["sh", "-c", "sleep 1; head -c 41943040 /dev/zero | sort > /dev/null; echo hog-status=$?; (for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do sleep 5 & done; echo bomb-completed) 2>/dev/null; st=$?; read n < /sys/fs/cgroup/pids.current; [ $n -le 8 ] && ok=yes; echo bomb-status=$st pids-within-limit=$ok; kill -9 -1 2>/dev/null"]'
    $RT create o1 > /tmp/o1.out 2>&1 || echo o1-create-failed
    $RT start o1
    timeout 60 $RT events --interval 200ms o1 > /tmp/o1.events 2>&1
    grep -q '"type":"oom"' /tmp/o1.events && echo oom-event
    i=0; while [ $i -lt 100 ] && ! $RT state o1 | grep -q '"stopped"'; do sleep 0.1; i=$((i + 1)); done
    cat /tmp/o1.out
    $RT delete --force o1; gone o1

    # Pause and resume.
    cfg '.linux.cgroupsPath = "/ocirt-vm/p1"'
    $RT create p1; $RT start p1
    $RT pause p1 && echo "paused-status=$($RT state p1 | jq -r .status)"
    grep -x 'frozen 1' $CG/ocirt-vm/p1/cgroup.events && echo frozen-in-events
    $RT resume p1 && echo "resumed-status=$($RT state p1 | jq -r .status)"
    grep -x 'frozen 0' $CG/ocirt-vm/p1/cgroup.events
    $RT pause p1; $RT delete --force p1 && echo paused-deleted; gone p1

    # Update a running container; then ps and events.
    cfg '.linux.cgroupsPath = "/ocirt-vm/u1" | .linux.resources = {"memory": {"limit": 104857600}, "pids": {"limit": 30}}
      | .process.args = ["sh", "-c", "sleep 100 & sleep 100 & trap \"exit 0\" TERM; while :; do :; done"]'
    $RT create u1; $RT start u1; sleep 0.5
    $RT update --memory 200m --memory-swap 300m --pids-limit 10 --cpu-share 512 --cpu-quota 20000 --cpu-period 100000 u1 && echo updated
    for f in memory.max memory.swap.max pids.max cpu.weight cpu.max; do hostf u1 $f; done
    echo '{"pids": {"limit": 12}, "unified": {"memory.high": "max"}}' | $RT update -r - u1
    hostf u1 pids.max; hostf u1 memory.high
    echo "ps-json-count=$($RT ps --format json u1 | jq length)"
    echo "ps-table-sleeps=$($RT ps u1 | awk '$(NF-1) == "sleep"' | wc -l)"
    $RT events --stats u1 > /tmp/s1
    sleep 0.5
    $RT events --stats u1 > /tmp/s2
    jq -r '"stats-type=" + .type + " pids.current=" + (.data.pids.current|tostring) + " pids.limit=" + (.data.pids.limit|tostring) + " mem.limit=" + (.data.memory.usage.limit|tostring)' /tmp/s1
    [ "$(jq .data.cpu.usage.total /tmp/s2)" -gt "$(jq .data.cpu.usage.total /tmp/s1)" ] && echo cpu-moves
    $RT delete --force u1; gone u1

    # kill --all through cgroup.kill reaches children of a container without a pid namespace.
    cfg '.linux.cgroupsPath = "/ocirt-vm/k1" | del(.linux.namespaces[] | select(.type == "pid")) | .process.args = ["sh", "-c", "sleep 100 & sleep 100 & wait"]'
    $RT create k1; $RT start k1; sleep 0.3
    $RT kill --all k1 KILL; sleep 0.3
    [ -z "$(cat $CG/ocirt-vm/k1/cgroup.procs)" ] && echo kill-all-emptied
    $RT delete k1; gone k1

    # Device rules through the eBPF filter: the defaults allow /dev/null and
    # mknod of c 1:3; a c 42:0 node (no driver: an allowed open fails with
    # ENXIO, after the filter) bind-mounted in and mknod of a block node are
    # refused with EPERM; a linux.resources.devices rule lets c 42:0 through.
    mknod /dev/ocirt-c42 c 42 0
    cfg '.linux.cgroupsPath = "/ocirt-vm/d1"
      | .mounts += [{"destination": "/dev/c42", "type": "bind", "source": "/dev/ocirt-c42", "options": ["bind"]}]
      | .process.capabilities.bounding += ["CAP_MKNOD"] | .process.capabilities.effective += ["CAP_MKNOD"] | .process.capabilities.permitted += ["CAP_MKNOD"]
      | .process.args = ["sh", "-c", "echo \"c42: $(head -c1 /dev/c42 2>&1 >/dev/null)\"; echo \"null: $(echo x 2>&1 >/dev/null && echo ok)\"; echo \"mknod-block: $(mknod /dev/sdx b 8 0 2>&1)\"; echo \"mknod-null: $(mknod /dev/null2 c 1 3 2>&1 && echo ok)\""]'
    $RT run d1 || echo d1-create-failed; gone d1
    jq '.linux.cgroupsPath = "/ocirt-vm/d2" | .linux.resources.devices += [{"allow": true, "type": "c", "major": 42, "minor": 0, "access": "r"}]
      | .process.args = ["sh", "-c", "echo \"c42-allowed: $(head -c1 /dev/c42 2>&1 >/dev/null)\""]' /bundle/config.json > /tmp/d2.json
    mv /tmp/d2.json /bundle/config.json
    $RT run d2 || echo d2-create-failed; gone d2
    rm /dev/ocirt-c42

    # The init joins its cgroup once set up, so its own start is not charged:
    # `run` of /bin/true under 512 KiB, and the init in cgroup.procs once
    # create returns, without and with a cgroup namespace.
    for ns in nons cgns; do
        if [ $ns = cgns ]; then nsf='.linux.namespaces |= (map(select(.type != "cgroup")) + [{"type": "cgroup"}])'
        else nsf='.linux.namespaces |= map(select(.type != "cgroup"))'; fi
        cfg ".linux.cgroupsPath = \"/ocirt-vm/m-$ns\" | .linux.resources = {\"memory\": {\"limit\": 524288, \"swap\": 524288}} | $nsf
          | .process.args = [\"/bin/true\"]"
        $RT run m-$ns && echo "small-limit-run-$ns"; gone m-$ns
        cfg ".linux.cgroupsPath = \"/ocirt-vm/n-$ns\" | .linux.resources = {\"memory\": {\"limit\": 524288, \"swap\": 524288}} | $nsf"
        $RT create n-$ns || echo n-$ns-create-failed
        pid=$($RT state n-$ns | jq .pid)
        grep -qx "$pid" $CG/ocirt-vm/n-$ns/cgroup.procs && echo "small-limit-init-joined-$ns"
        hostf n-$ns memory.current
        $RT delete --force n-$ns; gone n-$ns
    done

    # Bad input on v2: one line naming the JSON path, nothing left.
    cfg '.linux.cgroupsPath = "/ocirt-vm/b1" | .linux.resources = {"unified": {"memory.nonesuch": "1"}}'
    $RT create b1 2>&1 | sed 's/^/bad-unified: /'; gone b1
    cfg '.linux.cgroupsPath = "/ocirt-vm/b2" | .linux.resources = {"network": {"classID": 1}}'
    $RT create b2 2>&1 | sed 's/^/bad-network: /'; gone b2
    cfg '.linux.cgroupsPath = "/ocirt-vm/b3" | .linux.resources = {"memory": {"swap": 1048576}}'
    $RT create b3 2>&1 | sed 's/^/bad-swap: /'; gone b3
    ls /run/$RT 2>/dev/null | sed 's/^/state-left: /'
    rmdir $CG/ocirt-vm
}
SCRIPT
}

# The script run inside the VM: lifecycle with a cgroup namespace, checking
# the cgroup directory from the host side at each step.
vm_script() {
    vm_cgroup_scenarios
    cat <<'SCRIPT'
RT=$(ls /usr/local/bin | head -n1)
cd /bundle && $RT spec || exit 1
sed -i 's/"terminal": true/"terminal": false/' config.json
sed -i 's|^\(\s*\)"sh"$|\1"sh", "-c", "cat /proc/self/cgroup; echo pid=$$; test -e /sys/fs/cgroup/cgroup.controllers \&\& echo cgroup2-mounted; sleep 1"|' config.json
grep -q '"type": "cgroup"$' config.json || sed -i 's|"namespaces": \[|"namespaces": [ {"type": "cgroup"},|' config.json
sed -i 's|"namespaces": \[|"cgroupsPath": "/ocirt-vm/c1", "namespaces": [|' config.json
$RT create c1 || echo create-failed
pid=$($RT state c1 | sed -n 's/.*"pid": *\([0-9]*\).*/\1/p')
[ -d /sys/fs/cgroup/ocirt-vm/c1 ] && echo cgroup-created
grep -qx "$pid" /sys/fs/cgroup/ocirt-vm/c1/cgroup.procs && echo init-in-cgroup
$RT start c1
sleep 2
$RT state c1 | grep -q '"stopped"' && echo stopped
$RT delete c1 && echo deleted
[ -d /sys/fs/cgroup/ocirt-vm/c1 ] || echo cgroup-removed
rmdir /sys/fs/cgroup/ocirt-vm
cp config.json /tmp/lifecycle.json
cgroup_scenarios
cp /tmp/lifecycle.json config.json
# Bad input on v2 leaves no cgroup behind either.
sed -i 's|"cgroupsPath": "/ocirt-vm/c1"|"cgroupsPath": "/ocirt-vm/c2"|; s|"type": "pid"|"type": "pid", "path": "/nonexistent"|' config.json
$RT create c2 2>/dev/null && echo bad-create-succeeded
[ -d /sys/fs/cgroup/ocirt-vm/c2 ] && echo bad-create-left-cgroup
[ -d /run/$RT/c2 ] && echo bad-create-left-state
echo vm-done
SCRIPT
}

test_cgroupv2_vm_lifecycle() {
    [ -x "$VM" ] || fail "VM harness $VM not found"
    local out
    out=$(VM_TIMEOUT=300 VM_FILES="$(command -v jq):/usr/bin/jq" "$VM" "$RT" "$(vm_script)" 2>&1) || fail "VM run failed: $out"
    log "$out"
    assert_contains "$out" "0::/"
    assert_contains "$out" "pid=1"
    assert_contains "$out" "cgroup2-mounted"
    assert_contains "$out" "cgroup-created"
    assert_contains "$out" "init-in-cgroup"
    assert_contains "$out" "stopped"
    assert_contains "$out" "deleted"
    assert_contains "$out" "cgroup-removed"
    assert_contains "$out" "vm-done"
    ! grep -q "bad-create-succeeded\|bad-create-left" <<< "$out" || fail "bad create on v2 left something: $out"
    local want
    for want in memory.max=104857600 memory.swap.max=104857600 memory.low=52428800 memory.high=94371840 \
        cpu.weight=39 "cpu.max=50000 100000" cpuset.cpus=0 cpuset.mems=0 pids.max=30 hugetlb.2MB.max=4194304 "io.weight=default 4950" \
        inside-memory.max=104857600 inside-pids.max=30 r1-cgroup-gone \
        hog-status=137 oom-event "bomb-status=2 pids-within-limit=yes" o1-cgroup-gone \
        paused-status=paused frozen-in-events resumed-status=running "frozen 0" paused-deleted p1-cgroup-gone \
        updated memory.max=209715200 memory.swap.max=104857600 pids.max=10 cpu.weight=20 "cpu.max=20000 100000" \
        pids.max=12 memory.high=max ps-json-count=3 ps-table-sleeps=2 \
        "stats-type=stats pids.current=3 pids.limit=12 mem.limit=209715200" cpu-moves u1-cgroup-gone \
        kill-all-emptied k1-cgroup-gone \
        "c42: head: /dev/c42: Operation not permitted" "null: ok" "mknod-block: mknod: /dev/sdx: Operation not permitted" \
        "mknod-null: ok" d1-cgroup-gone "c42-allowed: head: /dev/c42: No such device or address" d2-cgroup-gone \
        'bad-unified: config.json: linux.resources.unified["memory.nonesuch"]' b1-cgroup-gone \
        "bad-network: config.json: linux.resources.network:" b2-cgroup-gone \
        "bad-swap: config.json: linux.resources.memory.swap:" b3-cgroup-gone \
        small-limit-run-nons small-limit-init-joined-nons m-nons-cgroup-gone n-nons-cgroup-gone \
        small-limit-run-cgns small-limit-init-joined-cgns m-cgns-cgroup-gone n-cgns-cgroup-gone; do
        assert_contains "$out" "$want"
    done
    ! grep -q "create-failed\|cgroup-left\|state-left" <<< "$out" || fail "v2 scenario left something: $out"
}
