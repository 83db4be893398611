"""Compiler options of crosscheck's own code (not of the system libraries)."""

# -Werror holds crosscheck's sources to no warnings under -Wall (.bazelrc);
# sign comparisons between sizes and ints are common and checked by tests.
COPTS = [
    "-Werror",
    "-Wno-sign-compare",
]
