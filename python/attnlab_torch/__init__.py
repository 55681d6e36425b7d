"""attnlab_torch: AttnLab's attention encoder-decoders in PyTorch (issue 16).

The same models as AttnLab (every configuration its model file can hold: the seven scorers,
Luong with and without input feeding, Bahdanau, uni- and bidirectional encoders), the same file
(docs/FORMAT.md) and the same data (`attnlab-cli prepare`, docs/PREPARED.md), so a model trained
here with DistributedDataParallel (`python -m attnlab_torch.train`, docs/SCALE.md) opens in
AttnLab's window and CLI, and a model trained in AttnLab loads here.

    from attnlab_torch import load, save, greedy_decode
    model = load("dates.safetensors").eval()
    decoded = greedy_decode(model, [model.source_vocab.index(c) for c in "march 7 2015"])
    print("".join(model.target_vocab[i] for i in decoded.tokens), decoded.attention.shape)  # (T x S)
"""
from .config import ConfigError, ModelConfig, TrainingSettings
from .decoding import Decoded, greedy_decode, greedy_decode_batch
from .model import BOS, EOS, PAD, UNK, Seq2Seq, token_loss_sum
from .modelfile import load, save
from .safetensors_file import ModelFileError, read_safetensors, write_safetensors

__all__ = ["ConfigError", "ModelConfig", "TrainingSettings", "Decoded", "greedy_decode", "greedy_decode_batch",
           "BOS", "EOS", "PAD", "UNK", "Seq2Seq", "token_loss_sum", "load", "save", "ModelFileError",
           "read_safetensors", "write_safetensors"]
