# Root filesystem: mounts, devices, masked/readonly paths, sysctl, pivot.

# fstype_at DIR...: prints "DIR TYPE" for the top mount at each DIR.
FSTYPES='for d in "$@"; do t=$(awk -v d="$d" "\$2 == d { t = \$3 } END { print t }" /proc/mounts); echo "$d ${t:-none}"; done'

sc_default_mounts() {
    cfg '.mounts += [{"destination": "/sys/fs/cgroup", "type": "cgroup", "source": "cgroup", "options": ["nosuid", "noexec", "nodev", "relatime", "ro"]}]'
    cfg '.process.args = ["sh", "-c", $s, $m, "/proc", "/sys", "/dev", "/dev/pts", "/dev/shm", "/dev/mqueue"]' --arg s "$FSTYPES; awk '\$2 ~ \"^/sys/fs/cgroup\" && \$3 ~ /^cgroup/ { n++ } END { print \"cgroupfs=\" (n > 0) }' /proc/mounts; ls /sys/fs/cgroup > /dev/null && echo cgroup-readable" --arg m "$MARK"
    run_ok
    echo "$out"
}

test_rootfs_proc_sys_dev_devpts_mqueue_cgroup() {
    oracle_same sc_default_mounts
    assert_eq "$RES" $'/proc proc\n/sys sysfs\n/dev tmpfs\n/dev/pts devpts\n/dev/shm tmpfs\n/dev/mqueue mqueue\ncgroupfs=1\ncgroup-readable'
}

sc_tmpfs_size() {
    cfg '.mounts += [{"destination": "/data", "type": "tmpfs", "source": "tmpfs", "options": ["size=1m", "mode=700", "nosuid"]}]'
    probe 'awk "\$2 == \"/data\" { print \$3 }" /proc/mounts; grep " /data " /proc/mounts | grep -q "size=1024k" && echo size-ok; stat -c %a /data; grep " /data " /proc/mounts | grep -q nosuid && echo nosuid'
    run_ok
    echo "$out"
}

test_rootfs_tmpfs_with_size() {
    oracle_same sc_tmpfs_size
    assert_eq "$RES" $'tmpfs\nsize-ok\n700\nnosuid'
}

sc_bind_mounts() {
    local h=$T/host$ENV_N
    mkdir -p "$h/ro" "$h/rw"
    echo from-host > "$h/ro/file"
    echo single-file > "$h/one"
    cfg '.mounts += [
        {"destination": "/hostro", "type": "bind", "source": $ro, "options": ["rbind", "ro"]},
        {"destination": "/hostrw", "type": "bind", "source": $rw, "options": ["rbind", "rw"]},
        {"destination": "/etc/one", "type": "bind", "source": $one, "options": ["bind", "ro"]}]' \
        --arg ro "$h/ro" --arg rw "$h/rw" --arg one "$h/one"
    probe 'cat /hostro/file; touch /hostro/new 2>/dev/null && echo ro-writable || echo ro-refused
           echo written > /hostrw/out && echo rw-ok; cat /etc/one'
    run_ok
    echo "$out"
    echo "host-sees=$(cat "$h/rw/out")"
    [ ! -e "$h/ro/new" ] || fail "write reached the read-only bind source"
}

test_rootfs_bind_mounts_ro_rw_file() {
    oracle_same sc_bind_mounts
    assert_eq "$RES" $'from-host\nro-refused\nrw-ok\nsingle-file\nhost-sees=written'
}

sc_nested_mounts() {
    local h=$T/nest$ENV_N
    mkdir -p "$h"
    echo nested > "$h/f"
    cfg '.mounts += [
        {"destination": "/deep/new/dir", "type": "tmpfs", "source": "tmpfs", "options": ["size=64k"]},
        {"destination": "/deep/new/dir/sub", "type": "bind", "source": $s, "options": ["rbind"]}]' --arg s "$h"
    probe 'cat /deep/new/dir/sub/f; awk "\$2 ~ \"^/deep\" { print \$2, \$3 }" /proc/mounts'
    run_ok
    echo "$out"
}

