"""python -m attnlab_torch.train: AttnLab's training on `attnlab-cli prepare` output, with
DistributedDataParallel (issue 16, docs/SCALE.md).

    attnlab-cli prepare --data dates --out prepared/
    torchrun --nproc_per_node=2 -m attnlab_torch.train --prepared prepared/ --out dates.safetensors --batch 32
    python3 -m attnlab_torch.train --prepared prepared/ --out dates.safetensors     # one process

Model and training options have attnlab-cli train's names; their defaults come from the prepared
meta.json (the settings `prepare` was given). --batch is per process: one step trains on
batch x processes pairs (the global batch), so 2 processes with --batch 32 match attnlab-cli
train --batch 64. Each step's loss is the mean over the global batch's target tokens (as
AttnLab's over its batch): every process scales its summed loss by processes / global tokens, and
DDP's gradient average then gives the global mean's gradient. Clipping by global gradient norm
and Adam (or SGD with momentum) as AttnLab's. Rank 0 validates after each epoch (greedy, as
AttnLab's Evaluator) and prints attnlab-cli train's epoch line, writes the checkpoint
(--checkpoint: model, optimizer, epoch, step, loss history; the batches and random draws of an
epoch derive from the seed and the epoch, so --resume continues the same loss curve) and the
final model file (AttnLab's format: it opens in the window and the CLI).
"""
import argparse
import io
import json
import math
import os
import sys
import time

import torch
import torch.distributed as dist
from torch.nn.parallel import DistributedDataParallel

from .batching import BucketedBatches, pad_batch
from .config import ModelConfig
from .metrics import evaluate
from .model import Seq2Seq, teacher_forcing_schedule, token_loss_sum
from .modelfile import save
from .prepared import PreparedError, read_prepared
from .safetensors_file import write_atomically

PREPARE_OPTIONS = ("--data", "--tokens", "--lowercase", "--val-fraction")
CHECKPOINT_VERSION = 1


