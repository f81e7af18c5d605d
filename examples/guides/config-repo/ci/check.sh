#!/usr/bin/env bash
# Checks one account's configuration on the fieldservice emulator, seeded
# with the account's seed file, before anything touches the real account:
#
#   ci/check.sh accounts/sandbox
#
# It starts the emulator on a free loopback port, points the provider at it,
# and runs terraform init, validate, plan, apply and a second plan, which
# must be empty. The account's backend is replaced, for this run only, by a
# local state in a temporary folder. Exit status: 0 when every step passed.
#
# Environment: TERRAFORM (default terraform; tofu works too),
# FIELDSERVICE_EMULATOR (default fieldservice-emulator), EMULATOR_DUMP (a
# file to write what the emulator holds after the apply, in the seed format).
set -euo pipefail

account=${1:?usage: ci/check.sh ACCOUNT_DIR}
terraform=${TERRAFORM:-terraform}
emulator=${FIELDSERVICE_EMULATOR:-fieldservice-emulator}
work=$(mktemp -d)
override="$account/zz_emulator_check_override.tf"
emulator_pid=

stop_emulator() {
  if [ -n "$emulator_pid" ]; then
    kill -INT "$emulator_pid" 2>/dev/null || true
    if ! wait "$emulator_pid"; then
      echo "check: the emulator did not stop cleanly; its log:"
      cat "$work/emulator.log"
    fi
    emulator_pid=
  fi
}
cleanup() {
  stop_emulator >/dev/null 2>&1 || true
  rm -f "$override"
  rm -rf "$work"
}
trap cleanup EXIT

step() { echo "check: $*"; }

step "starting the emulator with $account/seed.yaml"
dump_args=()
if [ -n "${EMULATOR_DUMP:-}" ]; then
  dump_args=(--dump "$EMULATOR_DUMP")
fi
"$emulator" --seed "$account/seed.yaml" --port 0 --env-file "$work/env" "${dump_args[@]}" >"$work/emulator.log" 2>&1 &
emulator_pid=$!
for _ in $(seq 300); do
  if grep -q SERVICETRADE_BASE_URL "$work/env" 2>/dev/null; then
    break
  fi
  if ! kill -0 "$emulator_pid" 2>/dev/null; then
    emulator_pid=
    echo "check: the emulator did not start:"
    cat "$work/emulator.log"
    exit 1
  fi
  sleep 0.1
done
# shellcheck disable=SC1091
. "$work/env"

# This run's state is local and temporary: the real backend is never used.
cat >"$override" <<EOF
terraform {
  backend "local" {
    path = "$work/terraform.tfstate"
  }
}
EOF
export TF_DATA_DIR="$work/.terraform" TF_IN_AUTOMATION=1 TF_INPUT=0
tf() { "$terraform" -chdir="$account" "$@"; }

step "init"
tf init -input=false
step "validate"
tf validate
step "plan"
tf plan -input=false -out="$work/tfplan"
step "apply"
tf apply -input=false "$work/tfplan"
step "second plan (must be empty)"
set +e
tf plan -input=false -detailed-exitcode
code=$?
set -e
case $code in
  0) echo "check: the second plan is empty" ;;
  2) echo "check: FAILED: the second plan is not empty: the configuration does not converge (see the changes above)"; exit 1 ;;
  *) echo "check: FAILED: the second plan failed"; exit "$code" ;;
esac

if [ -n "${EMULATOR_DUMP:-}" ]; then
  stop_emulator
  echo "check: what the emulator holds after the apply is in $EMULATOR_DUMP"
fi
echo "check: $account passed"
