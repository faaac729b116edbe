# Helpers shared by every spec test. Sourced by runone.sh in a fresh bash per
# test; never run directly. Conventions:
#   RT      runtime binary in use for the current environment
#   ROOT    its --root state dir (under the test temp dir, never /run/...)
#   B       bundle dir (own copy of the rootfs + config.json)
#   CID     container id, MARK a unique argument visible in the container's
#           argv (sh -c SCRIPT MARK) so leftover processes can be found
#   T       the test's temp dir; everything the test creates lives below it

# shellcheck disable=SC2034  # variables are used by the test files
SPEC_DIR=${SPEC_DIR:?}
: "${WORK:?}" "${RUNTIME:?}" "${CGPARENT:?}" "${TEST_NAME:?}"
T=""
ENV_N=0
status=0
out=""
err=""

log() { printf '# %s\n' "$*" >&2; }

fail() {
    printf 'FAIL: %s\n' "$*" >&2
    if [ -n "${B:-}" ] && [ -f "$T/last.err" ]; then
        printf '  last stderr: %s\n' "$(head -c 2000 "$T/last.err")" >&2
    fi
    exit 1
}

is_runc() { [ "$(basename "${1:-$RT}")" = runc ]; }

# ---------------------------------------------------------------- environment

setup_test() {
    T=$(mktemp -d "$WORK/t.XXXXXX")
    chmod 755 "$T"
    : > "$T/envs"
}

