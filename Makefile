# Vetted: common tasks. Everything here is a thin wrapper over scripts/.
#   make setup   install what is missing (scripts/setup.sh; --ci extras for CI)
#   make build   debug build, tests included
#   make run     release build, then serve the demo on http://127.0.0.1:8080
#   make test    whole suite on in-memory SQLite; TEST_ARGS="--filter X" narrows it

.PHONY: setup build run test

setup:
	scripts/setup.sh

build:
	swift build --build-tests

# The server prints the admin login it created for the demo.
run: setup
	swift build -c release --product vetted
	exec .build/release/vetted serve --demo --data-dir ./data

# TEST_ARGS reaches scripts/test.sh through the environment (make exports
# variables given on its command line), e.g. make test TEST_ARGS="--filter VettedWebTests".
test: setup
	scripts/test.sh

# copydetect, the baseline of `vetted bench plagiarism`, in its own virtual environment.
.PHONY: bench-deps
bench-deps:
	[ -x /opt/vetted-bench/bin/python ] || /usr/bin/python3 -m venv /opt/vetted-bench
	/opt/vetted-bench/bin/pip install -q --disable-pip-version-check copydetect
