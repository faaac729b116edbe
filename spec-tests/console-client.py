#!/usr/bin/env python3
"""Test client for --console-socket: listens on SOCKET, receives the pty
master the runtime sends (one message, SCM_RIGHTS), reports the payload and
descriptor count, types INPUT into the terminal and prints what comes back
until the text END_MARK appears (or a few seconds pass)."""
import os
import select
import socket
import sys
import time

path, typed, end_mark = sys.argv[1], sys.argv[2], sys.argv[3]
srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
srv.bind(path)
srv.listen(1)
open(path + ".ready", "w").close()
srv.settimeout(20)
conn, _ = srv.accept()
msg, fds, _, _ = socket.recv_fds(conn, 4096, 8)
extra = conn.recv(16)
print("payload=%s fds=%d more=%d" % (msg.decode(errors="replace"), len(fds), len(extra)), flush=True)
master = fds[0]
time.sleep(0.2)
os.write(master, typed.encode())
out = b""
deadline = time.time() + 8
while time.time() < deadline and end_mark.encode() not in out:
    ready, _, _ = select.select([master], [], [], 0.2)
    if ready:
        try:
            data = os.read(master, 4096)
        except OSError:
            break
        if not data:
            break
        out += data
sys.stdout.write(out.decode(errors="replace").replace("\r", ""))
