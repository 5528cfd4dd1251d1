"""MusicVAE model: shapes, decoding contract, bar modes, schedules, loss, checkpoints (tiny configs)."""
from __future__ import annotations

import json
import math

import numpy as np
import pytest
import torch

from contract.noise import NOISE_MAX, NOISE_MIN
from vae import schedules
from vae.checkpoint import load_model, load_optimizer, save_checkpoint
from vae.configs import CONFIGS, Config, TrainConfig, get_config, tiny_config
from vae.losses import kl_per_dim, vae_loss
from vae.model import MusicVAE, gumbel_argmax
from vae.shards import load_windows

torch.set_num_threads(1)

VARIANTS = {
    "flat": dict(decoder="flat"),
    "hier_previous": dict(decoder="hier", num_bars=4, bar_input="previous"),
    "hier_start": dict(decoder="hier", num_bars=4, bar_input="start"),
}


@pytest.fixture(scope="module")
def train_windows(request) -> np.ndarray:
    """Real 2-bar melody windows from the shared tiny data folder."""
    try:
        data_dir = request.getfixturevalue("tiny_data_dir")
    except pytest.FixtureLookupError:  # the data stage's fixture has not landed yet
        from tests.test_train import synthetic_melodies
        return synthetic_melodies(256, seed=5)
    return load_windows(data_dir, "mel_2bar", "train")


def make_model(variant: str = "flat", seed: int = 0, **kwargs) -> MusicVAE:
    torch.manual_seed(seed)
    return MusicVAE(tiny_config(**VARIANTS[variant], **kwargs).model).eval()


def random_tokens(model: MusicVAE, batch: int, seed: int = 0) -> torch.Tensor:
    g = torch.Generator().manual_seed(seed)
    return torch.randint(0, model.config.num_classes, (batch, model.config.num_steps), generator=g)


def noise(model: MusicVAE, batch: int, seed: int = 0) -> torch.Tensor:
    rng = np.random.default_rng(seed)
    u = rng.random((batch, model.config.num_steps, model.config.num_classes)).clip(NOISE_MIN, NOISE_MAX)
    return torch.from_numpy(u.astype(np.float32))


def argmax_decode(model: MusicVAE, z: torch.Tensor) -> torch.Tensor:
    n, cfg = len(z), model.config
    return model.decode(z, torch.zeros(n), torch.full((n, cfg.num_steps, cfg.num_classes), 0.5))


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_shapes(variant):
    model = make_model(variant)
    cfg = model.config
    tokens = random_tokens(model, 3)
    with torch.no_grad():
        mu, sigma = model.encode(tokens)
        assert mu.shape == sigma.shape == (3, cfg.z_size) and mu.dtype == torch.float32
        assert (sigma > 0).all()
        logits = model.reconstruction_logits(mu, tokens)
        assert logits.shape == (3, cfg.num_steps, cfg.num_classes)
        out = model.decode(mu, torch.ones(3), noise(model, 3))
    assert out.shape == (3, cfg.num_steps) and out.dtype == torch.long
    assert 0 <= out.min() and out.max() < cfg.num_classes


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_step_decoder_matches_fused_teacher_forcing(variant):
    """The hand-written decode step and the fused nn.LSTM pass share weights: feeding the argmax decode back
    as teacher-forcing input must reproduce it exactly (also checks how each bar's first input is chosen)."""
    model = make_model(variant)
    z = 3 * torch.randn(4, model.config.z_size, generator=torch.Generator().manual_seed(1))
    with torch.no_grad():
        decoded = argmax_decode(model, z)
        assert torch.equal(model.reconstruction_logits(z, decoded).argmax(-1), decoded)


@pytest.mark.parametrize("variant", ["flat", "hier_start"])
def test_decode_deterministic_and_zero_temperature_is_argmax(variant):
    model = make_model(variant)
    z = 2 * torch.randn(4, model.config.z_size, generator=torch.Generator().manual_seed(2))
    u = noise(model, 4, seed=3)
    with torch.no_grad():
        argmax = argmax_decode(model, z)
        t0 = model.decode(z, torch.zeros(4), u)  # noise is ignored at T = 0
        hot = model.decode(z, torch.full((4,), 5.0), u)
        again = model.decode(z, torch.full((4,), 5.0), u)
        mixed = model.decode(z, torch.tensor([0.0, 5.0, 0.0, 5.0]), u)
    assert torch.equal(t0, argmax)
    assert torch.equal(hot, again)
    assert not torch.equal(hot, argmax)  # at T = 5 over 90 classes, the noise decides
    # Rows are independent: each row follows its own temperature.
    assert torch.equal(mixed[0::2], argmax[0::2]) and torch.equal(mixed[1::2], hot[1::2])


def test_decode_batch_equals_rows():
    model = make_model("hier_previous")
    z = torch.randn(3, model.config.z_size, generator=torch.Generator().manual_seed(4))
    u = noise(model, 3, seed=5)
    t = torch.tensor([0.5, 1.0, 0.0])
    with torch.no_grad():
        batch = model.decode(z, t, u)
        rows = torch.cat([model.decode(z[i:i + 1], t[i:i + 1], u[i:i + 1]) for i in range(3)])
    assert torch.equal(batch, rows)


