# Signals: a foreground `run` forwards SIGTERM and SIGINT to the container,
# and returns the container's own exit status.

sc_forward() {
    local sig=$1 pid i
    probe "trap 'echo got-$sig; exit 7' $sig; echo ready; sleep 100 & wait"
    # A background job of a non-interactive shell starts with SIGINT and
    # SIGQUIT ignored; a terminal or an engine starts the runtime with the
    # default disposition, which is what this restores.
    env --default-signal=INT,QUIT "$RT" --root "$ROOT" run --bundle "$B" "$CID" > "$B/ct.out" 2> "$B/ct.err" < /dev/null &
    pid=$!
    for i in $(seq 250); do
        grep -q ready "$B/ct.out" 2>/dev/null && break
        sleep 0.02
    done
    grep -q ready "$B/ct.out" || fail "container never got ready: $(cat "$B/ct.err")"
    kill -"$sig" "$pid"
    wait "$pid"
    status=$?
    echo "$(grep got- "$B/ct.out") status=$status"
}

sc_forward_term() { sc_forward TERM; }
sc_forward_int() { sc_forward INT; }
test_signals_run_forwards_sigterm() { oracle_same sc_forward_term; assert_eq "$RES" "got-TERM status=7"; }
test_signals_run_forwards_sigint() { oracle_same sc_forward_int; assert_eq "$RES" "got-INT status=7"; }

# The hang-up and user signals reach the container too.
sc_forward_hup() { sc_forward HUP; }
sc_forward_usr1() { sc_forward USR1; }
# A SIGWINCH is forwarded as well. Not compared with runc: without a
# terminal runc swallows it (it only resizes its pty, whose kernel then
# signals the container's foreground group), so its container never sees it.
test_signals_run_forwards_sigwinch() {
    new_env "$RUNTIME"
    RES=$(sc_forward WINCH)
    assert_eq "$RES" "got-WINCH status=7"
}
test_signals_run_forwards_sighup() { oracle_same sc_forward_hup; assert_eq "$RES" "got-HUP status=7"; }
test_signals_run_forwards_sigusr1() { oracle_same sc_forward_usr1; assert_eq "$RES" "got-USR1 status=7"; }

# Zombie reaping: a foreground `run` is a child subreaper, so without a pid
# namespace a process the container orphans is reparented to the runtime.
# It must be reaped while the container still runs, not left a zombie until
# the runtime exits (runc reaps every child while it waits for the init).
sc_reap_orphans() {
    local pid opid i st
    cfg '.linux.namespaces |= map(select(.type != "pid"))'
    probe "(sh -c 'echo orphan=\$\$; exec sleep 0.2' &); sleep 2; echo init-done"
    "$RT" --root "$ROOT" run --bundle "$B" "$CID" > "$B/ct.out" 2> "$B/ct.err" < /dev/null &
    pid=$!
    for i in $(seq 250); do
        grep -q orphan= "$B/ct.out" 2>/dev/null && break
        sleep 0.02
    done
    opid=$(sed -n 's/^orphan=//p' "$B/ct.out")
    [ -n "$opid" ] || fail "the container never printed its orphan: $(cat "$B/ct.err")"
    # The orphan exits after 0.2 s; the init keeps running for 2 s.
    sleep 1
    st=$(awk '{print $3}' "/proc/$opid/stat" 2>/dev/null || true)
    case $st in
        "") echo "orphan reaped" ;;
        Z) echo "orphan left a zombie" ;;
        *) echo "orphan still running ($st)" ;;
    esac
    wait "$pid"
    status=$?
    echo "$(grep init-done "$B/ct.out") status=$status"
}
test_signals_run_reaps_orphans() { oracle_same sc_reap_orphans; assert_eq "$RES" "orphan reaped
init-done status=0"; }

# `run` has its signals blocked from the very start of the process (before
# the .NET runtime's threads exist) whenever "run" is among the arguments;
# any other command gets its main thread's mask back at once. A container
# named "run" makes `events run` such a command: SIGTERM must still end it.
test_signals_other_commands_keep_their_signals() {
    local pid i
    new_env "$RUNTIME"
    CID=run
    probe "sleep 100"
    rt_ok run --detach --bundle "$B" "$CID"
    env --default-signal=TERM "$RT" --root "$ROOT" events "$CID" > /dev/null 2>&1 < /dev/null &
    pid=$!
    sleep 0.3
    kill -0 "$pid" 2> /dev/null || fail "events exited before the signal"
    grep -q '^SigBlk:.*0000000000000000$' "/proc/$pid/status" || fail "events' main thread blocks signals: $(grep SigBlk "/proc/$pid/status")"
    kill -TERM "$pid"
    for i in $(seq 100); do
        kill -0 "$pid" 2> /dev/null || break
        sleep 0.02
    done
    if kill -0 "$pid" 2> /dev/null; then
        kill -9 "$pid"
        fail "events ignored SIGTERM"
    fi
    wait "$pid"
    rt_ok delete --force "$CID"
}