test_rootfs_nested_mounts_and_missing_destinations() {
    oracle_same sc_nested_mounts
    assert_eq "$(head -n2 <<< "$RES")" $'nested\n/deep/new/dir tmpfs'
    assert_eq "$(sed -n 3p <<< "$RES" | cut -d' ' -f1)" /deep/new/dir/sub
}

sc_readonly_root() {
    cfg '.root.readonly = true'
    probe 'touch /newfile 2>/dev/null && echo root-writable || echo root-ro; awk "\$2 == \"/\" { split(\$4, o, \",\"); print o[1] }" /proc/mounts; touch /tmp/x 2>/dev/null && echo tmp-writable || echo tmp-ro; echo x > /dev/shm/x && echo shm-writable'
    run_ok
    echo "$out"
}

test_rootfs_readonly() {
    oracle_same sc_readonly_root
    assert_eq "$RES" $'root-ro\nro\ntmp-ro\nshm-writable'
    [ ! -e "$B/rootfs/newfile" ] || fail "file created in read-only rootfs"
}

sc_default_devices() {
    probe 'for d in null zero full random urandom tty; do stat -c "%n %F %t:%T %a" /dev/$d; done; echo x > /dev/null && echo null-writable; head -c 4 /dev/zero | od -An -tx1 | tr -d " "'
    run_ok
    echo "$out"
}

test_rootfs_default_devices() {
    oracle_same sc_default_devices
    assert_eq "$RES" "/dev/null character special file 1:3 666
/dev/zero character special file 1:5 666
/dev/full character special file 1:7 666
/dev/random character special file 1:8 666
/dev/urandom character special file 1:9 666
/dev/tty character special file 5:0 666
null-writable
00000000"
}

sc_dev_symlinks() {
    probe 'for l in fd stdin stdout stderr ptmx; do echo "$l -> $(readlink /dev/$l)"; done; ls /dev/fd/ > /dev/null && echo fd-ok'
    run_ok
    echo "$out"
}

test_rootfs_dev_symlinks() {
    oracle_same sc_dev_symlinks
    assert_eq "$RES" "fd -> /proc/self/fd
stdin -> /proc/self/fd/0
stdout -> /proc/self/fd/1
stderr -> /proc/self/fd/2
ptmx -> pts/ptmx
fd-ok"
}

sc_linux_devices() {
    cfg '.linux.devices = [
        {"path": "/dev/spec-char", "type": "c", "major": 1, "minor": 7, "fileMode": 416, "uid": 1000, "gid": 1000},
        {"path": "/dev/sub/spec-blk", "type": "b", "major": 7, "minor": 0, "fileMode": 384, "uid": 0, "gid": 0},
        {"path": "/dev/spec-fifo", "type": "p", "fileMode": 420}]'
    probe 'stat -c "%n %F %t:%T %a %u:%g" /dev/spec-char /dev/sub/spec-blk; stat -c "%n %F %a" /dev/spec-fifo'
    run_ok
    echo "$out"
}

test_rootfs_linux_devices() {
    oracle_same sc_linux_devices
    assert_eq "$RES" "/dev/spec-char character special file 1:7 640 1000:1000
/dev/sub/spec-blk block special file 7:0 600 0:0
/dev/spec-fifo fifo 644"
}

sc_masked_paths() {
    mkdir -p "$B/rootfs/secret-dir"
    echo secret > "$B/rootfs/secret-dir/f"
    echo secret > "$B/rootfs/secret.txt"
    cfg '.linux.maskedPaths += ["/proc/timer_list", "/secret-dir", "/secret.txt", "/does/not/exist"]'
    probe 'echo "timer_list=$(wc -c < /proc/timer_list)"; echo "file=[$(cat /secret.txt)]"; echo "dir=$(ls -A /secret-dir | wc -l)"; echo "firmware=$(ls -A /sys/firmware | wc -l)"'
    run_ok
    echo "$out"
    assert_eq "$(cat "$B/rootfs/secret.txt")" secret "masked file on the host side"
}

test_rootfs_masked_paths() {
    oracle_same sc_masked_paths
    assert_eq "$RES" $'timer_list=0\nfile=[]\ndir=0\nfirmware=0'
}

