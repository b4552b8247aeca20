#!/usr/bin/env python3
"""Regenerates the NLI parity fixture of one model directory: the logits (and input ids) that
transformers' reference forward pass gives on real pairs, with the model's fp16 weights loaded
as fp32. `cargo test --test nli` requires contra to reproduce them within 1e-3.

    .venv/bin/python scripts/make_nli_fixture.py models/nli-mpnet-base

writes tests/fixtures/nli_parity_nli-mpnet-base.json. The architecture comes from the model's
config.json (BertForSequenceClassification or MPNetForSequenceClassification, with the
tokenizer each ships). Run through scripts/make_fixtures.sh, which installs the pinned
reference packages.
"""
import json
import pathlib
import sys

import torch
from safetensors.torch import load_file
from transformers import (BertConfig, BertForSequenceClassification, BertTokenizer, MPNetConfig,
                          MPNetForSequenceClassification, MPNetTokenizer)

ROOT = pathlib.Path(__file__).resolve().parent.parent
MAX_LEN = 256
ARCHITECTURES = {
    "bert": (BertConfig, BertForSequenceClassification, BertTokenizer),
    "mpnet": (MPNetConfig, MPNetForSequenceClassification, MPNetTokenizer),
}

PAIRS = [
    ("No one had plans here to agree on the ceasefire.", "The sides agreed on a ceasefire in Antalya."),
    ("The sides agreed on a ceasefire in Antalya.", "No one had plans here to agree on the ceasefire."),
    ("Russia did not attack Ukraine.", "Russia attacked Ukraine."),
    ("The talks in Antalya lasted about ninety minutes.", "The foreign ministers met in Antalya."),
    ("Kuleba said there was no progress on a ceasefire.", "The talks produced no ceasefire."),
    ("The maternity hospital in Mariupol was hit by an air strike.", "A hospital in Mariupol was damaged."),
    ("The maternity hospital had long been used as a base by nationalist fighters.", "The building was a working maternity hospital full of patients."),
    ("We are ready to continue the talks in the Belarus format.", "Russia refuses any further negotiations."),
    ("A man is playing a guitar on stage.", "A man is performing music."),
    ("A man is playing a guitar on stage.", "A woman is sleeping at home."),
    ("Two dogs run across a snowy field.", "Animals are outside in the snow."),
    ("The committee approved the budget on Tuesday.", "The budget was rejected by the committee."),
    ("Prices rose by 3.5 percent in February.", "Inflation was negative in February."),
    ("The minister resigned after the scandal.", "The minister is still in office and has no plans to leave."),
    ("Turkey offered to host another round of negotiations.", "Ankara is willing to organise more talks."),
    ("The company reported record profits this year.", "The company made money this year."),
    ("She has never visited Paris.", "She lived in Paris for ten years."),
    ("The bridge was closed for repairs all week.", "Traffic crossed the bridge normally on Wednesday."),
    ("Humanitarian corridors were opened for civilians to leave the city.", "Civilians were allowed to leave the city."),
    ("The Defense Ministry said only military infrastructure was targeted.", "Civilian buildings were struck deliberately."),
    ("Lavrov met Kuleba and Cavusoglu in Antalya on Thursday.", "Lavrov was in Moscow all day Thursday."),
    ("The president will address the nation tonight.", "The president is expected to speak this evening."),
]

# Accents, quotes and numbers exercise the tokenizer; the long premise exercises truncation.
PAIRS += [
    ("Café owners in Zürich said “prices are up 12.5%” since São Paulo's crisis.", "Prices rose in Zurich cafes."),
    ("Kuleba said: 'We are ready for diplomacy, but we will defend our land.'", "Kuleba refused any diplomacy."),
    (" ".join(["The delegations discussed humanitarian corridors, prisoner exchanges and a ceasefire."] * 30),
     "The delegations discussed a ceasefire."),
]


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make_nli_fixture.py MODEL_DIR (e.g. models/nli-mpnet-base)")
    model_dir = ROOT / sys.argv[1]
    out = ROOT / "tests" / "fixtures" / f"nli_parity_{model_dir.name}.json"
    # contra writes BERT configs without model_type, and reads them as BERT too.
    model_type = json.loads((model_dir / "config.json").read_text()).get("model_type", "bert")
    config_class, model_class, tokenizer_class = ARCHITECTURES[model_type]
    config = config_class.from_pretrained(str(model_dir))
    model = model_class(config).eval()
    state = {k: v.float() for k, v in load_file(str(model_dir / "model.safetensors")).items()}
    missing, unexpected = model.load_state_dict(state, strict=False)
    missing = [m for m in missing if not m.endswith("position_ids")]
    if missing or unexpected:
        raise SystemExit(f"weights do not match: missing {missing}, unexpected {unexpected}")
    tokenizer = tokenizer_class(str(model_dir / "vocab.txt"), do_lower_case=True)
    rows = []
    for premise, hypothesis in PAIRS:
        batch = tokenizer(premise, hypothesis, truncation=True, max_length=MAX_LEN, return_tensors="pt")
        with torch.no_grad():
            logits = model(**batch).logits[0].tolist()
        rows.append({"premise": premise, "hypothesis": hypothesis,
                     "input_ids": batch["input_ids"][0].tolist(),
                     "logits": [round(x, 6) for x in logits]})
    out.write_text(json.dumps({
        "reference": f"transformers {model_class.__name__}, torch {torch.__version__}",
        "model": sys.argv[1],
        "max_len": MAX_LEN,
        "labels": [config.id2label[i] for i in range(3)],
        "pairs": rows,
    }, indent=2) + "\n")
    print(f"wrote {len(rows)} pairs to {out}")


if __name__ == "__main__":
    main()