def test_gumbel_max_samples_the_tempered_softmax():
    logits = torch.tensor([[2.0, 1.0, 0.0]]).expand(40_000, 3)
    u = torch.from_numpy(np.random.default_rng(0).random((40_000, 3)).clip(NOISE_MIN, NOISE_MAX).astype(np.float32))
    for temperature in (1.0, 0.5):
        picks = gumbel_argmax(logits, torch.full((40_000,), temperature), u)
        freq = np.bincount(picks.numpy(), minlength=3) / 40_000
        expected = torch.softmax(logits[0] / temperature, -1).numpy()
        assert np.abs(freq - expected).max() < 0.01, (temperature, freq, expected)


def test_start_mode_bars_are_independent_given_the_conductor():
    model = make_model("hier_start")
    cfg = model.config
    z = torch.randn(2, cfg.z_size, generator=torch.Generator().manual_seed(6))
    tokens = random_tokens(model, 2, seed=7)
    changed = tokens.clone()
    changed[:, : cfg.steps_per_bar] = (changed[:, : cfg.steps_per_bar] + 7) % cfg.num_classes  # rewrite bar 0
    u = noise(model, 2, seed=8)
    u2 = u.clone()
    u2[:, : cfg.steps_per_bar] = torch.from_numpy(np.random.default_rng(9).random(u2[:, :16].shape).astype(np.float32))
    with torch.no_grad():
        a, b = model.reconstruction_logits(z, tokens), model.reconstruction_logits(z, changed)
        hot = torch.full((2,), 3.0)
        d1, d2 = model.decode(z, hot, u), model.decode(z, hot, u2)
    s = cfg.steps_per_bar
    assert torch.allclose(a[:, s:], b[:, s:], atol=1e-6)  # later bars never see bar 0's tokens
    assert not torch.allclose(a[:, 1:s], b[:, 1:s])
    assert torch.equal(d1[:, s:], d2[:, s:]) and not torch.equal(d1[:, :s], d2[:, :s])


def test_previous_mode_feeds_the_last_token_of_the_bar_before():
    model = make_model("hier_previous")
    s = model.config.steps_per_bar
    z = torch.randn(2, model.config.z_size, generator=torch.Generator().manual_seed(10))
    tokens = random_tokens(model, 2, seed=11)
    changed = tokens.clone()
    changed[:, s - 1] = (changed[:, s - 1] + 5) % model.config.num_classes  # last token of bar 0
    with torch.no_grad():
        a, b = model.reconstruction_logits(z, tokens), model.reconstruction_logits(z, changed)
    assert not torch.allclose(a[:, s], b[:, s])  # bar 1's first step sees it
    assert torch.allclose(a[:, 2 * s:], b[:, 2 * s:], atol=1e-6)  # but no bar state crosses further


# -------------------------------------------------------------------------------------------- schedules


def test_beta_and_free_bits_schedule():
    t = TrainConfig(beta_max=0.2, beta_rate=0.99, free_bits=48)
    assert schedules.beta(0, t) == 0.0
    assert schedules.beta(100, t) == pytest.approx(0.2 * (1 - 0.99 ** 100))
    assert schedules.beta(10_000, t) == pytest.approx(0.2)
    assert schedules.beta(0, TrainConfig(beta_max=0.2, beta_rate=0.0)) == 0.2  # Magenta's constant beta
    assert schedules.free_nats(t) == pytest.approx(48 * math.log(2))


def test_learning_rate_and_sampling_schedules():
    t = TrainConfig(learning_rate=1e-3, lr_decay_rate=0.999, min_learning_rate=1e-5, sampling_rate=1000)
    assert schedules.learning_rate(0, t) == pytest.approx(1e-3)
    assert schedules.learning_rate(1000, t) == pytest.approx((1e-3 - 1e-5) * 0.999 ** 1000 + 1e-5)
    assert schedules.learning_rate(10 ** 7, t) == pytest.approx(1e-5)
    assert schedules.sampling_probability(0, t) == pytest.approx(1 - 1000 / 1001)
    assert schedules.sampling_probability(int(1000 * math.log(1000)), t) == pytest.approx(0.5, abs=1e-3)
    assert schedules.sampling_probability(10 ** 7, t) == 1.0  # no overflow
    assert schedules.sampling_probability(5000, TrainConfig(sampling_rate=0)) == 0.0


def test_free_bits_remove_the_kl_gradient_below_the_allowance():
    logits = torch.zeros(2, 4, 5, requires_grad=True)
    targets = torch.zeros(2, 4, dtype=torch.long)
    mu = torch.full((2, 3), 0.5, requires_grad=True)
    sigma = torch.ones(2, 3)
    kl = 3 * 0.5 * 0.25  # per sequence
    terms = vae_loss(logits, targets, mu, sigma, beta=1.0, free_nats=kl + 0.1)
    assert terms.kl.item() == pytest.approx(kl)
    assert terms.reconstruction.item() == pytest.approx(4 * math.log(5))  # summed over steps
    assert terms.loss.item() == pytest.approx(4 * math.log(5))
    terms.loss.backward()
    assert mu.grad is None or torch.all(mu.grad == 0)
    terms = vae_loss(logits, targets, mu, sigma, beta=0.5, free_nats=kl - 0.1)
    assert terms.loss.item() == pytest.approx(4 * math.log(5) + 0.5 * 0.1, rel=1e-5)
    assert torch.allclose(kl_per_dim(torch.zeros(1, 2), torch.ones(1, 2)), torch.zeros(1, 2))


