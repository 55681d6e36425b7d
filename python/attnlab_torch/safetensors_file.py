"""AttnLab's safetensors container (docs/FORMAT.md, "Byte layout"), with NumPy and the standard library.

`read_safetensors(path)` -> (metadata, {name: float32 array}) with every check AttnLab makes on the
container (header bounds, dtype, spans, gaps, overlaps, format string, SHA-256 checksum);
`write_safetensors(path, tensors, metadata)` writes the bytes AttnLab writes for the same content
(`__metadata__` first with `format` and `checksum` added, tensors sorted by name and contiguous,
header padded with spaces to a multiple of 8) atomically: a temporary file beside PATH, fsync,
rename; PATH keeps its previous content if anything fails.
"""
import hashlib
import json
import os
import struct
import tempfile

import numpy as np

FORMAT_VERSION = "attnlab-1"


# The process's umask, read once at import: reading it means setting it, which no thread should
# see happen mid-save (DDP runs threads of its own).
_UMASK = os.umask(0o022)
os.umask(_UMASK)

class ModelFileError(ValueError):
    """A file AttnLab would refuse; the message names the file and the problem."""

    def __init__(self, path, problem):
        super().__init__("%s: %s" % (path, problem))
        self.path = path
        self.problem = problem


def encode_safetensors(tensors, metadata):
    """The file's bytes. tensors: {name: array-like of float32}; metadata: {str: str}."""
    data = bytearray()
    entries = {}
    for name in sorted(tensors):
        if not name or name == "__metadata__":
            raise ValueError("'%s' cannot name a tensor" % name)
        array = np.ascontiguousarray(np.asarray(tensors[name], dtype="<f4"))
        entries[name] = {"dtype": "F32", "shape": list(array.shape),
                         "data_offsets": [len(data), len(data) + array.nbytes]}
        data += array.tobytes()
    meta = {str(k): str(v) for k, v in metadata.items()}
    meta["format"] = FORMAT_VERSION
    meta["checksum"] = hashlib.sha256(data).hexdigest()
    header = {"__metadata__": dict(sorted(meta.items())), **entries}
    text = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    return struct.pack("<Q", len(text)) + text + bytes(data)


def write_atomically(path, payload):
    """Writes payload to PATH.tmp-XXXXXX beside PATH, fsyncs, renames over PATH (0666 minus umask)."""
    path = os.fspath(path)
    directory = os.path.dirname(os.path.abspath(path))
    fd, temporary = tempfile.mkstemp(prefix=os.path.basename(path) + ".tmp-", dir=directory)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(temporary, 0o666 & ~_UMASK)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise
    try:  # the rename itself reaches the disk with the directory
        dir_fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:
        pass


def write_safetensors(path, tensors, metadata):
    write_atomically(path, encode_safetensors(tensors, metadata))


def decode_safetensors(raw, path="<bytes>"):
    """(metadata, tensors) of a file's bytes, checked as AttnLab checks them (docs/FORMAT.md)."""
    if len(raw) < 8:
        raise ModelFileError(path, "the file is %d bytes long, shorter than the 8-byte header length" % len(raw))
    (n,) = struct.unpack("<Q", raw[:8])
    if n > len(raw) - 8:
        raise ModelFileError(path, "header length %d goes beyond the end of the file (%d bytes)" % (n, len(raw)))
    try:
        header = json.loads(raw[8:8 + n].decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ModelFileError(path, "the header is not valid JSON: %s" % e) from None
    if not isinstance(header, dict):
        raise ModelFileError(path, "the header is not a JSON object")
    metadata = header.pop("__metadata__", {})
    if not isinstance(metadata, dict) or not all(isinstance(v, str) for v in metadata.values()):
        raise ModelFileError(path, "'__metadata__' must map names to strings")
    data = raw[8 + n:]
    spans = []
    tensors = {}
    for name, entry in header.items():
        if not isinstance(entry, dict) or not all(k in entry for k in ("dtype", "shape", "data_offsets")):
            raise ModelFileError(path, "tensor '%s' lacks dtype, shape or data_offsets" % name)
        if entry["dtype"] != "F32":
            raise ModelFileError(path, "tensor '%s' has dtype %s; AttnLab files hold F32 only" % (name, entry["dtype"]))
        shape = entry["shape"]
        if not isinstance(shape, list) or any(type(d) is not int or d < 0 for d in shape):
            raise ModelFileError(path, "tensor '%s' has a bad shape %s" % (name, json.dumps(shape)))
        offsets = entry["data_offsets"]
        if not (isinstance(offsets, list) and len(offsets) == 2 and all(type(o) is int and o >= 0 for o in offsets)):
            raise ModelFileError(path, "tensor '%s' has bad data_offsets %s (two byte offsets expected)"
                                 % (name, json.dumps(offsets)))
        begin, end = offsets
        if end < begin:
            raise ModelFileError(path, "tensor '%s' ends (%d) before it begins (%d)" % (name, end, begin))
        if end - begin != 4 * int(np.prod(shape, dtype=np.int64)):
            raise ModelFileError(path, "tensor '%s' spans %d bytes but its shape %s needs %d"
                                 % (name, end - begin, shape, 4 * int(np.prod(shape, dtype=np.int64))))
        spans.append((begin, end, name))
        tensors[name] = (shape, begin, end)
    spans.sort()
    position = 0
    for begin, end, name in spans:
        if begin < position:
            raise ModelFileError(path, "tensor '%s' overlaps another tensor" % name)
        if begin > position:
            raise ModelFileError(path, "bytes %d..%d of the data belong to no tensor" % (position, begin))
        position = end
    if position > len(data):
        raise ModelFileError(path, "truncated: header says %d bytes of data, file has %d" % (position, len(data)))
    if position < len(data):
        raise ModelFileError(path, "the data section has %d bytes past the last tensor" % (len(data) - position))
    if "format" in metadata and metadata["format"] != FORMAT_VERSION:
        raise ModelFileError(path, "format is '%s', expected '%s'" % (metadata["format"], FORMAT_VERSION))
    if "checksum" in metadata and hashlib.sha256(data).hexdigest() != metadata["checksum"]:
        raise ModelFileError(path, "checksum mismatch: the file is corrupted")
    arrays = {name: np.frombuffer(data[begin:end], dtype="<f4").reshape(shape).astype(np.float32)
              for name, (shape, begin, end) in tensors.items()}
    return metadata, arrays


def read_safetensors(path):
    with open(path, "rb") as f:
        raw = f.read()
    return decode_safetensors(raw, os.fspath(path))
