# process.terminal: the pty comes from the container's devpts, the master
# goes to --console-socket in one SCM_RIGHTS message, /dev/console is the
# slave, consoleSize applies, and a foreground run relays the terminal.

# console_client NAME INPUT: starts the test client on $T/NAME.sock.
console_client() {
    rm -f "$T/$1.sock" "$T/$1.sock.ready"
    python3 "$SPEC_DIR/console-client.py" "$T/$1.sock" "$2" "END-OF-TEST" > "$T/$1.client" 2>&1 &
    local i=0
    while [ ! -e "$T/$1.sock.ready" ] && [ $i -lt 250 ]; do sleep 0.02; i=$((i + 1)); done
}

# wait_client NAME: the client's output, once it exited.
wait_client() {
    local i=0
    while pgrep -f "$T/$1.sock" > /dev/null && [ $i -lt 500 ]; do sleep 0.02; i=$((i + 1)); done
    cat "$T/$1.client"
}

sc_create_console() {
    cfg '.process.terminal = true | .process.consoleSize = {"height": 33, "width": 101}'
    probe 'read line; echo "got:$line"; tty; stty size; stat -c "%t %F" /dev/console; [ -t 0 ] && [ -t 1 ] && [ -t 2 ] && echo stdio-tty; echo END-OF-TEST'
    console_client ct $'hello\n'
    create_ok --console-socket "$T/ct.sock"
    rt_ok start "$CID"
    wait_client ct | grep -v '^hello$'
}

test_terminal_create_console_socket() {
    oracle_same sc_create_console
    assert_eq "$RES" $'payload=/dev/ptmx fds=1 more=0\ngot:hello\n/dev/pts/0\n33 101\n88 character special file\nstdio-tty\nEND-OF-TEST'
}

sc_exec_tty() {
    "$RT" --root "$ROOT" run -d --bundle "$B" "$CID" > "$B/ct.out" 2> "$B/ct.err" < /dev/null || fail "run -d failed"
    console_client ex $'echo typed-$((6 * 7)); tty; echo END-OF-""TEST\n'
    run_rt exec -t -d --console-socket "$T/ex.sock" "$CID" sh
    echo "status=$status"
    wait_client ex | grep -E '^(payload|typed|/dev/pts|END)'
}

test_terminal_exec_tty_console_socket() {
    oracle_same sc_exec_tty
    assert_eq "$RES" $'status=0\npayload=/dev/ptmx fds=1 more=0\ntyped-42\n/dev/pts/0\nEND-OF-TEST'
}

sc_terminal_errors() {
    cfg '.process.terminal = true'
    create_ct
    echo "no-socket=$status"
    new_env "$RT"
    create_ct --console-socket "$T/none.sock"
    echo "socket-without-terminal=$status"
    new_env "$RT"
    cfg '.process.terminal = true'
    create_ct --console-socket "$T/none.sock"
    echo "socket-missing=$status"
    echo "left: $(ls -A "$ROOT")"
}

test_terminal_errors() {
    oracle_same sc_terminal_errors
    assert_eq "$RES" $'no-socket=1\nsocket-without-terminal=1\nsocket-missing=1\nleft: '
}

# Foreground run with a terminal and no socket: the runtime relays it
# (script(1) gives the runtime a terminal of its own).
sc_terminal_relay() {
    cfg '.process.terminal = true'
    probe 'read a; echo "relayed:$a"; [ -t 0 ] && echo tty; exit 5'
    printf 'abc\n' > "$T/in.txt"
    script -qec "\"$RT\" --root \"$ROOT\" run --bundle \"$B\" \"$CID\"" /dev/null < "$T/in.txt" > "$T/relay.out" 2>&1
    echo "status=$?"
    tr -d '\r' < "$T/relay.out" | grep -E '^(relayed|tty)'
}

test_terminal_foreground_relay() {
    oracle_same sc_terminal_relay
    assert_eq "$RES" $'status=5\nrelayed:abc\ntty'
}

# CVE-2025-52565: /dev/console in the rootfs is a symlink (here to
# /etc/passwd, which before pivot_root names the HOST's file). The pty must
# never be mounted through it: either create refuses in one line, or the
# container's /dev/console is a pty and both passwd files are untouched.
# runc 1.1 predates the fix, so only other runtimes are held to it.
test_terminal_console_symlink_cve_2025_52565() {
    if is_runc; then
        log "runc 1.1 predates the CVE-2025-52565 fix: not checked"
        return 0
    fi
    local host_sum
    host_sum=$(md5sum < /etc/passwd)
    cfg '.process.terminal = true | .mounts |= map(select(.destination != "/dev"))'
    rm -f "$B/rootfs/dev/console"
    ln -s /etc/passwd "$B/rootfs/dev/console"
    probe 'stat -c "%F" /dev/console; head -n1 /etc/passwd | cut -d: -f1; echo END-OF-TEST'
    console_client cs ''
    create_ct --console-socket "$T/cs.sock"
    log "create with a symlinked /dev/console: status $status ${err}"
    if [ "$status" -eq 0 ]; then
        rt_ok start "$CID"
        local got
        got=$(wait_client cs)
        assert_contains "$got" "character special file"
        assert_contains "$got" "root"
    else
        assert_eq "$(wc -l <<< "$err")" 1 "one-line error"
        pkill -f "$T/cs.sock" 2> /dev/null
    fi
    grep -q " /etc/passwd " /proc/self/mountinfo && fail "something is mounted on the host's /etc/passwd"
    assert_eq "$(md5sum < /etc/passwd)" "$host_sum" "host /etc/passwd unchanged"
}
