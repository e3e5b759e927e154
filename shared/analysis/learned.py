"""The learned layer over the rules: the rules read, a linear model trained on labelled tickets decides.

The rules' keyword scores, their category and each checklist item's detector are features beside
the ticket's own words; a multinomial model picks the category, and one model per checklist item
says whether the ticket holds it. Trained offline by `tools/train_judge.py` on the open labelled
sets (never a sealed one) and shipped as `weights/judge.json`; inference is a sparse dot product,
pure Python, deterministic, well under a millisecond. Why: rules tuned on our own tickets asked real
reporters for what they had given (eval/real/README.md); the model learns how far to trust each
detector from real writing as well as ours.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from shared.analysis.models import CATEGORIES, Category, Language

WEIGHTS_PATH = Path(__file__).with_name("weights") / "judge.json"
# The main ask is stated early; the rest of a long ticket is pasted material.
TEXT_CHARS = 4000
_WORD = re.compile(r"[a-z][a-z0-9_\-.]{1,30}|[\uac00-\ud7a3]+")


# The feature code's own version: a change to `words` or the `*_features` functions changes what a
# weight means, so weights trained under another version are refused at load.
FEATURES_VERSION = "features-2"
_STRICT = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)


class LinearModel(BaseModel):
    """A multinomial logistic model: one bias and one weight per feature for each class."""

    model_config = _STRICT
    classes: tuple[Category, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]


class ItemModel(BaseModel):
    """A binary logistic model: the probability that the ticket holds one checklist item."""

    model_config = _STRICT
    bias: float
    weights: dict[str, float] = {}
    constant: bool | None = Field(None, description="every training ticket agreed: no model needed")


class JudgeWeights(BaseModel):
    """What `tools/train_judge.py` writes: the models and what they were trained on."""

    model_config = _STRICT
    version: str = Field("", description="set at load: the digest of the rest")
    rules_version: str = Field(description="the rules whose readings the models were trained on")
    features_version: str
    present_threshold: float = Field(gt=0, lt=1)
    overrule_threshold: float = Field(
        gt=0, lt=1, description="an item the rules found stays given unless its chance falls below this"
    )
    trained_on: dict[str, str] = Field(description="set file (relative to eval/) -> sha256")
    category: LinearModel
    items: dict[str, ItemModel] = Field(description='"category:item" -> model')
    checks: dict[str, str] = Field(
        {}, description='"set#id" -> "category|present items" as training saw it: the app must agree'
    )


class WeightsError(RuntimeError):
    """The shipped weights file is missing or malformed: the app cannot judge without it."""


def words(text: str, prefix: str) -> set[str]:
    """Lower-cased words, and for Korean also syllable pairs (a word's endings vary, its stem does
    not), each tagged with where it was found."""
    out: set[str] = set()
    for word in _WORD.findall(text[:TEXT_CHARS].lower()):
        if "\uac00" <= word[0] <= "\ud7a3":
            out.add(prefix + word)
            out.update(f"{prefix}k{word[i : i + 2]}" for i in range(len(word) - 1))
        else:
            out.add(prefix + word.strip(".-"))
    return out


def text_features(summary: str, body: str) -> frozenset[str]:
    return frozenset(words(summary, "s:") | words(body, "b:"))


def category_features(
    text: Iterable[str],
    language: Language,
    rules_category: Category,
    scores: Mapping[Category, int],
    hinted: bool,
) -> dict[str, float]:
    """`hinted`: some category scored enough for the rules to choose it (else "other" by default)."""
    # The summary names the ask: its words weigh double, as they do in the rules' own scores.
    features = {word: 2.0 if word.startswith("s:") else 1.0 for word in text}
    features[f"lang:{language}"] = 1.0
    features[f"rc:{rules_category}"] = 1.0
    if not hinted:
        features["rc:none"] = 1.0  # no hint fired: "other" by default, not by a word for it
    for category, value in scores.items():
        features[f"cs:{category}"] = math.log1p(max(0, value))
    return features


def item_features(text: Iterable[str], language: Language, detected: bool) -> dict[str, float]:
    features = dict.fromkeys(text, 1.0)
    features[f"lang:{language}"] = 1.0
    features["self"] = 1.0 if detected else 0.0
    return features


class LearnedJudge:
    """The trained models, ready to score a ticket's features."""

    def __init__(self, weights: JudgeWeights) -> None:
        self.weights = weights
        self.version = weights.version
        # Each model's feature names: a ticket's features meet them by set intersection (in C),
        # not by a lookup per word (most of a ticket's words carry no weight).
        self._category_names = frozenset(weights.category.weights)
        self._columns = [
            {name: row[k] for name, row in weights.category.weights.items()}
            for k in range(len(weights.category.classes))
        ]
        self._item_names = {key: frozenset(model.weights) for key, model in weights.items.items()}

    def category(self, features: Mapping[str, float]) -> Category:
        model = self.weights.category
        totals = list(model.bias)
        # Features of one value (every word weighs 1 or 2) are summed class by class in C, then
        # scaled once: a loop per feature and class cost as much as the rest of the layer.
        by_value: dict[float, list[str]] = {}
        for name in self._category_names.intersection(features):
            if value := features[name]:
                by_value.setdefault(value, []).append(name)
        for value, names in by_value.items():
            for k, column in enumerate(self._columns):
                totals[k] += value * sum(map(column.__getitem__, names))
        best = max(range(len(totals)), key=lambda k: (totals[k], -k))
        return model.classes[best]

    def present(
        self, category: Category, item_id: str, words: frozenset[str], language: Language, detected: bool
    ) -> bool:
        """Whether the ticket holds the item; an item the model never saw falls to the detector.
        The sum is `item_features`' dot product, without building the dict for each item."""
        key = f"{category}:{item_id}"
        model = self.weights.items.get(key)
        if model is None or model.constant is not None:
            return detected if model is None else bool(model.constant)
        weights = model.weights
        total = weights.get(f"lang:{language}", 0.0) + (weights.get("self", 0.0) if detected else 0.0)
        total += model.bias + sum(map(weights.__getitem__, words & self._item_names[key]))
        return self._given(total, detected)

    def present_in(self, category: Category, item_id: str, features: Mapping[str, float]) -> bool:
        """`present` from `item_features`' dict, as `tools/train_judge.py` holds a ticket."""
        model = self.weights.items.get(f"{category}:{item_id}")
        if model is None or model.constant is not None:
            return features.get("self", 0.0) > 0 if model is None else bool(model.constant)
        total = model.bias + sum(model.weights.get(n, 0.0) * v for n, v in features.items())
        return self._given(total, features.get("self", 0.0) > 0)

    def _given(self, total: float, detected: bool) -> bool:
        """More likely than not; but an item the rules found is overruled only when the model is fairly
        sure it is absent: a question about what the ticket holds costs the reporter's trust, a
        missed question costs one follow-up (rules-2026.12.29: real shapes left-one-set-out, 131 such
        questions -> 117 at 0.3, verdict 92.3 -> 92.2%; real writing P/R 82.0/86.8 -> 82.4/86.3).
        0.2 since rules-2026.12.37 (rows at .36, 40 real-shape sets A-AP left out one at a time: 138
        questions -> 127, verdict 93.4 -> 93.4%, items P/R 94.0/89.1 -> 94.3/88.9; real writing,
        19 sets: verdict 82.4 -> 82.4%, P/R 82.8/85.6 -> 83.0/85.3)."""
        threshold = self.weights.overrule_threshold if detected else self.weights.present_threshold
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, total)))) >= threshold


