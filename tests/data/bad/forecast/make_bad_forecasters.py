#!/usr/bin/env python3
"""Writes the bad forecaster model files (issue 15) from good_forecaster.safetensors, with the
Python standard library only, so each file is one defect away from a forecaster that loads.
good_forecaster.safetensors was written by AttnLab:
  attnlab-cli generate seasonal --count 120 --seed 3 > tiny.csv
  attnlab-cli train --data tiny.csv --window 8 --horizon 2 --hidden 4 --emb 3 --epochs 1 \
      --out good_forecaster.safetensors
tests/core/train/tst_forecast_model_file loads each and checks the message.
Usage: /usr/bin/python3 make_bad_forecasters.py   (writes beside this script)"""
import copy, hashlib, json, os, struct

HERE = os.path.dirname(os.path.abspath(__file__))
GOOD = open(os.path.join(HERE, "good_forecaster.safetensors"), "rb").read()
HEADER_LEN = struct.unpack("<Q", GOOD[:8])[0]
HEADER = json.loads(GOOD[8:8 + HEADER_LEN])
DATA = GOOD[8 + HEADER_LEN:]


def dump(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def model(header, data=DATA):
    """The file for `header` over `data`, with its checksum recomputed."""
    header = copy.deepcopy(header)
    header["__metadata__"]["checksum"] = hashlib.sha256(data).hexdigest()
    text = dump(header).encode("utf-8")
    text += b" " * (-len(text) % 8)
    return struct.pack("<Q", len(text)) + text + data


def with_config(edit):
    header = copy.deepcopy(HEADER)
    config = json.loads(header["__metadata__"]["config"])
    edit(config)
    header["__metadata__"]["config"] = dump(config)
    return model(header)


def without_tensor(name):
    """Drops a tensor and its bytes; the tensors after it move up (the data section has no holes)."""
    header = copy.deepcopy(HEADER)
    begin, end = header[name]["data_offsets"]
    del header[name]
    data = DATA[:begin] + DATA[end:]
    for key, entry in header.items():
        if key != "__metadata__" and entry["data_offsets"][0] >= end:
            entry["data_offsets"] = [entry["data_offsets"][0] - (end - begin), entry["data_offsets"][1] - (end - begin)]
    return model(header, data)


def with_nan(name):
    begin, _ = HEADER[name]["data_offsets"]
    data = bytearray(DATA)
    data[begin:begin + 4] = struct.pack("<f", float("nan"))
    return model(HEADER, bytes(data))


BAD = {
    "forecaster_missing_mean.safetensors": without_tensor("forecast.mean.weight"),
    "forecaster_hidden_mismatch.safetensors": with_config(lambda c: c.update(hidden=6)),
    "forecaster_no_normalization.safetensors": with_config(lambda c: c.pop("normalization")),
    "forecaster_series_names.safetensors": with_config(lambda c: c.update(series=["only one"])),
    "forecaster_zero_std.safetensors": with_config(lambda c: c["normalization"].update(std=[1.0, 0.0, 1.0])),
    "forecaster_bad_horizon.safetensors": with_config(lambda c: c.update(horizon=0)),
    "forecaster_nan_weight.safetensors": with_nan("combine.weight"),
}

if __name__ == "__main__":
    for name, content in BAD.items():
        with open(os.path.join(HERE, name), "wb") as out:
            out.write(content)