class UsageError(Exception):
    pass


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog="python -m attnlab_torch.train",
        description="Train an AttnLab model on `attnlab-cli prepare` output with PyTorch; launch with "
                    "torchrun --nproc_per_node=N (and --nnodes, --rdzv-endpoint for several machines) or "
                    "alone for one process. Defaults come from the prepared meta.json.",
        epilog="The global batch is --batch x the number of processes (torchrun's world size).")
    p.add_argument("--prepared", required=True, help="directory written by attnlab-cli prepare")
    p.add_argument("--out", required=True, help="the model file to write (.safetensors), by rank 0")
    p.add_argument("--scorer", choices=("none", "dot", "scaled_dot", "general", "additive", "location",
                                        "location_aware"), help="attention scoring function")
    p.add_argument("--decoder", choices=("luong", "bahdanau"), help="decoder style")
    p.add_argument("--no-input-feeding", action="store_true", default=None,
                   help="Luong: do not feed h~ back into the LSTM input")
    p.add_argument("--bidirectional", nargs="?", const="true", choices=("true", "false"),
                   help="bidirectional encoder (H/2 units per direction); --bidirectional=false: one direction")
    p.add_argument("--emb", type=int, help="embedding size E")
    p.add_argument("--hidden", type=int, help="hidden size H")
    p.add_argument("--attention-dim", type=int, help="attention size A of additive scorers (0: H)")
    p.add_argument("--batch", type=int, help="batch size PER PROCESS; global batch = batch x processes")
    p.add_argument("--epochs", type=int, help="epochs")
    p.add_argument("--max-steps", type=int, help="stop after this many steps (0: epochs decide)")
    p.add_argument("--lr", type=float, help="learning rate")
    p.add_argument("--optimizer", choices=("adam", "sgd"), help="optimizer")
    p.add_argument("--clip", type=float, help="clip gradients to this global norm (0: off)")
    p.add_argument("--teacher-forcing", type=float, help="probability of feeding the gold token")
    p.add_argument("--dropout", type=float, help="dropout probability on embeddings and h~ while training")
    p.add_argument("--seed", type=int, help="seed of the initial weights, the batches and the random draws")
    p.add_argument("--threads", type=int, default=0, help="threads per process (0: the cores / local processes)")
    p.add_argument("--checkpoint", help="write a checkpoint here after every epoch (rank 0)")
    p.add_argument("--resume", action="store_true", help="continue from --checkpoint")
    p.add_argument("--device", choices=("auto", "cpu", "cuda"), default="auto",
                   help="auto: CUDA (nccl) when available, else CPU (gloo)")
    for option in PREPARE_OPTIONS:
        p.add_argument(option, dest="prepare_option_" + option[2:].replace("-", "_"), nargs="?", const=True,
                       help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    for option in PREPARE_OPTIONS:
        if getattr(args, "prepare_option_" + option[2:].replace("-", "_")) is not None:
            p.error("%s belongs to `attnlab-cli prepare` (the data, its tokenisation and split are fixed there); "
                    "prepare again with it" % option)
    if args.resume and not args.checkpoint:
        p.error("--resume needs --checkpoint PATH")
    return args


def settings(args, prepared_config):
    """The ModelConfig (with training settings) of the prepared defaults overridden by the options."""
    c = ModelConfig.from_dict(prepared_config.to_dict(), prepared_config.source_vocab_size,
                              prepared_config.target_vocab_size)
    if c.attention_dim == c.hidden:
        c.attention_dim = 0  # prepared files store A resolved; 0 follows a changed --hidden
    for option, field in (("scorer", "scorer"), ("decoder", "decoder"), ("emb", "emb"), ("hidden", "hidden"),
                          ("attention_dim", "attention_dim")):
        if getattr(args, option) is not None:
            setattr(c, field, getattr(args, option))
    if args.no_input_feeding:
        c.input_feeding = False
    if args.bidirectional is not None:
        c.bidirectional = args.bidirectional == "true"
    t = c.training
    for option, field in (("batch", "batch_size"), ("epochs", "epochs"), ("max_steps", "max_steps"),
                          ("lr", "learning_rate"), ("optimizer", "optimizer"), ("clip", "clip_norm"),
                          ("teacher_forcing", "teacher_forcing"), ("dropout", "dropout"), ("seed", "seed")):
        if getattr(args, option) is not None:
            setattr(t, field, getattr(args, option))
    try:
        c.validate()
    except ValueError as e:
        raise UsageError(str(e)) from None
    return c


def clip_gradient_norm(parameters, max_norm):
    """AttnLab's clipGradientNorm: the global norm (in double); scaled by max / (norm + 1e-6) when above."""
    grads = [p.grad for p in parameters if p.grad is not None]
    norm = math.sqrt(sum(float(g.double().pow(2).sum()) for g in grads))
    if max_norm > 0 and norm > max_norm:
        scale = max_norm / (norm + 1e-6)
        for g in grads:
            g.mul_(scale)
    return norm


def fixed(value, decimals):
    return "-" if value != value else "%.*f" % (decimals, value)


def percent(fraction):
    return "-" if fraction != fraction else "%.1f%%" % (100.0 * fraction)


def duration(seconds):
    if seconds < 60:
        return "%.1f s" % seconds
    whole = int(round(seconds))
    return "%dm %02ds" % (whole // 60, whole % 60) if whole < 3600 else "%dh %02dm" % (whole // 3600, whole // 60 % 60)


def epoch_line(epoch, planned_epochs, train_loss, metrics, seconds):
    """attnlab-cli train's epoch line (app/cli/ProgressPrinter.cpp, epochSummary)."""
    text = "epoch %d%s  train loss %s" % (epoch, "/%d" % planned_epochs if planned_epochs else "", fixed(train_loss, 4))
    if metrics is None or metrics.examples == 0:
        return text + "  (no validation split)  " + duration(seconds)
    text += "  val loss %s  token acc %s  exact %s  BLEU %s" % (fixed(metrics.loss, 4), percent(metrics.token_accuracy),
                                                             percent(metrics.exact_match), fixed(metrics.bleu, 2))
    if metrics.aer == metrics.aer:
        text += "  AER " + fixed(metrics.aer, 3)
    return text + "  " + duration(seconds)


def metrics_line(m):
    text = "validation: loss %s, token accuracy %s, exact match %s (%d/%d), BLEU %s" % (
        fixed(m.loss, 4), percent(m.token_accuracy), percent(m.exact_match), m.exact_matches, m.examples, fixed(m.bleu, 2))
    if m.aer == m.aer:
        text += ", AER " + fixed(m.aer, 3)
    return text


def architecture(c):
    return {k: v for k, v in c.to_dict().items() if k not in ("training", "dataset")}


def save_checkpoint(path, state):
    buffer = io.BytesIO()
    torch.save(state, buffer)
    write_atomically(path, buffer.getvalue())


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    distributed = "RANK" in os.environ and "WORLD_SIZE" in os.environ
    use_cuda = args.device == "cuda" or (args.device == "auto" and torch.cuda.is_available())
    local_rank = int(os.environ.get("LOCAL_RANK", 0))
    device = torch.device("cuda", local_rank) if use_cuda else torch.device("cpu")
    if use_cuda:
        torch.cuda.set_device(device)
    backend = "nccl" if use_cuda else "gloo"
    if distributed:
        dist.init_process_group(backend)
    rank = dist.get_rank() if distributed else 0
    world = dist.get_world_size() if distributed else 1
    local_world = int(os.environ.get("LOCAL_WORLD_SIZE", 1))
    threads = args.threads if args.threads > 0 else max(1, (os.cpu_count() or 1) // local_world)
    torch.set_num_threads(threads)
    say = (lambda *a, **k: print(*a, **k, flush=True)) if rank == 0 else (lambda *a, **k: None)
    try:
        return train(args, device, backend, distributed, rank, world, threads, say)
    except (UsageError, PreparedError) as e:
        print("attnlab_torch.train: %s" % e, file=sys.stderr, flush=True)
        return 2
    finally:
        if distributed:
            dist.destroy_process_group()


def train(args, device, backend, distributed, rank, world, threads, say):
    data = read_prepared(args.prepared)
    config = settings(args, data.config)
    t = config.training
    pairs = [(p.source, p.target) for p in data.train]
    if config.scorer == "location":
        longest = max(len(s) for s, _ in pairs)
        if longest > config.max_source_len:
            raise UsageError("the location scorer handles sources up to %d tokens; the training split has %d"
                             % (config.max_source_len, longest))
    torch.manual_seed(t.seed)
    module = Seq2Seq(config).to(device)
    model = DistributedDataParallel(module, device_ids=[device.index] if device.type == "cuda" else None) \
        if distributed else module
    parameters = [p for p in module.parameters()]
    if t.optimizer == "sgd":
        optimizer = torch.optim.SGD(parameters, lr=t.learning_rate, momentum=t.momentum)
    else:
        optimizer = torch.optim.Adam(parameters, lr=t.learning_rate, betas=(0.9, 0.999), eps=1e-8)
    batches = BucketedBatches(pairs, t.batch_size, world, rank, t.seed)
    per_epoch = len(batches)
    planned = t.max_steps if t.max_steps > 0 else per_epoch * t.epochs
    history, steps, start_epoch = [], 0, 1
    if args.resume:
        if not os.path.exists(args.checkpoint):
            raise UsageError("--resume: there is no checkpoint at %s" % args.checkpoint)
        state = torch.load(args.checkpoint, map_location=device)
        if state.get("version") != CHECKPOINT_VERSION:
            raise UsageError("%s is not an attnlab_torch checkpoint of version %d" % (args.checkpoint, CHECKPOINT_VERSION))
        if state["architecture"] != architecture(config):
            mine = architecture(config)
            differences = ", ".join("%s %s, options %s" % (k, json.dumps(v), json.dumps(mine.get(k)))
                                    for k, v in state["architecture"].items() if mine.get(k) != v)
            raise UsageError("%s holds another architecture than the options give (checkpoint %s)"
                             % (args.checkpoint, differences))
        module.load_state_dict(state["model"])
        optimizer.load_state_dict(state["optimizer"])
        history, steps, start_epoch = state["history"], state["steps"], state["epoch"] + 1
        if state["world_size"] != world or state["batch"] != t.batch_size or state["seed"] != t.seed:
            say("warning: the checkpoint was written with %d processes, batch %d, seed %d; this run has %d, %d, %d: "
                "the loss curve will differ from an uninterrupted run" % (state["world_size"], state["batch"],
                                                                         state["seed"], world, t.batch_size, t.seed))
        say("resuming from %s after epoch %d (step %d)" % (args.checkpoint, state["epoch"], steps))
    count = sum(p.numel() for p in parameters)
    say("model: %s: %s parameters" % (config.describe(), format(count, ",")))
    say("training: %s steps%s, batch %d x %d process%s = %d, %s lr %g, %s on %s, %d thread%s each" % (
        format(planned, ","), " (%d epochs of %d batches)" % (t.epochs, per_epoch) if t.max_steps == 0 else "",
        t.batch_size, world, "" if world == 1 else "es", t.batch_size * world, t.optimizer, t.learning_rate,
        backend if distributed else "no process group", device.type, threads, "" if threads == 1 else "s"))

    start = time.perf_counter()
    training_seconds = 0.0
    metrics, outcome = None, "completed"
    epoch = start_epoch - 1
    for epoch in range(start_epoch, t.epochs + 1 if t.max_steps == 0 else sys.maxsize):
        epoch_start = time.perf_counter()
        batches.set_epoch(epoch - 1)
        torch.manual_seed(t.seed * 1000003 + epoch * 7919 + rank)  # dropout: from (seed, epoch, rank)
        forcing = torch.Generator().manual_seed(t.seed * 7919 + 17 + epoch)
        model.train()
        losses = torch.zeros(1, dtype=torch.float64)  # Σ over steps of this process's share of the step loss
        epoch_steps = 0
        for indices in batches:
            source, lengths, target = pad_batch([pairs[i] for i in indices], device)
            tokens = (target != 0).sum().to(torch.float64)
            if distributed:
                dist.all_reduce(tokens)
            use_gold = teacher_forcing_schedule(target.size(1), t.teacher_forcing, forcing)
            logits, _ = model(source, lengths, target, use_gold, t.dropout)
            loss_sum = token_loss_sum(logits, target)
            (loss_sum * (world / tokens.item())).backward()  # DDP averages: Σ loss / global tokens
            norm = clip_gradient_norm(parameters, t.clip_norm)
            if not math.isfinite(norm):
                outcome = "diverged"
                say("Training diverged at step %d: the gradient norm became %s. The model keeps the weights of step %d."
                    % (steps + 1, norm, steps))
                break
            optimizer.step()
            optimizer.zero_grad(set_to_none=True)
            losses += float(loss_sum) / tokens.item()
            steps += 1
            epoch_steps += 1
            if t.max_steps > 0 and steps >= t.max_steps:
                break
        if distributed:
            dist.all_reduce(losses)
        training_seconds += time.perf_counter() - epoch_start
        if epoch_steps == 0:
            break
        train_loss = float(losses) / epoch_steps
        if rank == 0:
            metrics = evaluate(module, data.validation, t.batch_size * world, device) if data.validation else None
            seconds = time.perf_counter() - epoch_start
            say(epoch_line(epoch, t.epochs if t.max_steps == 0 else 0, train_loss, metrics, seconds))
            record = {"epoch": epoch, "step": steps, "train_loss": train_loss, "seconds": seconds}
            if metrics is not None:
                record.update(val_loss=metrics.loss, token_accuracy=metrics.token_accuracy,
                              exact_match=metrics.exact_match, bleu=metrics.bleu, aer=metrics.aer)
            history.append(record)
            if args.checkpoint:
                save_checkpoint(args.checkpoint, {
                    "version": CHECKPOINT_VERSION, "model": module.state_dict(), "optimizer": optimizer.state_dict(),
                    "epoch": epoch, "steps": steps, "history": history, "world_size": world, "batch": t.batch_size,
                    "seed": t.seed, "architecture": architecture(config), "config": config.to_dict()})
        if distributed:
            dist.barrier()  # the others wait for rank 0's validation and checkpoint
        if outcome != "completed" or (t.max_steps > 0 and steps >= t.max_steps):
            break

    seconds = time.perf_counter() - start
    if rank == 0 and steps > 0:
        config.training.batch_size = t.batch_size * world  # what one step trained on
        save(module, args.out, data.source_vocab, data.target_vocab, config)
    title = "Finished" if outcome == "completed" else "Diverged"
    say("%s after %d step%s and %d epoch%s in %s (%.1f steps/s of training)." % (
        title, steps, "" if steps == 1 else "s", epoch, "" if epoch == 1 else "s", duration(seconds),
        steps / training_seconds if training_seconds > 0 else 0.0))
    if metrics is not None:
        say(metrics_line(metrics))
    if steps > 0:
        say("Saved the model to %s" % args.out)
    return 0 if outcome == "completed" else 1


if __name__ == "__main__":
    sys.exit(main())