@lru_cache(maxsize=1)
def load_judge() -> LearnedJudge:
    """The shipped models, read once (`read_weights`)."""
    return LearnedJudge(read_weights(WEIGHTS_PATH))


def read_weights(path: Path) -> JudgeWeights:
    """A weights file checked whole before it judges anything; `WeightsError` naming the file.
    The version is the digest of what the file holds, so any retraining or edit is a new version
    and every ticket's fingerprint changes with it."""
    try:
        raw = path.read_bytes()
        weights = JudgeWeights.model_validate_json(raw)
    except OSError as exc:
        raise WeightsError(f"{path}: cannot read the judge's weights ({exc.__class__.__name__})") from None
    except ValidationError as exc:
        first = exc.errors(include_url=False, include_input=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        raise WeightsError(f"{path}: {where}: {first['msg']}") from None
    problem = _inconsistency(weights)
    if problem:
        raise WeightsError(f"{path}: {problem}")
    digest = hashlib.sha256(weights.model_dump_json(exclude={"version", "checks"}).encode()).hexdigest()[:8]
    return weights.model_copy(update={"version": f"judge-{digest}"})


def _inconsistency(weights: JudgeWeights) -> str | None:
    from shared.analysis.checklists import CHECKLISTS
    from shared.analysis.rules_version import RULES_VERSION

    model = weights.category
    if set(model.classes) != set(CATEGORIES) or len(model.classes) != len(CATEGORIES):
        return f"the category model does not cover exactly {', '.join(CATEGORIES)}"
    if len(model.bias) != len(model.classes) or any(
        len(r) != len(model.classes) for r in model.weights.values()
    ):
        return "the category model's biases or weights do not have one value per category"
    known = {f"{c}:{i.id}" for c, items in CHECKLISTS.items() for i in items}
    if not set(weights.items) <= known:
        return f"item models for items no checklist has: {sorted(set(weights.items) - known)[:3]}"
    if weights.features_version != FEATURES_VERSION:
        return f"trained with {weights.features_version}, this code computes {FEATURES_VERSION}: retrain"
    if weights.rules_version != RULES_VERSION:
        return f"trained on {weights.rules_version}'s readings, these are {RULES_VERSION}'s: retrain"
    return None
