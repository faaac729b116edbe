#!/bin/bash
# Compares builds of the runtime (or any OCI runtimes) on `run` of /bin/true:
# wall time and CPU time (perf stat task-clock, the runtime and all its
# processes) interleaved round by round, the init's VmHWM and the memory
# charged to the container's cgroup after `create`, and the binary size.
# Used to decide build options (bench/PROFILE.md).
#
#   bench/compare-builds.sh [-n ROUNDS] BIN...
set -uo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TOP=$(cd "$HERE/.." && pwd)
ROUNDS=20
[ "${1:-}" = -n ] && { ROUNDS=$2; shift 2; }
[ $# -gt 0 ] || { echo "usage: $0 [-n ROUNDS] BIN..." >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "must run as root" >&2; exit 1; }

if [ -z "${OCIBENCH_IN_NS:-}" ]; then
    OCIBENCH_IN_NS=1 exec unshare -m --propagation private "$0" -n "$ROUNDS" "$@"
fi
mountpoint -q /sys/fs/cgroup/unified && umount /sys/fs/cgroup/unified

BINS=("$@")
W=$(mktemp -d /tmp/ocicmp.XXXXXX)
chmod 755 "$W"
mkdir -p "$W/state"
mount -t tmpfs ocicmp "$W/state"
CGP=ocicmp-$$
cleanup() {
    umount "$W/state" 2>/dev/null
    local d
    for d in /sys/fs/cgroup/*/"$CGP"; do [ -d "$d" ] && find "$d" -depth -type d -exec rmdir {} + 2>/dev/null; done
    rm -rf "$W"
}
trap cleanup EXIT

"$TOP/spec-tests/mkrootfs.sh" "$W/rootfs" >/dev/null
(cd "$W" && runc spec && mv config.json spec.json)
for i in "${!BINS[@]}"; do
    mkdir -p "$W/b$i" "$W/state/$i"
    jq --arg r "$W/rootfs" --arg cg "/$CGP/b$i" '.ociVersion = "1.0.2" | .process.terminal = false
        | .process.args = ["/bin/true"] | .root.path = $r | .linux.cgroupsPath = $cg' "$W/spec.json" > "$W/b$i/config.json"
done

n=${#BINS[@]}
for ((r = 0; r < ROUNDS + 2; r++)); do
    for ((j = 0; j < n; j++)); do
        i=$(((j + r) % n))
        b=${BINS[$i]}
        s=$EPOCHREALTIME
        perf stat -x, -e task-clock -o "$W/perf" "$b" --root "$W/state/$i" run -b "$W/b$i" "r$r" </dev/null >/dev/null 2>>"$W/err" || echo "fail $b" >&2
        e=$EPOCHREALTIME
        [ $r -lt 2 ] && continue
        echo $(( ${e/./} - ${s/./} )) >> "$W/wall.$i"
        awk -F, '/task-clock/ { print $1 }' "$W/perf" >> "$W/cpu.$i"
        # Memory of the created, not yet started container.
        "$b" --root "$W/state/$i" create --pid-file "$W/pid" -b "$W/b$i" "m$r" </dev/null >/dev/null 2>>"$W/err" || continue
        read -r pid < "$W/pid"
        awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status" >> "$W/hwm.$i"
        echo $(( $(cat "/sys/fs/cgroup/memory/$CGP/b$i/memory.usage_in_bytes") / 1024 )) >> "$W/cg.$i"
        "$b" --root "$W/state/$i" delete --force "m$r" >/dev/null 2>&1
    done
done

med() { sort -n "$1" | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
printf '%-50s %10s %10s %10s %10s %10s\n' binary wall_ms cpu_ms init_hwm_k cg_charge_k size_kb
for i in "${!BINS[@]}"; do
    printf '%-50s %10.1f %10.2f %10s %10s %10d\n' "${BINS[$i]}" "$(med "$W/wall.$i" | awk '{ print $1 / 1000 }')" \
        "$(med "$W/cpu.$i")" "$(med "$W/hwm.$i")" "$(med "$W/cg.$i")" $(( $(stat -L -c %s "${BINS[$i]}") / 1000 ))
done
[ -s "$W/err" ] && { echo "errors:"; sort "$W/err" | uniq -c | head -5; }
