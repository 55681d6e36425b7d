#!/usr/bin/env python3
"""AttnLab and attnlab_torch compute the same thing for every configuration (issue 16).

For each configuration below, both directions:
  AttnLab writes, Python reads: attnlab-torch-probe makes a randomly initialised model and dumps
      its teacher-forced logits (B x T x V), attention (B x T x S), loss and greedy decodings;
      attnlab_torch.load reads the file and must give the same (< 1e-4), and saving it again
      must give the very same bytes.
  Python writes, AttnLab reads: attnlab_torch builds its own random model and saves it; the
      probe loads it (AttnLab's loadModel) and must give what Python computes.
Greedy decodings must agree token for token, their attention < 1e-4. And one training step:
AttnLab's (probe `step`: mean token loss, backward, clipping to CLIP, SGD at rate 1) against
attnlab_torch's (the same loss, autograd, attnlab_torch.train's clipping) on the same weights: the
new weights (old minus clipped gradient) agree < 1e-4, so every configuration's gradients do.
Prints the max error per configuration. Usage: test_equivalence.py PROBE  (PYTHONPATH must hold python/).
"""
import json
import os
import subprocess
import sys
import tempfile

import torch

torch.set_num_threads(1)

from attnlab_torch import Seq2Seq, ModelConfig, greedy_decode, load, save  # noqa: E402
from attnlab_torch.model import token_loss_sum  # noqa: E402
from attnlab_torch.batching import pad_batch  # noqa: E402
from attnlab_torch.train import clip_gradient_norm  # noqa: E402

CLIP = 0.2  # below the gradients' norm at initialisation: the step clips

TOLERANCE = 1e-4
SOURCE_VOCAB = ["<pad>", "<s>", "</s>", "<unk>", "a", "b", "c", "d", "é", "f", "g"]
TARGET_VOCAB = ["<pad>", "<s>", "</s>", "<unk>", "0", "1", "2", "3", "4", "5"]
# Ids without specials; sources of lengths 7, 1, 4, 5 (one padded batch), targets of 1 to 6.
PAIRS = [([4, 5, 6, 7, 8, 9, 10], [4, 5, 6, 7, 8, 9]), ([5], [6]), ([6, 3, 4, 9], [9, 8, 4]),
         ([10, 9, 8, 7, 6], [5, 5, 4, 7])]

BASE = {"emb": 6, "hidden": 8, "attention_dim": 8, "max_source_len": 9, "location_filters": 4,
        "location_kernel": 5, "scorer": "general", "decoder": "luong", "input_feeding": True,
        "bidirectional": False, "tokens": {"source": "char", "target": "char"},
        "text": {"lowercase": False, "trim": True}}
CONFIGURATIONS = [
    ("none", {"scorer": "none"}),
    ("dot", {"scorer": "dot"}),
    ("scaled_dot", {"scorer": "scaled_dot"}),
    ("general", {"scorer": "general"}),
    ("additive", {"scorer": "additive"}),
    ("location", {"scorer": "location"}),
    ("location_aware", {"scorer": "location_aware"}),
    ("general, no input feeding", {"input_feeding": False}),
    ("location_aware, no input feeding", {"scorer": "location_aware", "input_feeding": False}),
    ("bahdanau additive", {"scorer": "additive", "decoder": "bahdanau"}),
    ("bahdanau location_aware", {"scorer": "location_aware", "decoder": "bahdanau"}),
    ("bahdanau location", {"scorer": "location", "decoder": "bahdanau"}),
    ("bahdanau none", {"scorer": "none", "decoder": "bahdanau"}),
    ("bidirectional general", {"bidirectional": True}),
    ("bidirectional scaled_dot", {"scorer": "scaled_dot", "bidirectional": True}),
    ("bidirectional bahdanau location_aware", {"scorer": "location_aware", "decoder": "bahdanau",
                                               "bidirectional": True}),
    ("additive A 5, word tokens", {"scorer": "additive", "attention_dim": 5,
                                   "tokens": {"source": "word", "target": "word"}}),
    ("location_aware F 3 W 3, A 12", {"scorer": "location_aware", "attention_dim": 12, "location_filters": 3,
                                      "location_kernel": 3}),
]


