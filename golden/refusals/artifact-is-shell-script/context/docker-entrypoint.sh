#!/bin/sh
set -e
[ -f /config/config.json ] || cp /app/config.example.json /config/config.json
exec /app/statuswatch --config /config/config.json "$@"
