"""The skills a job description asks for, and where a résumé shows them.

A job description's skills come from a vocabulary of ML engineering skills (:data:`SKILLS`):
each has the names it goes by (aliases, matched as whole words) and its *adjacent* skills, ones
that transfer (TensorFlow for PyTorch, Docker for Kubernetes, GCP for AWS). A skill is
*required* unless it sits under a "preferred", "nice to have", "bonus" heading or its line says
so. Skills outside the vocabulary are not found: the vocabulary is the limit of this reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise
from typing import Literal

Importance = Literal["required", "preferred"]


@dataclass(frozen=True)
class Skill:
    """One skill: its name, the words that name it, the skills that transfer to it."""

    name: str
    aliases: tuple[str, ...] = ()
    adjacent: tuple[str, ...] = ()
    #: Aliases matched with their case (``Go``, ``R``, ``Ray``: ordinary words otherwise).
    exact_case: tuple[str, ...] = ()
    #: What the skill is about, for the embedding comparison (defaults to the name).
    about: str = ""
    patterns: tuple[re.Pattern[str], ...] = field(default=(), compare=False, repr=False)
    #: Words that show the skill on a résumé only (too broad to mean it in a job description).
    evidence_patterns: tuple[re.Pattern[str], ...] = field(default=(), compare=False, repr=False)

    @property
    def description(self) -> str:
        return self.about or self.name


def _skill(
    name: str,
    aliases: tuple[str, ...] = (),
    adjacent: tuple[str, ...] = (),
    exact_case: tuple[str, ...] = (),
    about: str = "",
    evidence: tuple[str, ...] = (),
) -> Skill:
    words = (name, *aliases) if not exact_case or name not in exact_case else aliases
    patterns = [_word_pattern(w, re.IGNORECASE) for w in dict.fromkeys(words)]
    patterns += [_word_pattern(w, 0) for w in exact_case]
    extra = tuple(_word_pattern(w, re.IGNORECASE) for w in evidence)
    return Skill(name, aliases, adjacent, exact_case, about, tuple(patterns), extra)


def _word_pattern(word: str, flags: int) -> re.Pattern[str]:
    body = r"[\s-]+".join(re.escape(part) for part in word.split())
    return re.compile(rf"(?<![\w+#&/]){body}(?![\w+#&]|/\w)", flags)


# Adjacent skills are the ones an interviewer accepts as a start: "I used X, which is like Y".
SKILLS: tuple[Skill, ...] = (
    # Languages
    _skill("Python", ("python3",)),
    _skill("Java", (), ("Scala", "Kotlin", "C++")),
    _skill("C++", ("cpp",), ("C", "Rust", "CUDA")),
    _skill("C", (), ("C++",), ("C",)),
    _skill("Go", ("Golang",), ("Rust", "Java"), ("Go",)),
    _skill("Rust", (), ("C++", "Go")),
    _skill("Scala", (), ("Java", "Spark")),
    _skill("Kotlin", (), ("Java",)),
    _skill("R", (), ("Python",), ("R",), "R statistical programming language"),
    _skill("SQL", ("PostgreSQL", "MySQL", "Hive", "Presto", "BigQuery", "Redshift", "SparkSQL")),
    _skill("Bash", ("shell scripting",)),
    # ML frameworks and libraries
    _skill("PyTorch", ("torch",), ("TensorFlow", "JAX")),
    _skill("TensorFlow", ("tf.keras", "Keras"), ("PyTorch", "JAX")),
    _skill("JAX", (), ("PyTorch", "TensorFlow")),
    _skill("scikit-learn", ("sklearn", "scikit learn"), ("XGBoost", "LightGBM", "statsmodels")),
    _skill("XGBoost", (), ("LightGBM", "gradient boosting")),
    _skill("LightGBM", (), ("XGBoost", "gradient boosting")),
    _skill("gradient boosting", ("gradient-boosted", "GBDT", "GBM"), ("XGBoost", "LightGBM")),
    _skill("pandas", (), ("Spark", "NumPy")),
    _skill("NumPy", (), ("pandas",)),
    _skill("Hugging Face", ("HuggingFace", "Hugging Face Transformers"), ("transformers",)),
    _skill("spaCy", (), ("NLTK", "natural language processing")),
    _skill("NLTK", (), ("spaCy",)),
    _skill("OpenCV", (), ("computer vision",)),
    _skill("statsmodels", (), ("R", "scikit-learn")),
    _skill("Prophet", (), ("time series forecasting",)),
    _skill("Stan", ("PyMC",), ("probabilistic modelling",), ("Stan",)),
    # ML areas
    _skill(
        "machine learning fundamentals",
        ("ML fundamentals", "supervised learning", "overfitting"),
        (),
        (),
        "machine learning: training classifiers, model evaluation, overfitting",
        ("machine learning", "classifier", "classification model", "regression model"),
    ),
    _skill(
        "deep learning",
        ("neural networks", "neural network", "LSTM", "CNN", "CNNs"),
        ("PyTorch", "TensorFlow"),
        (),
        "",
        (
            "deep cross network",
            "deep neural",
            "two-tower",
            "PyTorch",
            "TensorFlow",
            "Keras",
            "BERT",
            "transformer",
            "DeepAR",
            "YOLOv8",
        ),
    ),
    _skill(
        "recommender systems",
        ("recommender", "recommendation", "recommendations", "personalization", "personalisation"),
        ("ranking", "learning to rank"),
        (),
        "recommender systems: recommending products, personalization",
    ),
    _skill(
        "ranking",
        ("ranking models", "learning to rank", "reranker", "re-ranking", "NDCG"),
        ("recommender systems", "search relevance"),
    ),
    _skill("search relevance", ("information retrieval", "search ranking"), ("ranking",)),
    _skill(
        "natural language processing",
        ("NLP", "text classification", "named-entity recognition", "named entity recognition"),
        ("large language models", "transformers"),
    ),
    _skill(
        "transformers",
        ("transformer", "BERT", "GPT", "attention models"),
        ("large language models", "natural language processing"),
        (),
        "transformer neural networks such as BERT",
    ),
    _skill(
        "large language models",
        ("LLM", "LLMs", "large language model"),
        ("transformers", "natural language processing"),
    ),
    _skill(
        "retrieval-augmented generation",
        ("RAG", "retrieval augmented generation"),
        ("vector search", "search relevance"),
    ),
    _skill(
        "vector search",
        ("vector database", "FAISS", "approximate nearest neighbour", "ANN index"),
        ("retrieval-augmented generation", "Elasticsearch"),
    ),
    _skill("RLHF", ("preference optimisation", "preference optimization", "DPO")),
    _skill(
        "computer vision",
        ("image classification",),
        ("object detection", "image segmentation", "OpenCV"),
    ),
    _skill(
        "object detection",
        ("YOLO", "YOLOv5", "YOLOv8", "Faster R-CNN", "detector", "detectors"),
        ("computer vision", "image segmentation"),
    ),
    _skill(
        "image segmentation",
        ("semantic segmentation", "instance segmentation", "segmentation"),
        ("object detection", "computer vision"),
    ),
    _skill("multi-object tracking", ("object tracking",), ("object detection",)),
    _skill("3D point clouds", ("point cloud", "point clouds", "LiDAR"), ("computer vision",)),
    _skill(
        "time series forecasting",
        ("forecasting", "forecasts", "time series", "demand forecasting", "ARIMA"),
        ("statistics", "probabilistic modelling"),
    ),
    _skill(
        "deep learning forecasting",
        ("DeepAR", "temporal fusion transformer", "temporal fusion transformers"),
        ("time series forecasting", "deep learning"),
    ),
    _skill(
        "causal inference",
        ("difference-in-differences", "uplift modelling", "synthetic control"),
        ("A/B testing", "statistics"),
    ),
    _skill(
        "A/B testing",
        ("A/B test", "A/B tests", "AB testing", "online experiments", "experimentation"),
        ("causal inference", "statistics"),
    ),
    _skill(
        "statistics",
        ("statistical", "hypothesis testing", "Bayesian"),
        ("probabilistic modelling",),
    ),
    _skill(
        "probabilistic modelling",
        ("probabilistic modeling", "probabilistic models", "state-space models", "Bayesian models"),
        ("statistics",),
    ),
    _skill("inventory optimisation", ("inventory optimization",), ("time series forecasting",)),
    _skill("active learning", (), ("data labelling",)),
    _skill("data labelling", ("data labeling", "annotation", "labelling"), ("active learning",)),
    # Training and serving
    _skill(
        "distributed training",
        ("multi-GPU", "DeepSpeed", "FSDP", "Horovod", "data parallel"),
        ("PyTorch", "GPU"),
    ),
    _skill("GPU", ("GPUs",), ("CUDA",)),
    _skill("CUDA", (), ("GPU", "C++")),
    _skill("TensorRT", (), ("ONNX", "model optimisation")),
    _skill("ONNX", ("ONNX Runtime",), ("TensorRT",)),
    _skill(
        "model optimisation",
        ("quantisation", "quantization", "INT8", "distillation", "distilled", "pruning"),
        ("TensorRT", "ONNX"),
    ),
    _skill(
        "edge deployment",
        ("edge devices", "on-device", "Jetson", "the edge"),
        ("model optimisation", "TensorRT"),
    ),
    _skill("ROS", ("Robot Operating System",), ("C++",), ("ROS",)),
    _skill(
        "data structures and algorithms",
        ("data structures", "algorithms"),
        (),
        (),
        "data structures and algorithms, coding interviews",
    ),
    _skill("distributed systems", (), ("Kubernetes", "Spark", "Kafka")),
    # Data engineering
    _skill("Spark", ("PySpark", "Apache Spark"), ("Hive", "Ray", "Dask")),
    _skill("Hive", (), ("Spark", "SQL")),
    _skill("Kafka", ("Kinesis",), ("streaming",)),
    _skill("streaming", ("stream processing", "Flink"), ("Kafka",)),
    _skill("Airflow", ("Apache Airflow",), ("Kubeflow", "workflow orchestration")),
    _skill("workflow orchestration", ("Dagster", "Prefect", "Luigi"), ("Airflow",)),
    _skill("Ray", (), ("Spark", "distributed training"), ("Ray",)),
    _skill("Dask", (), ("Spark", "pandas")),
    _skill("feature store", ("feature stores", "Feast", "Tecton"), ("feature engineering",)),
    _skill(
        "feature engineering",
        ("feature pipelines", "feature pipeline", "feature generation"),
        ("feature store",),
    ),
    _skill("Elasticsearch", ("OpenSearch",), ("vector search", "search relevance")),
    # Platform and MLOps
    _skill("Kubernetes", ("k8s", "EKS", "GKE"), ("Docker", "Kubeflow", "Amazon ECS")),
    _skill("Docker", ("containers", "containerised", "containerized"), ("Kubernetes",)),
    _skill("Amazon ECS", ("ECS",), ("Kubernetes", "Docker")),
    _skill("Terraform", ("infrastructure as code", "CloudFormation", "Pulumi"), ("Ansible",)),
    _skill("Ansible", (), ("Terraform",)),
    _skill(
        "CI/CD",
        ("continuous integration", "continuous delivery", "Jenkins", "GitHub Actions", "GitLab CI"),
        (),
    ),
    _skill("MLflow", (), ("Kubeflow", "experiment tracking", "model registry")),
    _skill("Kubeflow", (), ("MLflow", "Airflow", "Kubernetes")),
    _skill("experiment tracking", ("Weights & Biases", "wandb"), ("MLflow",)),
    _skill("model registry", (), ("MLflow",)),
    _skill("Prometheus", (), ("Grafana", "monitoring")),
    _skill("Grafana", (), ("Prometheus", "monitoring")),
    _skill("monitoring", ("drift alerts", "observability", "dashboards"), ("Prometheus",)),
    _skill("AWS", ("Amazon Web Services", "EC2", "S3", "Lambda"), ("GCP", "Azure", "SageMaker")),
    _skill("GCP", ("Google Cloud", "Vertex AI"), ("AWS", "Azure")),
    _skill("Azure", (), ("AWS", "GCP")),
    _skill("SageMaker", ("AWS SageMaker", "Amazon SageMaker"), ("AWS", "MLflow")),
    _skill("Git", ("GitHub", "GitLab"), ()),
    _skill("Linux", ("Unix",), ("Bash",)),
    _skill("Flask", ("FastAPI",), ()),
    # Broader signals
    _skill("mentoring", ("mentored", "mentor", "mentorship"), ("technical leadership",)),
    _skill(
        "technical leadership",
        ("tech lead", "led the design", "lead technical design"),
        ("mentoring",),
    ),
    _skill("publications", ("published", "paper", "papers", "ACL", "EMNLP", "NeurIPS", "ICML")),
    _skill("PhD", ("Ph.D.", "doctorate"), ()),
)


#: Descriptions the embedding compares with résumé lines, where the name alone says too little.
_ABOUT: dict[str, str] = {
    "natural language processing": (
        "natural language processing (NLP): understanding text, e.g. sentiment analysis, "
        "text classification"
    ),
    "computer vision": "computer vision: models that understand images and video",
    "time series forecasting": "time series forecasting: predicting future values such as demand",
    "A/B testing": "A/B testing: online controlled experiments comparing two variants",
    "causal inference": "causal inference: estimating the effect of a change from data",
    "distributed training": "distributed training of models across many GPUs or machines",
    "model optimisation": "making models smaller and faster: quantisation, distillation, pruning",
    "monitoring": "monitoring models in production for drift and errors",
    "feature store": "a feature store that serves ML features for training and online inference",
    "vector search": "vector search: nearest-neighbour search over embeddings",
}
SKILLS = tuple(
    replace(s, about=_ABOUT[s.name]) if s.name in _ABOUT and not s.about else s for s in SKILLS
)


@lru_cache(maxsize=1)
def skills_by_name() -> dict[str, Skill]:
    return {s.name: s for s in SKILLS}


def mentions(skill: Skill, text: str, *, evidence: bool = False) -> list[str]:
    """The words of ``text`` that name ``skill`` (empty when none); with ``evidence`` also the
    broader words that show it on a résumé."""
    patterns = skill.patterns + (skill.evidence_patterns if evidence else ())
    return [m.group(0) for p in patterns for m in p.finditer(text)]


def _spans(text: str) -> list[tuple[int, int, Skill]]:
    """Every skill named in ``text`` with its span; a name inside a longer one of another skill
    ("transformers" in "temporal fusion transformers", "GPU" in "multi-GPU") is left out."""
    spans = [
        (m.start(), m.end(), skill)
        for skill in SKILLS
        for pattern in skill.patterns
        for m in pattern.finditer(text)
    ]
    kept = []
    for start, end, skill in spans:
        inside = any(
            s <= start and end <= e and (e - s) > (end - start) and other is not skill
            for s, e, other in spans
        )
        # "multi-GPU": the hyphenated word's head is part of it.
        glued = start > 0 and text[start - 1] == "-" and text[: start - 1][-1:].isalpha()
        if not inside and not glued:
            kept.append((start, end, skill))
    kept.sort(key=lambda t: t[0])
    return kept


_ALTERNATIVE = re.compile(r"\s*(,|/|or|,\s*or|and/or)\s*", re.IGNORECASE)


_PREFERRED_HEADING = re.compile(
    r"\b(prefer\w*|nice[\s-]to[\s-]have|bonus|desired|desirable|plus|optional|extra credit|"
    r"would be great)\b",
    re.IGNORECASE,
)
_REQUIRED_HEADING = re.compile(
    r"\b(require\w*|basic|minimum|must|qualifications|what you('ll| will) need|you have|"
    r"skills|experience)\b",
    re.IGNORECASE,
)
_PREFERRED_LINE = re.compile(
    r"\b(preferred|is a plus|a plus|nice to have|bonus|ideally)\b", re.IGNORECASE
)
_HEADING = re.compile(r"^\s*(#+\s*|[A-Z][A-Za-z' ]{2,40}:\s*$)")


def _is_heading(line: str) -> bool:
    stripped = line.strip()
    if _HEADING.match(line):
        return True
    # "Preferred qualifications" on its own line, no bullet, no sentence end.
    return (
        bool(stripped)
        and len(stripped.split()) <= 5
        and not stripped.startswith(("-", "*", "•"))
        and not stripped.endswith(".")
        and bool(_PREFERRED_HEADING.search(stripped) or _REQUIRED_HEADING.search(stripped))
    )


@dataclass(frozen=True)
class JobSkill:
    """A skill the job asks for, how much, the job's line that asks for it, and the skills
    that line accepts instead ("TensorFlow or PyTorch")."""

    skill: Skill
    importance: Importance
    line: str
    alternatives: tuple[str, ...] = ()


def job_skills(text: str) -> list[JobSkill]:
    """The skills a job description asks for, in order of first mention; a skill asked for as
    required anywhere is required."""
    found: dict[str, JobSkill] = {}
    section: Importance = "required"
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if _is_heading(raw):
            section = "preferred" if _PREFERRED_HEADING.search(line) else "required"
            continue
        importance: Importance = "preferred" if _PREFERRED_LINE.search(line) else section
        body = line.lstrip("-*• ").strip()
        spans = _spans(body)
        alternatives: dict[str, set[str]] = {}
        for (_, end, left), (start, _, right) in pairwise(spans):
            if left is not right and _ALTERNATIVE.fullmatch(body[end:start]):
                group = alternatives.setdefault(left.name, {left.name}) | alternatives.get(
                    right.name, {right.name}
                )
                for name in group:
                    alternatives[name] = group
        for _, _, skill in spans:
            known = found.get(skill.name)
            if known is None or (known.importance == "preferred" and importance == "required"):
                others = tuple(sorted(alternatives.get(skill.name, set()) - {skill.name}))
                found[skill.name] = JobSkill(skill, importance, body, others)
    return list(found.values())