def test_overfits_a_fixed_batch(train_windows):
    """64 real windows, teacher forcing: the loss falls and teacher-forced accuracy passes 95%."""
    torch.manual_seed(0)
    model = MusicVAE(tiny_config(hidden=64, z_size=16).model)
    tokens = torch.from_numpy(train_windows[:64])
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
    losses, accuracy = [], 0.0
    for step in range(1500):
        logits, mu, sigma = model(tokens)
        terms = vae_loss(logits, tokens, mu, sigma, beta=1e-3, free_nats=0.0)
        optimizer.zero_grad()
        terms.loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        losses.append(terms.loss.item())
        accuracy = terms.accuracy.item()
        if accuracy > 0.965:
            break
    model.eval()
    with torch.no_grad():
        mu, _ = model.encode(tokens)
        accuracy = (model.reconstruction_logits(mu, tokens).argmax(-1) == tokens).float().mean().item()
    assert losses[-1] < 0.5 * losses[0]
    assert accuracy > 0.95, f"teacher-forced accuracy {accuracy:.3f} after {step + 1} steps"


# ------------------------------------------------------------------------------------------ configs


def test_named_configs():
    expected = {"mel_2bar_big", "mel_16bar_hier", "mel_16bar_flat", "drums_2bar", "mel_2bar_small",
                "mel_16bar_hier_small", "mel_16bar_flat_small", "drums_2bar_small"}
    assert expected <= set(CONFIGS)
    big = get_config("mel_2bar_big").model
    assert (big.encoder_hidden, big.z_size, big.decoder_hidden, big.decoder_layers) == (2048, 512, 2048, 3)
    hier = get_config("mel_16bar_hier").model
    assert (hier.encoder_layers, hier.conductor_hidden, hier.conductor_output, hier.decoder_hidden) == (2, 1024, 512, 1024)
    assert get_config("mel_16bar_hier_small").model.bar_input == "start"
    assert get_config("mel_16bar_flat_small").model.decoder == "flat"
    assert get_config("drums_2bar").model.num_classes == 512
    for config in CONFIGS.values():
        assert Config.from_dict(json.loads(json.dumps(config.to_dict()))) == config


def test_unknown_config_lists_valid_names():
    with pytest.raises(ValueError, match="unknown config 'mel_3bar'.*mel_2bar_small"):
        get_config("mel_3bar")


# ----------------------------------------------------------------------------------------- checkpoint


def test_checkpoint_round_trip(tmp_path):
    config = tiny_config(decoder="hier", num_bars=4, bar_input="start")
    torch.manual_seed(0)
    model = MusicVAE(config.model)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    tokens = random_tokens(model, 4)
    logits, mu, sigma = model(tokens)
    vae_loss(logits, tokens, mu, sigma, 0.1, 0.0).loss.backward()
    optimizer.step()
    model.eval()
    path = save_checkpoint(tmp_path / "ckpt", model, config, step=7, optimizer=optimizer, extra={"note": "x"})
    loaded, loaded_config, meta = load_model(path)
    assert loaded_config == config and meta["step"] == 7 and meta["note"] == "x" and not loaded.training
    u = noise(model, 4)
    with torch.no_grad():
        assert torch.equal(model.encode(tokens)[0], loaded.encode(tokens)[0])
        assert torch.equal(model.decode(mu, torch.ones(4), u), loaded.decode(mu, torch.ones(4), u))
    fresh = torch.optim.Adam(loaded.parameters(), lr=1e-3)
    load_optimizer(fresh, loaded, path / "optimizer.safetensors")
    for p_old, p_new in zip(model.parameters(), loaded.parameters()):
        for key in ("exp_avg", "exp_avg_sq", "step"):
            assert torch.equal(optimizer.state[p_old][key], fresh.state[p_new][key])
    assert not list(tmp_path.glob(".*partial*"))  # staging directory renamed away
    assert json.loads((path / "config.json").read_text())["name"] == config.name


def test_checkpoint_of_another_config_is_refused(tmp_path):
    config = tiny_config(name="tiny_a")
    model = MusicVAE(config.model)
    save_checkpoint(tmp_path / "run" / "checkpoints" / "step-00000001", model, config, step=1)
    with pytest.raises(ValueError, match="'tiny_a'.*'mel_2bar_small'"):
        load_model(tmp_path / "run", expected="mel_2bar_small")
    loaded, _, meta = load_model(tmp_path / "run", expected="tiny_a")  # a run dir resolves to its newest
    assert meta["step"] == 1
    with pytest.raises(FileNotFoundError):
        load_model(tmp_path / "nothing")
