#!/bin/bash
# One lever at a time against the default settings, on tune data only (the seeds' tune split and 600
# SQuAD questions outside the reported 500), through eval/sweep.py. Prints two Markdown tables.
# Usage: eval/levers.sh [--seeds-index DIR] [--squad-index DIR] [setting=v1,v2 ...]
# Without indexes each sweep builds its own; chunking settings always build a fresh one.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
SQUAD=${SQUAD:-../shared/datasets/squad-dev-v1.1-subset.json}
seeds_index=() squad_index=() levers=()
while (($#)); do
  case $1 in
    --seeds-index) seeds_index=(--index "$2"); shift 2 ;;
    --squad-index) squad_index=(--index "$2"); shift 2 ;;
    *) levers+=("$1"); shift ;;
  esac
done
if ((${#levers[@]} == 0)); then
  levers=(
    rerank_weight=1  # the defaults, for reference
    chunk_tokens=100,256 chunk_overlap_tokens=0,60 rrf_k=60 dense_weight=0 lexical_weight=0
    rerank_weight=0 rerank_semantic_weight=0 rerank_type_bonus=0 answer_semantic_weight=0
    answer_other_passage_ratio=1.0 answer_close_call_ratio=1.0 max_answer_sentences=1 abstain_threshold=0.1,0.2
  )
fi
COLUMNS="| lever | value | hit@1 | hit@5 | contains | zh contains | en contains | abst recall | false abst | med chars | en hit@1 | zh hit@1 | cit prec |"
RULE="|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
table() {  # $1: seeds | squad
  echo "$COLUMNS"
  echo "$RULE"
  for lever in "${levers[@]}"; do
    local index=()
    if [[ $1 == seeds ]]; then
      [[ $lever == chunk_* ]] || index=("${seeds_index[@]}")
      rows=$("$PY" eval/sweep.py --split tune "${index[@]}" "$lever" 2>/dev/null | tail -n +2)
    else
      [[ $lever == chunk_* ]] || index=("${squad_index[@]}")
      rows=$("$PY" eval/sweep.py --dataset "$SQUAD" --split all --outside 600 "${index[@]}" "$lever" 2>/dev/null | tail -n +2)
    fi
    sed "s/^| /| ${lever%%=*} | /" <<<"$rows"
  done
}
echo "## Seeds, tune split"
echo
table seeds
echo
echo "## SQuAD, 600 questions outside the reported 500"
echo
table squad
