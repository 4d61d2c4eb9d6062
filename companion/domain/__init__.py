"""Pure logic: dataclasses and functions of the data and `today`, no I/O.

Nothing in this package may import textual or tinydb (a test checks it).
"""
