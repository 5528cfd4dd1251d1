"""Import Magenta's published MusicVAE checkpoints (magenta.js folders, TensorFlow V2 checkpoints) as bundles.

numpy reads the formats; the weights are mapped onto vae.model.MusicVAE and exported like a trained model.
"""
