"""The OSC address space: the single table the server dispatches from, the patches are checked against and
the README's address tables are generated from (`python -m server.addresses` prints them, `--write
README.md` replaces them there; a test checks the README holds exactly that). Rename an address here and
the patch tests fail until the patches follow.

Every numeric argument accepts int or float (Pd sends only floats). A server playing several models accepts
each address under every model's prefix too (/drums/alpha; server/dispatcher.py), and its replies carry
the prefix of the message they answer.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

MAX_ENCODE_NOTES = 512  # an /encode clip longer than this is refused, not truncated
MAX_NOTE_ARGS = 5  # pitch velocity start duration, and a trio model's track
MAX_LISTED_PRESETS = 256  # /presets names at most this many (Max's lists stop at 256 atoms)
SLOTS = ("a", "b")
BEATS = "beats"  # the /subscribe option that adds the playhead
STREAMS = (BEATS,)


@dataclass(frozen=True)
class Address:
    path: str
    min_args: int
    max_args: int | None  # None: bounded at run time (z size, clip length)
    signature: str  # human-readable argument list
    summary: str


@dataclass(frozen=True)
class Reply:
    path: str
    signature: str
    summary: str


ADDRESSES: dict[str, Address] = {a.path: a for a in (
    Address("/ping", 0, 0, "", "liveness check; replies /pong"),
    Address("/status", 0, 0, "", "replies /status model provider z_size bars steps temperature bpm ..."),
    Address("/encode", 1, 1 + MAX_NOTE_ARGS * MAX_ENCODE_NOTES, "slot pitch velocity start duration [track] ...",
            f"slot := mean latent of the clip (at most {MAX_ENCODE_NOTES} notes); replies its preview (the "
            f"reconstruction). A trio model's notes carry their track (0 melody, 1 bass, 2 drums), as its /note "
            f"replies do; other models' notes have none"),
    Address("/sample", 1, 3, "slot [temperature] [seed]",
            "slot := random latent N(0, I) * temperature (this temperature scales the latent; "
            "/temperature is the decoding one); replies its preview"),
    Address("/z", 2, None, "slot z0 ... z(n-1)", "slot := the vector (length must be the z size); replies its "
                                                  "preview"),
    Address("/coords", 2, 17, "slot c0 ... c(k-1)", "slot := latent from k <= 16 principal coordinates; replies its "
                                                    "preview"),
    Address("/alpha", 1, 1, "alpha", "current := slerp(a, b, alpha) + attributes; replies notes"),
    Address("/attribute", 2, 2, "name amount", "sets an attribute amount on the current point; replies notes"),
    Address("/attributes", 0, 0, "", "replies /attributes name ..."),
    Address("/temperature", 1, 1, "t", "decoding temperature: how freely notes are sampled from the "
            "decoder, t >= 0 (0 = argmax); replies /ok /temperature t"),
    Address("/seed", 1, 1, "n", "decoding seed, restarts /sample's seed sequence; replies /ok /seed n"),
    Address("/preset/save", 1, 1, "name", "store both slots, alpha, attributes, temperature and seed (the file "
                                          "is written atomically in the background); replies /ok /preset/save name"),
    Address("/preset/load", 1, 1, "name", "recall a stored preset; replies notes"),
    Address("/presets", 0, 0, "", f"replies /presets name ... (the stored presets, sorted, at most "
                                  f"{MAX_LISTED_PRESETS})"),
    Address("/bpm", 1, 1, "bpm", "tempo of MIDI/audio playback; replies /ok /bpm bpm"),
    Address("/subscribe", 1, 2, f"port [{BEATS}]", f"also send replies to this port on the sender's host; "
                                                    f"`{BEATS}` adds the playhead /beat; replies /ok /subscribe "
                                                    f"port [{BEATS}]"),
    Address("/unsubscribe", 1, 1, "port", "stop sending to this port; replies /ok /unsubscribe port (to it too)"),
    Address("/learn", 1, 1, "target", "MIDI learn (needs --midi-in): the next CC moved drives the target (alpha, "
                                      "temperature, attribute/NAME, coord/SLOT/I) of the model addressed "
                                      "(/drums/learn: the drum model's), saved in the mapping file; replies /ok "
                                      "/learn target, then /learned target cc"),
    Address("/record", 1, 1, "slot", "arm a keyboard take (needs --midi-in) for the model addressed (/drums/record: "
                                     "the drum model's, drum notes on channel 10): the first note starts it, the "
                                     "model's length later it is encoded into the slot; replies /ok /record slot, "
                                     "then the notes of its reconstruction"),
    Address("/play", 0, 0, "", "transport: the loop plays from its first bar (on Link or MIDI clock, in step with "
                               "it; on Link it starts the session for every peer); replies /ok /play"),
    Address("/stop", 0, 0, "", "transport: every note ends and the loop holds (on Link: the session stops "
                               "for every peer); replies /ok /stop"),
    Address("/link", 1, 1, "0|1", "leave or join Ableton Link: the loop follows the session's tempo and switches "
                                  "clips on its bar lines (quantum 4) and starts and stops with it; replies /ok "
                                  "/link 0|1"),
)}

REPLY_TABLE: tuple[Reply, ...] = (
    Reply("/pong", "", "answers /ping"),
    Reply("/status", "model provider z_size bars steps temperature bpm alpha seed decodes dropped errors "
                     "subscribers", "answers /status (fields in the order of STATUS_FIELDS)"),
    Reply("/attributes", "name ...", "answers /attributes"),
    Reply("/presets", "name ...", "answers /presets"),
    Reply("/notes/begin", "id count", "starts the notes of the current point, what plays (one bundle, one "
                                      "datagram)"),
    Reply("/note", "pitch velocity start duration [track]", "one note (start and duration in beats); a trio "
                                                            "model's also carries its track: 0 melody, 1 bass, "
                                                            "2 drums (General MIDI drum pitches)"),
    Reply("/notes/end", "id", "ends the notes; `id` grows with every decode"),
    Reply("/preview/begin", "slot id count", "starts a slot's preview after /encode, /sample, /z, /coords: not what "
                                             "plays unless the same datagram goes on with /notes/begin"),
    Reply("/preview/note", "pitch velocity start duration [track]", "one note of the preview (a trio model's "
                                                                    "with its track, as /note)"),
    Reply("/preview/end", "slot id", "ends the preview"),
    Reply("/ok", "address value ...", "a state change was applied: the address and its new value(s)"),
    Reply("/beat", "bar step", f"the playhead, to `{BEATS}` subscribers while MIDI/audio plays: bar of the loop "
                               f"(from 1), 16th within the bar (0, 4, 8, 12)"),
    Reply("/learned", "target cc", "MIDI learn bound this CC to the target"),
    Reply("/error", "address reason", "bad input or a failed job; the server keeps serving"),
)

# Replies the server sends (clients match on these).
REPLIES = tuple(r.path for r in REPLY_TABLE)

# The positional arguments of the /status reply, in order (clients index into it).
STATUS_FIELDS = ("model", "provider", "z_size", "bars", "steps", "temperature", "bpm", "alpha", "seed", "decodes",
                 "dropped", "errors", "subscribers")


def markdown_tables() -> str:
    """The README's tables of what the server accepts and what it sends."""
    lines = ["| address | arguments | effect and reply |", "| --- | --- | --- |"]
    lines += [f"| `{a.path}` | {a.signature or '—'} | {a.summary} |" for a in ADDRESSES.values()]
    lines += ["", "| reply | arguments | meaning |", "| --- | --- | --- |"]
    lines += [f"| `{r.path}` | {r.signature or '—'} | {r.summary} |" for r in REPLY_TABLE]
    return "\n".join(lines)


def write_readme(path: Path) -> None:
    """Replace the tables in a README (from its address table's header to the end of the reply table)."""
    text = path.read_text(encoding="utf-8")
    start = text.index("| address | arguments | effect and reply |")
    end = text.index("\n\n", text.index("| reply | arguments | meaning |"))
    path.write_text(text[:start] + markdown_tables() + text[end:], encoding="utf-8")


if __name__ == "__main__":  # python -m server.addresses [--write README.md]
    if sys.argv[1:2] == ["--write"]:
        write_readme(Path(sys.argv[2]))
    else:
        print(markdown_tables())
