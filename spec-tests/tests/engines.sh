# End-to-end: Debian's podman (with conmon, cgroupfs, no network) and a
# private containerd (ctr, the runc shim v2) drive the runtime under test
# exactly as they drive runc; every scenario also runs with the oracle.
# Each scenario prints "name: facts" lines; the two runtimes must agree.

# pd ARGS...: podman with private storage and the runtime of the current env.
pd() {
    podman --root "$T/podman/root" --runroot "$T/podman/run" --storage-driver vfs \
        --cgroup-manager cgroupfs --events-backend file --tmpdir "$T/podman/tmp" \
        --runtime "$RT" --runtime-flag "root=$ROOT" "$@"
}

PD_RUN=(--network=none --ulimit nofile=1024:1024 --ulimit nproc=32768:32768)
IMG=localhost/spec-rootfs:latest

podman_image() {
    mkdir -p "$T/podman/tmp"
    [ -f "$T/rootfs.tar" ] || tar -C "$WORK/rootfs" -cf "$T/rootfs.tar" .
    pd import -q "$T/rootfs.tar" "$IMG" > /dev/null || fail "podman import failed"
}

# The engines make parent cgroups of their own (podman: libpod_parent and
# libpod_parent/conmon; containerd: one named after its namespace) and leave
# them, with runc as with this runtime. note_engine_cgroups NAME... records
# which of them exist before the test; drop_engine_cgroups removes, empty
# ones only, those the test brought into being.
note_engine_cgroups() {
    local n d
    for n in "$@"; do
        for d in /sys/fs/cgroup/*/"$n" /sys/fs/cgroup/"$n"; do
            [ -d "$d" ] && echo "$d"
        done
        echo "want $n"
    done > "$T/engine-cgroups"
}

drop_engine_cgroups() {
    [ -f "$T/engine-cgroups" ] || return 0
    local n d
    for n in $(awk '$1 == "want" {print $2}' "$T/engine-cgroups"); do
        for d in /sys/fs/cgroup/*/"$n" /sys/fs/cgroup/"$n"; do
            [ -d "$d" ] || continue
            grep -qxF "$d" "$T/engine-cgroups" && continue
            find "$d" -depth -type d -exec rmdir {} + 2>/dev/null
        done
    done
    return 0
}

