#!/usr/bin/env bash
# Debian packages the test suite talks to: liblo's oscsend/oscdump and Pure Data (OSC interoperability),
# PortAudio (sounddevice), JACK's dummy server (a virtual MIDI port without hardware), and Hydrogen's
# demo songs, and node with npm, which runs magenta.js
# (tests/node/, the reference the importer's parity test decodes against). Drum data for `musicvae data`:
# MMA's groove library (rendered by `mma`; its postinst indexes the grooves) and OpenTTD's OpenMSX music;
# Freedoom's WADs need no install (the data build runs `apt-get download freedoom` into its cache).
# Skips what is already there.
set -euo pipefail
packages=(liblo-tools puredata-core libportaudio2 jackd2 hydrogen-data mma openttd-openmsx nodejs)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
command -v npm >/dev/null || missing+=(npm)  # Debian's npm is its own package; NodeSource's nodejs has it
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages present: ${packages[*]}"
else
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# @magenta/music and tfjs at the versions tests/node/package-lock.json pins, from the npm registry.
node_dir="$(dirname "$0")/../tests/node"
[ -d "$node_dir/node_modules/@magenta/music" ] || (cd "$node_dir" && npm ci --no-audit --no-fund --loglevel=error)
