# Hostile input through the real binary: a sample of the hostile config
# corpus (schemas/fixtures/hostile) and rootfs trees built to redirect the
# runtime's path operations. Every case ends in a clean one-line error or a
# correct container, with no host file touched and nothing left behind.

HOSTILE_DIR=$SPEC_DIR/../schemas/fixtures/hostile

# host_canary: facts about host paths a confused runtime could hit.
host_canary() {
    stat -c '%n %i %Y %s' /etc/passwd /etc/shadow /etc/hostname 2>/dev/null
    grep -c . /proc/self/mountinfo > /dev/null
    awk '$5 == "/" || $5 == "/etc" || $5 == "/proc" || $5 == "/tmp" || $5 ~ "^/etc/" { print $5, $9 }' /proc/self/mountinfo | sort
}

test_hostile_config_sample() {
    local files f n=0 ok=0 refused=0 every=${HOSTILE_EVERY:-10} i=0 rc
    files=$(ls "$HOSTILE_DIR"/*.json | sort)
    [ "$(wc -l <<< "$files")" -ge 200 ] || fail "hostile corpus has fewer than 200 files"
    host_etc_lock
    host_canary > "$T/canary.before"
    local base=$CID
    CGPATH=""
    while IFS= read -r f; do
        i=$((i + 1))
        # Every Nth file, and every regression case found by the fuzzer.
        [ $((i % every)) -eq 0 ] || [[ $f == */fuzz-* ]] || continue
        n=$((n + 1))
        CID=$base-h$n
        # The corpus sets no cgroupsPath: the cgroup is named after the id.
        CGPATH=/$CID
        cp "$f" "$B/config.json"
        snapshot
        timeout 30 "$RT" --root "$ROOT" create --bundle "$B" "$CID" > /dev/null 2> "$T/last.err" < /dev/null
        rc=$?
        status=$rc
        err=$(cat "$T/last.err")
        case $rc in
            0)
                ok=$((ok + 1))
                rt_ok delete --force "$CID" ;;
            1)
                refused=$((refused + 1))
                assert_error
                [ ${#err} -le 2200 ] || fail "$(basename "$f"): error of ${#err} characters" ;;
            124) fail "$(basename "$f"): create hung" ;;
            *) fail "$(basename "$f"): create exited $rc: $err" ;;
        esac
        sleep 0.02
        assert_nothing_left
    done <<< "$files"
    host_canary > "$T/canary.after"
    diff "$T/canary.before" "$T/canary.after" > /dev/null || fail "host changed: $(diff "$T/canary.before" "$T/canary.after")"
    host_etc_unlock
    log "hostile sample: $n configs through the binary: $ok created and deleted, $refused refused in one line"
    [ "$n" -ge 30 ] || fail "sample too small: $n"
}

# hostile_run: the container either runs correctly (status 0, output checked
# by the caller) or create fails in one line; either way nothing is left
# and the host is untouched. Prints "ran" or "refused".
hostile_run() {
    host_etc_lock
    host_canary > "$T/canary.before"
    snapshot
    timeout 30 "$RT" --root "$ROOT" run --bundle "$B" "$CID" > "$B/ct.out" 2> "$B/ct.err" < /dev/null
    status=$?
    err=$(cat "$B/ct.err")
    out=$(cat "$B/ct.out")
    cp "$B/ct.err" "$T/last.err"
    [ "$status" -ne 124 ] || fail "run hung"
    if [ "$status" -eq 0 ]; then
        echo ran
    else
        assert_error
        echo "refused: $err" >&2
        echo refused
    fi
    run_rt delete --force "$CID"
    sleep 0.02
    assert_nothing_left
    host_canary > "$T/canary.after"
    diff "$T/canary.before" "$T/canary.after" > /dev/null || fail "host changed: $(diff "$T/canary.before" "$T/canary.after")"
    host_etc_unlock
}

test_hostile_mount_target_symlink_to_root() {
    local src=$T/src name=ocirt-hostile-$$-$RANDOM res
    mkdir -p "$src" && echo inside > "$src/marker"
    ln -s / "$B/rootfs/evil"
    cfg '.mounts += [{"destination": ("/evil/" + $n), "type": "bind", "source": $s, "options": ["rbind"]}]' --arg n "$name" --arg s "$src"
    probe "cat /$name/marker"
    res=$(hostile_run)
    out=$(cat "$B/ct.out")
    [ ! -e "/$name" ] || { rmdir "/$name" 2>/dev/null; fail "mount target created on the host: /$name"; }
    if [ "$res" = ran ]; then
        # Resolved inside the rootfs: the mount is at the container's /NAME.
        assert_eq "$out" inside "container view of the symlinked target"
        [ -d "$B/rootfs/$name" ] || fail "target not made inside the rootfs"
    fi
    log "mount target symlink to /: $res"
}

test_hostile_proc_is_symlink_out_of_rootfs() {
    local res
    rm -rf "$B/rootfs/proc"
    mkdir -p "$T/decoy"
    ln -s "../../../../../../../../$T/decoy" "$B/rootfs/proc"
    probe 'test -r /proc/self/status && echo proc-ok'
    res=$(hostile_run)
    out=$(cat "$B/ct.out")
    [ -z "$(ls -A "$T/decoy")" ] || fail "something was mounted or written through the /proc symlink: $(ls -A "$T/decoy")"
    [ "$res" = refused ] || assert_eq "$out" proc-ok
    log "/proc symlink: $res"
}

test_hostile_dev_null_is_a_directory() {
    local res
    # Without the /dev tmpfs the runtime creates its devices in the rootfs's own /dev.
    cfg 'del(.mounts[] | select(.destination == "/dev" or .destination == "/dev/pts" or .destination == "/dev/shm" or .destination == "/dev/mqueue"))'
    mkdir -p "$B/rootfs/dev/null/sub"
    probe 'test -c /dev/null && echo null-is-char; echo x > /dev/null && echo write-ok'
    res=$(hostile_run)
    out=$(cat "$B/ct.out")
    [ "$res" = refused ] || assert_eq "$out" $'null-is-char\nwrite-ok'
    log "/dev/null directory: $res"
}

test_hostile_masked_path_symlinks() {
    local res
    echo host-secret > "$T/secret"
    ln -s "../../../../../../../../$T/secret" "$B/rootfs/etc/masked-out"
    ln -s /etc/passwd "$B/rootfs/etc/masked-abs"
    cfg '.linux.maskedPaths += ["/etc/masked-out", "/etc/masked-abs"]'
    probe 'cat /etc/masked-out 2>/dev/null; echo "passwd=$(cat /etc/masked-abs 2>/dev/null | wc -c)"; echo done'
    res=$(hostile_run)
    out=$(cat "$B/ct.out")
    assert_eq "$(cat "$T/secret")" host-secret "host file behind the symlink"
    if [ "$res" = ran ]; then
        # The link resolves inside the container; the host file is never shown.
        [[ $out != *host-secret* ]] || fail "host file readable through a masked symlink: $out"
        assert_contains "$out" done
    fi
    log "masked symlinks: $res"
}
