PREFIX ?= /usr/local
BUILD := build
BIN := $(BUILD)/ociruntime
DOTNET ?= dotnet

.PHONY: all build install test unit-test spec-test clean

all: build

build: $(BIN)

$(BIN): $(shell find src -name '*.cs' -o -name '*.c' -o -name '*.csproj' | grep -v /obj/ | grep -v /bin/) $(wildcard schemas/*.json) Directory.Build.props
	$(DOTNET) publish src/OciRuntime/OciRuntime.csproj -c Release -o $(BUILD)/publish -nologo -v:q
	cp $(BUILD)/publish/ociruntime $(BIN)

install: $(BIN)
	install -D -m 0755 $(BIN) $(DESTDIR)$(PREFIX)/bin/ociruntime

unit-test:
	$(DOTNET) test src/OciRuntime.Tests/OciRuntime.Tests.csproj -nologo

clean:
	rm -rf $(BUILD)
	find src -name obj -o -name bin | xargs rm -rf
