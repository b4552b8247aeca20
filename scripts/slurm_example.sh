#!/usr/bin/env bash
# A real Slurm run of `contra batch`: installs Slurm and MUNGE from Debian's packages if
# missing, starts a single-node controller and daemon on this machine (their own config,
# state and MUNGE socket under a temporary directory; nothing system-wide is started),
# submits a 4-task array job that runs `contra batch --shard $SLURM_ARRAY_TASK_ID/4` over a
# manifest of PolNeAR dev articles (two outlets' articles of one day per line), waits,
# merges the shards' indexes, checks that every line finished, times the same manifest in
# one process for comparison, and stops what it started.
#
#   scripts/slurm_example.sh            (needs root or sudo for apt, and ../shared)
#   LINES=24 MODEL=models/nli-mpnet-base-r3 scripts/slurm_example.sh
#
# LINES (default 12) caps the manifest; MODEL (default the small MiniLM NLI model, to keep
# the example to minutes on 2 cores) is the NLI model every task uses.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
LINES=${LINES:-12}
MODEL=${MODEL:-models/nli-minilm-l6}
TASKS=4
texts=../shared/data/polnear/dev/text
[ -d "$texts" ] || { echo "slurm_example: $texts not found (../shared is needed)" >&2; exit 2; }

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
    echo "[slurm] installing slurm-wlm and munge from Debian" >&2
    sudo_if_needed apt-get update -qq
    sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null
fi
bash scripts/setup.sh >/dev/null
contra=$root/target/release/contra

run=$(mktemp -d /tmp/contra-slurm.XXXXXX)
pids=()
stop() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap stop EXIT
mkdir -p "$run/state" "$run/spool" "$run/log" "$run/articles"

# The manifest: for each day, one article each of the first two outlets that covered it.
python3 - "$texts" "$run/articles" "$run/manifest.jsonl" "$LINES" <<'PY'
import collections, pathlib, shutil, sys, json
texts, articles, manifest, limit = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
days = collections.defaultdict(dict)
for path in sorted(texts.glob("*.txt")):
    outlet, day = path.name.split("_")[:2]
    days[day].setdefault(outlet, path)
with open(manifest, "w") as out:
    lines = 0
    for day, outlets in sorted(days.items()):
        if len(outlets) < 2 or lines == limit:
            continue
        pair = list(outlets.values())[:2]
        for path in pair:
            shutil.copy(path, articles / path.name)
        out.write(json.dumps({"id": day, "articles": [f"articles/{p.name}" for p in pair]}) + "\n")
        lines += 1
print(f"[slurm] manifest: {lines} comparisons", file=sys.stderr)
PY

# MUNGE with its own key and socket, so no system daemon is touched.
dd if=/dev/urandom bs=1 count=1024 of="$run/munge.key" status=none
chmod 400 "$run/munge.key"
munged --force --key-file="$run/munge.key" --socket="$run/munge.socket" \
    --pid-file="$run/munged.pid" --log-file="$run/log/munged.log" --seed-file="$run/munge.seed"
pids+=("$(cat "$run/munged.pid")")

host=$(hostname -s)
cat >"$run/slurm.conf" <<EOF
ClusterName=contra-example
SlurmctldHost=$host
SlurmUser=$(id -un)
AuthType=auth/munge
AuthInfo=socket=$run/munge.socket
CredType=cred/munge
StateSaveLocation=$run/state
SlurmdSpoolDir=$run/spool
SlurmctldPidFile=$run/slurmctld.pid
SlurmdPidFile=$run/slurmd.pid
SlurmctldLogFile=$run/log/slurmctld.log
SlurmdLogFile=$run/log/slurmd.log
SlurmctldPort=16817
SlurmdPort=16818
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
MpiDefault=none
ReturnToService=2
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=example Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF=$run/slurm.conf
slurmctld -D -i >"$run/log/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D >"$run/log/slurmd.out" 2>&1 &
pids+=($!)
for _ in $(seq 60); do
    sinfo -h -o '%T' 2>/dev/null | grep -qE 'idle|mixed' && break
    sleep 1
done
sinfo -h -o '%T' | grep -qE 'idle|mixed' || { echo "[slurm] the node did not come up; logs in $run/log" >&2; exit 1; }
echo "[slurm] controller and node up: $(sinfo -h -o '%P %D %T %c CPUs')" >&2

cat >"$run/job.sh" <<EOF
#!/bin/bash
#SBATCH --array=0-$((TASKS - 1)) --cpus-per-task=1 --output=$run/log/task-%a.out
exec "$contra" batch "$run/manifest.jsonl" -o "$run/out" --resume --threads 1 --quiet \\
    --nli-model "$root/$MODEL" --embed-model "$root/models/all-MiniLM-L6-v2" \\
    --shard "\$SLURM_ARRAY_TASK_ID/$TASKS"
EOF
start=$(date +%s.%N)
sbatch --wait --parsable "$run/job.sh" >"$run/job.id" || true
array_s=$(python3 -c "import time; print(f'{time.time() - $start:.1f}')")
echo "[slurm] array job $(cat "$run/job.id") finished in ${array_s} s" >&2

"$contra" batch --merge "$run/out"
expected=$(wc -l <"$run/manifest.jsonl")
ok=$(grep -c '"status":"ok"' "$run/out/index.jsonl" || true)
for id in $(python3 -c "import json,sys; [print(json.loads(l)['id']) for l in open(sys.argv[1])]" "$run/manifest.jsonl"); do
    [ -s "$run/out/$id.json" ] && [ -s "$run/out/$id.md" ] || { echo "[slurm] $id has no report" >&2; exit 1; }
done
[ "$ok" -eq "$expected" ] || { echo "[slurm] $ok of $expected lines ok; see $run/out" >&2; exit 1; }

start=$(date +%s.%N)
"$contra" batch "$run/manifest.jsonl" -o "$run/one-process" --threads "$(nproc)" --quiet \
    --nli-model "$root/$MODEL" --embed-model "$root/models/all-MiniLM-L6-v2"
single_s=$(python3 -c "import time; print(f'{time.time() - $start:.1f}')")
same=$(cd "$run" && for id in $(ls out/*.json); do cmp -s "$id" "one-process/${id#out/}" && echo same; done | wc -l)
echo "[slurm] $expected comparisons: array of $TASKS tasks ${array_s} s, one process ${single_s} s; $same of $expected JSON reports byte-identical between the two"
