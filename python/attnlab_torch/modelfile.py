"""Loading and saving AttnLab model files (docs/FORMAT.md) as attnlab_torch models.

    model = load("dates.safetensors")          # Seq2Seq with .config, .source_vocab, .target_vocab
    save(model, "copy.safetensors")            # the bytes AttnLab writes for the same weights

`load` checks the container (see safetensors_file), the config (ModelConfig.from_json), the
vocabularies, that every tensor the model needs is there with its exact shape, that the file holds
no other model tensor (the attention history's `history.*` tensors are kept, not loaded), and that
every weight is finite; each failure raises ModelFileError naming the file and the problem.
"""
import hashlib
import json
import math
import os

import numpy as np
import torch

from .config import ConfigError, ModelConfig
from .model import Seq2Seq
from .safetensors_file import ModelFileError, read_safetensors, write_safetensors

SPECIALS = ["<pad>", "<s>", "</s>", "<unk>"]
HISTORY_PREFIX = "history."
HISTORY_METADATA = "attention_history"  # the history's metadata key (docs/FORMAT.md)


def _vocabulary(path, metadata, key):
    if key not in metadata:
        raise ModelFileError(path, "the metadata has no '%s': not an AttnLab model" % key)
    try:
        tokens = json.loads(metadata[key])
    except json.JSONDecodeError as e:
        raise ModelFileError(path, "metadata '%s' is not JSON: %s" % (key, e)) from None
    if not isinstance(tokens, list) or not all(isinstance(t, str) for t in tokens):
        raise ModelFileError(path, "metadata '%s' must be a JSON array of strings" % key)
    if tokens[:4] != SPECIALS:
        raise ModelFileError(path, "metadata '%s' must start with %s" % (key, SPECIALS))
    return tokens


def _shape(shape):
    return "[" + ",".join(str(d) for d in shape) + "]"


def load(path, device="cpu"):
    """The model a file holds, on `device`, with .config (ModelConfig), .source_vocab, .target_vocab
    (token lists, id = position) and .file_metadata (every metadata string, for save)."""
    path = os.fspath(path)
    metadata, tensors = read_safetensors(path)
    source_vocab = _vocabulary(path, metadata, "source_vocab")
    target_vocab = _vocabulary(path, metadata, "target_vocab")
    if "config" not in metadata:
        raise ModelFileError(path, "the metadata has no 'config': not an AttnLab model")
    try:
        config = ModelConfig.from_json(metadata["config"], len(source_vocab), len(target_vocab))
    except (ConfigError, ValueError) as e:
        raise ModelFileError(path, str(e)) from None
    for name, tensor in tensors.items():
        if not name.startswith(HISTORY_PREFIX) and not np.all(np.isfinite(tensor)):
            bad = int(np.flatnonzero(~np.isfinite(tensor.reshape(-1)))[0])
            raise ModelFileError(path, "tensor '%s' holds %s at element %d: the weights are broken (saved from a "
                                 "diverged run?)" % (name, "NaN" if math.isnan(tensor.reshape(-1)[bad]) else
                                                     "an infinite value", bad))
    try:
        model = Seq2Seq(config)
    except (ConfigError, ValueError) as e:
        raise ModelFileError(path, str(e)) from None
    expected = model.state_dict()
    for name, value in expected.items():
        if name not in tensors:
            raise ModelFileError(path, "tensor '%s' is missing" % name)
        if list(tensors[name].shape) != list(value.shape):
            raise ModelFileError(path, "tensor '%s' has shape %s but the model expects %s"
                                 % (name, _shape(tensors[name].shape), _shape(value.shape)))
    extra = sorted(n for n in tensors if n not in expected and not n.startswith(HISTORY_PREFIX))
    if extra:
        raise ModelFileError(path, "the file holds tensor '%s', which the model does not have" % extra[0])
    model.load_state_dict({name: torch.from_numpy(tensors[name].copy()) for name in expected})
    model.source_vocab = source_vocab
    model.target_vocab = target_vocab
    model.file_metadata = dict(metadata)
    model.history_tensors = {n: t for n, t in tensors.items() if n.startswith(HISTORY_PREFIX)}
    # Only a history needs to know later whether the weights are still these (a hash of them all).
    model.loaded_weights_digest = (_weights_digest({name: tensors[name] for name in expected})
                                   if model.history_tensors else None)
    return model.to(device)


def _weights_digest(arrays):
    """SHA-256 over the model's tensors in name order: whether the weights are still the loaded ones."""
    digest = hashlib.sha256()
    for name in sorted(arrays):
        digest.update(name.encode("utf-8"))
        digest.update(np.ascontiguousarray(arrays[name], dtype=np.float32).tobytes())
    return digest.hexdigest()


def save(model, path, source_vocab=None, target_vocab=None, config=None):
    """Writes `model` (a Seq2Seq, or a DistributedDataParallel around one) as an AttnLab file,
    atomically. Vocabularies default to model.source_vocab / model.target_vocab, the config to
    model.config. A model that came from `load` keeps its metadata strings (so an unchanged model
    gives the same bytes); its attention history is kept only when neither the configuration, the
    vocabularies nor the weights changed."""
    model = getattr(model, "module", model)
    source_vocab = source_vocab if source_vocab is not None else model.source_vocab
    target_vocab = target_vocab if target_vocab is not None else model.target_vocab
    config = config if config is not None else model.config
    if len(source_vocab) != config.source_vocab_size or len(target_vocab) != config.target_vocab_size:
        raise ValueError("the vocabularies (%d, %d tokens) do not fit the model (%d, %d)"
                         % (len(source_vocab), len(target_vocab), config.source_vocab_size, config.target_vocab_size))
    tensors = {name: value.detach().to("cpu", torch.float32).contiguous().numpy()
               for name, value in model.state_dict().items()}
    previous = getattr(model, "file_metadata", {})
    metadata = {
        "config": config.to_json(),
        "source_vocab": json.dumps(source_vocab, ensure_ascii=False, separators=(",", ":")),
        "target_vocab": json.dumps(target_vocab, ensure_ascii=False, separators=(",", ":")),
    }
    same = all(key in previous and json.loads(previous[key]) == json.loads(metadata[key])
               for key in ("config", "source_vocab", "target_vocab")) if previous else False
    if same:  # keep the strings as read: the same bytes for the same weights
        history = getattr(model, "history_tensors", {})
        # The history (and its metadata) belongs to the loaded weights: a model trained further
        # since is saved without it.
        keep_history = bool(history) and model.loaded_weights_digest == _weights_digest(tensors)
        dropped = ("format", "checksum") + (() if keep_history else (HISTORY_METADATA,))
        metadata = {k: v for k, v in previous.items() if k not in dropped}
        if keep_history:
            tensors.update(history)
    write_safetensors(path, tensors, metadata)
