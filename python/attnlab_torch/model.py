"""AttnLab's encoder-decoder with attention in PyTorch (core/nn/Seq2Seq, Encoder, Decoder).

B batch, S source length, T target length, E embedding, H hidden, H' = H or H/2 per direction,
V target vocabulary. Batches are batch-first here (AttnLab stores them time-major; the math is
the same). Parameter names are the model file's (docs/FORMAT.md), so `state_dict()` is the file.

Luong step t:    x_t = [emb(y_{t-1}); h~_{t-1}] (input feeding, h~_{-1} = 0) or emb(y_{t-1})
                 h_t, c_t = LSTMCell(x_t);  alpha_t, c_t = attend(h_t)
Bahdanau step t: alpha_t, c_t = attend(h_{t-1});  x_t = [emb(y_{t-1}); c_t];  h_t = LSTMCell(x_t)
Both:            h~_t = tanh(W_c [c_t; h_t]);  logits_t = W_o h~_t + b_o
The decoder starts from the encoder's final (h, c) (bidirectional: both directions concatenated).
"""
import math

import torch
from torch import nn
import torch.nn.functional as F
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from .attention import make_scorer, masked_softmax, uniform_alignment

PAD, BOS, EOS, UNK = 0, 1, 2, 3


class Encoded:
    """An encoded source batch: keys (B, S, H), mask (B, S), the final state (B, H) x 2 and the
    scorer's per-batch preparation of the keys."""

    def __init__(self, keys, mask, hidden, cell, prepared):
        self.keys, self.mask, self.hidden, self.cell, self.prepared = keys, mask, hidden, cell, prepared


