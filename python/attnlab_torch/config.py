"""The model configuration of an AttnLab file (docs/FORMAT.md, `config`), as AttnLab reads it.

`ModelConfig.from_json(text)` takes the `config` metadata string; `to_json()` writes it back in
the form AttnLab writes (keys sorted, no spaces). Unknown keys and values are refused with a
message that names them: a key this package does not know may change what the model computes
(a newer AttnLab, another model kind), so computing anyway could silently differ from AttnLab.
"""
import json
import warnings
from dataclasses import dataclass, field

SCORERS = ("none", "dot", "scaled_dot", "general", "additive", "location", "location_aware")
DECODERS = ("luong", "bahdanau")
TOKENIZATIONS = ("char", "word")
OPTIMIZERS = ("adam", "sgd")

# Top-level `config` keys AttnLab writes (core/train/ModelFile.cpp, modelConfigJson).
MODEL_KEYS = ("tokens", "text", "scorer", "decoder", "input_feeding", "bidirectional", "emb", "hidden",
              "attention_dim", "max_source_len", "location_filters", "location_kernel", "dataset", "training")
# `training` keys AttnLab reads (core/train/ConfigFields.cpp, readTrainingSettings).
TRAINING_KEYS = ("optimizer", "learning_rate", "momentum", "batch_size", "epochs", "max_steps", "clip_norm",
                 "teacher_forcing", "dropout", "validation_fraction", "seed", "threads", "early_stopping",
                 "patience", "decay_on_plateau", "decay_factor", "decay_patience", "beam_width",
                 "attention_every_steps", "attention_pairs")


class ConfigError(ValueError):
    """A configuration AttnLab would refuse, or one this package cannot compute exactly."""


def _require(condition, message):
    if not condition:
        raise ConfigError(message)


@dataclass
class TrainingSettings:
    """How a model was (or is to be) trained: `config.training` of the file (TrainingSettings.h)."""
    optimizer: str = "adam"
    learning_rate: float = 1e-3
    momentum: float = 0.9
    batch_size: int = 64
    epochs: int = 15
    max_steps: int = 0
    clip_norm: float = 5.0
    teacher_forcing: float = 1.0
    dropout: float = 0.0
    validation_fraction: float = 0.1
    seed: int = 1
    extra: dict = field(default_factory=dict)  # known keys this package does not use (kept as read)

    @classmethod
    def from_dict(cls, d):
        _require(isinstance(d, dict), "config's 'training' must be a JSON object, got %s" % json.dumps(d))
        unknown = sorted(set(d) - set(TRAINING_KEYS))
        if unknown:  # training settings do not change what the model computes: ignored, as FORMAT.md says
            warnings.warn("config's 'training' has keys this attnlab_torch does not know, ignored: %s" % unknown)
        s = cls()
        for name in ("learning_rate", "momentum", "clip_norm", "teacher_forcing", "dropout", "validation_fraction"):
            if name in d:
                _require(isinstance(d[name], (int, float)) and not isinstance(d[name], bool),
                         "config's 'training.%s' must be a number, got %s" % (name, json.dumps(d[name])))
                setattr(s, name, float(d[name]))
        for name in ("batch_size", "epochs", "max_steps", "seed"):
            if name in d:
                _require(isinstance(d[name], int) and not isinstance(d[name], bool),
                         "config's 'training.%s' must be an integer, got %s" % (name, json.dumps(d[name])))
                setattr(s, name, d[name])
        if "optimizer" in d:
            _require(d["optimizer"] in OPTIMIZERS, "config's 'training.optimizer': unknown optimizer %s (expected adam or sgd)"
                     % json.dumps(d["optimizer"]))
            s.optimizer = d["optimizer"]
        s.extra = {k: v for k, v in d.items() if k not in s.to_dict()}
        s.validate()
        return s

    def validate(self):
        _require(self.optimizer in OPTIMIZERS, "unknown optimizer %r (expected adam or sgd)" % self.optimizer)
        _require(self.learning_rate > 0, "the learning rate must be positive, got %g" % self.learning_rate)
        _require(self.batch_size >= 1, "the batch size must be at least 1, got %d" % self.batch_size)
        _require(self.epochs >= 1, "epochs must be at least 1, got %d" % self.epochs)
        _require(self.max_steps >= 0, "max steps must be at least 0, got %d" % self.max_steps)
        _require(self.clip_norm >= 0, "the clip norm must be at least 0, got %g" % self.clip_norm)
        _require(0 <= self.teacher_forcing <= 1, "teacher forcing must lie in 0..1, got %g" % self.teacher_forcing)
        _require(0 <= self.dropout < 1, "dropout must lie in [0, 1), got %g" % self.dropout)
        _require(self.seed >= 0, "the seed must be a non-negative integer, got %d" % self.seed)

    def to_dict(self):
        return {"optimizer": self.optimizer, "learning_rate": self.learning_rate, "momentum": self.momentum,
                "batch_size": self.batch_size, "epochs": self.epochs, "max_steps": self.max_steps,
                "clip_norm": self.clip_norm, "teacher_forcing": self.teacher_forcing, "dropout": self.dropout,
                "validation_fraction": self.validation_fraction, "seed": self.seed}


