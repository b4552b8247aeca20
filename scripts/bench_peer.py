#!/usr/bin/env python3
"""The Python peer that scripts/bench.sh measures contra against: transformers with the same
weights, the same threads and the same inputs, written the way a user would write it (batches
of 32 in input order, padded to the longest in the batch, `torch.inference_mode()`).

    bench_peer.py nli MODEL_DIR PAIRS.tsv fp32|bf16 THREADS OUT.tsv
    bench_peer.py embed MODEL_DIR SENTENCES.txt fp32|bf16 THREADS OUT.jsonl

Prints one line `seconds=S items=N` on stdout: S times tokenisation and the forward passes,
not Python's imports or the model load (contra's figure in bench.sh subtracts its load the
same way). bf16 is `torch.autocast("cpu", bfloat16)`, the peer's fastest setting.
"""
import csv
import json
import pathlib
import sys
import time

import torch
from safetensors.torch import load_file
from transformers import (AutoTokenizer, BertConfig, BertForSequenceClassification, BertModel,
                          BertTokenizer, MPNetConfig, MPNetForSequenceClassification,
                          MPNetTokenizer)

BATCH = 32
MAX_LEN = 256
NLI = {
    "bert": (BertConfig, BertForSequenceClassification, BertTokenizer),
    "mpnet": (MPNetConfig, MPNetForSequenceClassification, MPNetTokenizer),
}
LABELS = ["entailment", "neutral", "contradiction"]


def load_nli(model_dir):
    model_type = json.loads((model_dir / "config.json").read_text()).get("model_type", "bert")
    config_class, model_class, tokenizer_class = NLI[model_type]
    model = model_class(config_class.from_pretrained(str(model_dir))).eval()
    state = {k: v.float() for k, v in load_file(str(model_dir / "model.safetensors")).items()}
    model.load_state_dict(state, strict=False)
    return model, tokenizer_class(str(model_dir / "vocab.txt"), do_lower_case=True)


def read_pairs(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(r["id"], r["premise"], r["hypothesis"]) for r in rows]


def run_nli(model_dir, pairs_path, precision, out_path):
    model, tokenizer = load_nli(model_dir)
    pairs = read_pairs(pairs_path)
    probabilities = []
    start = time.perf_counter()
    with torch.inference_mode(), torch.autocast("cpu", torch.bfloat16, enabled=precision == "bf16"):
        for i in range(0, len(pairs), BATCH):
            batch = pairs[i:i + BATCH]
            encoded = tokenizer([p for _, p, _ in batch], [h for _, _, h in batch], padding=True,
                                truncation=True, max_length=MAX_LEN, return_tensors="pt")
            probabilities += model(**encoded).logits.float().softmax(-1).tolist()
    seconds = time.perf_counter() - start
    with open(out_path, "w", encoding="utf-8") as out:
        out.write("id\tlabel\tentailment\tneutral\tcontradiction\n")
        for (pair_id, _, _), p in zip(pairs, probabilities):
            label = LABELS[max(range(3), key=p.__getitem__)]
            out.write(f"{pair_id}\t{label}\t{p[0]:.6f}\t{p[1]:.6f}\t{p[2]:.6f}\n")
    return seconds, len(pairs)


def run_embed(model_dir, sentences_path, precision, out_path):
    model = BertModel.from_pretrained(str(model_dir)).eval()
    tokenizer = AutoTokenizer.from_pretrained(str(model_dir))
    sentences = [s for s in pathlib.Path(sentences_path).read_text(encoding="utf-8").splitlines()
                 if s.strip()]
    vectors = []
    start = time.perf_counter()
    with torch.inference_mode(), torch.autocast("cpu", torch.bfloat16, enabled=precision == "bf16"):
        for i in range(0, len(sentences), BATCH):
            encoded = tokenizer(sentences[i:i + BATCH], padding=True, truncation=True,
                                max_length=MAX_LEN, return_tensors="pt")
            hidden = model(**encoded).last_hidden_state.float()
            mask = encoded["attention_mask"].unsqueeze(-1).float()
            pooled = (hidden * mask).sum(1) / mask.sum(1)
            vectors += torch.nn.functional.normalize(pooled, dim=-1).tolist()
    seconds = time.perf_counter() - start
    with open(out_path, "w", encoding="utf-8") as out:
        for sentence, vector in zip(sentences, vectors):
            out.write(json.dumps({"text": sentence, "embedding": vector}) + "\n")
    return seconds, len(sentences)


def main():
    if len(sys.argv) != 7 or sys.argv[1] not in ("nli", "embed") or sys.argv[4] not in ("fp32", "bf16"):
        sys.exit(__doc__)
    task, model_dir, inputs, precision, threads, out_path = sys.argv[1:]
    torch.set_num_threads(int(threads))
    run = run_nli if task == "nli" else run_embed
    seconds, items = run(pathlib.Path(model_dir), inputs, precision, out_path)
    print(f"seconds={seconds:.3f} items={items}")


if __name__ == "__main__":
    main()
