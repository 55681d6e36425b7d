"""The data `attnlab-cli prepare` writes (docs/PREPARED.md), read as it is: no tokenisation here.

    data = read_prepared("prepared/")
    data.train[0].source, data.train[0].target, data.train[0].gold   # ids without specials
    data.config                                                        # ModelConfig train would use
"""
import json
import os
from dataclasses import dataclass

from .config import ModelConfig

FORMAT = "attnlab-prepared-1"
SPECIALS = ["<pad>", "<s>", "</s>", "<unk>"]


class PreparedError(ValueError):
    """A prepared directory that is incomplete or not what `attnlab-cli prepare` writes."""


@dataclass
class PreparedPair:
    index: int    # the pair's position in the dataset file
    source: list  # ids, specials excluded
    target: list  # ids, without </s>
    gold: list    # [[source, target, sure], ...], 0-based token positions


@dataclass
class PreparedData:
    meta: dict
    config: ModelConfig  # the model and training settings `train` would use with the same options
    source_vocab: list
    target_vocab: list
    train: list          # [PreparedPair]
    validation: list     # [PreparedPair]


def _read_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        raise PreparedError("%s is missing" % path) from None
    except json.JSONDecodeError as e:
        raise PreparedError("%s is not JSON: %s" % (path, e)) from None


def _read_pairs(path, source_size, target_size):
    pairs = []
    try:
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                try:
                    d = json.loads(line)
                    pair = PreparedPair(d["index"], d["source"], d["target"], d["gold"])
                except (json.JSONDecodeError, KeyError, TypeError) as e:
                    raise PreparedError("%s line %d: not a prepared pair (%s)" % (path, number, e)) from None
                if not pair.source or not pair.target:
                    raise PreparedError("%s line %d: a pair has an empty side" % (path, number))
                if not all(3 <= i < source_size for i in pair.source) or not all(3 <= i < target_size for i in pair.target):
                    raise PreparedError("%s line %d: an id outside the vocabularies (or a special)" % (path, number))
                pairs.append(pair)
    except FileNotFoundError:
        raise PreparedError("%s is missing" % path) from None
    return pairs


def read_prepared(directory):
    """Reads and checks a prepared directory; raises PreparedError naming the file and the problem."""
    meta_path = os.path.join(directory, "meta.json")
    if not os.path.exists(meta_path):
        raise PreparedError("%s has no meta.json: not a (complete) `attnlab-cli prepare` directory" % directory)
    meta = _read_json(meta_path)
    if meta.get("format") != FORMAT:
        raise PreparedError("%s: format is %r, expected %r" % (meta_path, meta.get("format"), FORMAT))
    source_vocab = _read_json(os.path.join(directory, "source_vocab.json"))
    target_vocab = _read_json(os.path.join(directory, "target_vocab.json"))
    for name, vocab in (("source_vocab.json", source_vocab), ("target_vocab.json", target_vocab)):
        if not isinstance(vocab, list) or vocab[:4] != SPECIALS:
            raise PreparedError("%s: %s must be a JSON array starting with %s" % (directory, name, SPECIALS))
    try:
        config = ModelConfig.from_dict(meta["config"], len(source_vocab), len(target_vocab))
    except (KeyError, ValueError) as e:
        raise PreparedError("%s: config: %s" % (meta_path, e)) from None
    train = _read_pairs(os.path.join(directory, "train.jsonl"), len(source_vocab), len(target_vocab))
    validation = _read_pairs(os.path.join(directory, "validation.jsonl"), len(source_vocab), len(target_vocab))
    data = meta.get("data", {})
    if data.get("train") != len(train) or data.get("validation") != len(validation):
        raise PreparedError("%s says %s training and %s validation pairs; the files hold %d and %d"
                            % (meta_path, data.get("train"), data.get("validation"), len(train), len(validation)))
    if not train:
        raise PreparedError("%s: there are no training pairs" % directory)
    return PreparedData(meta, config, source_vocab, target_vocab, train, validation)
