#!/bin/bash
# Benchmarks ociruntime against runc and crun in one run (issue list 1-7):
# every timed scenario is interleaved runtime by runtime, in an order that
# rotates each round, after warm-up rounds, so that load drift on a shared
# machine hits all three alike. Writes a markdown report to $BENCH_OUT.
#
#   bench/bench.sh                 quick mode (a few minutes)
#   BENCH_FULL=1 bench/bench.sh    full mode (more samples, 1000 containers)
#
# Environment: RUNTIME (ociruntime binary, default build/ociruntime),
# BENCH_OUT (default bench/RESULTS.md), BENCH_KEEP=1 keeps the work dir
# (raw samples in $W/data). Needs root.
#
# crun 1.8 refuses a hybrid cgroup v1/v2 layout, so the whole run happens in
# a private mount namespace where /sys/fs/cgroup/unified is unmounted; all
# three runtimes run there, so they see the same cgroup hierarchies.
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TOP=$(cd "$HERE/.." && pwd)
RUNTIME=${RUNTIME:-$TOP/build/ociruntime}
BENCH_OUT=${BENCH_OUT:-$HERE/RESULTS.md}
FULL=${BENCH_FULL:-0}

die() { printf 'bench: %s\n' "$*" >&2; exit 1; }
note() { printf '# %s\n' "$*" >&2; }

[ "$(id -u)" -eq 0 ] || die "must run as root"
[ -x "$RUNTIME" ] || die "no runtime binary at $RUNTIME (run make first)"

if [ -z "${OCIBENCH_IN_NS:-}" ]; then
    missing=""
    for p in runc crun hyperfine busybox-static jq time util-linux; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
    done
    if [ -n "$missing" ]; then
        note "installing$missing"
        DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null ||
            die "could not install$missing"
    fi
    export OCIBENCH_IN_NS=1 RUNTIME BENCH_OUT BENCH_FULL=$FULL
    exec unshare -m --propagation private "$0" "$@"
fi

if mountpoint -q /sys/fs/cgroup/unified; then
    umount /sys/fs/cgroup/unified || die "cannot unmount /sys/fs/cgroup/unified in the private namespace"
fi

if [ "$FULL" = 1 ]; then
    WARM=5; N_RUN=40; N_CYCLE=30; N_SEQ=3; N_PAR=5; N_EXEC=30; N_STATE=30
    POPULATIONS="1 100 1000"; N_RSS=10; LIMIT_CONFIRM=2; HF_RUNS=50
else
    WARM=2; N_RUN=15; N_CYCLE=12; N_SEQ=1; N_PAR=2; N_EXEC=12; N_STATE=12
    POPULATIONS="1 100"; N_RSS=5; LIMIT_CONFIRM=1; HF_RUNS=15
fi

NAMES=(ociruntime runc crun)
declare -A BIN=([ociruntime]=$RUNTIME [runc]=$(command -v runc) [crun]=$(command -v crun))

W=$(mktemp -d /tmp/ocibench.XXXXXX)
chmod 755 "$W"
# State directories on a tmpfs, as /run is on a usual host (runc's advice for
# --root too): the file system under the state, not the runtime, would
# otherwise dominate (an fsync on ext4 costs more than a whole `run`).
mkdir -p "$W/state"
mount -t tmpfs -o mode=0755,size=512m ocibench-state "$W/state" || die "cannot mount a tmpfs for the state"
CGP=ocibench-$$
CGV2=0
[ -f /sys/fs/cgroup/cgroup.controllers ] && CGV2=1
mkdir -p "$W/data" "$W/b" "$W/state"

