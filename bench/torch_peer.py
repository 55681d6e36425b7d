#!/usr/bin/env python3
"""The reference workload of attnlab-bench in PyTorch, written as a careful PyTorch user would.

Same data (the dates TSV that `attnlab-cli generate dates --count N --seed 7` writes, which is
what attnlab-bench trains on), same model (char level, embedding 32, hidden 128, unidirectional
LSTM encoder with packed sequences, Luong decoder with input feeding, general scorer
score = k . (W q), combine tanh(W_c [c; h]), readout), same training (batch 64 from length
buckets, Adam 1e-3, clipping by global norm 5, mean token cross-entropy with </s>).

With --word-level it is the second workload instead (issue 16): the Zipf word pairs that
`attnlab-bench --word-level --write-pairs TSV` writes and trains on, word tokenisation
(whitespace), the same vocabularies (specials + every word of the file, 8,000 ids a side),
embedding 128, hidden 256, the rest as above.

Usage: torch_peer.py TSV [--word-level] [--threads N] [--steps S] [--trials K]
  -> one JSON object on stdout.
Like attnlab-bench, it times K trials of S steps each and reports the fastest.
Run one process per thread count (OPENBLAS_NUM_THREADS is read when torch loads).
"""
import argparse
import json
import random
import sys
import time

import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

PAD, BOS, EOS = 0, 1, 2


def read_pairs(path):
    pairs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            source, target = line.rstrip("\n").split("\t")[:2]
            pairs.append((source, target))
    return pairs


def vocabulary(token_lists):
    tokens = ["<pad>", "<s>", "</s>", "<unk>"] + sorted({c for t in token_lists for c in t})
    return {t: i for i, t in enumerate(tokens)}


def batches(encoded, batch_size, rng):
    """Length buckets as attnlab's Batcher: shuffle, pools of 32 batches sorted by length, cut."""
    order = list(range(len(encoded)))
    rng.shuffle(order)
    pool = 32 * batch_size
    result = []
    for start in range(0, len(order), pool):
        chunk = sorted(order[start:start + pool], key=lambda i: (len(encoded[i][0]), len(encoded[i][1])))
        result += [chunk[k:k + batch_size] for k in range(0, len(chunk), batch_size)]
    rng.shuffle(result)
    return result


def tensors(encoded, indices):
    items = sorted((encoded[i] for i in indices), key=lambda p: -len(p[0]))  # packed: longest first
    lengths = torch.tensor([len(s) for s, _ in items])
    source = nn.utils.rnn.pad_sequence([torch.tensor(s) for s, _ in items], padding_value=PAD)  # (S, B)
    target = nn.utils.rnn.pad_sequence([torch.tensor(t + [EOS]) for _, t in items], padding_value=PAD)  # (T, B)
    return source, lengths, target


class Seq2Seq(nn.Module):
    def __init__(self, source_vocab, target_vocab, emb=32, hidden=128):
        super().__init__()
        self.src_embedding = nn.Embedding(source_vocab, emb, padding_idx=PAD)
        self.tgt_embedding = nn.Embedding(target_vocab, emb, padding_idx=PAD)
        self.encoder = nn.LSTM(emb, hidden)
        self.decoder = nn.LSTMCell(emb + hidden, hidden)
        self.attention = nn.Linear(hidden, hidden, bias=False)  # general: score = k . (W q)
        self.combine = nn.Linear(2 * hidden, hidden, bias=False)
        self.output = nn.Linear(hidden, target_vocab)

    def forward(self, source, lengths, target):
        packed = pack_padded_sequence(self.src_embedding(source), lengths)
        keys, (h, c) = self.encoder(packed)
        keys, _ = pad_packed_sequence(keys)  # (S, B, H)
        keys = keys.transpose(0, 1)  # (B, S, H)
        mask = torch.arange(keys.size(1))[None, :] >= lengths[:, None]  # (B, S) padding
        h, c = h[0], c[0]
        feed = torch.zeros_like(h)
        inputs = torch.cat([torch.full((1, target.size(1)), BOS), target[:-1]])  # teacher forcing
        embedded = self.tgt_embedding(inputs)  # (T, B, E)
        attentional = []
        for t in range(target.size(0)):
            h, c = self.decoder(torch.cat([embedded[t], feed], 1), (h, c))
            scores = torch.bmm(keys, self.attention(h).unsqueeze(2)).squeeze(2)  # (B, S)
            alpha = torch.softmax(scores.masked_fill(mask, float("-inf")), 1)
            context = torch.bmm(alpha.unsqueeze(1), keys).squeeze(1)
            feed = torch.tanh(self.combine(torch.cat([context, h], 1)))
            attentional.append(feed)
        logits = self.output(torch.stack(attentional))  # (T, B, V)
        return nn.functional.cross_entropy(logits.view(-1, logits.size(-1)), target.view(-1), ignore_index=PAD)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tsv")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--steps", type=int, default=313)
    parser.add_argument("--trials", type=int, default=3)
    parser.add_argument("--word-level", action="store_true",
                        help="word tokens, embedding 128, hidden 256 (the second workload)")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    split = str.split if args.word_level else list  # words (whitespace) or characters
    pairs = [(split(s), split(t)) for s, t in read_pairs(args.tsv)]
    sv, tv = vocabulary(s for s, _ in pairs), vocabulary(t for _, t in pairs)
    encoded = [([sv[c] for c in s], [tv[c] for c in t]) for s, t in pairs]
    emb, hidden = (128, 256) if args.word_level else (32, 128)
    model = Seq2Seq(len(sv), len(tv), emb, hidden)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    rng = random.Random(2)

    def step(indices):
        source, lengths, target = tensors(encoded, indices)
        optimizer.zero_grad()
        loss = model(source, lengths, target)
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        optimizer.step()
        return loss.item()

    total = 20 + args.trials * args.steps
    plan = batches(encoded, 64, rng)
    while len(plan) < total:
        plan += batches(encoded, 64, rng)
    for indices in plan[:20]:  # warm-up
        step(indices)
    best = None
    for trial in range(args.trials):
        measured = plan[20 + trial * args.steps:20 + (trial + 1) * args.steps]
        start = time.perf_counter()
        for indices in measured:
            loss = step(indices)
        seconds = time.perf_counter() - start
        pair_count = sum(len(b) for b in measured)
        tokens = sum(len(encoded[i][0]) + len(encoded[i][1]) + 1 for b in measured for i in b)
        if best is None or pair_count / seconds > best[0] / best[2]:
            best = (pair_count, tokens, seconds, len(measured), loss)
    pair_count, tokens, seconds, steps, loss = best
    json.dump({"threads": args.threads, "torch": torch.__version__, "steps": steps, "trials": args.trials,
               "source_vocabulary": len(sv), "target_vocabulary": len(tv), "pairs": len(pairs),
               "seconds": seconds,
               "pairs_per_second": pair_count / seconds, "tokens_per_second": tokens / seconds,
               "last_loss": loss}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
