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