cleanup() {
    local n id
    for n in "${NAMES[@]}"; do
        [ -d "$W/state/$n" ] || continue
        "${BIN[$n]}" --root "$W/state/$n" list -q 2>/dev/null |
            xargs -r -P 4 -n 1 "${BIN[$n]}" --root "$W/state/$n" delete --force >/dev/null 2>&1
        for id in $("${BIN[$n]}" --root "$W/state/$n" list -q 2>/dev/null); do
            "${BIN[$n]}" --root "$W/state/$n" delete --force "$id" >/dev/null 2>&1
        done
    done
    local d
    for d in /sys/fs/cgroup/*/"$CGP" /sys/fs/cgroup/"$CGP"; do
        [ -d "$d" ] && find "$d" -depth -type d -exec rmdir {} + 2>/dev/null
    done
    umount "$W/state" 2>/dev/null
    if [ "${BENCH_KEEP:-0}" = 1 ]; then note "work dir kept: $W"; else rm -rf "$W"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ------------------------------------------------------------------ bundles

"$TOP/spec-tests/mkrootfs.sh" "$W/rootfs" >/dev/null || die "mkrootfs failed"
# The default configuration of `spec` (runc's, the reference), minus the
# terminal; ociVersion 1.0.2 because crun 1.8 accepts only 1.0.x.
(cd "$W" && runc spec && mv config.json spec.json) || die "runc spec failed"
jq --arg root "$W/rootfs" '.ociVersion = "1.0.2" | .process.terminal = false
    | .process.args = ["@ARGS@"] | .root.path = $root | .linux.cgroupsPath = "@CG@"' \
    "$W/spec.json" > "$W/tmpl-net.json" || die "jq failed"
jq 'del(.linux.namespaces[] | select(.type == "network"))' "$W/tmpl-net.json" > "$W/tmpl-nonet.json"
TMPL_net=$(cat "$W/tmpl-net.json")
TMPL_nonet=$(cat "$W/tmpl-nonet.json")

# bundle DIR VARIANT(net|nonet) CGPATH ARGS_JSON_INNER: writes DIR/config.json
# without forking (one bundle per container is cheap this way).
bundle() {
    local dir=$1 var=TMPL_$2 cg=$3 args=$4 t
    t=${!var}
    t=${t//@CG@/$cg}
    t=${t//\"@ARGS@\"/$args}
    [ -d "$dir" ] || mkdir -p "$dir"
    printf '%s\n' "$t" > "$dir/config.json"
}

TRUE='"/bin/true"'
SLEEP='"/bin/sleep", "100000"'
for n in "${NAMES[@]}"; do
    mkdir -p "$W/state/$n"
    bundle "$W/b/$n/net" net "/$CGP/$n-net" "$TRUE"
    bundle "$W/b/$n/nonet" nonet "/$CGP/$n-nonet" "$TRUE"
done

# ------------------------------------------------------------------ timing

SEQ=0
ELAPSED=""
now_us() { local t=$EPOCHREALTIME; REPLY=${t/[.,]/}; }
uid() { SEQ=$((SEQ + 1)); REPLY=c$SEQ-$$; }

rt() { "${BIN[$1]}" --root "$W/state/$1" "${@:2}"; }

# Busy-waits until PID has exited (gone or zombie) without forking, so the
# wait costs the same whatever the runtime.
wait_exit() {
    local pid=$1 line rest
    while read -r line 2>/dev/null < "/proc/$pid/stat"; do
        rest=${line##*) }
        [ "${rest:0:1}" = Z ] && return 0
    done
    return 0
}

scen_run_net() {
    uid; local id=$REPLY s e
    now_us; s=$REPLY
    rt "$1" run -b "$W/b/$1/net" "$id" </dev/null >/dev/null 2>>"$W/err.$1" || return 1
    now_us; e=$REPLY; ELAPSED=$((e - s))
}

scen_run_nonet() {
    uid; local id=$REPLY s e
    now_us; s=$REPLY
    rt "$1" run -b "$W/b/$1/nonet" "$id" </dev/null >/dev/null 2>>"$W/err.$1" || return 1
    now_us; e=$REPLY; ELAPSED=$((e - s))
}

# The containerd shim's sequence: create (with a pid file), start, wait for
# the init to exit, delete.
scen_cycle() {
    uid; local id=$REPLY s e pid
    now_us; s=$REPLY
    rt "$1" create --pid-file "$W/pid.$1" -b "$W/b/$1/net" "$id" </dev/null >/dev/null 2>>"$W/err.$1" || return 1
    rt "$1" start "$id" </dev/null >/dev/null 2>>"$W/err.$1" || return 1
    read -r pid < "$W/pid.$1"
    wait_exit "$pid"
    rt "$1" delete "$id" </dev/null >/dev/null 2>>"$W/err.$1" || return 1
    now_us; e=$REPLY; ELAPSED=$((e - s))
}

scen_seq100() {
    local s e i id
    now_us; s=$REPLY
    for ((i = 0; i < 100; i++)); do
        uid; id=$REPLY
        rt "$1" run -b "$W/b/$1/net" "$id" </dev/null >/dev/null 2>>"$W/err.$1" || return 1
    done
    now_us; e=$REPLY; ELAPSED=$((e - s))
}

scen_par20() {
    local s e k ok=0 pids=()
    for ((k = 0; k < 20; k++)); do
        bundle "$W/b/$1/par$k" net "/$CGP/$1-par$k" "$TRUE"
    done
    now_us; s=$REPLY
    for ((k = 0; k < 20; k++)); do
        uid
        rt "$1" run -b "$W/b/$1/par$k" "$REPLY" </dev/null >/dev/null 2>>"$W/err.$1" &
        pids+=($!)
    done
    for k in "${pids[@]}"; do wait "$k" || ok=1; done
    now_us; e=$REPLY; ELAPSED=$((e - s))
    return $ok
}

scen_exec() {
    local s e
    now_us; s=$REPLY
    rt "$1" exec "exec-$1-$$" /bin/true </dev/null >/dev/null 2>>"$W/err.$1" || return 1
    now_us; e=$REPLY; ELAPSED=$((e - s))
}

scen_state() {
    local s e
    now_us; s=$REPLY
    rt "$1" state "probe-$1-$$" </dev/null >/dev/null 2>>"$W/err.$1" || return 1
    now_us; e=$REPLY; ELAPSED=$((e - s))
}

scen_list() {
    local s e
    now_us; s=$REPLY
    rt "$1" list </dev/null >/dev/null 2>>"$W/err.$1" || return 1
    now_us; e=$REPLY; ELAPSED=$((e - s))
}

# measure KEY SCENARIO WARM N [RUNTIMES...]: warm-up rounds, then N rounds
# with the runtime order rotated each round; samples (µs) go to
# $W/data/KEY.NAME, failures to $W/data/KEY.NAME.fail.
measure() {
    local key=$1 scen=$2 warm=$3 n=$4; shift 4
    local names=("$@")
    [ $# -gt 0 ] || names=("${NAMES[@]}")
    local r i k m=${#names[@]}
    note "$key: $warm warm-up + $n rounds over ${names[*]}"
    for ((r = 0; r < warm + n; r++)); do
        for ((i = 0; i < m; i++)); do
            k=${names[$(((i + r) % m))]}
            ELAPSED=""
            if "scen_$scen" "$k" && [ -n "$ELAPSED" ]; then
                [ $r -ge "$warm" ] && echo "$ELAPSED" >> "$W/data/$key.$k"
            else
                echo x >> "$W/data/$key.$k.fail"
            fi
        done
    done
}

# ------------------------------------------------------------------ 1-3 timings

measure run_nonet run_nonet "$WARM" "$N_RUN"
measure run_net run_net "$WARM" "$N_RUN"
measure cycle cycle "$WARM" "$N_CYCLE"
measure seq100 seq100 0 "$N_SEQ"
measure par20 par20 1 "$N_PAR"

# Cross-check of (1) with hyperfine -N (not interleaved: one runtime after
# the other). `run` deletes the container at exit, so one id can be reused.
for n in "${NAMES[@]}"; do
    note "hyperfine -N run (network namespace): $n"
    hyperfine -N -w 3 -r "$HF_RUNS" --export-json "$W/data/hf.$n.json" \
        "${BIN[$n]} --root $W/state/$n run -b $W/b/$n/net hf-$$" >/dev/null 2>>"$W/hf-err.$n" ||
        echo x >> "$W/data/hf.$n.fail"
done

# ------------------------------------------------------------------ 4 exec

EXEC_NAMES=()
for n in "${NAMES[@]}"; do
    bundle "$W/b/$n/exec" net "/$CGP/$n-exec" "$SLEEP"
    if rt "$n" run -d -b "$W/b/$n/exec" "exec-$n-$$" </dev/null >/dev/null 2>>"$W/err.$n" &&
        rt "$n" exec "exec-$n-$$" /bin/true </dev/null >/dev/null 2>>"$W/err.$n"; then
        EXEC_NAMES+=("$n")
    else
        note "exec: $n cannot exec into a running container (reported n/a)"
        echo x > "$W/data/exec.$n.na"
    fi
done
[ ${#EXEC_NAMES[@]} -gt 0 ] && measure exec exec "$WARM" "$N_EXEC" "${EXEC_NAMES[@]}"
for n in "${NAMES[@]}"; do rt "$n" delete --force "exec-$n-$$" >/dev/null 2>&1; done

# ------------------------------------------------------------------ 5 state/list

# One created container (the one `state` asks about) plus stopped fillers
# (create + start of /bin/true, never deleted) up to each population size.
for n in "${NAMES[@]}"; do
    bundle "$W/b/$n/probe" net "/$CGP/$n-probe" "$SLEEP"
    rt "$n" create -b "$W/b/$n/probe" "probe-$n-$$" </dev/null >/dev/null 2>>"$W/err.$n" ||
        note "state: $n could not create the probe container"
done
filler() {
    local n=$1 k=$2 id=fill-$2-$$
    bundle "$W/b/$n/fill$k" nonet "/$CGP/$n-fill$k" "$TRUE"
    rt "$n" create -b "$W/b/$n/fill$k" "$id" </dev/null >/dev/null 2>>"$W/err.$n" &&
        rt "$n" start "$id" </dev/null >/dev/null 2>>"$W/err.$n"
}
have=1
for pop in $POPULATIONS; do
    if [ "$pop" -gt "$have" ]; then
        note "state/list: populating $pop containers per runtime"
        for n in "${NAMES[@]}"; do
            for ((k = have; k < pop; k++)); do
                filler "$n" "$k" &
                (( k % 4 == 3 )) && wait
            done
            wait
        done
        have=$pop
    fi
    for n in "${NAMES[@]}"; do
        c=$(rt "$n" list -q 2>/dev/null | wc -l)
        echo "$c" > "$W/data/population$pop.$n"
    done
    measure "state$pop" state "$WARM" "$N_STATE"
    measure "list$pop" list "$WARM" "$N_STATE"
done
note "state/list: removing the fillers"
cleanup_fillers() {
    local n=$1
    rt "$n" list -q 2>/dev/null | grep -- "^fill-" |
        xargs -r -P 4 -n 1 "${BIN[$n]}" --root "$W/state/$n" delete --force >/dev/null 2>&1
    rt "$n" delete --force "probe-$n-$$" >/dev/null 2>&1
}
for n in "${NAMES[@]}"; do cleanup_fillers "$n"; done

# ------------------------------------------------------------------ 6 memory

cgfile() { # cgfile CGPATH FILE(v1 name) FILE(v2 name)
    if [ "$CGV2" = 1 ]; then REPLY=/sys/fs/cgroup$1/$3; else REPLY=/sys/fs/cgroup/memory$1/$2; fi
}

for ((r = 0; r < N_RSS; r++)); do
    for n in "${NAMES[@]}"; do
        uid; id=$REPLY
        cg=/$CGP/$n-rss
        bundle "$W/b/$n/rss" net "$cg" "$TRUE"
        rm -f "$W/pid.$n"
        if /usr/bin/time -f %M -o "$W/time.$n" "${BIN[$n]}" --root "$W/state/$n" create --pid-file "$W/pid.$n" \
            -b "$W/b/$n/rss" "$id" </dev/null >/dev/null 2>>"$W/err.$n"; then
            read -r pid < "$W/pid.$n"
            tail -n 1 "$W/time.$n" >> "$W/data/rss_create.$n"
            awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status" >> "$W/data/rss_init.$n"
            cgfile "$cg" memory.usage_in_bytes memory.current
            [ -r "$REPLY" ] && echo $(( $(cat "$REPLY") / 1024 )) >> "$W/data/cg_charge.$n"
            rt "$n" delete --force "$id" >/dev/null 2>&1
        else
            echo x >> "$W/data/rss_create.$n.fail"
        fi
    done
done

# ------------------------------------------------------------------ 7 memory limit

# A pre-created memory cgroup with a limit; the container is pointed at it
# through cgroupsPath (every runtime joins an existing cgroup).
limit_try() { # limit_try NAME BYTES -> 0 if `run` of /bin/true succeeded
    local n=$1 bytes=$2 cg=/$CGP/$n-limit id rc d
    uid; id=$REPLY
    if [ "$CGV2" = 1 ]; then
        mkdir -p "/sys/fs/cgroup/$CGP"
        echo +memory > "/sys/fs/cgroup/$CGP/cgroup.subtree_control" 2>/dev/null
        mkdir "/sys/fs/cgroup$cg" || return 2
        echo 0 > "/sys/fs/cgroup$cg/memory.swap.max" 2>/dev/null
        echo "$bytes" > "/sys/fs/cgroup$cg/memory.max" || return 2
    else
        mkdir -p "/sys/fs/cgroup/memory$cg" || return 2
        echo "$bytes" > "/sys/fs/cgroup/memory$cg/memory.limit_in_bytes" || return 2
    fi
    bundle "$W/b/$n/limit" net "$cg" "$TRUE"
    timeout 30 "${BIN[$n]}" --root "$W/state/$n" run -b "$W/b/$n/limit" "$id" </dev/null >/dev/null 2>>"$W/err.limit.$n"
    rc=$?
    rt "$n" delete --force "$id" >/dev/null 2>&1
    for d in /sys/fs/cgroup/*"$cg" /sys/fs/cgroup"$cg"; do
        [ -d "$d" ] || continue
        for _ in 1 2 3 4 5 6 7 8 9 10; do rmdir "$d" 2>/dev/null && break; sleep 0.1; done
    done
    return $rc
}
limit_ok() { # success must repeat LIMIT_CONFIRM times
    local c
    for ((c = 0; c < LIMIT_CONFIRM; c++)); do limit_try "$1" "$2" || return 1; done
}
for n in "${NAMES[@]}"; do
    lo=0; hi=$((64 * 1024 * 1024))
    note "memory limit: bisecting for $n"
    if ! limit_ok "$n" "$hi"; then
        echo ">65536" > "$W/data/limit.$n"
        continue
    fi
    while [ $((hi - lo)) -gt 8192 ]; do
        mid=$(( (lo + hi) / 2 / 4096 * 4096 ))
        if limit_ok "$n" "$mid"; then hi=$mid; else lo=$mid; fi
    done
    # Still no failure at the bottom: the run does not need the limit at all.
    if [ "$lo" = 0 ]; then echo "≤$((hi / 1024))"; else echo $((hi / 1024)); fi > "$W/data/limit.$n"
done

# ------------------------------------------------------------------ report

# stats FILE -> "median p25 p75 n" (µs or KiB)
stats() {
    [ -s "$1" ] || { echo "- - - 0"; return; }
    sort -n "$1" | awk '
        function q(p,  h, l, f) { h = (NR - 1) * p + 1; l = int(h); f = h - l
            return l >= NR ? v[NR] : v[l] + f * (v[l + 1] - v[l]) }
        { v[NR] = $1 }
        END { printf "%s %s %s %d\n", q(0.5), q(0.25), q(0.75), NR }'
}

ms() { awk -v x="$1" -v d="$2" 'BEGIN { if (x == "-") print "-"; else printf "%.*f", d, x / 1000 }'; }
ratio() { awk -v a="${1#≤}" -v b="${2#≤}" 'BEGIN { if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.2f", a / b }'; }

# time_row LABEL KEY DIVISOR: median [p25–p75] per runtime in ms, and ratios.
time_row() {
    local label=$1 key=$2 div=${3:-1} n med cells="" m=() f
    for n in "${NAMES[@]}"; do
        if [ -f "$W/data/$key.$n.na" ]; then
            cells+=" n/a |"; m+=("-"); continue
        fi
        read -r med p25 p75 cnt < <(stats "$W/data/$key.$n")
        f=""
        [ -f "$W/data/$key.$n.fail" ] && f=" ($(wc -l < "$W/data/$key.$n.fail") failed)"
        if [ "$med" = "-" ]; then
            cells+=" fail$f |"; m+=("-")
        else
            med=$(awk -v x="$med" -v d="$div" 'BEGIN { print x / d }')
            p25=$(awk -v x="$p25" -v d="$div" 'BEGIN { print x / d }')
            p75=$(awk -v x="$p75" -v d="$div" 'BEGIN { print x / d }')
            cells+=" $(ms "$med" 1) ($(ms "$p25" 1)–$(ms "$p75" 1))$f |"; m+=("$med")
        fi
    done
    echo "| $label |$cells $(ratio "${m[0]}" "${m[1]}") | $(ratio "${m[0]}" "${m[2]}") |"
}

# kib_row LABEL KEY: median KiB per runtime and ratios.
kib_row() {
    local label=$1 key=$2 n med cells="" m=()
    for n in "${NAMES[@]}"; do
        read -r med _ _ _ < <(stats "$W/data/$key.$n")
        if [ "$med" = "-" ]; then cells+=" - |"; m+=("-"); else cells+=" $(printf '%.0f' "$med") KiB |"; m+=("$med"); fi
    done
    echo "| $label |$cells $(ratio "${m[0]}" "${m[1]}") | $(ratio "${m[0]}" "${m[2]}") |"
}

hf_cell() {
    local f=$W/data/hf.$1.json
    [ -s "$f" ] || { echo "fail"; return; }
    jq -r '.results[0] | "\(.median * 1000 * 10 | round / 10) (±\(.stddev * 1000 * 10 | round / 10))"' "$f"
}
hf_med() { local f=$W/data/hf.$1.json; [ -s "$f" ] && jq -r '.results[0].median * 1000000' "$f" || echo "-"; }

size_of() { stat -L -c %s "$1"; }
libs_of() { # total size of the shared libraries a binary loads
    ldd "$1" 2>/dev/null | awk '/=> \// { print $3 }' | xargs -r stat -L -c %s | awk '{ s += $1 } END { print s + 0 }'
}

{
    echo "# Benchmark results"
    echo
    echo "Generated by \`bench/bench.sh\` ($( [ "$FULL" = 1 ] && echo "full mode, BENCH_FULL=1" || echo "quick mode" )) on $(date -u +%Y-%m-%d)."
    echo
    echo "- Machine: $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo), $(nproc) CPUs, $(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM, kernel $(uname -r), load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "- cgroups: $( [ "$CGV2" = 1 ] && echo "v2 (unified)" || echo "v1 (hybrid host; /sys/fs/cgroup/unified unmounted in a private mount namespace for all three runtimes)")"
    echo "- ociruntime: $("$RUNTIME" --version | head -2 | tr '\n' ' ')"
    echo "- runc: $(runc --version | head -1 | sed 's/^runc version //')"
    echo "- crun: $(crun --version | head -1 | sed 's/^crun version //')"
    echo "- Bundle: busybox-static rootfs (spec-tests/mkrootfs.sh), \`runc spec\` defaults minus the terminal, ociVersion 1.0.2, read-only rootfs, cgroupsPath under a per-run parent cgroup, state directories (--root) on a tmpfs."
    echo
    echo "Times in ms: median (25th–75th percentile), wall clock of the runtime command(s) as seen by a shell, interleaved round by round."
    echo
    echo "| Scenario | ociruntime | runc | crun | oci/runc | oci/crun |"
    echo "|---|---|---|---|---|---|"
    time_row "1. \`run\` /bin/true, no network namespace (n=$N_RUN)" run_nonet
    time_row "1. \`run\` /bin/true, network namespace (n=$N_RUN)" run_net
    echo "| 1. same, hyperfine -N, not interleaved (n=$HF_RUNS), mean ± sd | $(hf_cell ociruntime) | $(hf_cell runc) | $(hf_cell crun) | $(ratio "$(hf_med ociruntime)" "$(hf_med runc)") | $(ratio "$(hf_med ociruntime)" "$(hf_med crun)") |"
    time_row "2. create + start + wait + delete (n=$N_CYCLE)" cycle
    time_row "3. 100 \`run\` in sequence, total (n=$N_SEQ)" seq100
    time_row "3. 20 \`run\` in parallel, total (n=$N_PAR)" par20
    time_row "4. \`exec\` /bin/true into a running container (n=$N_EXEC)" exec
    for pop in $POPULATIONS; do
        time_row "5. \`state\`, $pop containers present (n=$N_STATE)" "state$pop"
        time_row "5. \`list\`, $pop containers present (n=$N_STATE)" "list$pop"
    done
    echo
    echo "Memory and size (medians of $N_RSS creates):"
    echo
    echo "| Figure | ociruntime | runc | crun | oci/runc | oci/crun |"
    echo "|---|---|---|---|---|---|"
    kib_row "6. peak RSS of the runtime during \`create\` (/usr/bin/time %M)" rss_create
    kib_row "6. peak RSS (VmHWM) of the container init before exec" rss_init
    kib_row "6. memory charged to the container's cgroup after \`create\`" cg_charge
    s=(); for n in "${NAMES[@]}"; do s+=("$(size_of "${BIN[$n]}")"); done
    echo "| 6. binary size | $(awk -v x="${s[0]}" 'BEGIN { printf "%.2f MB", x / 1e6 }') | $(awk -v x="${s[1]}" 'BEGIN { printf "%.2f MB", x / 1e6 }') | $(awk -v x="${s[2]}" 'BEGIN { printf "%.2f MB", x / 1e6 }') (+ $(awk -v x="$(libs_of "${BIN[crun]}")" 'BEGIN { printf "%.2f MB", x / 1e6 }') shared libraries) | $(ratio "${s[0]}" "${s[1]}") | $(ratio "${s[0]}" "${s[2]}") |"
    l=(); for n in "${NAMES[@]}"; do l+=("$(cat "$W/data/limit.$n" 2>/dev/null || echo -)"); done
    echo "| 7. smallest memory limit for \`run\` /bin/true (bisected to 8 KiB) | ${l[0]} KiB | ${l[1]} KiB | ${l[2]} KiB | $(ratio "${l[0]}" "${l[1]}") | $(ratio "${l[0]}" "${l[2]}") |"
    echo
    echo "Population check (containers listed at each size): $(for pop in $POPULATIONS; do printf '%s: ' "$pop"; for n in "${NAMES[@]}"; do printf '%s=%s ' "$n" "$(cat "$W/data/population$pop.$n")"; done; done)"
    for n in "${NAMES[@]}"; do
        if [ -s "$W/err.$n" ]; then
            echo
            echo "First errors of $n:"
            echo
            sort "$W/err.$n" | uniq -c | sort -rn | head -5 | sed 's/^/    /'
        fi
    done
} > "$W/report.md"
cp "$W/report.md" "$BENCH_OUT"
cat "$W/report.md"