def probe(*args):
    done = subprocess.run([PROBE, *args], capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError("attnlab-torch-probe %s failed: %s" % (" ".join(args), done.stderr.strip()))
    return done.stdout


def python_outputs(model):
    """What attnlab_torch computes on PAIRS: logits, attention, loss sum, greedy decodings."""
    source, lengths, target = pad_batch(PAIRS)
    with torch.no_grad():
        logits, attention = model(source, lengths, target)
        loss = float(token_loss_sum(logits, target))
    greedy = [greedy_decode(model, s) for s, _ in PAIRS]
    return logits, attention, loss, greedy


def compare(model, dumped):
    """Max |difference| of logits and attention (teacher-forced and greedy); raises on a mismatch of
    shapes, greedy tokens or loss."""
    logits, attention, loss, greedy = python_outputs(model)
    theirs_logits = torch.tensor(dumped["logits"])
    theirs_attention = torch.tensor(dumped["attention"])
    assert theirs_logits.shape == logits.shape, (theirs_logits.shape, logits.shape)
    assert theirs_attention.shape == attention.shape, (theirs_attention.shape, attention.shape)
    logit_error = float((theirs_logits - logits).abs().max())
    attention_error = float((theirs_attention - attention).abs().max())
    assert abs(dumped["loss_sum"] - loss) < TOLERANCE * max(1.0, abs(loss)), (dumped["loss_sum"], loss)
    greedy_error = 0.0
    for k, (mine, theirs) in enumerate(zip(greedy, dumped["greedy"])):
        assert mine.tokens == theirs["tokens"], "pair %d: greedy tokens %s vs AttnLab's %s" % (k, mine.tokens, theirs["tokens"])
        assert mine.finished == theirs["finished"], "pair %d: finished differs" % k
        theirs_rows = torch.tensor(theirs["attention"]).reshape(mine.attention.shape)
        greedy_error = max(greedy_error, float((theirs_rows - mine.attention).abs().max()) if mine.attention.numel() else 0.0)
    return logit_error, attention_error, greedy_error


def gradient_step_error(model_path, pairs_path, stepped_path):
    """Max |difference| between AttnLab's and attnlab_torch's weights after one clipped SGD step."""
    probe("step", model_path, pairs_path, str(CLIP), stepped_path)
    model = load(model_path).train()
    source, lengths, target = pad_batch(PAIRS)
    logits, _ = model(source, lengths, target)
    (token_loss_sum(logits, target) / int((target != 0).sum())).backward()
    norm = clip_gradient_norm(list(model.parameters()), CLIP)
    assert norm > CLIP, "the gradient norm %.3f does not reach the clip norm: clipping untested" % norm
    with torch.no_grad():
        for p in model.parameters():
            p -= p.grad
    theirs = load(stepped_path).state_dict()
    return max(float((theirs[name] - value).abs().max()) for name, value in model.state_dict().items())


def main():
    failures = []
    print("%-40s %-22s %10s %10s %10s %10s" % ("configuration", "direction", "logits", "attention", "greedy att",
                                               "step"))
    with tempfile.TemporaryDirectory() as tmp:
        pairs_path = os.path.join(tmp, "pairs.json")
        with open(pairs_path, "w") as f:
            json.dump({"pairs": PAIRS}, f)
        for index, (label, changes) in enumerate(CONFIGURATIONS):
            config = dict(BASE, **changes)
            spec_path = os.path.join(tmp, "spec%d.json" % index)
            attnlab_file = os.path.join(tmp, "attnlab%d.safetensors" % index)
            python_file = os.path.join(tmp, "python%d.safetensors" % index)
            resaved = os.path.join(tmp, "resaved%d.safetensors" % index)
            stepped = os.path.join(tmp, "stepped%d.safetensors" % index)
            with open(spec_path, "w") as f:
                json.dump({"config": config, "source_vocab": SOURCE_VOCAB, "target_vocab": TARGET_VOCAB,
                           "seed": 100 + index}, f, ensure_ascii=False)
            rows = []
            try:
                # AttnLab writes, Python reads.
                probe("make", spec_path, attnlab_file)
                model = load(attnlab_file).eval()
                rows.append(("AttnLab -> Python",) + compare(model, json.loads(probe("dump", attnlab_file, pairs_path))) +
                            (gradient_step_error(attnlab_file, pairs_path, stepped),))
                save(model, resaved)
                with open(attnlab_file, "rb") as a, open(resaved, "rb") as b:
                    assert a.read() == b.read(), "saving a loaded AttnLab file does not give the same bytes"
                # Python writes, AttnLab reads.
                torch.manual_seed(200 + index)
                fresh = Seq2Seq(ModelConfig.from_dict(config, len(SOURCE_VOCAB), len(TARGET_VOCAB))).eval()
                save(fresh, python_file, SOURCE_VOCAB, TARGET_VOCAB)
                rows.append(("Python -> AttnLab",) + compare(fresh, json.loads(probe("dump", python_file, pairs_path))) +
                            (gradient_step_error(python_file, pairs_path, stepped),))
            except (AssertionError, RuntimeError) as e:
                failures.append("%s: %s" % (label, e))
                print("%-40s FAILED: %s" % (label, e))
                continue
            for direction, *errors in rows:
                print("%-40s %-22s %10.2e %10.2e %10.2e %10.2e" % (label, direction, *errors))
                if max(errors) >= TOLERANCE:
                    failures.append("%s (%s): max error %.2e >= %.0e" % (label, direction, max(errors), TOLERANCE))
    if failures:
        print("FAIL:\n  " + "\n  ".join(failures))
        return 1
    print("PASS: %d configurations, both directions, logits, attention, greedy decoding and a training step, "
          "every error < %.0e; re-saved files byte-identical"
          % (len(CONFIGURATIONS), TOLERANCE))
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: test_equivalence.py PROBE")
    PROBE = sys.argv[1]
    sys.exit(main())
