# Process: args, env, cwd, user, umask, rlimits, oom score, capabilities,
# no_new_privs, stdio.

sc_args_env_cwd() {
    cfg '.process.args = ["sh", "-c", "printf \"[%s]\" \"$@\"; echo; echo \"FOO=$FOO\"; echo \"EMPTY=[$EMPTY]\"; pwd", $m, "one two", "three"]
         | .process.env += ["FOO=bar baz", "EMPTY="] | .process.cwd = "/tmp/work/dir"' --arg m "$MARK"
    run_ok
    echo "$out"
}

test_process_args_env_cwd() {
    oracle_same sc_args_env_cwd
    assert_eq "$RES" $'[one two][three]\nFOO=bar baz\nEMPTY=[]\n/tmp/work/dir'
}

sc_args_path_lookup() {
    cfg '.process.args = ["echo", "via-path", $m]' --arg m "$MARK"
    run_ok
    echo "${out% "$MARK"}"
    new_env "$RT"
    cfg '.process.args = ["/bin/busybox", "echo", "absolute", $m]' --arg m "$MARK"
    run_ok
    echo "${out% "$MARK"}"
}

test_process_args_path_lookup() {
    oracle_same sc_args_path_lookup
    assert_eq "$RES" $'via-path\nabsolute'
}

sc_home_default() {
    probe 'echo "HOME=$HOME"; echo "PATH=$PATH"'
    run_ok
    echo "$out"
    new_env "$RT"
    cfg '.process.user = {"uid": 1000, "gid": 1000}'
    probe 'echo "HOME=$HOME"'
    run_ok
    echo "$out"
}

test_process_home_from_passwd() {
    oracle_same sc_home_default
    assert_eq "$RES" $'HOME=/root\nPATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nHOME=/home/nobody'
}

sc_user_groups() {
    cfg '.process.user = {"uid": 1000, "gid": 1000, "additionalGids": [5, 10, 4242]}'
    probe 'id -u; id -g; id -G | tr " " "\n" | sort -n | tr "\n" " "; echo; awk "/^Groups:/ { \$1 = \"\"; print }" /proc/self/status'
    run_ok
    echo "$out"
}

test_process_user_uid_gid_additional_gids() {
    oracle_same sc_user_groups
    assert_eq "$(sed -n 1,3p <<< "$RES")" $'1000\n1000\n5 10 1000 4242 '
    assert_eq "$(sed -n 4p <<< "$RES" | xargs)" "5 10 4242"
}

sc_umask() {
    cfg '.process.user.umask = 63'
    probe 'umask; touch /tmp/f; stat -c %a /tmp/f'
    run_ok
    echo "$out"
    new_env "$RT"
    probe 'umask'
    run_ok
    echo "default=$out"
}

test_process_umask() {
    oracle_same sc_umask
    assert_eq "$RES" $'0077\n600\ndefault=0022'
}

sc_rlimits() {
    cfg '.process.rlimits = [{"type": "RLIMIT_NOFILE", "soft": 512, "hard": 1000}, {"type": "RLIMIT_CORE", "soft": 0, "hard": 0}, {"type": "RLIMIT_NPROC", "soft": 300, "hard": 400}]'
    probe 'ulimit -n; ulimit -Hn; ulimit -c; awk "/Max processes/ { print \$3, \$4 }" /proc/self/limits'
    run_ok
    echo "$out"
}

test_process_rlimits() {
    oracle_same sc_rlimits
    assert_eq "$RES" $'512\n1000\n0\n300 400'
}

sc_oom_score_adj() {
    cfg '.process.oomScoreAdj = 432'
    probe 'cat /proc/self/oom_score_adj'
    run_ok
    echo "$out"
}

test_process_oom_score_adj() {
    oracle_same sc_oom_score_adj
    assert_eq "$RES" 432
}

CAPS='grep -E "^Cap(Inh|Prm|Eff|Bnd|Amb):" /proc/self/status | tr -d "\t"'

sc_capabilities() {
    local uid
    for uid in 0 1000; do
        new_env "$RT"
        cfg '.process.user = {"uid": $u, "gid": $u}
             | .process.capabilities = {
                 "bounding": ["CAP_CHOWN", "CAP_KILL", "CAP_NET_BIND_SERVICE", "CAP_AUDIT_WRITE"],
                 "effective": ["CAP_KILL", "CAP_NET_BIND_SERVICE"],
                 "permitted": ["CAP_KILL", "CAP_NET_BIND_SERVICE"],
                 "inheritable": ["CAP_KILL"],
                 "ambient": ["CAP_KILL"]}' --argjson u "$uid"
        probe "$CAPS"
        run_ok
        echo "uid $uid"
        echo "$out"
    done
}

