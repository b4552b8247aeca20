#!/usr/bin/env python3
"""Averages the weights of two NLI model directories of one architecture (a "model soup",
Wortsman et al. 2022; WiSE-FT): OUT = (1 - WEIGHT) * A + WEIGHT * B, tensor by tensor.

A later training round that starts from A and ends at B can gain on the dev sets while
losing some of what A did well; a point between the two can keep both. The tensors are
averaged in fp32 and stored in A's dtype. OUT gets A's config.json and vocab.txt (which must
match B's), and a training.json that records the two models, the weight and B's training.

  scripts/average_nli_models.py A_DIR B_DIR --weight 0.5 --out OUT_DIR

Needs the project's .venv (torch, safetensors): run it with .venv/bin/python.
"""
import argparse
import hashlib
import json
import shutil
import sys
import tempfile
from pathlib import Path

import torch
from safetensors.torch import load_file, save_file

WEIGHTS = "model.safetensors"


def fail(message):
    print(f"average_nli_models.py: {message}", file=sys.stderr)
    sys.exit(2)


def read_model(directory):
    for name in (WEIGHTS, "config.json", "vocab.txt"):
        if not (directory / name).is_file():
            fail(f"{directory / name} not found: is {directory} an NLI model directory?")
    config = json.loads((directory / "config.json").read_text())
    return load_file(str(directory / WEIGHTS)), config


def same_model_shape(a_dir, b_dir, a, b, a_config, b_config):
    ignored = {"_name_or_path"}
    differ = sorted(k for k in set(a_config) | set(b_config)
                    if k not in ignored and a_config.get(k) != b_config.get(k))
    if differ:
        fail(f"{a_dir} and {b_dir} have different configs ({', '.join(differ)})")
    if (a_dir / "vocab.txt").read_bytes() != (b_dir / "vocab.txt").read_bytes():
        fail(f"{a_dir} and {b_dir} have different vocab.txt files")
    if a.keys() != b.keys():
        fail(f"{a_dir} and {b_dir} hold different tensors: "
             f"{sorted(a.keys() ^ b.keys())[:5]}")
    for name in a:
        if a[name].shape != b[name].shape:
            fail(f"tensor {name}: shape {tuple(a[name].shape)} in {a_dir}, "
                 f"{tuple(b[name].shape)} in {b_dir}")


def training_record(a_dir, b_dir, weight):
    record = {"averaged": {"a": str(a_dir), "b": str(b_dir), "weight_of_b": weight}}
    for key, directory in (("a_training", a_dir), ("b_training", b_dir)):
        path = directory / "training.json"
        if path.is_file():
            record[key] = json.loads(path.read_text())
    return record


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("a", type=Path, help="first model directory (weight 1 - WEIGHT)")
    parser.add_argument("b", type=Path, help="second model directory (weight WEIGHT)")
    parser.add_argument("--weight", type=float, required=True,
                        help="the share of B, between 0 and 1")
    parser.add_argument("--out", type=Path, required=True, help="directory to write")
    args = parser.parse_args()
    if not 0.0 <= args.weight <= 1.0:
        fail(f"--weight must lie between 0 and 1, not {args.weight}")
    a, a_config = read_model(args.a)
    b, b_config = read_model(args.b)
    same_model_shape(args.a, args.b, a, b, a_config, b_config)
    averaged = {
        name: ((1.0 - args.weight) * a[name].float() + args.weight * b[name].float())
        .to(a[name].dtype).contiguous()
        for name in a
    }
    # Written beside OUT and renamed into it file by file, so that a failed run leaves no
    # half-written weights and other files there (a model card) stay.
    args.out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{args.out.name}.", dir=args.out.parent))
    save_file(averaged, str(tmp / WEIGHTS), metadata={"format": "pt"})
    for name in ("config.json", "vocab.txt"):
        shutil.copy(args.a / name, tmp / name)
    record = training_record(args.a, args.b, args.weight)
    (tmp / "training.json").write_text(json.dumps(record, indent=2) + "\n")
    for name in (WEIGHTS, "config.json", "vocab.txt", "training.json"):
        (tmp / name).chmod(0o644)
        (tmp / name).replace(args.out / name)
    tmp.rmdir()
    digest = hashlib.sha256((args.out / WEIGHTS).read_bytes()).hexdigest()
    print(f"wrote {args.out}: {len(averaged)} tensors, "
          f"{(1 - args.weight):.2f} x {args.a} + {args.weight:.2f} x {args.b}, "
          f"sha256 {digest}")


if __name__ == "__main__":
    main()
