#!/bin/sh
# Validates deploy/nginx.conf with the local nginx (`apt-get install nginx-light`): the upstream host `linli`
# exists only inside compose, so the check runs on a copy pointing at 127.0.0.1 and an unprivileged port.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed 's/server linli:8787/server 127.0.0.1:8787/; s/^    listen 80;/    listen 127.0.0.1:18080;/' \
  "$here/nginx.conf" > "$tmp/nginx.conf"
nginx -t -c "$tmp/nginx.conf" -g "pid $tmp/nginx.pid; error_log $tmp/error.log;"
