#!/usr/bin/env bash
# Reproduce the VocabSphere English pipeline end to end from UD English-EWT.
#
#   training/nlp/train.sh [DATA_DIR]      (run from anywhere; DATA_DIR is relative to the repo root)
#
# DATA_DIR (default ../shared/data) must contain ud_english_ewt/en_ewt-ud-{train,dev}.conllu.
# Environment: PYTHON (default .venv/bin/python), VERSION (model version, default 0.1.1),
# OUT (training output dir, default training/nlp/output), SKIP_TRAIN=1 to reuse an
# existing $OUT/model-best (e.g. to repackage a finished run).
# Needs spaCy 3.8 and, for the lemmatizer comparison, spacy-lookups-data.
set -euo pipefail

cd "$(dirname "$0")/../.."            # repo root: every path below is relative to it
DATA_DIR="${1:-../shared/data}"
PYTHON="${PYTHON:-.venv/bin/python}"
VERSION="${VERSION:-0.1.1}"
EWT="$DATA_DIR/ud_english_ewt"
NLP=training/nlp
CORPUS="$NLP/corpus"
OUT="${OUT:-$NLP/output}"
DEST=src/vocabsphere/models/en_vocabsphere

# One core: the numbers in README.md are single-threaded and the machine is shared.
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1

mkdir -p "$CORPUS" "$OUT"

# 1. CoNLL-U -> .spacy. -n 10 groups 10 sentences per doc so the parser learns where
#    sentences end; sentence splits come from the treebank. Multi-word tokens ("don't")
#    become their syntactic words ("do" "n't"), matching spaCy's English tokenizer.
for split in train dev; do
  "$PYTHON" -m spacy convert "$EWT/en_ewt-ud-$split.conllu" "$CORPUS" --converter conllu -n 10 --lang en
done

# 2. Train (single process, CPU). model-best is chosen by the score_weights in config.cfg.
if [[ "${SKIP_TRAIN:-0}" != "1" ]]; then
  "$PYTHON" -m spacy train "$NLP/config.cfg" --output "$OUT" --gpu-id -1 \
    --paths.train "$CORPUS/en_ewt-ud-train.spacy" --paths.dev "$CORPUS/en_ewt-ud-dev.spacy" \
    2>&1 | tee "$OUT/train.log"
fi

# 3. Dev scores as spaCy reports them (spaCy tokenization, aligned to gold).
"$PYTHON" -m spacy evaluate "$OUT/model-best" "$CORPUS/en_ewt-ud-dev.spacy" --output "$OUT/dev-scores.json"

# 4. Edit-tree lemmatizer vs rule lemmatizer on predicted POS; keep the better one.
"$PYTHON" "$NLP/build_model.py" compare "$OUT/model-best" "$CORPUS/en_ewt-ud-dev.spacy" \
  --out "$OUT/lemmatizer-comparison.json"

# 5. Package into the Python package and benchmark the packaged copy.
"$PYTHON" "$NLP/build_model.py" package "$OUT/model-best" "$DEST" \
  --lemmatizer auto --comparison "$OUT/lemmatizer-comparison.json" --version "$VERSION"
"$PYTHON" bench/bench_pipeline.py "$DATA_DIR"
