"""Studies of a finished bundle: what its latent space does, measured through ONNX Runtime as the live server
runs it. Stands on contract, vae (shards, attribute measures) and server (the engine); nothing imports it but
the command line."""
