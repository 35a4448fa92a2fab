"""The event coder on a dependency parse: parse -> actors -> mentions -> roles -> mode -> date.

One module a step: parse.py (spaCy), actors.py (dictionary actors on the tree), mentions.py (verbs
and event nouns with their CAMEO codes), roles.py (source, target, place), mode.py, dates.py;
coder.py puts them together.
"""
