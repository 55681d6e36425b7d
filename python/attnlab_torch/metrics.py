"""Validation metrics as AttnLab's Evaluator computes them (core/train/Evaluator.cpp, core/eval/).

Loss: mean teacher-forced token cross-entropy (</s> included). Decoding: greedy, in batches of the
pairs sorted by length (Batcher::ordered). Token accuracy: matching positions over reference
tokens; exact match: the whole output equals the reference; a reference <unk> never counts as
correct. BLEU-4, corpus level, no smoothing, reference n-grams with <unk> left out. AER: each
teacher-forced attention row's argmax as a link (first of equal maxima), against the gold links.
"""
import math
from collections import Counter
from dataclasses import dataclass

import torch

from .batching import ordered_batches, pad_batch
from .decoding import greedy_decode_batch
from .model import UNK, token_loss_sum


@dataclass
class Metrics:
    examples: int = 0
    loss: float = float("nan")
    token_accuracy: float = float("nan")
    exact_match: float = float("nan")
    exact_matches: int = 0
    bleu: float = 0.0
    aer: float = float("nan")


class MetricAccumulator:
    def __init__(self, order=4):
        self.order = order
        self.examples = 0
        self.loss_sum = 0.0
        self.loss_tokens = 0
        self.correct = 0
        self.reference_tokens = 0
        self.exact = 0
        self.matches = [0] * order
        self.totals = [0] * order
        self.hypothesis_length = 0
        self.reference_length = 0
        self.hypothesis_links = self.sure_links = self.sure_matches = self.possible_matches = 0
        self.aligned = 0

    def add_loss(self, loss_sum, tokens):
        self.loss_sum += loss_sum
        self.loss_tokens += tokens

    def add_sequences(self, hypothesis, reference):
        self.examples += 1
        self.correct += sum(1 for h, r in zip(hypothesis, reference) if h == r and r != UNK)
        self.reference_tokens += len(reference)
        self.exact += 1 if list(hypothesis) == list(reference) and UNK not in reference else 0
        for n in range(1, self.order + 1):
            hyp = Counter(tuple(hypothesis[i:i + n]) for i in range(len(hypothesis) - n + 1))
            ref = Counter(g for g in (tuple(reference[i:i + n]) for i in range(len(reference) - n + 1)) if UNK not in g)
            self.totals[n - 1] += sum(hyp.values())
            self.matches[n - 1] += sum(min(count, ref[g]) for g, count in hyp.items() if g in ref)
        self.hypothesis_length += len(hypothesis)
        self.reference_length += len(reference)

    def add_alignment(self, attention, gold, target_length, source_length):
        """attention (rows x S) teacher-forced, rows = reference length; gold [[s, t, sure], ...]."""
        rows = min(attention.shape[0], target_length)
        proposed = set()
        for t in range(rows):
            row = attention[t, :source_length].tolist()
            proposed.add((max(range(source_length), key=lambda s: (row[s], -s)), t))
        possible = {(s, t) for s, t, _ in gold}
        sure = {(s, t) for s, t, is_sure in gold if is_sure}
        self.hypothesis_links += len(proposed)
        self.sure_links += len(sure)
        self.sure_matches += sum(1 for link in proposed if link in sure)
        self.possible_matches += sum(1 for link in proposed if link in possible)
        self.aligned += 1

    def bleu(self):
        log_sum, any_zero = 0.0, False
        for matched, total in zip(self.matches, self.totals):
            precision = matched / total if total > 0 else 0.0
            if precision > 0:
                log_sum += math.log(precision)
            else:
                any_zero = True
        c, r = self.hypothesis_length, self.reference_length
        penalty = 1.0 if c > r else math.exp(1.0 - r / c) if c > 0 else (0.0 if r > 0 else 1.0)
        return 0.0 if any_zero else 100.0 * penalty * math.exp(log_sum / self.order)

    def metrics(self):
        nan = float("nan")
        denominator = self.hypothesis_links + self.sure_links
        return Metrics(
            examples=self.examples,
            loss=self.loss_sum / self.loss_tokens if self.loss_tokens else nan,
            token_accuracy=self.correct / self.reference_tokens if self.reference_tokens else nan,
            exact_match=self.exact / self.examples if self.examples else nan,
            exact_matches=self.exact,
            bleu=self.bleu(),
            aer=(1.0 - (self.sure_matches + self.possible_matches) / denominator) if self.aligned and denominator else nan)


@torch.no_grad()
def evaluate(model, pairs, batch_size, device="cpu"):
    """Metrics of `pairs` ([PreparedPair] or (source, target, gold) triples) as AttnLab's Evaluator."""
    model = getattr(model, "module", model)
    was_training = model.training
    model.eval()
    accumulator = MetricAccumulator()
    attends = model.scorer is not None
    for indices in ordered_batches([(p.source, p.target) for p in pairs], batch_size):
        batch = [pairs[i] for i in indices]
        source, lengths, target = pad_batch([(p.source, p.target) for p in batch], device)
        logits, attention = model(source, lengths, target)
        accumulator.add_loss(float(token_loss_sum(logits, target)), int((target != 0).sum()))
        decoded = greedy_decode_batch(model, source, lengths)
        attention = attention.cpu()
        for k, pair in enumerate(batch):
            accumulator.add_sequences(decoded[k].tokens, pair.target)
            if attends and pair.gold:
                accumulator.add_alignment(attention[k, :len(pair.target)], pair.gold, len(pair.target), len(pair.source))
    model.train(was_training)
    return accumulator.metrics()