podman_cleanup() {
    [ -d "$T/podman" ] || return 0
    local rt
    for rt in "$RUNTIME" ${ORACLE:+"$ORACLE"}; do
        RT=$rt ROOT=$T/podman-state pd rm -af -t 0 > /dev/null 2>&1
    done
    podman --root "$T/podman/root" --runroot "$T/podman/run" --storage-driver vfs system reset -f > /dev/null 2>&1
    # podman with cgroupfs leaves each container's libpod-ID cgroup behind,
    # with runc as with this runtime; rmdir takes only the empty ones.
    find /sys/fs/cgroup/*/libpod_parent /sys/fs/cgroup/libpod_parent -mindepth 1 -depth -type d -name 'libpod-*' -exec rmdir {} + 2>/dev/null
    drop_engine_cgroups
    umount -R "$T/podman/root" "$T/podman/run" 2>/dev/null
    return 0
}

# One container engine state for both runtimes; each runtime its own --root.
sc_podman() {
    ROOT=$T/podman-state
    mkdir -p "$ROOT"
    local c=c$ENV_N id out
    out=$(pd run --rm "${PD_RUN[@]}" "$IMG" sh -c 'echo hello; id -u' 2>&1); echo "run: $? $out"
    pd run --rm "${PD_RUN[@]}" "$IMG" sh -c 'exit 42' > /dev/null 2>&1; echo "exit code: $?"
    pd run --rm "${PD_RUN[@]}" "$IMG" sh -c 'kill -9 $$' > /dev/null 2>&1; echo "killed: $?"
    out=$(pd run --rm "${PD_RUN[@]}" -e FOO=bar -w /tmp --user 1000:1000 "$IMG" sh -c 'echo "$FOO $(pwd) $(id -u):$(id -g)"' 2>&1); echo "env workdir user: $out"
    out=$(pd run --rm "${PD_RUN[@]}" --read-only --read-only-tmpfs=false "$IMG" sh -c 'touch /x 2>&1; echo rc=$?' 2>&1); echo "read-only: ${out##*: }"
    out=$(pd run --rm "${PD_RUN[@]}" --cap-drop all --cap-add CAP_KILL "$IMG" sh -c 'grep CapEff /proc/self/status' 2>&1); echo "caps: $out"
    out=$(pd run --rm "${PD_RUN[@]}" --memory 64m "$IMG" sh -c 'cat /sys/fs/cgroup/memory/memory.limit_in_bytes 2>/dev/null || cat /sys/fs/cgroup/memory.max' 2>&1); echo "memory: $out"
    out=$(pd run --rm "${PD_RUN[@]}" --pids-limit 77 "$IMG" sh -c 'cat /sys/fs/cgroup/pids/pids.max 2>/dev/null || cat /sys/fs/cgroup/pids.max' 2>&1); echo "pids-limit: $out"
    out=$(pd run --rm "${PD_RUN[@]}" --hostname h1 "$IMG" hostname 2>&1); echo "hostname: $out"
    out=$(pd run --rm "${PD_RUN[@]}" --cpu-shares 512 "$IMG" sh -c 'cat /sys/fs/cgroup/cpu/cpu.shares 2>/dev/null || cat /sys/fs/cgroup/cpu.weight' 2>&1); echo "cpu-shares: $out"
    out=$(pd run --rm "${PD_RUN[@]}" --security-opt no-new-privileges "$IMG" sh -c 'grep NoNewPrivs /proc/self/status' 2>&1); echo "no-new-privileges: $out"
    out=$(pd run --rm "${PD_RUN[@]}" --sysctl net.ipv4.ip_forward=1 "$IMG" cat /proc/sys/net/ipv4/ip_forward 2>&1); echo "sysctl: $out"
    out=$(pd run --rm "${PD_RUN[@]}" --oom-score-adj 123 "$IMG" cat /proc/self/oom_score_adj 2>&1); echo "oom-score-adj: $out"
    mkdir -p "$T/pd-share"; echo shared-file > "$T/pd-share/f"
    out=$(pd run --rm "${PD_RUN[@]}" -v "$T/pd-share:/share:ro" "$IMG" sh -c 'cat /share/f; touch /share/g 2>&1 | grep -c Read-only' 2>&1); echo "volume ro: $(tr '\n' ' ' <<< "$out")"
    out=$(pd run --rm "${PD_RUN[@]}" "$IMG" sh -c 'ls /proc/1/ns > /dev/null && ip link 2>/dev/null | grep -c "^[0-9]" || cat /proc/net/dev | tail -n +3 | wc -l' 2>&1); echo "network none: $out"
    id=$(pd run -d --name "$c" "${PD_RUN[@]}" "$IMG" sh -c 'echo started; trap "echo bye; exit 0" TERM; while :; do sleep 0.1; done')
    echo "run -d: $? $([ -n "$id" ] && echo id)"
    out=$(pd exec "$c" sh -c 'echo in-exec; exit 3' 2>&1); echo "exec: $? $out"
    out=$(pd exec -e A=1 -w /etc --user 1000 "$c" sh -c 'echo "$A $(pwd) $(id -u)"' 2>&1); echo "exec flags: $out"
    out=$(pd exec -t "$c" tty 2>&1 | tr -d '\r'); echo "exec -t: ${out%[0-9]}"
    out=$(pd exec "$c" sh -c 'cat /proc/1/cmdline | tr "\0" " "' 2>&1); echo "exec sees init: ${out:0:8}"
    out=$(pd exec -d "$c" sleep 5 2>&1); echo "exec -d: $?"
    out=$(pd top "$c" args 2>&1 | grep -c sleep); echo "top: $([ "$out" -ge 1 ] && echo sleep-seen)"
    out=$(pd inspect -f '{{.State.Status}}' "$c"); echo "inspect: $out"
    if "$RT" pause --help > /dev/null 2>&1; then
        pd pause "$c" > /dev/null 2>&1; echo "pause: $? $(pd inspect -f '{{.State.Status}}' "$c")"
        pd unpause "$c" > /dev/null 2>&1; echo "unpause: $? $(pd inspect -f '{{.State.Status}}' "$c")"
    else
        echo "pause: known-gap"; echo "unpause: known-gap"
    fi
    pd stop -t 5 "$c" > /dev/null 2>&1; echo "stop: $? $(pd inspect -f '{{.State.Status}} {{.State.ExitCode}}' "$c")"
    out=$(pd logs "$c" 2>&1 | tr '\n' ' '); echo "logs: $out"
    pd kill -s KILL "$c" > /dev/null 2>&1; pd wait "$c" > /dev/null 2>&1; echo "kill: $(pd inspect -f '{{.State.Status}} {{.State.ExitCode}}' "$c")"
    pd rm "$c" > /dev/null 2>&1; echo "rm: $?"
    pd run -d --name "$c-s" "${PD_RUN[@]}" "$IMG" sh -c 'trap "" TERM; while :; do sleep 0.1; done' > /dev/null
    pd stop -t 1 "$c-s" > /dev/null 2>&1; echo "stop escalates: $(pd inspect -f '{{.State.Status}} {{.State.ExitCode}}' "$c-s")"
    pd rm "$c-s" > /dev/null 2>&1
}

test_engines_podman() {
    command -v podman > /dev/null || fail "podman not installed (make deps)"
    note_engine_cgroups libpod_parent
    trap 'rc=$?; podman_cleanup; teardown_test $rc' EXIT
    podman_image
    oracle_same sc_podman
    log "podman scenarios: $(grep -c . <<< "$RES")"
    # The container's pid 1 ignores its own SIGKILL: podman reports 0, as with runc.
    assert_eq "$(head -n 7 <<< "$RES")" $'run: 0 hello\n0\nexit code: 42\nkilled: 0\nenv workdir user: bar /tmp 1000:1000\nread-only: Read-only file system\nrc=1'
    assert_contains "$RES" $'exec: 3 in-exec\nexec flags: 1 /etc 1000\nexec -t: /dev/pts/'
    assert_contains "$RES" "stop: 0 exited 0"
    assert_contains "$RES" "logs: started bye"
    assert_contains "$RES" "stop escalates: exited 137"
    assert_contains "$RES" $'cpu-shares: 512\nno-new-privileges: NoNewPrivs:\t1\nsysctl: 1\noom-score-adj: 123\nvolume ro: shared-file 1'
    assert_contains "$RES" $'pause: 0 paused\nunpause: 0 running'
    assert_contains "$RES" $'memory: 67108864\npids-limit: 77\nhostname: h1'
    assert_contains "$RES" $'caps: CapEff:\t0000000000000020'
    assert_contains "$RES" $'logs: started bye \nkill: exited 0'
}

# ---------------------------------------------------------------- containerd

CTD=""
ctd_start() {
    CTD=$T/ctd
    mkdir -p "$CTD"
    cat > "$CTD/config.toml" <<EOT
version = 2
root = "$CTD/root"
state = "$CTD/state"
disabled_plugins = ["io.containerd.grpc.v1.cri"]
[grpc]
  address = "$CTD/c.sock"
[ttrpc]
  address = "$CTD/c.sock.ttrpc"
[debug]
  address = "$CTD/d.sock"
EOT
    containerd --config "$CTD/config.toml" > "$CTD/log" 2>&1 &
    echo $! > "$CTD/pid"
    local i=0
    while ! ctr --address "$CTD/c.sock" version > /dev/null 2>&1; do
        sleep 0.05; i=$((i + 1)); [ $i -lt 200 ] || fail "containerd did not start: $(tail -3 "$CTD/log")"
    done
    mkdir -p "$T/oci"
    tar -C "$WORK/rootfs" -czf "$T/layer.tar.gz" .
    oci_archive "$T/layer.tar.gz" "$T/image.tar"
    ct images import --base-name localhost/spec-rootfs "$T/image.tar" > /dev/null || fail "ctr images import failed"
}

# oci_archive LAYER OUT: a one-layer OCI image archive.
oci_archive() {
    local d=$T/oci layer=$1 ld ls cd cs md ms diffid
    mkdir -p "$d/blobs/sha256"
    ld=$(sha256sum "$layer" | cut -d' ' -f1); ls=$(stat -c %s "$layer"); cp "$layer" "$d/blobs/sha256/$ld"
    diffid=$(gunzip -c "$layer" | sha256sum | cut -d' ' -f1)
    jq -nc --arg d "sha256:$diffid" '{architecture: "amd64", os: "linux", config: {Env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"], Cmd: ["sh"]}, rootfs: {type: "layers", diff_ids: [$d]}}' > "$T/cfg.json"
    cd=$(sha256sum "$T/cfg.json" | cut -d' ' -f1); cs=$(stat -c %s "$T/cfg.json"); cp "$T/cfg.json" "$d/blobs/sha256/$cd"
    jq -nc --arg c "sha256:$cd" --argjson cs "$cs" --arg l "sha256:$ld" --argjson ls "$ls" '{schemaVersion: 2, mediaType: "application/vnd.oci.image.manifest.v1+json", config: {mediaType: "application/vnd.oci.image.config.v1+json", digest: $c, size: $cs}, layers: [{mediaType: "application/vnd.oci.image.layer.v1.tar+gzip", digest: $l, size: $ls}]}' > "$T/manifest.json"
    md=$(sha256sum "$T/manifest.json" | cut -d' ' -f1); ms=$(stat -c %s "$T/manifest.json"); cp "$T/manifest.json" "$d/blobs/sha256/$md"
    jq -nc --arg m "sha256:$md" --argjson ms "$ms" '{schemaVersion: 2, manifests: [{mediaType: "application/vnd.oci.image.manifest.v1+json", digest: $m, size: $ms, annotations: {"org.opencontainers.image.ref.name": "latest"}}]}' > "$d/index.json"
    echo '{"imageLayoutVersion": "1.0.0"}' > "$d/oci-layout"
    tar -C "$d" -cf "$2" oci-layout index.json blobs
}

ct() { ctr --address "$CTD/c.sock" -n spec "$@"; }

ctd_cleanup() {
    [ -n "$CTD" ] && [ -f "$CTD/pid" ] || return 0
    local c
    for c in $(ct tasks ls -q 2>/dev/null); do ct tasks kill -s KILL "$c" > /dev/null 2>&1; done
    sleep 0.2
    for c in $(ct tasks ls -q 2>/dev/null); do ct tasks delete -f "$c" > /dev/null 2>&1; done
    for c in $(ct containers ls -q 2>/dev/null); do ct containers delete "$c" > /dev/null 2>&1; done
    kill "$(cat "$CTD/pid")" 2>/dev/null
    sleep 0.3
    # The shim passes --root ROOT/NAMESPACE: that directory is the shim's,
    # and stays empty when every container was deleted (rmdir fails otherwise).
    local rt root rest
    while IFS=$'\t' read -r rt root rest; do
        rmdir "$root/spec" 2>/dev/null
    done < "$T/envs"
    grep -F " $CTD" /proc/self/mountinfo | awk '{print $5}' | sort -r | while read -r m; do umount -l "$m" 2>/dev/null; done
    drop_engine_cgroups
    return 0
}

CT_IMG=localhost/spec-rootfs:latest

# ctrun NAME [FLAGS...] -- CMD...: `ctr run --rm` of a short command, its
# output. ctr sometimes loses the output of a task that exits at once (seen
# with runc as with this runtime): an empty result is tried again, twice.
ctrun() {
    local name=$1 flags=() o i rc
    shift
    while [ "$1" != "--" ]; do flags+=("$1"); shift; done
    shift
    for i in 1 2 3; do
        o=$(ct run --rm "${R[@]}" "${flags[@]}" "$CT_IMG" "$name-$i" "$@" 2>&1)
        rc=$?
        [ -n "$o" ] && break
    done
    printf '%s' "$o"
    return $rc
}

sc_containerd() {
    local c=k$ENV_N out
    local R=(--runc-binary "$RT" --runc-root "$ROOT")
    out=$(ctrun "$c-a" -- sh -c 'echo hello; id -u'); echo "run: $? $out"
    ct run --rm "${R[@]}" "$CT_IMG" "$c-b" sh -c 'exit 42' > /dev/null 2>&1; echo "exit code: $?"
    out=$(ctrun "$c-c" --env FOO=bar --cwd /tmp -- sh -c 'echo "$FOO $(pwd)"'); echo "env cwd: $out"
    out=$(ctrun "$c-d" --read-only -- sh -c 'touch /x 2>&1; echo rc=$?'); echo "read-only: ${out##*: }"
    out=$(ctrun "$c-e" --memory-limit 67108864 -- sh -c 'cat /sys/fs/cgroup/memory/memory.limit_in_bytes 2>/dev/null || cat /sys/fs/cgroup/memory.max'); echo "memory: $out"
    mkdir -p "$T/ct-share"; echo ctr-shared > "$T/ct-share/f"
    out=$(ctrun "$c-h" --mount "type=bind,src=$T/ct-share,dst=/share,options=rbind:ro" -- sh -c 'cat /share/f; touch /share/g 2>&1 | grep -c Read-only'); echo "bind mount ro: $(tr '\n' ' ' <<< "$out")"
    out=$(ctrun "$c-i" --cap-add CAP_SYS_ADMIN -- sh -c 'grep CapEff /proc/self/status'); echo "cap-add: $out"
    out=$(ctrun "$c-j" --annotation ocirt.test=yes -- sh -c 'echo annotated'); echo "annotation: $out"
    out=$(ctrun "$c-k" -- sh -c 'grep NoNewPrivs /proc/self/status'); echo "no-new-privs default: $out"
    out=$(ctrun "$c-l" --allow-new-privs -- sh -c 'grep NoNewPrivs /proc/self/status'); echo "allow-new-privs: $out"
    # ctr wants a terminal of its own for -t: script(1) provides one.
    out=$(script -qec "ctr --address $CTD/c.sock -n spec run --rm --runc-binary $RT --runc-root $ROOT -t $CT_IMG $c-f tty" /dev/null < /dev/null 2>&1 | grep -ao '/dev/pts/' | head -1); echo "run -t: $out"
    ct run -d "${R[@]}" "$CT_IMG" "$c" sh -c 'echo started; trap "exit 0" TERM; while :; do sleep 0.1; done' > /dev/null 2>&1; echo "run -d: $?"
    out=$(ct tasks exec --exec-id e1 "$c" sh -c 'echo in-exec; exit 3' 2>&1); echo "exec: $? $out"
    out=$(script -qec "ctr --address $CTD/c.sock -n spec tasks exec --exec-id e2 -t $c tty" /dev/null < /dev/null 2>&1 | grep -ao '/dev/pts/' | head -1); echo "exec -t: $out"
    out=$(ct tasks ls | awk -v c="$c" '$1 == c {print $3}'); echo "tasks ls: $out"
    out=$(ct tasks ps "$c" 2>/dev/null | tail -n +2 | wc -l); echo "tasks ps: $([ "$out" -ge 1 ] && echo listed)"
    if "$RT" pause --help > /dev/null 2>&1; then
        ct tasks pause "$c" > /dev/null 2>&1; echo "pause: $? $(ct tasks ls | awk -v c="$c" '$1 == c {print $3}')"
        ct tasks resume "$c" > /dev/null 2>&1; echo "resume: $? $(ct tasks ls | awk -v c="$c" '$1 == c {print $3}')"
    else
        echo "pause: known-gap"; echo "resume: known-gap"
    fi
    ct tasks kill -s TERM "$c" > /dev/null 2>&1
    local i=0
    while [ "$(ct tasks ls | awk -v c="$c" '$1 == c {print $3}')" = RUNNING ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
    echo "kill TERM: $(ct tasks ls | awk -v c="$c" '$1 == c {print $3}')"
    ct tasks delete "$c" > /dev/null 2>&1; echo "task delete: $?"
    ct containers delete "$c" > /dev/null 2>&1; echo "container delete: $?"
    out=$(ct run --rm "${R[@]}" "$CT_IMG" "$c-g" sh -c 'exec nosuch-binary' 2>&1 | grep -c "nosuch"); echo "missing binary reported: $([ "$out" -ge 1 ] && echo yes)"
}

test_engines_containerd() {
    command -v containerd > /dev/null || fail "containerd not installed (make deps)"
    note_engine_cgroups spec
    trap 'rc=$?; ctd_cleanup; teardown_test $rc' EXIT
    ctd_start
    oracle_same sc_containerd
    log "containerd scenarios: $(grep -c . <<< "$RES")"
    assert_contains "$RES" $'run: 0 hello\n0\nexit code: 42\nenv cwd: bar /tmp'
    assert_contains "$RES" $'exec: 3 in-exec\nexec -t: /dev/pts/'
    assert_contains "$RES" $'kill TERM: STOPPED\ntask delete: 0\ncontainer delete: 0'
    assert_contains "$RES" $'bind mount ro: ctr-shared 1'
    assert_contains "$RES" $'no-new-privs default: NoNewPrivs:\t1\nallow-new-privs: NoNewPrivs:\t0'
}
