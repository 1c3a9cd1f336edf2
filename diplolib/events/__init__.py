"""Who did what to whom: directed events with the sentence behind each, in English, French and Arabic.

``extract_events(articles, mentions)`` scans the cue lexicon of each language (reviewable CSV files in
``diplolib/events/data/``, extensible with the user's own: ``load_cues``) over the matching form of a whole batch
of articles in one pass, and reads the source and target of each cue off the actor mentions around it.
``readout_events`` reads the titles of call readouts; ``dyad_counts``, ``dyad_scores`` and ``event_edges`` /
``event_graph`` analyse the events; ``read_plover`` / ``score_plover`` measure them against PLOVER's gold records.
"""

from .._lazy import attach

_NAMES = {
    "extract_events": ".extract",
    "EVENT_COLUMNS": ".table",
    "empty_events": ".table",
    "load_cues": ".lexicon",
    "default_cues": ".lexicon",
    "CueLexicon": ".lexicon",
    "CueFileError": ".lexicon",
    "PLOVER_TYPES": ".lexicon",
    "expand_cue": ".lexicon",
    "readout_events": ".readouts",
    "readout_check": ".readouts",
    "issuer_leaders": ".readouts",
    "ISSUERS": ".readouts",
    "read_plover": ".plover",
    "score_plover": ".plover",
    "plover_reading": ".plover",
    "split_of": ".plover",
    "QUAD_CLASS": ".dyads",
    "QUAD_WEIGHT": ".dyads",
    "dyad_counts": ".dyads",
    "dyad_scores": ".dyads",
    "event_edges": ".dyads",
    "event_graph": ".network",
    "un_authors": ".operative",
}
__getattr__, __dir__ = attach(__name__, _NAMES)
__all__ = list(_NAMES)
