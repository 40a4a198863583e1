"""Settings: one frozen dataclass, validated when built, overridable from the environment.

Per-call overrides elsewhere default to None and fall back to these values.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

RETRIEVAL_MODES = ("hybrid", "dense", "bm25")
GENERATORS = ("extractive", "openai")
DEFAULT_EMBED_MODEL = "bundled:all-MiniLM-L6-v2"


@dataclass(frozen=True)
class Settings:
    index_dir: Path = Path(".rag")  # embedded Chroma, lexical index, lock and manifest live here
    chroma_url: str | None = None  # http://HOST:PORT of a `chroma run` server; None = embedded
    collection: str = "rag"  # Chroma collection name
    embed_model: str = DEFAULT_EMBED_MODEL  # or any sentence-transformers name or folder
    embed_batch_size: int = 64
    chunk_tokens: int = 254  # word pieces per chunk: all the model reads (256 less [CLS] and [SEP]); swept on tune sets
    chunk_overlap_tokens: int = 30
    top_k: int = 5  # passages returned to the generator and the user
    candidates: int = 30  # per retriever, before fusion
    mode: str = "hybrid"  # hybrid | dense | bm25
    rrf_k: int = 10  # reciprocal rank fusion constant; small k trusts the top ranks (swept in eval/sweep.py)
    dense_weight: float = 1.0
    lexical_weight: float = 1.0
    dense_weight_zh: float = 0.0  # the bundled English model's vectors are noise on Chinese text
    rerank_weight: float = 1.0  # weight of best-sentence term coverage when reranking fused candidates
    rerank_depth: int = 20  # fused candidates the reranker sees
    rerank_type_bonus: float = 0.1  # added to a sentence's coverage when it holds the asked-for fact (a number, a name)
    rerank_semantic_weight: float = 1.0  # × a passage's best sentence cosine with the question (swept on tune sets)
    rerank_name_penalty: float = 0.15  # × share of the question's names its document never writes (swept on tune sets)
    rerank_name_penalty_long: float = 1.0  # ...for a document of 1,000 distinct words or more (rag/rerank.py)
    generator: str = "extractive"  # extractive | openai
    max_answer_sentences: int = 3
    answer_close_call_ratio: float = 0.85  # a runner-up sentence scoring this share of the best is shown too
    answer_other_passage_ratio: float = 0.9  # ...and this share from another document (swept on tune sets)
    answer_semantic_weight: float = 1.5  # weight of a sentence's cosine with the question when choosing answer sentences
    abstain_threshold: float = 0.15  # calibrated on the eval set's tune split (eval/sweep.py)
    openai_base_url: str | None = None  # e.g. http://127.0.0.1:8000/v1
    openai_model: str = "gpt-4o-mini"
    openai_api_key: str | None = None
    openai_timeout_s: float = 60.0

    def __post_init__(self) -> None:
        if self.mode not in RETRIEVAL_MODES:
            raise ValueError(f"mode must be one of {', '.join(RETRIEVAL_MODES)}, got {self.mode!r}")
        if self.generator not in GENERATORS:
            raise ValueError(f"generator must be one of {', '.join(GENERATORS)}, got {self.generator!r}")
        if not 1 <= self.top_k <= 100:
            raise ValueError(f"top_k must be between 1 and 100, got {self.top_k}")
        weights = (
            "rerank_weight",
            "rerank_type_bonus",
            "rerank_semantic_weight",
            "rerank_name_penalty",
            "rerank_name_penalty_long",
            "answer_semantic_weight",
        )
        if negative := [name for name in weights if getattr(self, name) < 0]:
            raise ValueError(f"{', '.join(negative)} must be 0 or more")
        if self.rerank_depth < self.top_k:
            raise ValueError(f"rerank_depth ({self.rerank_depth}) must be at least top_k ({self.top_k})")
        if self.candidates < self.top_k:
            raise ValueError(f"candidates ({self.candidates}) must be at least top_k ({self.top_k})")
        if not 16 <= self.chunk_tokens <= 256:
            raise ValueError(f"chunk_tokens must be between 16 and 256 (the model's limit), got {self.chunk_tokens}")
        if not 0 <= self.chunk_overlap_tokens < self.chunk_tokens:
            raise ValueError("chunk_overlap_tokens must be at least 0 and below chunk_tokens")
        for name in ("answer_close_call_ratio", "answer_other_passage_ratio"):
            if not 0 < getattr(self, name) <= 1:
                raise ValueError(f"{name} must be above 0 and at most 1, got {getattr(self, name)}")
        if not 1 <= self.max_answer_sentences <= 10:
            raise ValueError("max_answer_sentences must be between 1 and 10")
        if self.chroma_url is not None and not self.chroma_url.startswith(("http://", "https://")):
            raise ValueError(f"chroma_url must look like http://HOST:PORT, got {self.chroma_url!r}")

    def with_overrides(self, **overrides: Any) -> Settings:
        """A copy with the given fields replaced; None values are ignored."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


_ENV = {
    "RAG_INDEX": "index_dir",
    "RAG_CHROMA_URL": "chroma_url",
    "RAG_COLLECTION": "collection",
    "RAG_EMBED_MODEL": "embed_model",
    "RAG_TOP_K": "top_k",
    "RAG_MODE": "mode",
    "RAG_GENERATOR": "generator",
    "RAG_ABSTAIN_THRESHOLD": "abstain_threshold",
    "RAG_OPENAI_BASE_URL": "openai_base_url",
    "OPENAI_BASE_URL": "openai_base_url",
    "RAG_OPENAI_MODEL": "openai_model",
    "RAG_OPENAI_API_KEY": "openai_api_key",
    "OPENAI_API_KEY": "openai_api_key",
}


def settings_from_env(environ: dict[str, str] | None = None, **overrides: Any) -> Settings:
    """Settings from RAG_* environment variables, then explicit overrides (None = keep)."""
    environ = dict(os.environ if environ is None else environ)
    types = {f.name: f.type for f in fields(Settings)}
    values: dict[str, Any] = {}
    for var, name in _ENV.items():
        raw = environ.get(var)
        if raw is None or raw == "" or name in values:
            continue
        kind = types[name]
        try:
            if kind == "int":
                values[name] = int(raw)
            elif kind == "float":
                values[name] = float(raw)
            elif name == "index_dir":
                values[name] = Path(raw)
            else:
                values[name] = raw
        except ValueError:
            raise ValueError(f"environment variable {var}={raw!r} is not a valid {kind}") from None
    values.update({k: v for k, v in overrides.items() if v is not None})
    if "index_dir" in values:
        values["index_dir"] = Path(values["index_dir"])
    return Settings(**values)
