PREFIX ?= /usr/local
BUILD := build
BIN := $(BUILD)/ociruntime
DOTNET ?= dotnet

# Runtime under test for the spec tests, and the runtime used as oracle for
# the scenarios that compare behaviour (empty ORACLE disables comparison).
RUNTIME ?= $(abspath $(BIN))
ORACLE ?= runc
JOBS ?= 3
# The runtime whose `spec` command writes the demo bundle's config.json.
SPEC_RUNTIME ?= $(abspath $(BIN))

BUNDLE := $(BUILD)/bundle
DEMO_ARGS := ["sh", "-c", "hostname; id; ps"]

# Debian packages the tests and the demo need (runc is the oracle).
DEPS := busybox-static runc jq iproute2 procps util-linux coreutils qemu-system-x86 cpio uidmap passwd python3 podman containerd

.PHONY: all build install deps bundle demo test unit-test spec-test bench stress clean

all: build

build: $(BIN)

$(BIN): $(shell find src -name '*.cs' -o -name '*.c' -o -name '*.csproj' | grep -v /obj/ | grep -v /bin/) $(wildcard schemas/*.json) Directory.Build.props
	$(DOTNET) publish src/OciRuntime/OciRuntime.csproj -c Release -o $(BUILD)/publish -nologo -v:q
	cp $(BUILD)/publish/ociruntime $(BIN)

install: $(BIN)
	install -D -m 0755 $(BIN) $(DESTDIR)$(PREFIX)/bin/ociruntime

# Installs only what is missing; needs root when something is.
deps:
	@missing=""; \
	for p in $(DEPS); do \
		dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "deps: installing$$missing"; \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing; \
	fi

bundle: $(BIN)
	rm -rf $(BUNDLE)
	mkdir -p $(BUNDLE)
	spec-tests/mkrootfs.sh $(BUNDLE)/rootfs
	cd $(BUNDLE) && $(SPEC_RUNTIME) spec
	jq --argjson args '$(DEMO_ARGS)' '.process.terminal = false | .process.args = $$args' \
		$(BUNDLE)/config.json > $(BUNDLE)/config.json.new
	mv $(BUNDLE)/config.json.new $(BUNDLE)/config.json

demo: deps build bundle
	-@$(BIN) delete --force demo > /dev/null 2>&1
	$(BIN) run -b $(BUNDLE) demo

# Unit tests: the count comes from the trx report, written to
# $(BUILD)/unit.summary as "PASSED FAILED".
unit-test:
	@mkdir -p $(BUILD)/test-results
	@rm -f $(BUILD)/test-results/unit.trx $(BUILD)/unit.summary
	@$(DOTNET) test src/OciRuntime.Tests/OciRuntime.Tests.csproj -nologo \
		--logger "trx;LogFileName=unit.trx" --results-directory $(abspath $(BUILD)/test-results); \
	rc=$$?; trx=$(BUILD)/test-results/unit.trx; \
	if [ -f "$$trx" ]; then \
		p=$$(grep -o '<Counters [^>]*' "$$trx" | grep -o ' passed="[0-9]*"' | grep -o '[0-9]*'); \
		f=$$(grep -o '<Counters [^>]*' "$$trx" | grep -o ' failed="[0-9]*"' | grep -o '[0-9]*'); \
	else p=0; f=1; fi; \
	if [ "$$rc" -ne 0 ] && [ "$${f:-0}" -eq 0 ]; then f=1; fi; \
	echo "$${p:-0} $${f:-0}" > $(BUILD)/unit.summary; \
	echo "unit tests: $${p:-0} passed, $${f:-0} failed"; \
	exit $$rc

spec-test: SHELL := /bin/bash
spec-test:
	@mkdir -p $(BUILD)
	@RUNTIME=$(RUNTIME) ORACLE=$(ORACLE) JOBS=$(JOBS) spec-tests/run 2>&1 | tee $(BUILD)/spec-test.log; \
	exit $${PIPESTATUS[0]}

# Runs both suites even if the first fails, then prints one honest total.
test: SHELL := /bin/bash
test: deps build
	@rm -f $(BUILD)/unit.summary $(BUILD)/spec-test.log
	@$(MAKE) --no-print-directory unit-test; \
	$(MAKE) --no-print-directory spec-test SHELL=/bin/bash; \
	read up uf < $(BUILD)/unit.summary 2>/dev/null || { up=0; uf=1; }; \
	last=$$(tail -n1 $(BUILD)/spec-test.log 2>/dev/null); \
	if [[ $$last =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$$ ]]; then sp=$${BASH_REMATCH[1]}; sf=$${BASH_REMATCH[2]}; else sp=0; sf=1; fi; \
	echo "unit: $$up passed, $$uf failed; spec: $$sp passed, $$sf failed"; \
	echo "$$((up + sp)) passed, $$((uf + sf)) failed"; \
	[ $$((uf + sf)) -eq 0 ]

# Benchmark against runc and crun (installed if missing); quick by default,
# BENCH_FULL=1 for the full suite. Writes bench/RESULTS.md.
bench: build
	RUNTIME=$(abspath $(BIN)) bench/bench.sh

# Long reliability runs: a soak of SOAK_N lifecycles with leak sampling, 100
# parallel lifecycles, and a long config fuzz (FUZZ_N executions).
stress: SHELL := /bin/bash
stress: build
	RUNTIME=$(RUNTIME) SOAK_N=$${SOAK_N:-2000} spec-tests/soak.sh
	RUNTIME=$(RUNTIME) ORACLE= CONCURRENCY_N=100 spec-tests/run spec-tests/tests/concurrency.sh
	OCIRUNTIME_FUZZ_ITERATIONS=$${FUZZ_N:-100000} $(DOTNET) test src/OciRuntime.Tests/OciRuntime.Tests.csproj -nologo --filter FullyQualifiedName~ConfigFuzzTests --logger "console;verbosity=normal"

clean:
	rm -rf $(BUILD) spec-tests/.work
	find src -name obj -o -name bin | xargs rm -rf
