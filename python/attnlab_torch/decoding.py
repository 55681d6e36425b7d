"""Greedy decoding that returns attention, as AttnLab's (core/infer/BatchGreedyDecoder.cpp).

At each step the most probable token (the first of equal maxima) is fed back, until </s> or
2 S + 10 steps (S: the batch's longest source). A finished sentence keeps being fed </s>; its
outputs are ignored. The attention of a sentence is one row per step taken, </s> included:
(T x S_i), S_i its own source length.
"""
from dataclasses import dataclass

import torch

from .model import BOS, EOS


@dataclass
class Decoded:
    tokens: list          # output ids, </s> excluded
    attention: torch.Tensor  # (rows, S): one row per step taken (the </s> step included)
    finished: bool        # </s> was produced within the limit
    log_prob: float       # sum of the chosen tokens' log-probabilities


@torch.no_grad()
def greedy_decode_batch(model, source, lengths, max_length=0):
    """source (B, S) ids padded with 0, lengths (B) -> [Decoded] in batch order."""
    model = getattr(model, "module", model)
    encoded = model.encode(source, lengths)
    state = model.start_state(encoded)
    b, s = source.shape
    limit = max_length if max_length > 0 else 2 * s + 10
    tokens = torch.full((b,), BOS, dtype=torch.long, device=source.device)
    finished = [False] * b
    outputs = [[] for _ in range(b)]
    rows = [[] for _ in range(b)]
    log_probs = [0.0] * b
    open_count = b
    lengths_list = [int(n) for n in lengths]
    for _ in range(limit):
        if open_count == 0:
            break
        logits, alpha, state = model.step(tokens, encoded, state)
        scores = torch.log_softmax(logits, dim=1)  # (B, V)
        best = scores.argmax(dim=1)
        for k in range(b):
            if finished[k]:
                continue
            token = int(best[k])
            rows[k].append(alpha[k, :lengths_list[k]])
            log_probs[k] += float(scores[k, token])
            if token == EOS:
                finished[k] = True
                open_count -= 1
            else:
                outputs[k].append(token)
        tokens = torch.where(torch.tensor(finished, device=source.device), torch.full_like(best, EOS), best)
    return [Decoded(outputs[k], torch.stack(rows[k]) if rows[k] else source.new_zeros((0, lengths_list[k]),
                                                                                        dtype=torch.float32),
                    finished[k], log_probs[k]) for k in range(b)]


def greedy_decode(model, source_ids, max_length=0):
    """One sentence: source_ids (list of ids, no specials) -> Decoded with attention (T x S)."""
    if not source_ids:
        raise ValueError("cannot decode an empty source")
    device = next(getattr(model, "module", model).parameters()).device
    source = torch.tensor([list(source_ids)], dtype=torch.long, device=device)
    lengths = torch.tensor([len(source_ids)], dtype=torch.long)
    return greedy_decode_batch(model, source, lengths, max_length)[0]
