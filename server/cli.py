"""Start the live OSC server on a model bundle.

Listens for OSC over UDP (default 127.0.0.1:9000) and replies to the sender's host on the reply port
(default 9001), plus any port that sent /subscribe. Decoded notes come back as one OSC bundle:
/notes/begin id count, count x /note pitch velocity start duration, /notes/end id (a trio model's /note
adds the track: 0 melody, 1 bass, 2 drums; its /encode takes notes the same way).

Try it with liblo's tools:
  oscdump 9001 &
  oscsend localhost 9000 /sample s a
  oscsend localhost 9000 /alpha f 0.5

--midi NAME loops the current sequence on a MIDI output port at /bpm, switching at bar lines;
--audio plays the same loop through a small built-in synth. Ctrl-C stops cleanly (all notes off).
--model NAME=DIR, repeated, plays several models: /NAME/alpha ..., each on its own MIDI channel(s).
A trio model plays melody, bass and drums on three channels, its drums on General MIDI's drum channel 10.
The whole address space is in server/addresses.py and the README.
"""
from __future__ import annotations

import argparse
import logging
import signal
import sys
import time
from pathlib import Path

from contract.errors import UserError

log = logging.getLogger("musicvae.server")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    # The defaults are the dataclasses' own (one home each); these imports are light: ONNX Runtime is
    # imported only when the engine builds its sessions.
    from server.engine import PROVIDER_CHOICES, EngineOptions
    from server.live import ServerConfig
    from server.state import DEFAULT_BPM

    parser.add_argument("--model", metavar="[NAME=]DIR", action="append", default=None,
                        help="model bundle folder (manifest.json, encoder.onnx, decoder.onnx); default: the shipped "
                             "models/mel_2bar_small. Repeat to play several models: each answers under /NAME/... "
                             "(NAME: the bundle name's first word unless given) on its own MIDI channel, and "
                             "bare addresses go to the first. Channels go out in --model order: the first drum "
                             "part (a drum model, or a trio's drums) on channel 10, every other part on the "
                             "lowest free channel (a trio: melody, bass, drums, e.g. 1, 2, 10)")
    parser.add_argument("--host", default=ServerConfig.host,
                        help="address to listen on (default %(default)s; 0.0.0.0 to accept other machines)")
    parser.add_argument("--port", type=int, default=ServerConfig.port,
                        help="UDP port to listen on (default %(default)s)")
    parser.add_argument("--reply-port", type=int, default=ServerConfig.reply_port,
                        help="replies go to the sender's host on this port (default %(default)s)")
    parser.add_argument("--midi", metavar="NAME", default=None,
                        help="loop the current sequence on this MIDI output (a virtual port if none exists); "
                             "drums on channel 10, a trio's melody, bass and drums on three channels")
    parser.add_argument("--audio", action="store_true", help="play the loop through the built-in synth")
    parser.add_argument("--midi-in", metavar="NAME", default=None,
                        help="read knobs, a keyboard and a pedal from this MIDI input port (an unknown name lists "
                             "the ports; virtual:NAME opens a virtual port): CC 1 drives alpha unless --midi-map "
                             "says otherwise, /learn binds more, /record a records a take into slot a. It drives "
                             "every model served: /NAME/learn and /NAME/record bind and arm model NAME")
    parser.add_argument("--midi-map", metavar="FILE", type=Path, default=None,
                        help="CC mapping file (JSON, see server/midi_map.py; /learn rewrites it), one for every "
                             "model served: an entry's \"model\": \"/NAME\" picks the model, the first without "
                             "one; default: midi-map-MODEL.json (the first model's) next to the presets")
    parser.add_argument("--clock-in", metavar="NAME", default=None,
                        help="follow MIDI clock (24 ppqn, start/stop/continue) from this input port")
    parser.add_argument("--link", action="store_true",
                        help="join Ableton Link (pip install aalink): follow its tempo, switch on its bar lines, "
                             "start and stop with the session (start/stop sync; /play and /stop start and stop "
                             "it for every peer; alone in a session the loop waits for /play)")
    parser.add_argument("--state", metavar="DIR", default=None,
                        help="folder for presets (default: the platform's user data folder)")
    parser.add_argument("--provider", choices=PROVIDER_CHOICES, default=EngineOptions.provider,
                        help="ONNX Runtime provider: auto tries CUDA then CPU (default %(default)s)")
    parser.add_argument("--threads", type=int, default=EngineOptions.threads,
                        help="ONNX Runtime intra-op threads (default %(default)s). 2 cut a 16-bar decode by about "
                             "a third, but their threads spin and keep a second core busy while you play")
    parser.add_argument("--bpm", type=float, default=DEFAULT_BPM,
                        help="initial tempo for MIDI/audio (default %(default)g)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log every error reply and ORT's own logs")


