#!/bin/sh
# Downloads the CoNLL-2003 English NER data (Reuters news, train/valid/test, IOB2 tags with
# -DOCSTART- document breaks) that the name recogniser is trained and measured on, and
# checks each file against the checksum it was trained with. The data is not shipped with
# Briefing Notebook: only the weights trained from it (assets/recogniser.bin) are.
#
#   scripts/fetch-conll2003.sh [DIR]     (default: target/conll2003)
set -eu
dir=${1:-target/conll2003}
base=https://raw.githubusercontent.com/heathher/Named-Entity-Recognition/10e9d65943d5973b24f9372edf34676af355fab1/conll2003
mkdir -p "$dir"
for f in train valid test; do
    if [ ! -s "$dir/$f.txt" ]; then
        curl -fsSL --retry 3 -o "$dir/$f.txt.part" "$base/$f.txt"
        mv "$dir/$f.txt.part" "$dir/$f.txt"
    fi
done
cd "$dir"
sha256sum -c <<'SUMS'
4df923b8161472d0ad4dfaeaf9a0b76cc5ac2fb5fbcae01d56eaf9f856e291c4  train.txt
586f1baed1044d6e8661c43e65b0ab7f13a76867d12fbf653037f696a2ef3134  valid.txt
4fba02067653f6acfe7e19904f9376d32019fd865bd452f1b23e2f7add357317  test.txt
SUMS
