"""Magenta's published MusicVAE checkpoints: where each id downloads from and what it holds.

magenta.js folders are listed in magenta-js music/checkpoints/checkpoints.json, the TensorFlow tars in
magenta's models/music_vae/README.md. A TF checkpoint carries no config, so its bars come from Magenta's
configs.py (max_seq_len) and are listed here; everything else is still read from the tensors. `shapes`
gives the sizes of the four magenta.js models the parity tests rebuild with random weights: derived from
Magenta's configs and checked against each id's published size (parameters x bytes per weight).
"""
from __future__ import annotations

from dataclasses import dataclass

from contract.codec import DRUM_CLASSES, MELODY_CLASSES, TrioCodec
from vae.configs import ModelConfig

JS_BASE = "https://storage.googleapis.com/magentadata/js/checkpoints/music_vae"
TAR_BASE = "https://storage.googleapis.com/magentadata/models/music_vae/checkpoints"


@dataclass(frozen=True)
class Published:
    id: str
    url: str
    kind: str  # "magenta.js" | "tf-tar"
    size_mb: float  # as published in checkpoints.json; 0: not published
    bars: int = 0  # TF tars only: Magenta's max_seq_len / 16
    supported: bool = True
    note: str = ""


_JS = [("mel_2bar_small", "mel_2bar_small", 17.7), ("mel_4bar_small_q2", "mel_4bar_small_q2", 26.5),
       ("mel_4bar_med_q2", "mel_4bar_med_q2", 65.4), ("mel_4bar_med_lokl_q2", "mel_4bar_med_lokl_q2", 65.4),
       ("mel_16bar_small_q2", "mel_16bar_small_q2", 23.5), ("drums_2bar_lokl_small", "drums_2bar_lokl_small", 18.5),
       ("drums_2bar_hikl_small", "drums_2bar_hikl_small", 18.5), ("drums_4bar_med_q2", "drums_4bar_med_q2", 68.2),
       ("drums_4bar_med_lokl_q2", "drums_4bar_med_lokl_q2", 68.2), ("trio_4bar_lokl_small_q1", "trio_4bar", 17.6),
       ("trio_16bar_xl", "trio_16bar", 1710.0)]
_JS_NOT_YET = [("mel_chords", "chord-conditioned"), ("drums_2bar_nade_9_q2", "NADE decoder"),
               ("multitrack", "multitrack event representation"), ("multitrack_med", "multitrack event representation"),
               ("groovae_2bar_humanize", "GrooVAE"), ("groovae_4bar", "GrooVAE")]
# (id, bars): Magenta's README gives no sizes for the tars.
_TARS = [("cat-mel_2bar_big", 2), ("hierdec-mel_16bar", 16), ("hierdec-trio_16bar", 16),
         ("cat-drums_2bar_small.lokl", 2), ("cat-drums_2bar_small.hikl", 2)]

PUBLISHED: dict[str, Published] = {
    **{i: Published(i, f"{JS_BASE}/{path}", "magenta.js", mb) for i, path, mb in _JS},
    **{i: Published(i, f"{JS_BASE}/{i}", "magenta.js", 0.0, supported=False, note=f"not supported yet: {why}")
       for i, why in _JS_NOT_YET},
    **{i: Published(i, f"{TAR_BASE}/{i}.tar", "tf-tar", 0.0, bars=bars) for i, bars in _TARS},
}

# Sizes of the magenta.js models the parity tests rebuild: parameters x 4 bytes (or 2 for q2, 1 for q1)
# come to the published size_mb within 0.1 MB: mel_2bar_small 4.42 M -> 17.7 MB, drums_2bar_*_small
# 4.62 M -> 18.5 MB, mel_16bar_small_q2 11.75 M -> 23.5 MB, trio_4bar (q1) 17.6 M -> 17.6 MB.
_SMALL = dict(encoder_hidden=512, z_size=256, decoder_hidden=256, decoder_layers=2)
_HIER = dict(decoder="hier", encoder="hier", conductor_hidden=256, conductor_layers=2, conductor_output=0)
SHAPES: dict[str, ModelConfig] = {
    "mel_2bar_small": ModelConfig(codec="melody", num_bars=2, num_classes=MELODY_CLASSES, **_SMALL),
    "drums_2bar_small": ModelConfig(codec="drums", num_bars=2, num_classes=DRUM_CLASSES, encoder_input="drum_roll",
                                    **_SMALL),
    "mel_16bar_small": ModelConfig(codec="melody", num_bars=16, num_classes=MELODY_CLASSES, **_SMALL, **_HIER),
    "trio_4bar": ModelConfig(codec="trio", num_bars=4, num_classes=TrioCodec.num_classes, **_SMALL, **_HIER),
}


def lookup(ident: str) -> Published:
    if ident not in PUBLISHED:
        usable = ", ".join(i for i, p in PUBLISHED.items() if p.supported)
        raise KeyError(f"unknown published id {ident!r}; known: {usable}")
    return PUBLISHED[ident]
