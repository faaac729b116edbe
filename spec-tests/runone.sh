#!/bin/bash
# runone.sh FILE TEST: runs one test function in isolation (own temp dir,
# own bundles, own --root), then tears everything down.
set -uo pipefail
SPEC_DIR=$(cd "$(dirname "$0")" && pwd)
TEST_FILE=$1
TEST_NAME=$2
export SPEC_DIR TEST_NAME
# shellcheck source=lib.sh
source "$SPEC_DIR/lib.sh"
# shellcheck disable=SC1090
source "$TEST_FILE"
setup_test
trap 'teardown_test $?' EXIT
new_env "$RUNTIME"
"$TEST_NAME"
