#!/usr/bin/env python3
"""Writes tiny.safetensors with the Python standard library only: an AttnLab model file made
without AttnLab code. tst_checkpoint_roundtrip reads it and checks that saveCheckpoint writes the
very same bytes for the same parameters, so the format cannot drift unnoticed.
Usage: python3 make_tiny.py [output path]   (default: tiny.safetensors beside this script)"""
import hashlib, json, os, struct, sys

# name -> (shape, row-major values); the values are exact in float32.
tensors = {
    "output.weight": ([3, 2], [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]),
    "output.bias": ([3], [0.5, -0.25, 0.125]),
    "attention.conv.weight": ([2, 1, 3], [0.5, -1.0, 2.0, 0.25, 3.0, -0.125]),
}
metadata = {
    "config": json.dumps({"hidden": 2, "scorer": "location_aware"}, separators=(",", ":")),
    "source_vocab": json.dumps(["<pad>", "<s>", "</s>", "<unk>", "é"], ensure_ascii=False, separators=(",", ":")),
    "target_vocab": json.dumps(["<pad>", "<s>", "</s>", "<unk>", "a", "b"], separators=(",", ":")),
}

data, entries = b"", {}
for name in sorted(tensors):
    shape, values = tensors[name]
    entries[name] = {"dtype": "F32", "shape": shape, "data_offsets": [len(data), len(data) + 4 * len(values)]}
    data += struct.pack("<%df" % len(values), *values)
metadata["format"] = "attnlab-1"
metadata["checksum"] = hashlib.sha256(data).hexdigest()
header = {"__metadata__": dict(sorted(metadata.items())), **entries}
text = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
text += b" " * (-len(text) % 8)
out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "tiny.safetensors")
with open(out, "wb") as f:
    f.write(struct.pack("<Q", len(text)) + text + data)
