"""torchrun, working around one bug of Debian 12's PyTorch 1.13 under Python 3.11.

    python3 -m attnlab_torch.launch --nproc_per_node=2 -m attnlab_torch.train --prepared DIR --out M.safetensors

takes exactly torchrun's arguments. Debian 12's `torchrun` stops before starting any worker with
"AttributeError: 'NoneType' object has no attribute 'get'": its Std.from_str looks the values of
--redirects / --tee (default "0") up by iterating the Std flag, and Python 3.11 no longer yields
the flag's zero and composite members, so "0" becomes None. This module parses those values
itself and then runs torchrun's own main. Where `torchrun` works (PyTorch 2, or Python <= 3.10),
use it directly: the arguments are the same.
"""
import re
import sys

from torch.distributed.elastic.multiprocessing import api


def _from_str(vm):
    """'3' -> Std.ALL; '0:3,1:0' -> {0: Std.ALL, 1: Std.NONE}, as torchrun documents it."""
    if re.fullmatch(r"[0-3]", vm):
        return api.Std(int(vm))
    if re.fullmatch(r"(\d+:[0-3],)*\d+:[0-3]", vm):
        return {int(rank): api.Std(int(value)) for rank, value in (item.split(":") for item in vm.split(","))}
    raise ValueError("%s does not match: <0|1|2|3> or <local_rank:0|1|2|3,...>" % vm)


def patch():
    """Replaces Std.from_str when it is broken (returns None for "0"); harmless otherwise."""
    if api.Std.from_str("0") is None:
        api.Std.from_str = staticmethod(_from_str)


if __name__ == "__main__":
    patch()
    from torch.distributed.run import main

    sys.argv[0] = "torchrun"
    sys.exit(main())
