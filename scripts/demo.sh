#!/usr/bin/env bash
# make demo: build the provider and the emulator, start the emulator on a
# free loopback port, apply examples/demo through a dev_overrides CLI
# configuration in a temporary folder, show that a second plan is empty,
# and stop the emulator. Needs only Go (the Makefile installs Terraform).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
terraform=${TERRAFORM:-terraform}
work=$(mktemp -d "${TMPDIR:-/tmp}/fieldservice-demo.XXXXXX")
emu_pid=""

cleanup() {
  if [ -n "$emu_pid" ] && kill -0 "$emu_pid" 2>/dev/null; then
    kill "$emu_pid"
    wait "$emu_pid" 2>/dev/null || true
    echo
    echo "== emulator stopped; what it served:"
    sed -n '/^requests served/,$p' "$work/emulator.log"
  fi
  rm -rf "$work"
}
trap cleanup EXIT

step() { printf '\n== %s\n' "$*"; }

step "building the provider and the emulator"
(cd "$root" && go build -o "$work/bin/terraform-provider-fieldservice" . && go build -o "$work/bin/fieldservice-emulator" ./cmd/fieldservice-emulator)

step "starting the emulator"
"$work/bin/fieldservice-emulator" -addr 127.0.0.1:0 -env-file "$work/emulator.env" >"$work/emulator.log" 2>&1 &
emu_pid=$!
for _ in $(seq 1 100); do
  [ -s "$work/emulator.env" ] && break
  kill -0 "$emu_pid" 2>/dev/null || { cat "$work/emulator.log"; exit 1; }
  sleep 0.1
done
[ -s "$work/emulator.env" ] || { echo "the emulator did not start"; cat "$work/emulator.log"; exit 1; }
sed -n '1,/^$/p' "$work/emulator.log"
# shellcheck disable=SC1091
source "$work/emulator.env"

cat >"$work/terraformrc" <<RC
provider_installation {
  dev_overrides {
    "registry.terraform.io/fieldservice/fieldservice" = "$work/bin"
  }
  direct {}
}
RC
export TF_CLI_CONFIG_FILE="$work/terraformrc"
export TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
mkdir -p "$work/config"
cp "$root"/examples/demo/*.tf "$work/config/"
cd "$work/config"

step "terraform apply"
"$terraform" apply -auto-approve -input=false -no-color

step "terraform plan (must be empty)"
set +e
"$terraform" plan -detailed-exitcode -input=false -no-color
code=$?
set -e
case $code in
  0) echo "OK: no changes after apply." ;;
  2) echo "FAIL: the second plan is not empty (perpetual diff)."; exit 1 ;;
  *) echo "FAIL: terraform plan exited $code."; exit 1 ;;
esac
