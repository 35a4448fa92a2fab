"""Benchmarks: each prints its figures and ratios against a peer on the same input (see README)."""
