"""The seven scoring functions of AttnLab (core/nn/*Scorer.cpp, docs/FORMAT.md "Attention tensors").

B batch, S source length, H hidden size, A attention size, F location filters, W kernel width.
Every scorer is the model's `attention` submodule, so its parameters carry the file's names
(`attention.weight`, `attention.query.weight`, ...). Keys are (B, S, H), queries (B, H), scores
(B, S); `prepare(keys)` runs once per batch (the additive kinds project the keys there).
"""
import math

import torch
from torch import nn
import torch.nn.functional as F


def masked_softmax(scores, mask):
    """alpha (B, S): softmax over the valid positions (mask True), exactly 0 past each length."""
    return torch.softmax(scores.masked_fill(~mask, float("-inf")), dim=-1)


def uniform_alignment(mask):
    """alpha_0 of location_aware (B, S): uniform over each row's valid positions."""
    weights = mask.to(torch.float32)
    return weights / weights.sum(dim=1, keepdim=True)


class Scorer(nn.Module):
    uses_previous_alignment = False

    def prepare(self, keys):
        return None

    def score(self, query, keys, prepared, previous):
        raise NotImplementedError


class DotScorer(Scorer):
    """e_s = k_s . q, times `scale` (scaled_dot: 1 / sqrt(H))."""

    def __init__(self, scale=1.0):
        super().__init__()
        self.scale = scale

    def score(self, query, keys, prepared, previous):
        scores = torch.bmm(keys, query.unsqueeze(2)).squeeze(2)  # (B, S)
        return scores * self.scale if self.scale != 1.0 else scores


class GeneralScorer(Scorer):
    """e_s = k_s . (W q), W = attention.weight (H, H)."""

    def __init__(self, hidden):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(hidden, hidden))
        bound = 1.0 / math.sqrt(hidden)
        nn.init.uniform_(self.weight, -bound, bound)

    def score(self, query, keys, prepared, previous):
        projected = query @ self.weight.t()  # (B, H) W q
        return torch.bmm(keys, projected.unsqueeze(2)).squeeze(2)


class AdditiveScorer(Scorer):
    """e_s = v . tanh(W_q q + W_k k_s + b): attention.query (A, H), attention.key (A, H) + bias, attention.v (1, A)."""

    def __init__(self, hidden, attention):
        super().__init__()
        self.query = nn.Linear(hidden, attention, bias=False)
        self.key = nn.Linear(hidden, attention)
        self.v = nn.Linear(attention, 1, bias=False)

    def prepare(self, keys):
        return self.key(keys)  # (B, S, A) once per batch

    def score_with(self, query, prepared, extra):
        pre = prepared + self.query(query).unsqueeze(1)  # (B, S, A)
        if extra is not None:
            pre = pre + extra
        return self.v(torch.tanh(pre)).squeeze(2)

    def score(self, query, keys, prepared, previous):
        return self.score_with(query, prepared, None)


class LocationScorer(Scorer):
    """e = W q over positions 1..S, content-free: attention.weight (maxLen, H)."""

    def __init__(self, hidden, max_source_len):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(max_source_len, hidden))
        bound = 1.0 / math.sqrt(hidden)
        nn.init.uniform_(self.weight, -bound, bound)

    def prepare(self, keys):
        if keys.size(1) > self.weight.size(0):
            raise ValueError("the location scorer handles sources up to %d tokens; this one has %d"
                             % (self.weight.size(0), keys.size(1)))
        return None

    def score(self, query, keys, prepared, previous):
        return query @ self.weight[:keys.size(1)].t()  # (B, S)


class LocationAwareScorer(AdditiveScorer):
    """e_s = v . tanh(W_q q + W_k k_s + U f_s + b), f = conv(alpha_{t-1}) (Chorowski et al. 2015).

    attention.conv: Conv1d(1, F, W, padding=W // 2, bias=False); attention.location: U (A, F).
    """
    uses_previous_alignment = True

    def __init__(self, hidden, attention, filters, kernel):
        super().__init__(hidden, attention)
        self.conv = nn.Conv1d(1, filters, kernel, padding=kernel // 2, bias=False)
        self.location = nn.Linear(filters, attention, bias=False)
        bound = 1.0 / math.sqrt(kernel)
        nn.init.uniform_(self.conv.weight, -bound, bound)

    def score(self, query, keys, prepared, previous):
        features = self.conv(previous.unsqueeze(1)).transpose(1, 2)  # (B, S, F)
        return self.score_with(query, prepared, self.location(features))


def make_scorer(config):
    """The scorer module of a ModelConfig, or None for `none` (no attention: alpha = 0, c = 0)."""
    h, a = config.hidden, config.attention_size
    if config.scorer == "none":
        return None
    if config.scorer == "dot":
        return DotScorer()
    if config.scorer == "scaled_dot":
        return DotScorer(float(torch.tensor(1.0) / torch.sqrt(torch.tensor(float(h)))))
    if config.scorer == "general":
        return GeneralScorer(h)
    if config.scorer == "additive":
        return AdditiveScorer(h, a)
    if config.scorer == "location":
        return LocationScorer(h, config.max_source_len)
    if config.scorer == "location_aware":
        return LocationAwareScorer(h, a, config.location_filters, config.location_kernel)
    raise ValueError("unknown scorer %r" % config.scorer)
