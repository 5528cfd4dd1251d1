"""The contract between the exporter and the live server: the note codec, the bundle format and its reader,
and the noise a decoder graph is driven with. numpy only; it imports nothing else of this project, and every
other package (vae, export, server, analysis, bench) stands on it."""