@dataclass
class ModelConfig:
    """The architecture (core/nn/ModelConfig.h) plus tokenisation, text handling and training settings.

    Sizes: E = emb, H = hidden, A = attention_size (attention_dim, 0 meaning H).
    """
    source_vocab_size: int = 0
    target_vocab_size: int = 0
    emb: int = 32
    hidden: int = 128
    attention_dim: int = 0
    scorer: str = "general"
    decoder: str = "luong"
    input_feeding: bool = True
    bidirectional: bool = False
    max_source_len: int = 64
    location_filters: int = 10
    location_kernel: int = 5
    source_tokens: str = "char"
    target_tokens: str = "char"
    lowercase: bool = False
    trim: bool = True
    dataset: str = ""
    training: TrainingSettings = field(default_factory=TrainingSettings)

    @property
    def attention_size(self):
        return self.attention_dim if self.attention_dim > 0 else self.hidden

    @property
    def decoder_input_size(self):
        """E + H with input feeding (Luong) or Bahdanau's context, else E."""
        feeds = self.decoder == "bahdanau" or self.input_feeding
        return self.emb + self.hidden if feeds else self.emb

    def validate(self):
        """Raises ConfigError naming the first field AttnLab would refuse (ModelConfig::validate)."""
        _require(self.scorer in SCORERS, "unknown scorer %r (expected one of: %s)" % (self.scorer, ", ".join(SCORERS)))
        _require(self.decoder in DECODERS, "unknown decoder style %r (expected luong or bahdanau)" % self.decoder)
        for side in ("source_tokens", "target_tokens"):
            _require(getattr(self, side) in TOKENIZATIONS,
                     "unknown tokenisation %r for %s (expected char or word)" % (getattr(self, side), side))
        for name in ("source_vocab_size", "target_vocab_size", "emb", "hidden", "max_source_len"):
            _require(getattr(self, name) > 0, "%s must be positive, got %d" % (name, getattr(self, name)))
        _require(self.attention_dim >= 0, "attention_dim must be at least 0, got %d" % self.attention_dim)
        _require(not self.bidirectional or self.hidden % 2 == 0,
                 "a bidirectional encoder needs an even hidden size, got %d" % self.hidden)
        if self.scorer == "location_aware":
            _require(self.location_filters > 0, "location_filters must be positive, got %d" % self.location_filters)
            _require(self.location_kernel > 0, "location_kernel must be positive, got %d" % self.location_kernel)
            _require(self.location_kernel % 2 == 1, "the location kernel width must be odd, got %d" % self.location_kernel)
        self.training.validate()

    @classmethod
    def from_json(cls, text, source_vocab_size=0, target_vocab_size=0):
        """Parses the `config` metadata string; vocabulary sizes come from the vocab metadata."""
        try:
            d = json.loads(text)
        except json.JSONDecodeError as e:
            raise ConfigError("metadata 'config' is not JSON: %s" % e) from None
        return cls.from_dict(d, source_vocab_size, target_vocab_size)

    @classmethod
    def from_dict(cls, d, source_vocab_size=0, target_vocab_size=0):
        _require(isinstance(d, dict), "the config is not a JSON object")
        for kind_key in ("kind", "input"):
            _require(kind_key not in d, "config's '%s' is %s, a model %s attnlab_torch does not know "
                     "(it computes encoder-decoder models over tokens)" % (kind_key, json.dumps(d.get(kind_key)), kind_key))
        unknown = sorted(set(d) - set(MODEL_KEYS))
        _require(not unknown, "config has unknown keys %s (known: %s); the file may come from a newer AttnLab"
                 % (unknown, ", ".join(MODEL_KEYS)))
        c = cls(source_vocab_size=source_vocab_size, target_vocab_size=target_vocab_size)

        def typed(key, kind, what):
            value = d[key]
            ok = isinstance(value, kind) and (kind is bool or not isinstance(value, bool))
            _require(ok, "config's '%s' must be %s, got %s" % (key, what, json.dumps(value)))
            return value

        for key in ("scorer", "decoder", "input_feeding", "bidirectional", "emb", "hidden", "attention_dim",
                    "max_source_len"):
            _require(key in d, "config has no '%s'" % key)
        c.scorer = typed("scorer", str, "a string")
        c.decoder = typed("decoder", str, "a string")
        c.input_feeding = typed("input_feeding", bool, "true or false")
        c.bidirectional = typed("bidirectional", bool, "true or false")
        for key in ("emb", "hidden", "attention_dim", "max_source_len", "location_filters", "location_kernel"):
            if key in d:
                setattr(c, key, typed(key, int, "an integer"))
        tokens = d.get("tokens", {"source": "char", "target": "char"})
        _require(isinstance(tokens, dict), "config's 'tokens' must be a JSON object")
        unknown = sorted(set(tokens) - {"source", "target"})
        _require(not unknown, "config's 'tokens' has unknown keys %s" % unknown)
        c.source_tokens = tokens.get("source", "char")
        c.target_tokens = tokens.get("target", "char")
        text = d.get("text", {})
        _require(isinstance(text, dict), "config's 'text' must be a JSON object")
        unknown = sorted(set(text) - {"lowercase", "trim"})
        _require(not unknown, "config's 'text' has unknown keys %s" % unknown)
        c.lowercase = bool(text.get("lowercase", False))
        c.trim = bool(text.get("trim", True))
        c.dataset = d.get("dataset", "")
        _require(isinstance(c.dataset, str), "config's 'dataset' must be a string")
        if "training" in d:
            c.training = TrainingSettings.from_dict(d["training"])
        c.validate()
        return c

    def to_dict(self):
        """The `config` object as AttnLab writes it (attention_dim resolved to A)."""
        return {
            "tokens": {"source": self.source_tokens, "target": self.target_tokens},
            "text": {"lowercase": self.lowercase, "trim": self.trim},
            "scorer": self.scorer, "decoder": self.decoder, "input_feeding": self.input_feeding,
            "bidirectional": self.bidirectional, "emb": self.emb, "hidden": self.hidden,
            "attention_dim": self.attention_size, "max_source_len": self.max_source_len,
            "location_filters": self.location_filters, "location_kernel": self.location_kernel,
            "dataset": self.dataset, "training": self.training.to_dict(),
        }

    def to_json(self):
        return json.dumps(self.to_dict(), sort_keys=True, separators=(",", ":"), ensure_ascii=False)

    def describe(self):
        """As `attnlab-cli` describes an architecture: 'general scorer, luong decoder with input feeding, E 32, H 128'."""
        text = "%s scorer, %s decoder" % (self.scorer, self.decoder)
        if self.decoder == "luong" and self.input_feeding:
            text += " with input feeding"
        if self.bidirectional:
            text += ", bidirectional encoder"
        return text + ", E %d, H %d" % (self.emb, self.hidden)
