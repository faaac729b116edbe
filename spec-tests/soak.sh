#!/bin/bash
# Soak: N lifecycles (create, start, wait for exit, delete) in a loop, with
# system-wide counts sampled before, every N/10 and after: open file handles
# (/proc/sys/fs/file-nr), mounts under the soak dir, cgroup dirs under the soak's parent, state
# entries, and the peak RSS of one `state` and one `create` of the runtime.
# Flat means: the final sample equals the first (fds within a small noise
# margin: other processes on the host open files too).
#   RUNTIME=build/ociruntime SOAK_N=2000 spec-tests/soak.sh
set -uo pipefail
SPEC_DIR=$(cd "$(dirname "$0")" && pwd)
RT=$(readlink -f "${RUNTIME:-$SPEC_DIR/../build/ociruntime}")
N=${SOAK_N:-2000}
FD_NOISE=${SOAK_FD_NOISE:-200}
[ "$(id -u)" -eq 0 ] || { echo "soak: must run as root" >&2; exit 1; }
W=$(mktemp -d /tmp/ocirt-soak.XXXXXX)
CG=ocirt-soak-$$
ROOT=$W/state
B=$W/bundle
cleanup() {
    for id in $(ls -A "$ROOT" 2>/dev/null); do "$RT" --root "$ROOT" delete --force "$id" > /dev/null 2>&1; done
    for h in /sys/fs/cgroup/*/ /sys/fs/cgroup/; do [ -d "$h$CG" ] && find "$h$CG" -depth -type d -exec rmdir {} + 2>/dev/null; done
    grep -qF " $W" /proc/self/mountinfo || rm -rf "$W"
}
trap cleanup EXIT
"$SPEC_DIR/mkrootfs.sh" "$B/rootfs" > /dev/null
jq --arg cg "/$CG/c" '.linux.cgroupsPath = $cg | .process.args = ["true"]' "$SPEC_DIR/base-config.json" > "$B/config.json"
mkdir -p "$ROOT"

sample() {
    local fds mounts cgs states rss_state rss_create
    fds=$(cut -f1 /proc/sys/fs/file-nr)
    # Mounts under the soak's own dir: the host's total moves with other work.
    mounts=$(grep -cF " $W" /proc/self/mountinfo)
    # The containers' own cgroups (the shared parent stays, as with runc).
    cgs=$(find /sys/fs/cgroup/*/"$CG" /sys/fs/cgroup/"$CG" -mindepth 1 -type d 2>/dev/null | wc -l)
    states=$(ls -A "$ROOT" | wc -l)
    # Through files: a created container keeps the runtime's stdio open.
    /usr/bin/time -o "$W/rss" -f %M "$RT" --root "$ROOT" list > /dev/null 2>&1
    rss_state=$(tail -n1 "$W/rss")
    /usr/bin/time -o "$W/rss" -f %M "$RT" --root "$ROOT" create --bundle "$B" soak-probe > /dev/null 2>&1
    rss_create=$(tail -n1 "$W/rss")
    "$RT" --root "$ROOT" delete --force soak-probe > /dev/null 2>&1
    echo "$1 fds=$fds mounts=$mounts cgroups=$cgs states=$states rss_list_kb=$rss_state rss_create_kb=$rss_create"
}

lifecycle() {
    local id=soak-$1 i st
    "$RT" --root "$ROOT" create --bundle "$B" "$id" > /dev/null 2> "$W/err" || { echo "create $id failed: $(cat "$W/err")" >&2; "$RT" --root "$ROOT" delete --force "$id" > /dev/null 2>&1; return 1; }
    "$RT" --root "$ROOT" start "$id" > /dev/null 2> "$W/err" || { echo "start $id failed: $(cat "$W/err")" >&2; "$RT" --root "$ROOT" delete --force "$id" > /dev/null 2>&1; return 1; }
    for i in $(seq 500); do
        st=$("$RT" --root "$ROOT" state "$id" 2>/dev/null | jq -r .status)
        [ "$st" = stopped ] && break
        sleep 0.01
    done
    "$RT" --root "$ROOT" delete "$id" > /dev/null 2> "$W/err" || { echo "delete $id failed ($st): $(cat "$W/err")" >&2; "$RT" --root "$ROOT" delete --force "$id" > /dev/null 2>&1; return 1; }
}

first=$(sample start)
echo "$first"
failures=0
start=$SECONDS
for n in $(seq "$N"); do
    lifecycle "$n" || failures=$((failures + 1))
    if [ $((n % (N / 10 > 0 ? N / 10 : 1))) -eq 0 ]; then sample "after-$n"; fi
done
last=$(sample end)
echo "$last"
echo "soak: $N lifecycles in $((SECONDS - start))s, $failures failed"
field() { grep -o " $1=[0-9]*" <<< "$2" | cut -d= -f2; }
rc=0
for f in mounts cgroups states; do
    if [ "$(field $f "$first")" != "$(field $f "$last")" ]; then echo "soak: $f not flat: $(field $f "$first") -> $(field $f "$last")"; rc=1; fi
done
d=$(( $(field fds "$last") - $(field fds "$first") ))
echo "soak: deltas fds=$d mounts=$(( $(field mounts "$last") - $(field mounts "$first") )) cgroups=$(( $(field cgroups "$last") - $(field cgroups "$first") )) states=$(( $(field states "$last") - $(field states "$first") )) rss_create_kb=$(( $(field rss_create_kb "$last") - $(field rss_create_kb "$first") ))"
if [ "${d#-}" -gt "$FD_NOISE" ]; then echo "soak: open file handles moved by $d (> $FD_NOISE)"; rc=1; fi
[ "$failures" -eq 0 ] || rc=1
exit $rc