sc_readonly_paths() {
    mkdir -p "$B/rootfs/rodir"
    cfg '.linux.readonlyPaths += ["/rodir"]'
    probe 'touch /rodir/x 2>/dev/null && echo rodir-writable || echo rodir-ro; echo 1 > /proc/sys/kernel/domainname 2>/dev/null && echo procsys-writable || echo procsys-ro; echo 1 > /proc/sysrq-trigger 2>/dev/null && echo sysrq-writable || echo sysrq-ro; touch /elsewhere && echo root-writable'
    run_ok
    echo "$out"
}

test_rootfs_readonly_paths() {
    oracle_same sc_readonly_paths
    assert_eq "$RES" $'rodir-ro\nprocsys-ro\nsysrq-ro\nroot-writable'
}

sc_hostname() {
    cfg '.hostname = "box1"'
    probe 'hostname; cat /proc/sys/kernel/hostname'
    run_ok
    echo "$out"
}

test_rootfs_hostname() {
    oracle_same sc_hostname
    assert_eq "$RES" $'box1\nbox1'
}

test_rootfs_domainname() {
    # domainname is a runtime-spec 1.2 field that runc 1.1 ignores: the
    # check runs for other runtimes only.
    if is_runc; then log "runc 1.1 ignores domainname"; return 0; fi
    cfg '.hostname = "box1" | .domainname = "example.org"'
    probe 'cat /proc/sys/kernel/domainname'
    run_ok
    assert_eq "$out" example.org "domainname inside"
}

sc_sysctl() {
    local host_before
    host_before=$(cat /proc/sys/net/ipv4/ip_forward)
    cfg '.linux.sysctl = {"net.ipv4.ip_forward": "1", "kernel.shmmax": "123456789", "net.ipv4.conf.all.forwarding": "1"}'
    probe 'cat /proc/sys/net/ipv4/ip_forward /proc/sys/kernel/shmmax'
    run_ok
    echo "$out"
    [ "$(cat /proc/sys/net/ipv4/ip_forward)" = "$host_before" ] || fail "sysctl leaked to the host"
}

test_rootfs_sysctl() {
    oracle_same sc_sysctl
    assert_eq "$RES" $'1\n123456789'
}

sc_rootfs_propagation() {
    local p
    for p in private slave; do
        new_env "$RT"
        cfg '.linux.rootfsPropagation = $p' --arg p "$p"
        probe 'awk "\$5 == \"/\" { for (i = 7; \$i != \"-\"; i++) { sub(/:[0-9]+/, \"\", \$i); printf \" %s\", \$i } }" /proc/self/mountinfo; echo; mount -t tmpfs none /mnt && echo mounted'
        cfg '.process.capabilities.bounding += ["CAP_SYS_ADMIN"] | .process.capabilities.effective += ["CAP_SYS_ADMIN"] | .process.capabilities.permitted += ["CAP_SYS_ADMIN"]'
        run_ok
        echo "$p:$(tr '\n' ' ' <<< "$out")"
        ! grep -qF "$B/rootfs/mnt" /proc/self/mountinfo || fail "container mount propagated to the host with $p"
    done
}

test_rootfs_propagation() {
    oracle_same sc_rootfs_propagation
    assert_eq "$(grep -c mounted <<< "$RES")" 2
}

sc_no_pivot() {
    probe 'cat /etc/hostname; ls / | grep -c . > /dev/null && echo listed; awk "\$2 == \"/\" { print \"root-mount\" }" /proc/mounts | head -n1'
    run_ct --no-pivot
    echo "status=$status"
    echo "$out"
}

test_rootfs_no_pivot() {
    oracle_same sc_no_pivot
    assert_eq "$RES" $'status=0\nocirt\nlisted\nroot-mount'
}

sc_mount_options_flags() {
    cfg '.mounts += [{"destination": "/flags", "type": "tmpfs", "source": "tmpfs", "options": ["noexec", "nodev", "nosuid", "ro", "noatime"]}]'
    probe 'grep " /flags " /proc/mounts | awk "{ print \$4 }" | tr "," "\n" | grep -E "^(ro|nosuid|nodev|noexec|noatime)$" | sort | tr "\n" " "'
    run_ok
    echo "$out"
}

test_rootfs_mount_flags() {
    oracle_same sc_mount_options_flags
    assert_eq "$RES" "noatime nodev noexec nosuid ro "
}
