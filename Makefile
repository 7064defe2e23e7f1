# make install [PREFIX=/usr/local] [DESTDIR=…]: a release `tenet` and its shell completions.
# The work is done by scripts/install, which can also be run directly.
PREFIX ?= /usr/local

.PHONY: install
install:
	scripts/install "$(PREFIX)"
