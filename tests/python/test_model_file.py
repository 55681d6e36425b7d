#!/usr/bin/env python3
"""attnlab_torch's model files: what load refuses (with the file and the problem named), the atomic
save, and the NumPy loader of docs/FORMAT.md on a file Python wrote.
Usage: test_model_file.py PROBE  (PYTHONPATH must hold python/)."""
import hashlib
import json
import os
import struct
import subprocess
import sys
import tempfile
import warnings

import numpy as np
import torch

torch.set_num_threads(1)

from attnlab_torch import ModelConfig, ModelFileError, Seq2Seq, load, save  # noqa: E402
from attnlab_torch.safetensors_file import encode_safetensors, read_safetensors  # noqa: E402

SOURCE_VOCAB = ["<pad>", "<s>", "</s>", "<unk>", "a", "b"]
TARGET_VOCAB = ["<pad>", "<s>", "</s>", "<unk>", "x"]
CONFIG = {"scorer": "location_aware", "decoder": "luong", "input_feeding": True, "bidirectional": True, "emb": 4,
          "hidden": 6, "attention_dim": 5, "max_source_len": 64, "location_filters": 2, "location_kernel": 3,
          "tokens": {"source": "char", "target": "char"}, "text": {"lowercase": False, "trim": True},
          "training": {"optimizer": "adam", "learning_rate": 0.001, "batch_size": 8, "epochs": 2, "seed": 3}}
failures = []


def check(label, condition, detail=""):
    print("%s: %s%s" % ("ok  " if condition else "FAIL", label, (" (" + detail + ")") if detail and not condition else ""))
    if not condition:
        failures.append(label)


def refused(label, path, expected):
    try:
        load(path)
    except ModelFileError as e:
        check(label, expected in str(e) and path in str(e), "message: %s" % e)
        return
    check(label, False, "loaded without complaint")


def rewrite(path, out, change_meta=None, change_tensors=None, keep_checksum=False):
    """A copy of path's content with metadata/tensors changed, re-encoded (checksum recomputed unless keep)."""
    metadata, tensors = read_safetensors(path)
    if change_meta:
        change_meta(metadata)
    if change_tensors:
        change_tensors(tensors)
    raw = encode_safetensors(tensors, {k: v for k, v in metadata.items() if k not in ("format", "checksum")})
    if keep_checksum:
        n = struct.unpack("<Q", raw[:8])[0]
        raw = raw[:8 + n] + bytes([raw[8 + n] ^ 1]) + raw[9 + n:]
    with open(out, "wb") as f:
        f.write(raw)
    return out


