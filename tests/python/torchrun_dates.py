#!/usr/bin/env python3
"""`make torchrun-test` (long, not part of `make test`): the shipped dates trained by
`attnlab-cli train` (batch 64, its default 15 epochs) and by a 2-process torchrun of
attnlab_torch.train with the same global batch (32 x 2) and epochs. Prints both validation exact
matches and wall times; fails when they are more than MAX_GAP points apart, or when AttnLab's
eval does not score the torchrun model as Python did.
Usage: torchrun_dates.py ATTNLAB_CLI  (PYTHONPATH must hold python/)."""
import json
import os
import re
import subprocess
import sys
import tempfile
import time

MAX_GAP = 5.0  # percentage points


def timed(command, env=None):
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit("%s failed:\n%s\n%s" % (" ".join(command), done.stdout[-2000:], done.stderr[-2000:]))
    return done.stdout, done.stderr, seconds


def main(cli):
    with tempfile.TemporaryDirectory() as tmp:
        prepared = os.path.join(tmp, "prepared")
        timed([cli, "prepare", "--data", "dates", "--out", prepared])
        epochs = json.load(open(os.path.join(prepared, "meta.json")))["config"]["training"]["epochs"]

        attnlab_model = os.path.join(tmp, "attnlab.safetensors")
        out, err, attnlab_seconds = timed([cli, "train", "--data", "dates", "--out", attnlab_model, "--batch", "64",
                                           "--threads", "2", "--json"])
        attnlab = json.loads(out)["final"]
        print("attnlab-cli train --batch 64, 2 threads:\n" +
              "\n".join("    " + l for l in err.splitlines() if l.startswith(("epoch", "validation"))), flush=True)

        torch_model = os.path.join(tmp, "torchrun.safetensors")
        command = [sys.executable, "-m", "attnlab_torch.launch", "--standalone", "--nproc_per_node=2",
                   "-m", "attnlab_torch.train", "--prepared", prepared, "--out", torch_model, "--batch", "32",
                   "--threads", "1"]
        out, _, torch_seconds = timed(command, dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1"))
        print("torchrun --nproc_per_node=2 attnlab_torch.train --batch 32 (global 64), gloo:\n" +
              "\n".join("    " + l for l in out.splitlines() if l.startswith(("epoch", "validation"))), flush=True)
        reported = re.search(r"exact match ([0-9.]+)% \((\d+)/(\d+)\)", out)
        python_exact = int(reported.group(2)) / int(reported.group(3))

        scored, _, _ = timed([cli, "eval", "--model", torch_model, "--data", "dates", "--split", "validation", "--json"])
        cli_exact = json.loads(scored)["metrics"]["exact_match"]

    gap = 100.0 * abs(attnlab["exact_match"] - python_exact)
    print("\n%-52s %12s %10s" % ("dates, %d epochs, global batch 64" % epochs, "exact match", "wall time"))
    print("%-52s %11.1f%% %9.1f s" % ("attnlab-cli train (2 threads)", 100 * attnlab["exact_match"], attnlab_seconds))
    print("%-52s %11.1f%% %9.1f s" % ("torchrun, 2 processes x 1 thread, gloo", 100 * python_exact, torch_seconds))
    print("%-52s %11.1f%%" % ("  the torchrun model scored by attnlab-cli eval", 100 * cli_exact))
    ok = gap <= MAX_GAP and abs(cli_exact - python_exact) < 1e-9
    print("%s: exact matches %.1f points apart (at most %.0f); attnlab-cli eval %s Python's figure"
          % ("PASS" if ok else "FAIL", gap, MAX_GAP, "agrees with" if abs(cli_exact - python_exact) < 1e-9 else "DIFFERS from"))
    return 0 if ok else 1


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: torchrun_dates.py ATTNLAB_CLI")
    sys.exit(main(sys.argv[1]))