test_process_capabilities() {
    oracle_same sc_capabilities
    # Bits: CHOWN 0, KILL 5, NET_BIND_SERVICE 10, AUDIT_WRITE 29.
    assert_eq "$RES" "uid 0
CapInh:0000000000000020
CapPrm:0000000000000420
CapEff:0000000000000420
CapBnd:0000000020000421
CapAmb:0000000000000020
uid 1000
CapInh:0000000000000020
CapPrm:0000000000000020
CapEff:0000000000000020
CapBnd:0000000020000421
CapAmb:0000000000000020"
}

sc_capabilities_effect() {
    cfg '.process.capabilities = {"bounding": ["CAP_CHOWN"], "effective": ["CAP_CHOWN"], "permitted": ["CAP_CHOWN"]}'
    probe 'touch /tmp/a && chown 1000 /tmp/a && echo chown-ok; mknod /tmp/n c 1 3 2>/dev/null && echo mknod-ok || echo mknod-denied; hostname other 2>/dev/null && echo sethost-ok || echo sethost-denied'
    run_ok
    echo "$out"
}

test_process_capabilities_enforced() {
    oracle_same sc_capabilities_effect
    assert_eq "$RES" $'chown-ok\nmknod-denied\nsethost-denied'
}

sc_no_new_privs() {
    probe 'awk "/^NoNewPrivs:/ { print \$2 }" /proc/self/status'
    run_ok
    echo "nnp-true=$out"
    new_env "$RT"
    cfg '.process.noNewPrivileges = false'
    probe 'awk "/^NoNewPrivs:/ { print \$2 }" /proc/self/status'
    run_ok
    echo "nnp-false=$out"
}

test_process_no_new_privileges() {
    oracle_same sc_no_new_privs
    assert_eq "$RES" $'nnp-true=1\nnnp-false=0'
}

sc_stdio() {
    probe 'read line; echo "stdin=$line"; echo to-stderr >&2; echo to-stdout'
    echo "input-line" > "$T/stdin.$ENV_N"
    "$RT" --root "$ROOT" run --bundle "$B" "$CID" > "$B/ct.out" 2> "$B/ct.err" < "$T/stdin.$ENV_N"
    echo "status=$?"
    cat "$B/ct.out"
    grep -c to-stderr "$B/ct.err"
}

test_process_stdio_passthrough() {
    oracle_same sc_stdio
    assert_eq "$RES" $'status=0\nstdin=input-line\nto-stdout\n1'
}

sc_stdio_created() {
    probe 'echo created-out; echo created-err >&2'
    create_ok
    rt_ok start "$CID"
    wait_status stopped
    cat "$B/ct.out"
    grep -c created-err "$B/ct.err"
}

test_process_stdio_of_created_container() {
    oracle_same sc_stdio_created
    assert_eq "$RES" $'created-out\n1'
}

# --preserve-fds N: fds 3..3+N-1 of the caller reach the process; nothing else does.
sc_preserve_fds() {
    echo "preserved-content" > "$T/preserved.txt"
    probe 'cat <&3; ls /proc/self/fd | sort -n | tr "\n" " "'
    exec 3< "$T/preserved.txt" 4< "$T/preserved.txt"
    "$RT" --root "$ROOT" run --preserve-fds 1 --bundle "$B" "$CID" > "$B/ct.out" 2> "$B/ct.err" < /dev/null
    status=$?
    exec 3<&- 4<&-
    echo "status=$status"
    cat "$B/ct.out"
}

test_process_preserve_fds() {
    oracle_same sc_preserve_fds
    # ls itself holds one more descriptor (its directory) while listing.
    assert_eq "$RES" $'status=0\npreserved-content\n0 1 2 3 4 '
}

# CVE-2024-21626 class: descriptors the caller leaves open (without
# --preserve-fds) must not reach the container.
sc_no_fd_leak() {
    probe 'ls /proc/self/fd | sort -n | tr "\n" " "; readlink /proc/self/cwd'
    exec 5< /etc/hostname 7< /etc/hostname
    run_ct
    exec 5<&- 7<&-
    echo "status=$status"
    echo "$out"
}

test_process_no_fd_leak() {
    oracle_same sc_no_fd_leak
    assert_eq "$RES" $'status=0\n0 1 2 3 /'
}
