"""Sentences of a text: moved to :mod:`diplolib.segment`, shared by every annotator (re-exported here)."""

from ..segment import ABBREVIATIONS, sentence_spans, split_sentences

__all__ = ["sentence_spans", "split_sentences", "ABBREVIATIONS"]
