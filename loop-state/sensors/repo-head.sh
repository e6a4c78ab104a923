#!/bin/sh
# An example sensor: the commit the repository's checkout is at. A new commit is a change the
# loop wakes up for; its subject is context only. Replace it with sensors for your own world.
set -eu
head=$(git rev-parse HEAD)
subject=$(git log -1 --format=%s | sed 's/\\/\\\\/g; s/"/\\"/g')
printf '{"signal": {"head": "%s"}, "detail": {"subject": "%s"}}\n' "$head" "$subject"
