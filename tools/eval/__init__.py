"""Judgement quality: the labelled set, the eval bench, and exporting production disagreements.

`python -m tools eval` runs an analyzer over `eval/tickets.jsonl` and prints verdict, category and
missing-item figures (`dataset` loads the set, `runner` judges it, `metrics` scores it, `render`
prints it, `export` turns a person's disagreement in production into an unlabelled test case).
"""
