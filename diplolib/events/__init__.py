"""Who did what to whom: directed events with the sentence behind each, in English, French and Arabic.

``extract_events(articles, mentions)`` scans the cue lexicon of each language (reviewable CSV files in
``diplolib/events/data/``, extensible with the user's own) over the matching form of a whole batch of articles in
one pass, and reads the source and target of each cue off the actor mentions around it.
"""

from .extract import EVENT_COLUMNS, empty_events, extract_events
from .readouts import ISSUERS, issuer_leaders, readout_check, readout_events
from .lexicon import PLOVER_TYPES, CueFileError, CueLexicon, expand_cue, load_cues
from .plover import plover_reading, read_plover, score_plover, split_of

__all__ = ["extract_events", "EVENT_COLUMNS", "empty_events", "load_cues", "CueLexicon", "CueFileError",
           "PLOVER_TYPES", "expand_cue", "readout_events", "readout_check", "issuer_leaders", "ISSUERS",
           "read_plover", "score_plover", "plover_reading", "split_of"]
