#!/usr/bin/env bash
# Compares one account with its configuration, changing nothing:
#
#   ci/drift.sh accounts/production
#
# Runs terraform init and a refresh-and-plan with -detailed-exitcode and
# -lock=false (a read-only check must never hold the state lock), and
# says what the exit code means:
#   0  the account matches the configuration;
#   2  drift: the account differs (changed by hand, or a merged change not
#      yet applied); the plan above shows what an apply would do;
#   1  the check itself failed (credentials, network, an invalid
#      configuration): the error is above.
# Its own exit status is the plan's.
set -euo pipefail

account=${1:?usage: ci/drift.sh ACCOUNT_DIR}
terraform=${TERRAFORM:-terraform}
export TF_IN_AUTOMATION=1 TF_INPUT=0

"$terraform" -chdir="$account" init -input=false >/dev/null
set +e
"$terraform" -chdir="$account" plan -input=false -lock=false -detailed-exitcode
code=$?
set -e
case $code in
  0) echo "drift: none: $account matches its configuration" ;;
  2) echo "drift: DETECTED in $account: the plan above shows what an apply would change" ;;
  *) echo "drift: the check of $account FAILED (exit $code): see the error above" ;;
esac
exit "$code"
