# Cgroup v2: this host is cgroup v1 (plus a hybrid v2 mount), so the v2 code
# runs for real in a VM that boots Debian's kernel with pure cgroup v2
# (../shared/vm/run-in-vm.sh, one boot of about half a minute for the file).

VM=${VM_HARNESS:-$SPEC_DIR/../../shared/vm/run-in-vm.sh}

# The script run inside the VM: lifecycle with a cgroup namespace, checking
# the cgroup directory from the host side at each step.
vm_script() {
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
    out=$(VM_TIMEOUT=240 "$VM" "$RT" "$(vm_script)" 2>&1) || fail "VM run failed: $out"
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
}
