"""Analyst review: accept, reject, correct, add and merge, as decisions kept in the store.

A decision is data (decision.py): who, when, why, what, and the key of the fact it is about. The
policy (policy.py) turns the decisions into one rewrite of graph rows, applied to every load and
to the store when a decision is made, so a reload or a newer extractor's reading keeps them.
"""
