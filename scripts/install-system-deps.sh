#!/usr/bin/env bash
# Debian packages the test suite talks to: liblo's oscsend/oscdump and Pure Data (OSC interoperability),
# PortAudio (sounddevice), JACK's dummy server (a virtual MIDI port without hardware), and Hydrogen's
# demo songs. Drum data for `musicvae data`: MMA's groove library (rendered by `mma`; its postinst indexes
# the grooves) and OpenTTD's OpenMSX music; Freedoom's WADs need no install (the data build runs
# `apt-get download freedoom` into its cache). Skips what is already there.
set -euo pipefail
packages=(liblo-tools puredata-core libportaudio2 jackd2 hydrogen-data mma openttd-openmsx)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages present: ${packages[*]}"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
