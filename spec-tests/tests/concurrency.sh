# Concurrency: the runtime racing with itself. One id claimed by exactly one
# of many parallel creates; many containers living their whole lifecycle in
# parallel; kill/delete/state on one container never tearing its state.
# CONCURRENCY_N (default 30) sets the number of parallel lifecycles; `make
# stress` runs 100.

CC_SLEEPER='trap "exit 0" TERM; sleep 100 & wait'

test_concurrency_same_id_create() {
    probe "$CC_SLEEPER"
    snapshot
    local i n=50 ok=0 exists=0 other=""
    mkdir -p "$T/cc"
    for i in $(seq $n); do
        ( "$RT" --root "$ROOT" create --bundle "$B" "$CID" > /dev/null 2> "$T/cc/$i.err" < /dev/null; echo $? > "$T/cc/$i.rc" ) &
    done
    wait
    for i in $(seq $n); do
        case $(cat "$T/cc/$i.rc") in
            0) ok=$((ok + 1)) ;;
            1)
                [ "$(grep -c . "$T/cc/$i.err")" -eq 1 ] || fail "create $i: error must be one line: $(cat "$T/cc/$i.err")"
                if grep -q "container with given ID already exists" "$T/cc/$i.err"; then exists=$((exists + 1)); else other+=" $(cat "$T/cc/$i.err")"; fi ;;
            *) other+=" rc=$(cat "$T/cc/$i.rc"):$(cat "$T/cc/$i.err")" ;;
        esac
    done
    log "same-id create: $ok succeeded, $exists refused as existing, of $n"
    [ -z "$other" ] || fail "unexpected create outcomes:$other"
    assert_eq "$ok" 1 "creates that succeeded"
    assert_eq "$exists" $((n - 1)) "creates refused"
    run_rt list --quiet
    assert_eq "$out" "$CID"
    assert_eq "$(state_field .status)" created
    local pid
    pid=$(state_field .pid)
    [ -d "/proc/$pid" ] || fail "the winner's init $pid is not alive"
    rt_ok start "$CID"
    wait_status running
    rt_ok delete --force "$CID"
    sleep 0.1
    assert_nothing_left
}

test_concurrency_parallel_lifecycles() {
    local n=${CONCURRENCY_N:-30} i failed=""
    probe "$CC_SLEEPER"
    snapshot
    mkdir -p "$T/pl"
    for i in $(seq "$n"); do
        mkdir -p "$T/pl/b$i"
        jq --arg r "$B/rootfs" --arg cg "$CGPATH/c$i" '.root.path = $r | .linux.cgroupsPath = $cg' "$B/config.json" > "$T/pl/b$i/config.json"
    done
    # Each lifecycle in its own subshell; the first failing command is recorded.
    lifecycle() {
        local id=$CID-p$1 b=$T/pl/b$1 j st
        "$RT" --root "$ROOT" create --bundle "$b" "$id" > /dev/null 2> "$b/err" < /dev/null || { echo "create: $(cat "$b/err")"; return; }
        "$RT" --root "$ROOT" start "$id" > /dev/null 2> "$b/err" < /dev/null || { echo "start: $(cat "$b/err")"; return; }
        for j in $(seq 250); do
            st=$("$RT" --root "$ROOT" state "$id" 2> "$b/err" | jq -r .status)
            [ "$st" = running ] && break
            sleep 0.02
        done
        [ "$st" = running ] || { echo "not running: $st $(cat "$b/err")"; return; }
        "$RT" --root "$ROOT" kill "$id" KILL > /dev/null 2> "$b/err" < /dev/null || { echo "kill: $(cat "$b/err")"; return; }
        for j in $(seq 250); do
            st=$("$RT" --root "$ROOT" state "$id" 2> "$b/err" | jq -r .status)
            [ "$st" = stopped ] && break
            sleep 0.02
        done
        [ "$st" = stopped ] || { echo "not stopped: $st"; return; }
        "$RT" --root "$ROOT" delete "$id" > /dev/null 2> "$b/err" < /dev/null || { echo "delete: $(cat "$b/err")"; return; }
        echo ok
    }
    local start=$SECONDS
    for i in $(seq "$n"); do
        lifecycle "$i" > "$T/pl/$i.res" &
    done
    wait
    local ok=0
    for i in $(seq "$n"); do
        if [ "$(cat "$T/pl/$i.res")" = ok ]; then ok=$((ok + 1)); else failed+=" [$i: $(cat "$T/pl/$i.res")]"; fi
    done
    log "parallel lifecycles: $ok/$n succeeded in $((SECONDS - start))s"
    [ -z "$failed" ] || fail "parallel lifecycles failed:$failed"
    sleep 0.1
    # The shared parent stays (as with runc); each container's own cgroup must go.
    CGPATH=$CGPATH/c0 assert_nothing_left
    local left
    left=$(find /sys/fs/cgroup/*/"$CGPATH" /sys/fs/cgroup/"$CGPATH" -mindepth 1 -type d 2>/dev/null)
    [ -z "$left" ] || fail "container cgroups left: $left"
}

# Readers racing with kill and delete: every `state` prints a whole JSON
# document or one line saying the container does not exist; the file itself
# is never seen torn.
test_concurrency_kill_delete_state_one_container() {
    probe "$CC_SLEEPER"
    create_ok
    rt_ok start "$CID"
    wait_status running
    snapshot
    mkdir -p "$T/kd"
    reader() {
        local k out
        for k in $(seq 40); do
            if out=$("$RT" --root "$ROOT" state "$CID" 2> "$T/kd/$1.err"); then
                jq -e --arg id "$CID" '.id == $id and (.status | IN("running", "stopped"))' <<< "$out" > /dev/null || echo "bad state: $out"
            else
                [ "$(grep -c . "$T/kd/$1.err")" -eq 1 ] && grep -q "does not exist" "$T/kd/$1.err" || echo "bad error: $(cat "$T/kd/$1.err")"
            fi
            if [ -e "$ROOT/$CID/state.json" ]; then
                out=$(cat "$ROOT/$CID/state.json" 2> /dev/null) && [ -n "$out" ] && { jq -e .initPid <<< "$out" > /dev/null || echo "torn state.json: $out"; }
            fi
        done
    }
    signaller() {
        local k
        for k in $(seq 20); do
            "$RT" --root "$ROOT" kill "$CID" CONT > /dev/null 2> "$T/kd/s$1.err" < /dev/null && continue
            [ "$(grep -c . "$T/kd/s$1.err")" -eq 1 ] && grep -Eq "does not exist|container not running" "$T/kd/s$1.err" || echo "bad kill error: $(cat "$T/kd/s$1.err")"
        done
    }
    local i
    for i in 1 2 3 4; do reader "$i" > "$T/kd/r$i.res" & done
    for i in 1 2; do signaller "$i" > "$T/kd/k$i.res" & done
    ( sleep 0.3; "$RT" --root "$ROOT" delete --force "$CID" > /dev/null 2> "$T/kd/del.err" < /dev/null; echo $? > "$T/kd/del.rc" ) &
    ( sleep 0.3; "$RT" --root "$ROOT" delete --force "$CID" > /dev/null 2> "$T/kd/del2.err" < /dev/null; echo $? > "$T/kd/del2.rc" ) &
    wait
    local bad
    bad=$(cat "$T"/kd/*.res)
    [ -z "$bad" ] || fail "races produced: $bad"
    assert_eq "$(cat "$T/kd/del.rc") $(cat "$T/kd/del2.rc")" "0 0" "both delete --force succeed: $(cat "$T/kd/del.err" "$T/kd/del2.err")"
    sleep 0.1
    assert_nothing_left
}
