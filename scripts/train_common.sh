# Shared steps of the training scripts; sourced, not run.

# require_dirs HINT DIR...: exits 2 naming the first missing DIR, with HINT on what to set.
require_dirs() {
    local hint=$1 dir
    shift
    for dir in "$@"; do
        if [ ! -d "$dir" ]; then
            echo "$(basename "$0"): $dir not found ($hint)" >&2
            exit 2
        fi
    done
}

# frozen_trainer: copies contra-torch (the half of contra that runs the model commands) to a
# temporary file named in $bin, removed on exit, so that rebuilding during a long run cannot
# touch the running binary. Idle OpenMP threads sleep instead of spinning: on a shared 2-core
# machine, spinning threads starve each other whenever anything else runs.
frozen_trainer() {
    bin=$(mktemp /tmp/contra-train.XXXXXX)
    trap 'rm -f "$bin"' EXIT
    cp target/release/contra-torch "$bin"
    chmod +x "$bin"
    export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}
}