def main(probe):
    with tempfile.TemporaryDirectory() as tmp:
        good = os.path.join(tmp, "good.safetensors")
        torch.manual_seed(1)
        model = Seq2Seq(ModelConfig.from_dict(CONFIG, len(SOURCE_VOCAB), len(TARGET_VOCAB)))
        save(model, good, SOURCE_VOCAB, TARGET_VOCAB)

        # FORMAT.md's NumPy loader reads what Python wrote, with the checksum it states.
        raw = open(good, "rb").read()
        (n,) = struct.unpack("<Q", raw[:8])
        header = json.loads(raw[8:8 + n])
        meta, data = header.pop("__metadata__"), raw[8 + n:]
        check("header length is a multiple of 8", n % 8 == 0)
        check("checksum is SHA-256 of the data", hashlib.sha256(data).hexdigest() == meta["checksum"])
        check("format attnlab-1", meta["format"] == "attnlab-1")
        check("tensors sorted and contiguous", list(header) == sorted(header) and
              header[sorted(header)[0]]["data_offsets"][0] == 0)
        conv = header["attention.conv.weight"]
        check("conv weight [F, 1, W]", conv["shape"] == [2, 1, 3])
        values = np.frombuffer(data[conv["data_offsets"][0]:conv["data_offsets"][1]], "<f4").reshape(conv["shape"])
        check("row-major values", np.array_equal(values, model.attention.conv.weight.detach().numpy()))
        check("config keys as AttnLab writes them", json.loads(meta["config"])["attention_dim"] == 5 and
              json.loads(meta["config"])["training"]["batch_size"] == 8)
        # AttnLab opens it (probe dump uses loadModel) and so does load.
        pairs = os.path.join(tmp, "pairs.json")
        json.dump({"pairs": [[[4, 5, 4], [4]]]}, open(pairs, "w"))
        done = subprocess.run([probe, "dump", good, pairs], capture_output=True, text=True)
        check("AttnLab loads the Python file", done.returncode == 0, done.stderr)
        again = load(good)
        check("load gives the saved weights", all(torch.equal(again.state_dict()[k], v) for k, v in model.state_dict().items()))
        check("load gives the vocabularies", again.source_vocab == SOURCE_VOCAB and again.target_vocab == TARGET_VOCAB)

        # What load refuses, as AttnLab does.
        bad = os.path.join(tmp, "bad.safetensors")
        refused("corrupted data", rewrite(good, bad, keep_checksum=True), "checksum mismatch: the file is corrupted")
        refused("unknown scorer", rewrite(good, bad, change_meta=lambda m: m.update(
            config=m["config"].replace('"location_aware"', '"cosine"'))), "unknown scorer 'cosine'")
        refused("unknown config key", rewrite(good, bad, change_meta=lambda m: m.update(
            config=json.dumps(dict(json.loads(m["config"]), layers=2)))), "unknown keys ['layers']")
        with warnings.catch_warnings(record=True) as caught:  # FORMAT.md: readers ignore training keys they do not know
            warnings.simplefilter("always")
            ignored = load(rewrite(good, bad, change_meta=lambda m: m.update(config=json.dumps(dict(
                json.loads(m["config"]), training=dict(json.loads(m["config"])["training"], warmup=100))))))
        check("an unknown training key is ignored, with a warning",
              torch.equal(ignored.state_dict()["output.weight"], model.state_dict()["output.weight"])
              and any("warmup" in str(w.message) for w in caught), [str(w.message) for w in caught])
        refused("another model kind", rewrite(good, bad, change_meta=lambda m: m.update(
            config=json.dumps(dict(json.loads(m["config"]), kind="classifier")))), "config's 'kind'")
        refused("missing tensor", rewrite(good, bad, change_tensors=lambda t: t.pop("output.bias")),
                "tensor 'output.bias' is missing")
        refused("wrong shape", rewrite(good, bad, change_tensors=lambda t: t.update(
            {"output.weight": np.zeros((5, 7), np.float32)})), "tensor 'output.weight' has shape [5,7] but the model expects [5,6]")
        refused("extra tensor", rewrite(good, bad, change_tensors=lambda t: t.update(
            {"attention.bias": np.zeros(3, np.float32)})), "the file holds tensor 'attention.bias'")
        refused("NaN weight", rewrite(good, bad, change_tensors=lambda t: t["combine.weight"].__setitem__((0, 1), np.nan)),
                "tensor 'combine.weight' holds NaN at element 1")
        refused("vocabulary without specials", rewrite(good, bad, change_meta=lambda m: m.update(
            source_vocab=json.dumps(["a", "b"]))), "must start with")
        with open(bad, "wb") as f:
            f.write(raw[:100])
        refused("truncated file", bad, "goes beyond the end of the file")
        refused("odd kernel width", rewrite(good, bad, change_meta=lambda m: m.update(
            config=m["config"].replace('"location_kernel":3', '"location_kernel":4'))), "must be odd")

        # Atomic save: a failure (here fsync) leaves the previous file and no temporary behind.
        before = open(good, "rb").read()
        real_fsync = os.fsync
        os.fsync = lambda fd: (_ for _ in ()).throw(OSError(28, "No space left on device"))
        try:
            save(Seq2Seq(ModelConfig.from_dict(CONFIG, len(SOURCE_VOCAB), len(TARGET_VOCAB))), good,
                 SOURCE_VOCAB, TARGET_VOCAB)
            check("a failing save raises", False)
        except OSError:
            check("a failing save raises", True)
        finally:
            os.fsync = real_fsync
        check("a failed save keeps the previous file", open(good, "rb").read() == before)
        check("a failed save leaves no temporary file", not [f for f in os.listdir(tmp) if ".tmp-" in f], str(os.listdir(tmp)))
    print("PASS" if not failures else "FAIL: %s" % failures)
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: test_model_file.py PROBE")
    sys.exit(main(sys.argv[1]))