class Seq2Seq(nn.Module):
    """The model of one AttnLab file. `config` is a ModelConfig (attnlab_torch.config)."""

    def __init__(self, config):
        super().__init__()
        config.validate()
        self.config = config
        c = config
        directional = c.hidden // 2 if c.bidirectional else c.hidden
        self.src_embedding = nn.Embedding(c.source_vocab_size, c.emb, padding_idx=PAD)
        self.encoder = nn.LSTM(c.emb, directional, bidirectional=c.bidirectional, batch_first=True)
        self.tgt_embedding = nn.Embedding(c.target_vocab_size, c.emb, padding_idx=PAD)
        self.decoder = nn.LSTMCell(c.decoder_input_size, c.hidden)
        scorer = make_scorer(c)
        if scorer is not None:
            self.attention = scorer
        self.combine = nn.Linear(2 * c.hidden, c.hidden, bias=False)
        self.output = nn.Linear(c.hidden, c.target_vocab_size)
        self.reset_parameters()

    @property
    def scorer(self):
        return getattr(self, "attention", None)

    def reset_parameters(self):
        """AttnLab's initial distributions (its random streams differ): embeddings N(0, 1) with a zero
        <pad> row; LSTMs uniform(+-1/sqrt(H)) with the forget-gate input bias 1 and recurrent bias 0;
        linear layers and scorers uniform(+-1/sqrt(inputs))."""
        with torch.no_grad():
            for embedding in (self.src_embedding, self.tgt_embedding):
                nn.init.normal_(embedding.weight)
                embedding.weight[PAD].zero_()
            for lstm in (self.encoder, self.decoder):
                bound = 1.0 / math.sqrt(lstm.hidden_size)
                n = lstm.hidden_size
                for name, p in lstm.named_parameters():
                    nn.init.uniform_(p, -bound, bound)
                    if name.startswith("bias_ih"):
                        p[n:2 * n] = 1.0
                    elif name.startswith("bias_hh"):
                        p[n:2 * n] = 0.0

    # --- encoder -----------------------------------------------------------------------------
    def encode(self, source, lengths, dropout=0.0):
        """source (B, S) ids padded with 0, lengths (B) -> Encoded. Keys are zero past each length
        (packed sequences: the reverse direction starts at the last real token, as AttnLab's)."""
        embedded = self.src_embedding(source)  # (B, S, E)
        if dropout > 0:
            embedded = F.dropout(embedded, dropout, training=True)
        packed = pack_padded_sequence(embedded, lengths.cpu(), batch_first=True, enforce_sorted=False)
        outputs, (h, c) = self.encoder(packed)
        keys, _ = pad_packed_sequence(outputs, batch_first=True, total_length=source.size(1))  # (B, S, H)
        if self.config.bidirectional:
            hidden, cell = torch.cat([h[0], h[1]], dim=1), torch.cat([c[0], c[1]], dim=1)  # (B, H)
        else:
            hidden, cell = h[0], c[0]
        mask = torch.arange(source.size(1), device=source.device)[None, :] < lengths.to(source.device)[:, None]
        prepared = self.scorer.prepare(keys) if self.scorer is not None else None
        return Encoded(keys, mask, hidden, cell, prepared)

    # --- decoder -----------------------------------------------------------------------------
    def start_state(self, encoded):
        """(h, c, h~_{-1} = 0, alpha_{-1}): uniform for location_aware, else 0."""
        b, s = encoded.mask.shape
        if self.scorer is not None and self.scorer.uses_previous_alignment:
            alpha = uniform_alignment(encoded.mask)
        else:
            alpha = encoded.keys.new_zeros(b, s)
        return encoded.hidden, encoded.cell, encoded.keys.new_zeros(b, self.config.hidden), alpha

    def attend(self, query, encoded, previous):
        """alpha (B, S), context (B, H) for query (B, H) given alpha_{t-1} (B, S)."""
        if self.scorer is None:
            b, s = encoded.mask.shape
            return encoded.keys.new_zeros(b, s), encoded.keys.new_zeros(b, self.config.hidden)
        scores = self.scorer.score(query, encoded.keys, encoded.prepared, previous)
        alpha = masked_softmax(scores, encoded.mask)
        context = torch.bmm(alpha.unsqueeze(1), encoded.keys).squeeze(1)
        return alpha, context

    def step(self, tokens, encoded, state, embedding_dropout=0.0, readout_dropout=0.0):
        """One decoder step for tokens y_{t-1} (B): returns logits (B, V), alpha (B, S), the new state."""
        hidden, cell, attentional, previous = state
        x = self.tgt_embedding(tokens)  # (B, E)
        if embedding_dropout > 0:
            x = F.dropout(x, embedding_dropout, training=True)
        if self.config.decoder == "bahdanau":
            alpha, context = self.attend(hidden, encoded, previous)
            x = torch.cat([x, context], dim=1)
        elif self.config.input_feeding:
            x = torch.cat([x, attentional], dim=1)
        hidden, cell = self.decoder(x, (hidden, cell))
        if self.config.decoder == "luong":
            alpha, context = self.attend(hidden, encoded, previous)
        attentional = torch.tanh(self.combine(torch.cat([context, hidden], dim=1)))  # (B, H)
        readout = F.dropout(attentional, readout_dropout, training=True) if readout_dropout > 0 else attentional
        logits = self.output(readout)
        return logits, alpha, (hidden, cell, attentional, alpha)

    def forward(self, source, source_lengths, target, use_gold=None, dropout=0.0):
        """Teacher-forced pass: source (B, S), source_lengths (B), target (B, T) gold outputs with </s>
        (padded with 0). use_gold (T bools, optional): step t >= 1 is fed the gold y_{t-1} when true,
        else the model's own argmax (AttnLab's teacher-forcing schedule). Returns logits (B, T, V)
        and attention (B, T, S)."""
        encoded = self.encode(source, source_lengths, dropout)
        state = self.start_state(encoded)
        b, steps = target.shape
        tokens = torch.full((b,), BOS, dtype=torch.long, device=source.device)
        all_logits, all_alpha = [], []
        for t in range(steps):
            if t > 0:
                tokens = target[:, t - 1] if use_gold is None or use_gold[t] else all_logits[-1].argmax(dim=1)
            logits, alpha, state = self.step(tokens, encoded, state, dropout, dropout)
            all_logits.append(logits)
            all_alpha.append(alpha)
        return torch.stack(all_logits, dim=1), torch.stack(all_alpha, dim=1)


def token_loss_sum(logits, target):
    """Summed cross-entropy over the non-padding target tokens (</s> included), as AttnLab's
    maskedCrossEntropy; logits (B, T, V), target (B, T). Divide by the token count for the mean."""
    return F.cross_entropy(logits.reshape(-1, logits.size(-1)), target.reshape(-1), ignore_index=PAD,
                           reduction="sum")


def teacher_forcing_schedule(steps, ratio, generator):
    """Whether each step t is fed the gold token (step 0 always is), as AttnLab draws it per batch."""
    if ratio >= 1.0:
        return None
    draws = torch.rand(steps, generator=generator)
    use = [True] + [bool(draws[t] < ratio) for t in range(1, steps)]
    return use
