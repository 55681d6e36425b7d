#!/usr/bin/env python3
"""Writes the bad model files of the catalogue (tests/data/bad/catalogue.tsv) from good.safetensors,
with the Python standard library only, so each file is one precise defect away from a model that
loads. good.safetensors itself was written by AttnLab:
  attnlab-cli train --data tests/data/cli/tiny.tsv --out good.safetensors --scorer location_aware \
      --bidirectional --hidden 4 --emb 3 --attention-dim 3 --max-steps 1 --threads 1 --seed 1
Usage: python3 make_bad_models.py   (writes beside this script)"""
import copy, hashlib, json, os, struct

HERE = os.path.dirname(os.path.abspath(__file__))
GOOD = open(os.path.join(HERE, "good.safetensors"), "rb").read()
HEADER_LEN = struct.unpack("<Q", GOOD[:8])[0]
HEADER = json.loads(GOOD[8:8 + HEADER_LEN])
DATA = GOOD[8 + HEADER_LEN:]
TENSORS = sorted((k for k in HEADER if k != "__metadata__"), key=lambda k: HEADER[k]["data_offsets"][0])


def dump(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def frame(header_bytes, data, length=None):
    header_bytes += b" " * (-len(header_bytes) % 8)
    return struct.pack("<Q", len(header_bytes) if length is None else length) + header_bytes + data


def model(header, data=DATA, checksum=True):
    """The file for `header` over `data`, its checksum recomputed unless told otherwise."""
    header = copy.deepcopy(header)
    if checksum and "__metadata__" in header and isinstance(header["__metadata__"], dict):
        header["__metadata__"]["checksum"] = hashlib.sha256(data).hexdigest()
    return frame(dump(header).encode("utf-8"), data)


def with_config(**changes):
    header = copy.deepcopy(HEADER)
    config = json.loads(header["__metadata__"]["config"])
    for key, value in changes.items():
        if value is None:
            del config[key]
        else:
            config[key] = value
    header["__metadata__"]["config"] = dump(config)
    return model(header)


def with_config_text(replace, by):
    header = copy.deepcopy(HEADER)
    assert replace in header["__metadata__"]["config"]
    header["__metadata__"]["config"] = header["__metadata__"]["config"].replace(replace, by)
    return model(header)


def with_metadata(key, value):
    header = copy.deepcopy(HEADER)
    if value is None:
        del header["__metadata__"][key]
    else:
        header["__metadata__"][key] = value
    return model(header)


def with_entry(name, **changes):
    header = copy.deepcopy(HEADER)
    header[name].update(changes)
    return model(header)


def set_float(index, value):
    data = bytearray(DATA)
    data[4 * index:4 * index + 4] = struct.pack("<f", value)
    return model(HEADER, bytes(data))


def without_tensor(name):
    header = copy.deepcopy(HEADER)
    begin, end = header.pop(name)["data_offsets"]
    for other in TENSORS:
        if other in header and header[other]["data_offsets"][0] >= end:
            header[other]["data_offsets"] = [o - (end - begin) for o in header[other]["data_offsets"]]
    return model(header, DATA[:begin] + DATA[end:])


def with_hole(after, gap):
    header = copy.deepcopy(HEADER)
    end = header[after]["data_offsets"][1]
    for other in TENSORS:
        if header[other]["data_offsets"][0] >= end:
            header[other]["data_offsets"] = [o + gap for o in header[other]["data_offsets"]]
    return model(header, DATA[:end] + bytes(gap) + DATA[end:])


def header_text(text):
    return frame(text, DATA)


files = {}
last = TENSORS[-1]
first = TENSORS[0]
# The container.
files["empty.safetensors"] = b""
files["seven_bytes.safetensors"] = GOOD[:7]
files["text_file.safetensors"] = b"this is not a model, it is a note\n"
files["header_length_beyond_file.safetensors"] = frame(GOOD[8:8 + HEADER_LEN], DATA, len(GOOD))
files["header_length_2pow63.safetensors"] = frame(GOOD[8:8 + HEADER_LEN], DATA, 1 << 63)
files["header_length_zero.safetensors"] = frame(b"", GOOD[8:], 0)
files["metadata_twice.safetensors"] = frame(dump(HEADER).encode("utf-8").replace(b'{"__metadata__":', b'{"__metadata__":{},"__metadata__":', 1), DATA)
files["header_not_json.safetensors"] = header_text(b"not json at all, just words")
files["header_json_array.safetensors"] = header_text(b"[1,2,3]")
files["header_invalid_utf8.safetensors"] = frame(GOOD[8:8 + HEADER_LEN].replace(b"tiny", b"ti\xffy"), DATA)
files["header_nul_padding.safetensors"] = frame(GOOD[8:8 + HEADER_LEN].rstrip(b" ") + b"\0" * 8, DATA)
files["truncated_data.safetensors"] = GOOD[:-10]
files["trailing_bytes.safetensors"] = GOOD + b"\0\0\0\0"
files["data_flipped_checksum.safetensors"] = GOOD[:-1] + bytes([GOOD[-1] ^ 0x01])
header = copy.deepcopy(HEADER)
header["__metadata__"]["checksum"] = "not a checksum"
files["checksum_not_hex.safetensors"] = model(header, checksum=False)
files["format_unknown.safetensors"] = with_metadata("format", "attnlab-9")
files["dtype_f16.safetensors"] = with_entry("decoder.weight_hh", dtype="F16")
files["dtype_not_string.safetensors"] = with_entry("decoder.weight_hh", dtype=32)
second = TENSORS[1]
begin, end = HEADER[second]["data_offsets"]
files["offsets_overlap.safetensors"] = with_entry(second, data_offsets=[begin - 4, end - 4])
begin, end = HEADER[last]["data_offsets"]
files["offsets_beyond_data.safetensors"] = with_entry(last, data_offsets=[begin + 1000000, end + 1000000])
files["offsets_end_before_begin.safetensors"] = with_entry(last, data_offsets=[end, begin])
files["offsets_not_pair.safetensors"] = with_entry(last, data_offsets=[begin])
files["offsets_negative.safetensors"] = with_entry(first, data_offsets=[-4, HEADER[first]["data_offsets"][1]])
files["hole_between_tensors.safetensors"] = with_hole("combine.weight", 8)
files["shape_offsets_mismatch.safetensors"] = with_entry("output.bias", shape=[18])
files["shape_negative.safetensors"] = with_entry("output.bias", shape=[-9])
files["shape_huge.safetensors"] = with_entry("output.bias", shape=[1 << 62, 1 << 62])
files["shape_transposed.safetensors"] = with_entry("combine.weight", shape=[8, 4])
header = copy.deepcopy(HEADER)
header["__metadata__"] = "config"
files["metadata_not_object.safetensors"] = model(header, checksum=False)
header = copy.deepcopy(HEADER)
header["__metadata__"]["config"] = json.loads(header["__metadata__"]["config"])
files["metadata_config_object.safetensors"] = model(header)
header = copy.deepcopy(HEADER)
del header["__metadata__"]
files["no_metadata.safetensors"] = model(header)
# Two entries named output.bias (the second one was output.weight): JSON keeps only one of them.
text = dump(HEADER).encode("utf-8")
files["duplicate_tensor_name.safetensors"] = frame(text.replace(b'"output.weight":', b'"output.bias":'), DATA)
# The weights.
files["nan_weight.safetensors"] = set_float(HEADER["decoder.weight_hh"]["data_offsets"][0] // 4 + 5, float("nan"))
files["inf_weight.safetensors"] = set_float(HEADER["output.bias"]["data_offsets"][0] // 4, float("-inf"))
files["missing_tensor.safetensors"] = without_tensor("decoder.bias_hh")
header = copy.deepcopy(HEADER)
header["extra.weight"] = {"dtype": "F32", "shape": [2], "data_offsets": [len(DATA), len(DATA) + 8]}
files["extra_tensor.safetensors"] = model(header, DATA + struct.pack("<2f", 0.5, 0.25))
# The config.
files["config_not_json.safetensors"] = with_metadata("config", "{hidden: 4}")
files["config_missing_hidden.safetensors"] = with_config(hidden=None)
files["config_hidden_string.safetensors"] = with_config(hidden="4")
files["config_hidden_fraction.safetensors"] = with_config_text('"hidden":4', '"hidden":4.5')
files["config_hidden_2pow32_plus_4.safetensors"] = with_config(hidden=(1 << 32) + 4)
files["config_hidden_30000.safetensors"] = with_config(hidden=30000)
files["config_hidden_2pow29.safetensors"] = with_config(hidden=1 << 29)
files["config_hidden_negative.safetensors"] = with_config(hidden=-4)
files["config_emb_mismatch.safetensors"] = with_config(emb=5)
files["config_attention_dim_mismatch.safetensors"] = with_config(attention_dim=7)
files["config_location_kernel_mismatch.safetensors"] = with_config(location_kernel=3)
files["config_max_source_len_zero.safetensors"] = with_config(max_source_len=0)
files["config_unknown_scorer.safetensors"] = with_config(scorer="cosine")
files["config_scorer_dot.safetensors"] = with_config(scorer="dot")
files["config_unknown_decoder.safetensors"] = with_config(decoder="transformer")
files["config_unknown_kind.safetensors"] = with_config(kind="tagger")
files["config_unknown_input.safetensors"] = with_config(input="frames")
files["config_tokens_string.safetensors"] = with_config(tokens="char")
files["config_unknown_tokens.safetensors"] = with_config(tokens={"source": "byte", "target": "char"})
files["config_not_bidirectional.safetensors"] = with_config(bidirectional=False)
config = json.loads(HEADER["__metadata__"]["config"])
config["training"]["learning_rate"] = "fast"
files["config_training_wrong_type.safetensors"] = with_metadata("config", dump(config))
config = json.loads(HEADER["__metadata__"]["config"])
config["training"]["learning_rate"] = 0
files["config_training_invalid.safetensors"] = with_metadata("config", dump(config))
files["config_not_object.safetensors"] = with_metadata("config", "[4, 3]")
# The vocabularies.
files["vocab_not_json.safetensors"] = with_metadata("target_vocab", "<pad> <s> </s> <unk> a b c d e")
vocab = json.loads(HEADER["__metadata__"]["source_vocab"])
files["vocab_duplicate_token.safetensors"] = with_metadata("source_vocab", dump(vocab[:-1] + ["b"]))
files["vocab_no_specials.safetensors"] = with_metadata("target_vocab", dump(vocab[4:] + vocab[:4]))
files["vocab_size_mismatch.safetensors"] = with_metadata("target_vocab", dump(vocab + ["f"]))

for name, data in files.items():
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)
print(len(files), "files")
