"""The claim verifier: does a piece of an answer state, contradict or only mention a claim?

A cross-encoder (all-MiniLM-L6-v2 fine-tuned on the project's claim corpus, ``content/claims``)
reads a rubric target and a piece of answer text together and gives four probabilities, in
:data:`LABELS` order.  It runs on the CPU with ONNX Runtime from the int8 model shipped in
``model/``; ``barraiser grader train`` rebuilds that model (see ``docs/claim-verifier.md``).
"""

from barraiser.grading.verifier.runtime import (
    LABELS,
    ClaimVerifier,
    VerifierUnavailable,
    get_verifier,
    shipped_model_dir,
)

__all__ = ["LABELS", "ClaimVerifier", "VerifierUnavailable", "get_verifier", "shipped_model_dir"]
