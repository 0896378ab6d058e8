"""Résumé tailoring on the project's six résumés and six job descriptions (new grad, mid-level
recommender, senior NLP, MLOps platform, computer vision, forecasting applied scientist), with
the real embedding model and principle detector: the expected findings, each with the résumé's
own lines as evidence."""

from __future__ import annotations

from functools import cache

import pytest

from barraiser.content.bank import get_bank
from barraiser.grading.embeddings import get_backend
from barraiser.resume import ResumeAnalysis, analyze
from barraiser.resume.bullets import metrics, rewrite_shape, weak_opening
from resume_files import RESUME_DATA, fixture_text

RESUMES = sorted(p.stem for p in (RESUME_DATA / "resumes").glob("*.md"))
JOBS = sorted(p.stem for p in (RESUME_DATA / "jobs").glob("*.md"))


@cache
def _analysis(resume: str, job: str) -> ResumeAnalysis:
    principles = list(get_bank(None).principles.values())
    return analyze(
        fixture_text("resumes", resume),
        fixture_text("jobs", job),
        encoder=get_backend(),
        principles=principles,
    )


def _skills(a: ResumeAnalysis, kind: str) -> dict[str, object]:
    return {s.skill: s for s in getattr(a.skills, kind)}


def _bullet(a: ResumeAnalysis, start: str):  # type: ignore[no-untyped-def]
    return next(b for b in a.bullets if b.text.startswith(start))


def test_there_are_six_resumes_and_six_jobs() -> None:
    assert len(RESUMES) >= 6 and len(JOBS) >= 6


def test_new_grad_against_the_new_grad_job() -> None:
    a = _analysis("new-grad", "new-grad-mle")
    found, missing = _skills(a, "found"), _skills(a, "missing")
    assert {"Python", "Java", "SQL", "machine learning fundamentals"} <= found.keys()
    assert "data structures and algorithms" in missing and "AWS" in missing
    assert missing["data structures and algorithms"].importance == "required"  # type: ignore[attr-defined]
    assert missing["AWS"].importance == "preferred"  # type: ignore[attr-defined]
    # Java and SQL appear only in the Skills list: found, but no bullet shows them in use.
    assert found["Java"].listed_only and found["SQL"].listed_only  # type: ignore[attr-defined]
    assert not found["Python"].listed_only  # type: ignore[attr-defined]
    # "PyTorch or TensorFlow": PyTorch is on the résumé, so TensorFlow is no gap.
    assert "TensorFlow" not in missing and "TensorFlow" not in _skills(a, "weak")
    assert found["PyTorch"].alternatives == ["TensorFlow"]  # type: ignore[attr-defined]

    weak = _bullet(a, "Worked on a claims triage model")
    assert not weak.has_metric
    assert {i.code for i in weak.issues} == {"weak-opening", "no-metric"}
    helped = _bullet(a, "Helped the data team")
    assert "weak-opening" in {i.code for i in helped.issues}
    strong = _bullet(a, "Trained a gradient-boosted classifier")
    assert strong.has_metric and not strong.issues
    assert _bullet(a, "Fine-tuned a small LSTM").has_metric
    assert not _bullet(a, "Served it behind a Flask API").has_metric
    ta = _bullet(a, "Responsible for grading homework")
    assert "hire-and-develop-the-best" in [p.id for p in ta.principles]

    first = [r.text for r in a.rewrite_first]
    assert len(first) == 3
    assert all(t.startswith(("Worked on", "Helped", "Responsible for")) for t in first)
    for rewrite in a.rewrite_first:
        assert "[your measured result" in rewrite.example
        assert not any(ch.isdigit() for ch in rewrite.example.split("[your measured")[0])


def test_recommender_engineer_against_the_recommender_job() -> None:
    a = _analysis("recsys-mid", "recsys-mle")
    found, weak, missing = _skills(a, "found"), _skills(a, "weak"), _skills(a, "missing")
    assert {"recommender systems", "Spark", "A/B testing", "Airflow", "deep learning"} <= set(found)
    assert any("two-tower" in line for line in found["A/B testing"].evidence)  # type: ignore[attr-defined]
    assert weak["Kubernetes"].via == "adjacent" and weak["Kubernetes"].matched == "Docker"  # type: ignore[attr-defined]
    assert {"Kafka"} <= set(missing)
    assert all(m.importance == "preferred" for m in a.skills.missing)
    assert _bullet(a, "Moved nightly feature generation").metrics == ["7", "50"]
    assert a.rewrite_first[0].text == "Responsible for maintaining the feature pipelines."
    assert "It is about what the job asks for: feature engineering." in a.rewrite_first[0].why
    mentoring = _bullet(a, "Mentored two new engineers")
    assert mentoring.principles[0].id == "hire-and-develop-the-best"
    assert not _bullet(a, "Responsible for maintaining").principles


def test_senior_nlp_against_the_nlp_job() -> None:
    a = _analysis("nlp-senior", "senior-nlp")
    found, missing = _skills(a, "found"), _skills(a, "missing")
    assert {"large language models", "transformers", "distributed training", "PyTorch"} <= set(
        found
    )
    assert {"RLHF", "Rust"} <= set(missing)
    saving = _bullet(a, "Introduced active learning")
    assert saving.has_metric and "$240K" in saving.metrics
    assert "frugality" in [p.id for p in saving.principles]
    assert _bullet(a, "Worked on the evaluation framework").issues[0].code == "weak-opening"


