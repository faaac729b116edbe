# User namespaces run as root: multi-range maps, ownership seen from the
# host, idmapped bind mounts (config.md "idmap"/"ridmap"), refused maps.

USERNS_MAP='.linux.namespaces += [{"type": "user"}]
    | .linux.uidMappings = [{"containerID": 0, "hostID": 100000, "size": 65536}]
    | .linux.gidMappings = [{"containerID": 0, "hostID": 100000, "size": 65536}]'

# A bind-mounted host directory: what the container writes is owned on the
# host by the mapped ids; two ranges map 0 and 1000 separately.
sc_userns_bind_ownership() {
    cfg '.linux.namespaces += [{"type": "user"}]
         | .linux.uidMappings = [{"containerID": 0, "hostID": 100000, "size": 1000}, {"containerID": 1000, "hostID": 300000, "size": 1000}]
         | .linux.gidMappings = [{"containerID": 0, "hostID": 100000, "size": 65536}]
         | .mounts += [{"destination": "/mnt", "type": "bind", "source": $s, "options": ["rbind"]}]' --arg s "$B/shared"
    cfg '.process.user = {"uid": 1000, "gid": 5}'
    mkdir -p "$B/shared"
    chmod 1777 "$B/shared"
    probe 'awk "{ print \$1, \$2, \$3 }" /proc/self/uid_map; id -u; touch /mnt/by-1000'
    run_ok
    echo "$out"
    stat -c '%n %u %g' "$B/shared/by-1000" | sed "s|$B/shared/||"
}

test_userns_multi_range_bind_ownership() {
    oracle_same sc_userns_bind_ownership
    assert_eq "$RES" $'0 100000 1000\n1000 300000 1000\n1000\nby-1000 300000 100005'
}

# mounts[].uidMappings: host uid 1000 shows as 0 inside (1000 -> host
# 100000 through the mount, which the container maps to 0), and what the
# container creates there lands on disk as 1000.
test_userns_idmapped_bind_mount() {
    cfg "$USERNS_MAP"' | .mounts += [{"destination": "/mnt", "type": "bind", "source": $s, "options": ["bind", "idmap"],
        "uidMappings": [{"containerID": 1000, "hostID": 100000, "size": 1}],
        "gidMappings": [{"containerID": 1000, "hostID": 100000, "size": 1}]}]' --arg s "$B/data"
    mkdir -p "$B/data"
    touch "$B/data/owned-by-1000"
    chown 1000:1000 "$B/data" "$B/data/owned-by-1000"
    probe 'stat -c "%n %u %g" /mnt/owned-by-1000; touch /mnt/made-inside'
    run_ok
    assert_eq "$out" "/mnt/owned-by-1000 0 0"
    assert_eq "$(stat -c '%u %g' "$B/data/made-inside")" "1000 1000" "ownership on disk of a file created through the idmapped mount"
}

# "ridmap" without mappings takes the container's: host root's files show as
# root inside (a plain bind shows them as the overflow uid 65534).
test_userns_idmap_container_mapping() {
    cfg "$USERNS_MAP"' | .mounts += [{"destination": "/run", "type": "bind", "source": $s, "options": ["rbind"]},
        {"destination": "/var", "type": "bind", "source": $s, "options": ["rbind", "ridmap"]}]' --arg s "$B/data"
    mkdir -p "$B/data"
    touch "$B/data/f"
    probe 'stat -c "%u" /run/f /var/f'
    run_ok
    assert_eq "$out" $'65534\n0'
}

test_userns_idmap_unsupported_filesystem() {
    # sysfs does not allow id-mapped mounts (no FS_ALLOW_IDMAP).
    cfg "$USERNS_MAP"' | .mounts += [{"destination": "/m", "type": "bind", "source": "/sys/kernel", "options": ["rbind", "idmap"]}]'
    snapshot
    create_ct
    assert_error
    assert_contains "$err" "mounts[6]: the sysfs filesystem of \`/sys/kernel\` cannot be id-mapped"
    assert_nothing_left
}

test_userns_idmap_needs_user_namespace() {
    cfg '.mounts += [{"destination": "/m", "type": "bind", "source": "/tmp", "options": ["rbind", "idmap"]}]'
    snapshot
    create_ct
    assert_error
    assert_contains "$err" "needs a user namespace to take the mapping from"
    assert_nothing_left
}

test_userns_overlapping_ranges_refused() {
    cfg "$USERNS_MAP"' | .linux.uidMappings += [{"containerID": 100, "hostID": 500000, "size": 10}]'
    snapshot
    create_ct
    assert_error
    assert_contains "$err" "linux.uidMappings[1]: container ids 100-109 overlap linux.uidMappings[0] (0-65535)"
    assert_nothing_left
}

test_userns_too_many_lines_refused() {
    cfg "$USERNS_MAP"' | .linux.uidMappings = [range(341) | {"containerID": ., "hostID": (100000 + .), "size": 1}]'
    snapshot
    create_ct
    assert_error
    assert_contains "$err" "341 mappings, the kernel accepts at most 340"
    assert_nothing_left
}

test_userns_without_mappings_refused() {
    cfg '.linux.namespaces += [{"type": "user"}]'
    snapshot
    create_ct
    assert_error
    assert_contains "$err" "linux.uidMappings: required when a user namespace is created"
    assert_nothing_left
}
