"""Padded batches of prepared pairs, and the length-bucketed batches of one process's share.

A pair is (source ids, target ids) without specials (docs/PREPARED.md); a batch appends </s> to
each target and pads with 0 (<pad>): source (B, S), lengths (B), target (B, T).

`BucketedBatches` cuts a DistributedSampler's share of the training pairs as AttnLab's Batcher
cuts an epoch: pools of 32 batches sorted by (source, target) length, cut into batches, the batch
order shuffled; `set_epoch(e)` reshuffles (the sampler's and the batch order's seeds derive from
the seed and the epoch, so a resumed run sees the same batches).
"""
import random

import torch
from torch.utils.data import DistributedSampler

from .model import EOS, PAD

POOL_BATCHES = 32


def pad_batch(pairs, device="cpu"):
    """[(source ids, target ids)] -> source (B, S), lengths (B), target (B, T) with </s>."""
    b = len(pairs)
    s = max(len(src) for src, _ in pairs)
    t = max(len(tgt) for _, tgt in pairs) + 1
    source = torch.full((b, s), PAD, dtype=torch.long)
    target = torch.full((b, t), PAD, dtype=torch.long)
    for k, (src, tgt) in enumerate(pairs):
        if not src or not tgt:
            raise ValueError("pair %d has an empty side" % k)
        source[k, :len(src)] = torch.tensor(src, dtype=torch.long)
        target[k, :len(tgt)] = torch.tensor(tgt, dtype=torch.long)
        target[k, len(tgt)] = EOS
    lengths = torch.tensor([len(src) for src, _ in pairs], dtype=torch.long)
    return source.to(device), lengths, target.to(device)


def ordered_batches(pairs, batch_size):
    """Validation batches as AttnLab's Batcher::ordered: every pair sorted by (source, target)
    length (stable), cut into batches. Returns lists of pair indices."""
    order = sorted(range(len(pairs)), key=lambda i: (len(pairs[i][0]), len(pairs[i][1])))
    return [order[k:k + batch_size] for k in range(0, len(order), batch_size)]


class BucketedBatches:
    """One process's batches of an epoch: indices from a DistributedSampler (shuffle, seed; every
    process the same number), bucketed by length. Iterating yields lists of pair indices."""

    def __init__(self, pairs, batch_size, num_replicas=1, rank=0, seed=1):
        self.pairs = pairs
        self.batch_size = batch_size
        self.seed = seed
        self.rank = rank
        self.sampler = DistributedSampler(range(len(pairs)), num_replicas=num_replicas, rank=rank, shuffle=True,
                                          seed=seed, drop_last=False)
        self.epoch = 0

    def set_epoch(self, epoch):
        self.epoch = epoch
        self.sampler.set_epoch(epoch)

    def __len__(self):
        return (self.sampler.num_samples + self.batch_size - 1) // self.batch_size

    def __iter__(self):
        order = list(self.sampler)
        pool = POOL_BATCHES * self.batch_size
        groups = []
        for start in range(0, len(order), pool):
            chunk = sorted(order[start:start + pool], key=lambda i: (len(self.pairs[i][0]), len(self.pairs[i][1])))
            groups += [chunk[k:k + self.batch_size] for k in range(0, len(chunk), self.batch_size)]
        random.Random(self.seed * 1000003 + self.epoch * 7919 + self.rank).shuffle(groups)
        return iter(groups)
