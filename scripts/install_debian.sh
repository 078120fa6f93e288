#!/usr/bin/env bash
# Install a Debian package a test needs, once: install_debian.sh PACKAGE CHECK_GLOB
# Does nothing when CHECK_GLOB already matches a file (idempotent); sudo only when not root.
set -euo pipefail
package="$1"
check="$2"
if compgen -G "$check" >/dev/null; then
    echo "$package already installed ($(compgen -G "$check" | head -1))"
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
$SUDO apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package"
compgen -G "$check" | head -1
