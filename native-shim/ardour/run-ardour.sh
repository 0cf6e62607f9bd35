#!/usr/bin/env bash
# Plays notes through a plugin in Debian's Ardour 7 with no GUI and no audio hardware (play-notes.lua).
#
#   run-ardour.sh WORKDIR [BUNDLE.vst3] [key=value ...]
#
# WORKDIR (created if missing; must not hold a session yet) receives everything Ardour writes: a private
# config that unhides the "None (Dummy)" backend, the plugin cache, and the session. With a BUNDLE,
# ardour-vst3-scanner indexes it first and VST3_PATH points at its folder (headless Ardour loads VST3s from
# the scanner's cache only).
# key=value arguments go to play-notes.lua; e.g. to check the Ardour setup with a plugin Ardour ships:
#   run-ardour.sh /tmp/try plugin="ACE Reasonable Synth" type=LV2
# The plugin reaches the haptic server named by $HAPTIC_SOCKET (or its configuration's default).
# Exit status: the script's (0 = every check passed, 1 = a check failed), 2 = usage or WORKDIR
# already used, 3 = Ardour not installed, 4 = the scan failed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ardour_lib="${ARDOUR_LIB_DIR:-/usr/lib/ardour7}"
scanner="$ardour_lib/ardour-vst3-scanner"

if [ $# -lt 1 ]; then
  sed -n '2,14p' "${BASH_SOURCE[0]}" >&2
  exit 2
fi
work="$1"
shift
bundle=""
if [ $# -gt 0 ] && [[ "$1" == *.vst3 || "$1" == *.vst3/ ]]; then
  bundle="$(cd "$1" && pwd)"
  shift
fi

if ! command -v ardour7-lua >/dev/null || [ ! -x "$scanner" ]; then
  echo "ardour7-lua or $scanner not found: install ardour (apt)" >&2
  exit 3
fi

mkdir -p "$work"
work="$(cd "$work" && pwd)"
# Ardour reads $XDG_CONFIG_HOME/ardour7/config over /etc/ardour7/system_config and keeps its plugin cache
# (vst/*.v3i, blacklist) under $XDG_CACHE_HOME/ardour7: private copies leave the user's Ardour untouched.
export XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" XDG_DATA_HOME="$work/data"
mkdir -p "$XDG_CONFIG_HOME/ardour7" "$XDG_CACHE_HOME" "$XDG_DATA_HOME"
cat >"$XDG_CONFIG_HOME/ardour7/config" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<Ardour>
  <Config>
    <Option name="hide-dummy-backend" value="0"/>
  </Config>
</Ardour>
EOF

if [ -n "$bundle" ]; then
  echo "scanning $bundle" >&2
  # The scanner is not wrapped like ardour7-lua: it needs Ardour's private libraries on the path.
  if ! LD_LIBRARY_PATH="$ardour_lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" "$scanner" -f "$bundle" >&2; then
    echo "ardour-vst3-scanner failed on $bundle" >&2
    exit 4
  fi
  if ! compgen -G "$XDG_CACHE_HOME/ardour7/vst/*.v3i" >/dev/null; then
    echo "ardour-vst3-scanner wrote no cache file under $XDG_CACHE_HOME/ardour7/vst" >&2
    exit 4
  fi
  export VST3_PATH="$(dirname "$bundle")"
fi

if [ -e "$work/session" ]; then
  echo "$work/session exists: Ardour creates a new session there, so use a fresh WORKDIR" >&2
  exit 2
fi
# play-notes.lua's pattern=timed inserts this DSP script, found on Ardour's user script path.
mkdir -p "$XDG_CONFIG_HOME/ardour7/scripts"
cp "$here/timing-notes.lua" "$XDG_CONFIG_HOME/ardour7/scripts/"
exec ardour7-lua "$here/play-notes.lua" session="$work/session" "$@"
