#!/bin/bash
# Builds a minimal busybox-static root filesystem in $1 (created if missing).
# Used by `make bundle` and by the spec-test runner, so both agree on the image.
set -euo pipefail
dest=${1:?usage: mkrootfs.sh DIR}
busybox=${BUSYBOX:-/bin/busybox}
if ! case $(ldd "$busybox" 2>&1 || true) in *"not a dynamic"*) true ;; *) false ;; esac; then
    echo "mkrootfs: $busybox is not a static binary (install busybox-static)" >&2
    exit 1
fi
mkdir -p "$dest"/{bin,sbin,usr/bin,usr/sbin,etc,tmp,proc,sys,dev,root,home/nobody,mnt,run,var}
chmod 1777 "$dest/tmp"
install -m 0755 "$busybox" "$dest/bin/busybox"
# --install -s wants absolute targets inside the image; run it through chroot so
# the symlinks point at /bin/busybox of the image, not of the host.
chroot "$dest" /bin/busybox --install -s
cat > "$dest/etc/passwd" <<'P'
root:x:0:0:root:/root:/bin/sh
nobody:x:1000:1000:nobody:/home/nobody:/bin/sh
P
cat > "$dest/etc/group" <<'G'
root:x:0:
nobody:x:1000:
G
echo ocirt > "$dest/etc/hostname"