def test_mlops_engineer_against_the_platform_job() -> None:
    a = _analysis("mlops-platform", "mlops-platform")
    found, weak, missing = _skills(a, "found"), _skills(a, "weak"), _skills(a, "missing")
    assert {"Kubernetes", "Terraform", "CI/CD", "MLflow", "Prometheus"} <= set(found)
    assert "GCP" not in missing  # "AWS or GCP", and AWS is there
    assert weak["experiment tracking"].matched == "MLflow"  # type: ignore[attr-defined]
    assert {"feature store", "Ray"} <= set(missing)
    platform = _bullet(a, "Built the company's model deployment platform")
    assert platform.has_metric and "think-big" in [p.id for p in platform.principles]


def test_computer_vision_engineer_against_the_vision_job() -> None:
    a = _analysis("computer-vision", "computer-vision")
    found, missing = _skills(a, "found"), _skills(a, "missing")
    assert {"object detection", "CUDA", "C++", "edge deployment", "TensorRT"} <= set(found)
    assert "PhD" in missing and missing["PhD"].importance == "required"  # type: ignore[attr-defined]
    detection = _bullet(a, "Trained object detection models (YOLOv8)")
    # YOLOv8 and mAP@0.5 are names; the result is 0.71 -> 0.84.
    assert detection.metrics == ["0.71", "0.84"]
    assert not _bullet(a, "Responsible for camera calibration").has_metric


def test_forecasting_scientist_sections_and_contact() -> None:
    a = _analysis("forecasting-scientist", "forecasting-scientist")
    codes = {p.code for p in a.problems}
    assert {"no-skills-section", "no-email"} <= codes
    skills_problem = next(p for p in a.problems if p.code == "no-skills-section")
    assert skills_problem.evidence == [
        "Tools I use: Python, R, SQL, statsmodels, Prophet, LightGBM, Stan, Spark"
    ]
    found = _skills(a, "found")
    assert {"time series forecasting", "PhD", "causal inference", "deep learning forecasting"} <= (
        set(found)
    )
    assert found["Python"].listed_only  # type: ignore[attr-defined]
    assert "SageMaker" in _skills(a, "missing")


def test_a_synonym_is_found_weakly_through_the_embedding_model() -> None:
    # The new grad never writes "NLP" but did sentiment analysis: weak, via a close line.
    a = _analysis("new-grad", "senior-nlp")
    weak = _skills(a, "weak")
    nlp = weak["natural language processing"]
    assert nlp.via == "similar" and "sentiment analysis" in nlp.evidence[0]  # type: ignore[attr-defined]
    assert nlp.similarity is not None and nlp.similarity >= 0.58  # type: ignore[attr-defined]
    missing = _skills(a, "missing")
    assert {"large language models", "mentoring", "retrieval-augmented generation"} <= set(missing)
    gaps = [q.text for q in a.questions if q.kind == "recruiter-screen"]
    assert any("large language models" in q for q in gaps)


@pytest.mark.parametrize("resume", RESUMES)
def test_every_resume_gets_project_questions_quoting_its_bullets(resume: str) -> None:
    a = _analysis(resume, JOBS[RESUMES.index(resume) % len(JOBS)])
    projects = [q for q in a.questions if q.kind == "project"]
    assert projects and any(q.kind == "recruiter-screen" for q in a.questions)
    for q in projects:
        assert q.evidence in [b.text for b in a.bullets]
        assert q.entry in a.resume.entries
    data = a.model_dump(mode="json")
    assert set(data["skills"]) == {"found", "weak", "missing"}
    for bullet in data["bullets"]:
        assert {"text", "has_metric", "issues", "principles"} <= set(bullet)


def test_the_strongest_bullet_is_the_project_question() -> None:
    a = _analysis("recsys-mid", "recsys-mle")
    first = next(q for q in a.questions if q.kind == "project")
    assert first.evidence.startswith("Built a two-tower candidate retrieval model")
    assert '"raising add-to-cart rate by 4.2% in an A/B test"' in first.text


def test_long_resume_and_many_pages_are_problems() -> None:
    text = fixture_text("resumes", "nlp-senior")
    long = (
        text
        + "\n## Projects\n"
        + "\n".join(
            f"Project {n}\n- Built system {n} that served many requests every day for the team."
            for n in range(80)
        )
    )
    a = analyze(
        long,
        fixture_text("jobs", "senior-nlp"),
        encoder=get_backend(),
        principles=list(get_bank(None).principles.values()),
        pages=3,
    )
    codes = {p.code for p in a.problems}
    assert {"too-many-pages", "too-long"} <= codes


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Cut p99 latency from 180 ms to 45 ms", ["180", "45"]),
        ("Saved $240K a year", ["$240K"]),
        ("Raised recall by 12%", ["12%"]),
        ("Made inference 3x faster", ["3x"]),
        ("Doubled the click-through rate", ["Doubled"]),
        ("Trained YOLOv8 and ResNet-50 models in 2023", []),
        ("Used NDCG@10 and a 6-layer model", []),
        ("Machine Learning Engineer (2021 - 2024)", []),
    ],
)
def test_metrics(text: str, found: list[str]) -> None:
    assert metrics(text) == found


def test_rewrite_shape_keeps_the_candidates_words_and_invents_nothing() -> None:
    assert weak_opening("Responsible for the CI/CD pipelines.") == (
        "Responsible for",
        "the CI/CD pipelines.",
    )
    _, example = rewrite_shape("Helped the data team with data cleaning.")
    assert example.startswith("[Automated / Rebuilt / Sped up] data cleaning for the data team, [")
    _, kept = rewrite_shape("Built a matrix-factorisation recommender on MovieLens.")
    assert kept.startswith("Built a matrix-factorisation recommender on MovieLens, [your measured")
