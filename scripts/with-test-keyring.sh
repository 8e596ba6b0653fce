#!/usr/bin/env bash
# Runs a command with an isolated, unlocked gnome-keyring on a private D-Bus session, so that
# keychain tests exercise the real Secret Service without touching the user's own keyring.
# (docs/testing.md, Keychain.) Never with DISPLAY set: a locked keyring would pop an unlock prompt and hang.
set -euo pipefail
if [ "$(uname -s)" != "Linux" ]; then exec "$@"; fi
for tool in dbus-run-session gnome-keyring-daemon gdbus; do
  command -v "$tool" >/dev/null || { echo "with-test-keyring: $tool is missing; install: apt-get install -y dbus gnome-keyring libglib2.0-bin libsecret-tools" >&2; exit 1; }
done
XDG_DATA_HOME="$(mktemp -d)"; export XDG_DATA_HOME
trap 'rm -rf "$XDG_DATA_HOME"' EXIT
unset DISPLAY WAYLAND_DISPLAY
export SWITCHBOARD_TEST_KEYRING=1
dbus-run-session -- sh -euc '
  printf %s test-only-pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  i=0; until gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method org.freedesktop.DBus.NameHasOwner org.freedesktop.secrets | grep -q true; do
    i=$((i+1)); [ "$i" -lt 50 ] || { echo "with-test-keyring: the Secret Service did not start" >&2; exit 1; }; sleep 0.1; done
  exec "$@"' sh "$@"
