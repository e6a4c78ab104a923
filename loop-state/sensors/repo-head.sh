#!/bin/sh
# An example sensor: the commit the repository's checkout is at. A new commit is a change the
# loop wakes up for; its subject is context only (git's file-name form of it, which needs no
# escaping in JSON). One process: git prints the JSON itself. Replace it with sensors for your
# own world.
exec git log -1 --format='{"signal": {"head": "%H"}, "detail": {"subject": "%f"}}'