def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    # SIGINT and SIGTERM (Ctrl-C, service managers, kill) stop the server the same clean way: pending saves
    # land, notes are switched off. SIGINT is set explicitly: started from a shell that ignores it (a
    # background job of a script) Python would inherit SIG_IGN, and Ctrl-C or kill -INT would do nothing.
    for stop in (signal.SIGINT, signal.SIGTERM):
        signal.signal(stop, _interrupt)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="musicvae serve: %(message)s", stream=sys.stderr, force=True)
    if not 0 <= args.port <= 65535 or not 1 <= args.reply_port <= 65535:
        raise UserError("ports must be in 1..65535")
    from contract.bundle import BundleError
    from server.model_dir import resolve_model_dir
    from server.engine import Engine, EngineOptions

    from server.channels import ChannelError, midi_channels
    from server.live import Model, ModelNameError, model_names

    options = EngineOptions(provider=args.provider, threads=args.threads)
    try:
        named = [_named_model(text) for text in args.model or [None]]
        engines = [Engine(resolve_model_dir(folder), options) for _, folder in named]
        model_names([Model(engine, name=name) for engine, (name, _) in zip(engines, named)])
        channels = midi_channels([engine.codec.drums_by_track for engine in engines])
    except (BundleError, ModelNameError, ChannelError) as exc:
        raise UserError(exc) from exc
    from server.latent_use import collapse_warning

    for engine in engines:
        warning = collapse_warning(engine.bundle.path)
        if warning:
            log.warning("%s", warning)
    models = [Model(engine, _playback(args, engine, model_channels), name)
              for engine, model_channels, (name, _) in zip(engines, channels, named)]
    from server.instrument import InstrumentConfig
    from server.live import LiveServer, ServerConfig

    try:
        server = LiveServer(models, ServerConfig(args.host, args.port, args.reply_port,
                                                 Path(args.state) if args.state else None),
                            instrument=InstrumentConfig(args.midi_in, args.midi_map, args.clock_in, args.link))
    except OSError as exc:
        for model in models:
            if model.playback is not None:
                model.playback.close()
        raise UserError(exc) from exc
    for session in server.sessions:
        session.state.bpm = float(args.bpm)
    served = "; ".join(f"{s.prefix}/... model {s.engine.bundle.name}" for s in server.sessions)
    log.info("ready in %.2f s: %s on %s; udp %s:%d -> replies to port %d; presets in %s",
             time.perf_counter() - started, served, engines[0].provider, args.host, server.port,
             args.reply_port, server.session.presets.path.parent)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        log.info("stopping")
    finally:
        server.stop()
    return 0


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def _named_model(text: str | None) -> tuple[str | None, str | None]:
    """--model [NAME=]DIR -> (NAME or None, DIR or None: the shipped default)."""
    if text is None:
        return None, None
    name, sep, folder = text.partition("=")
    named = sep and name and folder and "/" not in name and "\\" not in name  # else a folder with "=" in it
    return (name, folder) if named else (None, text)


def _playback(args: argparse.Namespace, engine, channels: tuple[int, ...]):
    """The MIDI and audio sinks asked for; each one that fails is reported and left out. An external clock
    gets a loop even without sinks: it drives the playhead (/beat)."""
    clocked = bool(args.clock_in or args.link)
    if not args.midi and not args.audio and not clocked:
        return None
    from server.playback import Playback

    sinks = []
    if args.midi:
        from server.midi_out import MidiSink, MidiUnavailable

        try:
            sinks.append(MidiSink(args.midi, channel=channels))
        except MidiUnavailable as exc:
            log.error("MIDI out off: %s; OSC keeps serving", exc)
    if args.audio:
        from server.audio import AudioOut, AudioUnavailable

        try:
            sinks.append(AudioOut(drums_by_track=engine.codec.drums_by_track))
        except AudioUnavailable as exc:
            log.error("audio preview off: %s; OSC keeps serving", exc)
    if not sinks and not clocked:
        return None
    return Playback(engine.num_steps, sinks, bpm=args.bpm)
