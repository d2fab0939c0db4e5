#!/usr/bin/env bash
# Copies the module documentation ModularityTests generated (target/modules) over docs/modules,
# only for files whose content changed (the generator does not keep the order of lines stable).
set -euo pipefail
cd "$(dirname "$0")/.."
for generated in target/modules/*; do
  committed="docs/modules/$(basename "$generated")"
  if [ ! -f "$committed" ] || ! diff -q <(sed 's/^[ \t]*//;s/[ \t]*$//' "$generated" | sort) \
                                         <(sed 's/^[ \t]*//;s/[ \t]*$//' "$committed" | sort) >/dev/null; then
    cp "$generated" "$committed"
    echo "updated $committed"
  fi
done
