#!/usr/bin/env python3
"""Regenerates tests/fixtures/nli_parity.json: logits of the shipped NLI model
(models/nli-minilm-l6) from transformers' BertForSequenceClassification, a PyTorch
reference forward pass over the same fp16 weights loaded as fp32. `contra nli` must
reproduce them within 1e-3.

Run through scripts/make_fixtures.sh, which installs the pinned reference packages.
"""
import json
import pathlib

import torch
from safetensors.torch import load_file
from transformers import BertConfig, BertForSequenceClassification, BertTokenizer

ROOT = pathlib.Path(__file__).resolve().parent.parent
MODEL = ROOT / "models" / "nli-minilm-l6"
OUT = ROOT / "tests" / "fixtures" / "nli_parity.json"

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


def main():
    config = BertConfig.from_pretrained(str(MODEL))
    model = BertForSequenceClassification(config).eval()
    state = {k: v.float() for k, v in load_file(str(MODEL / "model.safetensors")).items()}
    missing, unexpected = model.load_state_dict(state, strict=False)
    missing = [m for m in missing if not m.endswith("position_ids")]
    if missing or unexpected:
        raise SystemExit(f"weights do not match: missing {missing}, unexpected {unexpected}")
    tokenizer = BertTokenizer(str(MODEL / "vocab.txt"), do_lower_case=True)
    rows = []
    for premise, hypothesis in PAIRS:
        batch = tokenizer(premise, hypothesis, truncation=True, max_length=256, return_tensors="pt")
        with torch.no_grad():
            logits = model(**batch).logits[0].tolist()
        rows.append({"premise": premise, "hypothesis": hypothesis,
                     "logits": [round(x, 6) for x in logits]})
    OUT.write_text(json.dumps({
        "reference": f"transformers BertForSequenceClassification, torch {torch.__version__}",
        "labels": [config.id2label[i] for i in range(3)],
        "pairs": rows,
    }, indent=2) + "\n")
    print(f"wrote {len(rows)} pairs to {OUT}")


if __name__ == "__main__":
    main()