# new_env RUNTIME_BIN: fresh bundle, state dir and container id; the
# previous environment's containers stay tracked for teardown.
new_env() {
    # Numbered from the environments already registered, so that scenarios
    # running in subshells never reuse a number.
    ENV_N=$(( $(cat "$T/envs" 2>/dev/null | wc -l) + 1 ))
    RT=$1
    B=$T/b$ENV_N
    ROOT=$T/state$ENV_N
    CID=${TEST_NAME#test_}-$ENV_N-$$
    CID=${CID:0:60}
    MARK=ocirt-mark-$$-$ENV_N-$RANDOM
    CGPATH=/$CGPARENT/${TEST_NAME}-$ENV_N
    mkdir -p "$B" "$ROOT"
    cp -a "$WORK/rootfs" "$B/rootfs"
    jq --arg cg "$CGPATH" '.linux.cgroupsPath = $cg' "$SPEC_DIR/base-config.json" > "$B/config.json"
    printf '%s\t%s\t%s\t%s\n' "$RT" "$ROOT" "$MARK" "$CGPATH" >> "$T/envs"
    # A long-lived default process, marked so leftovers can be found.
    probe 'trap "exit 0" TERM; sleep 100 & wait'
}

# cfg JQ_FILTER [jq args...]: edit the bundle's config.json in place.
cfg() {
    local f=$1; shift
    jq "$@" "$f" "$B/config.json" > "$B/config.json.new" || fail "jq filter failed: $f"
    mv "$B/config.json.new" "$B/config.json"
}

# probe SCRIPT: the container runs `sh -c SCRIPT MARK`.
probe() {
    cfg '.process.args = ["sh", "-c", $s, $m]' --arg s "$1" --arg m "$MARK"
}

# ---------------------------------------------------------------- running

# run_rt ARGS...: runs "$RT --root $ROOT ARGS"; sets status, out, err.
# Output goes through files, not pipes: a created container inherits the
# runtime's stdio and would hold a pipe open for its whole life.
run_rt() {
    "$RT" --root "$ROOT" "$@" > "$T/last.out" 2> "$T/last.err" < /dev/null
    status=$?
    out=$(cat "$T/last.out")
    err=$(cat "$T/last.err")
    return 0
}

rt_ok() {
    run_rt "$@"
    [ "$status" -eq 0 ] || fail "$(basename "$RT") $* exited $status: $err"
}

# create_ct [extra create args]: create $CID; the container's stdout/stderr
# go to $B/ct.out / $B/ct.err.
create_ct() {
    "$RT" --root "$ROOT" create --bundle "$B" "$@" "$CID" > "$B/ct.out" 2> "$B/ct.err" < /dev/null
    status=$?
    cp "$B/ct.err" "$T/last.err"
    err=$(cat "$B/ct.err")
    return 0
}

create_ok() {
    create_ct "$@"
    [ "$status" -eq 0 ] || fail "create exited $status: $err"
}

# run_ct [extra run args]: foreground run; container output in $B/ct.out,
# runtime status in $status, container stdout in $out.
run_ct() {
    "$RT" --root "$ROOT" run --bundle "$B" "$@" "$CID" > "$B/ct.out" 2> "$B/ct.err" < /dev/null
    status=$?
    cp "$B/ct.err" "$T/last.err"
    out=$(cat "$B/ct.out")
    err=$(cat "$B/ct.err")
    return 0
}

run_ok() {
    run_ct "$@"
    [ "$status" -eq 0 ] || fail "run exited $status: $err / stdout: $out"
}

# probe_out SCRIPT: runs SCRIPT in a fresh container (foreground) and prints
# its stdout; fails the test if the runtime exits non-zero.
probe_out() {
    probe "$1"
    run_ok
    printf '%s\n' "$out"
}

state_field() {
    run_rt state "$CID"
    [ "$status" -eq 0 ] || { echo "<state failed>"; return 0; }
    jq -r "$1" <<< "$out"
}

# wait_status WANT [seconds]: polls `state` until status == WANT.
wait_status() {
    local want=$1 limit=${2:-10} i=0 n
    n=$((limit * 50))
    while [ $i -lt $n ]; do
        run_rt state "$CID"
        if [ "$status" -eq 0 ] && [ "$(jq -r .status <<< "$out")" = "$want" ]; then
            return 0
        fi
        sleep 0.02
        i=$((i + 1))
    done
    fail "container $CID did not reach status $want (last: $out $err)"
}

# wait_file PATH [seconds]
wait_file() {
    local i=0 n=$(( ${2:-10} * 50 ))
    while [ $i -lt $n ]; do
        [ -s "$1" ] && return 0
        sleep 0.02
        i=$((i + 1))
    done
    fail "file $1 did not appear"
}

# host_etc_lock / host_etc_unlock: the tests that edit the host's user
# database (rootless: useradd, userdel) and those that check it stays
# untouched (hostile) take turns; the lock goes with the test's process.
host_etc_lock() {
    exec {HOST_ETC_FD}> "$WORK/host-etc.lock"
    flock "$HOST_ETC_FD"
}

host_etc_unlock() {
    if [ -n "${HOST_ETC_FD:-}" ]; then
        exec {HOST_ETC_FD}>&-
        HOST_ETC_FD=
    fi
}

# ---------------------------------------------------------------- assertions

assert_eq() {
    [ "$1" = "$2" ] || fail "${3:-values differ}: got [$1], want [$2]"
}

assert_match() {
    [[ $1 =~ $2 ]] || fail "${3:-no match}: [$1] !~ /$2/"
}

assert_contains() {
    case $1 in *"$2"*) ;; *) fail "${3:-missing text}: [$1] does not contain [$2]" ;; esac
}

# assert_error: last command failed with status 1 and an error on stderr;
# ociruntime must say it in exactly one line (runc sometimes says more).
assert_error() {
    [ "$status" -eq 1 ] || fail "expected exit status 1, got $status (stderr: $err)"
    [ -n "$err" ] || fail "expected an error message on stderr"
    if ! is_runc; then
        local lines
        lines=$(printf '%s\n' "$err" | grep -c .)
        [ "$lines" -eq 1 ] || fail "error must be one line, got $lines: $err"
    fi
}

# ---------------------------------------------------------------- oracle

