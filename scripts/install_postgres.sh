#!/usr/bin/env bash
# Install PostgreSQL (Debian package) for the DuckLake many-writers test (tests/test_scale.py).
# Idempotent: does nothing when initdb is already there. The test starts its own throwaway cluster.
set -euo pipefail

if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "postgresql already installed: $(ls -d /usr/lib/postgresql/*/bin | head -1)"
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
$SUDO apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql
ls -d /usr/lib/postgresql/*/bin