# oracle_same SCENARIO: runs the function SCENARIO in a fresh environment
# for RUNTIME (result in $RES), and when ORACLE is set, again for ORACLE;
# both must print the same text. Scenarios print only facts that do not
# depend on the runtime (no pids, no paths).
oracle_same() {
    local fn=$1 r1 r2
    r1=$T/res.$fn.1
    ( new_env "$RUNTIME"; "$fn" ) > "$r1" || fail "scenario $fn failed for $(basename "$RUNTIME")"
    # new_env ran in a subshell: keep the counter moving for the next one.
    ENV_N=$((ENV_N + 1))
    RES=$(cat "$r1")
    if [ -n "${ORACLE:-}" ]; then
        r2=$T/res.$fn.2
        ( ENV_N=$ENV_N; new_env "$ORACLE"; "$fn" ) > "$r2" || fail "scenario $fn failed for oracle $(basename "$ORACLE")"
        ENV_N=$((ENV_N + 1))
        if ! diff -u "$r2" "$r1" > "$T/oracle.diff"; then
            fail "$(basename "$RUNTIME") differs from oracle $(basename "$ORACLE"): $(cat "$T/oracle.diff")"
        fi
        echo "ORACLE-COMPARED $fn" >> "$T/../oracle.log.$TEST_NAME"
    fi
}

# ---------------------------------------------------------------- leftovers

mounts_under() { grep -F " $1" /proc/self/mountinfo | awk '{print $5}' | sort || true; }

cgroup_dirs() {
    local h
    for h in /sys/fs/cgroup/*/ /sys/fs/cgroup/; do
        [ -d "$h$1" ] && echo "$h$1"
    done
    return 0
}

# snapshot / assert_nothing_left: for failure paths. Everything the runtime
# could have left must be gone: state entry, mounts, cgroup, process, fifo.
snapshot() {
    mounts_under "$T" > "$T/mounts.before"
}

assert_nothing_left() {
    local left
    mounts_under "$T" > "$T/mounts.after"
    diff -u "$T/mounts.before" "$T/mounts.after" > /dev/null || fail "mounts left behind: $(diff "$T/mounts.before" "$T/mounts.after")"
    left=$(ls -A "$ROOT" 2>/dev/null)
    [ -z "$left" ] || fail "state left behind under --root: $left"
    left=$(cgroup_dirs "$CGPATH")
    [ -z "$left" ] || fail "cgroup left behind: $left"
    left=$(pgrep -f "$MARK" || true)
    [ -z "$left" ] || fail "process left behind: $left"
    left=$(find "$ROOT" "$B" -type p 2>/dev/null)
    [ -z "$left" ] || fail "fifo left behind: $left"
}

teardown_test() {
    local rc=$1 rt root mark cg id leak="" i
    [ -n "$T" ] && [ -d "$T" ] || exit "$rc"
    while IFS=$'\t' read -r rt root mark cg; do
        for id in $(ls -A "$root" 2>/dev/null); do
            [ -d "$root/$id" ] && "$rt" --root "$root" delete --force "$id" > /dev/null 2>&1
        done
        if [ -n "$(ls -A "$root" 2>/dev/null)" ]; then
            leak+=" state:$root"
        fi
        if pgrep -f "$mark" > /dev/null; then
            sleep 0.2
            if pgrep -f "$mark" > /dev/null; then
                leak+=" process:$mark"
                pkill -9 -f "$mark"
            fi
        fi
        for d in $(cgroup_dirs "$cg"); do
            for i in 1 2 3 4 5; do
                find "$d" -depth -type d -exec rmdir {} + 2>/dev/null
                [ -d "$d" ] || break
                sleep 0.1
            done
        done
    done < "$T/envs"
    if [ -n "$(mounts_under "$T")" ]; then
        leak+=" mounts:$(mounts_under "$T" | tr '\n' ' ')"
        mounts_under "$T" | sort -r | while read -r m; do umount -l "$m" 2>/dev/null; done
    fi
    if [ -z "$(mounts_under "$T")" ]; then
        rm -rf "$T"
    fi
    if [ -n "$leak" ] && [ "$rc" -eq 0 ]; then
        echo "FAIL: left behind after teardown:$leak" >&2
        rc=1
    fi
    exit "$rc"
}
