"""The rules' learned layer: trained on what the sets hold now, never on a sealed set, read safely,
and in charge of the rules analyzer's decisions by default."""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shared.analysis.analyzer import Analyzer
from shared.analysis.checklists import CHECKLISTS
from shared.analysis.learned import (
    WEIGHTS_PATH,
    ItemModel,
    LearnedJudge,
    WeightsError,
    load_judge,
    read_weights,
)
from shared.analysis.rules import assess_text
from shared.analysis.rules_version import RULES_VERSION
from shared.config import SettingsError
from tools.eval.runner import make_config
from tools.eval.worlds import EVAL_DIR, WORLDS, open_worlds


def test_the_shipped_layer_was_trained_on_the_open_sets_as_they_are_and_on_the_rules_as_they_are() -> None:
    """A label edited, a set added or a rule changed without retraining fails here: run
    `tools/train_judge.py` and commit the new weights."""
    weights = load_judge().weights
    on_disk = {
        str(w.path.relative_to(EVAL_DIR)): hashlib.sha256(w.path.read_bytes()).hexdigest()
        for w in open_worlds()
    }
    assert weights.trained_on == on_disk
    assert weights.rules_version == RULES_VERSION


def test_no_sealed_set_was_ever_trained_on() -> None:
    trained = set(load_judge().weights.trained_on.values())
    for world in WORLDS:
        if world.sealed:
            assert hashlib.sha256(world.path.read_bytes()).hexdigest() not in trained, world.name


@pytest.mark.parametrize(
    ("content", "names"),
    [
        (b"{not json", "judge.json"),
        (b'{"version": "x"}', "rules_version"),
    ],
)
def test_an_unusable_weights_file_is_refused_naming_the_file(
    tmp_path: Path, content: bytes, names: str
) -> None:
    path = tmp_path / "judge.json"
    path.write_bytes(content)
    with pytest.raises(WeightsError, match=names):
        read_weights(path)


def test_a_missing_weights_file_is_refused_naming_it(tmp_path: Path) -> None:
    with pytest.raises(WeightsError, match=r"absent\.json"):
        read_weights(tmp_path / "absent.json")


def _shipped() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(WEIGHTS_PATH.read_text())
    return data


def _broken(tmp_path: Path, edit: Callable[[dict[str, Any]], None]) -> Path:
    data = _shipped()
    edit(data)
    path = tmp_path / "judge.json"
    path.write_text(json.dumps(data))
    return path


def _first_feature(data: dict[str, Any]) -> str:
    return str(next(iter(data["category"]["weights"])))


@pytest.mark.parametrize(
    ("edit", "says"),
    [
        (lambda d: d["category"].update(classes=d["category"]["classes"][:-1]), "cover exactly"),
        (lambda d: d["category"].update(bias=d["category"]["bias"][:-1]), "one value per category"),
        (lambda d: d["category"]["weights"].update({_first_feature(d): [0.1]}), "one value per category"),
        (lambda d: d["items"].update({"access:shoe_size": {"bias": 0.0}}), "no checklist has"),
        (lambda d: d["items"]["access:tool"].update(bias=float("nan")), "finite"),
        (lambda d: d.update(features_version="features-0"), "retrain"),
        (lambda d: d.update(rules_version="rules-2000.1.1"), "retrain"),
    ],
    ids=["class missing", "short bias", "short row", "unknown item", "NaN", "old features", "old rules"],
)
def test_a_weights_file_that_does_not_fit_this_code_is_refused_at_load(
    tmp_path: Path, edit: Callable[[dict[str, Any]], None], says: str
) -> None:
    with pytest.raises(WeightsError, match=says):
        read_weights(_broken(tmp_path, edit))


def test_any_change_to_the_weights_is_a_new_version(tmp_path: Path) -> None:
    """The version is the digest of what the file holds, not a label someone must remember to bump."""
    shipped = read_weights(WEIGHTS_PATH)
    assert shipped.version == load_judge().version
    edited = read_weights(_broken(tmp_path, lambda d: d.update(present_threshold=0.3)))
    relabelled = read_weights(_broken(tmp_path, lambda d: d.update(version="judge-00000000")))
    assert edited.version != shipped.version
    assert relabelled.version == shipped.version


# Real reports the rules alone misread (issue 17): the layer reads them as the labellers did.
def test_a_story_told_as_numbered_steps_on_a_named_platform_is_not_asked_for_where_or_steps() -> None:
    """The layer read this one first; since rules-2026.12.22 the rules read its "where" too (a named
    app that crashes on a named platform), and neither may ask for what it tells."""
    summary = "Vidyo crashes when viewing screen share in full screen on mac"
    body = (
        "Steps to reproduce: 1) View a screenshare in full screen 2) The remote participant ends screen "
        "share 3) Try to exit full screen on mac. Vidyo crashes."
    )
    alone = assess_text(summary, body, threshold=85)
    learned = assess_text(summary, body, threshold=85, judge=load_judge())
    assert not {"where", "steps"} & {m.id for m in alone.missing}
    assert not {"where", "steps"} & {m.id for m in learned.missing}
    assert learned.category == "troubleshooting"


def test_a_korean_cannot_connect_with_an_account_name_is_a_problem_report_not_an_access_request() -> None:
    summary = "현재 bastion 서버에 접속이 불가합니다 확인 부탁드립니다"
    body = "계정명: alsrb1578 \n입니다."
    # The rules read "접속이 불가" as a failure since rules-2026.12.8; the layer read it so before.
    assert assess_text(summary, body, threshold=85).category == "troubleshooting"
    assert assess_text(summary, body, threshold=85, judge=load_judge()).category == "troubleshooting"


def test_the_analyzers_version_names_the_layer_so_a_retrained_layer_judges_tickets_again() -> None:
    judge = load_judge()
    assert Analyzer(threshold=85, learned=judge).version == f"{RULES_VERSION}+{judge.version}"
    assert Analyzer(threshold=85).version == RULES_VERSION
    assert assess_text("a", "b", threshold=85, judge=judge).version == f"{RULES_VERSION}+{judge.version}"


def test_eval_judges_with_the_layer_unless_told_not_to() -> None:
    assert make_config({}, analyzer="rules").learned is True
    assert make_config({"RULES_LEARNED": "false"}, analyzer="rules").learned is False
    with pytest.raises(SettingsError, match="RULES_LEARNED"):
        make_config({"RULES_LEARNED": "perhaps"}, analyzer="rules")


@settings(max_examples=150, deadline=None)
@given(
    summary=st.text(max_size=200),
    body=st.text(max_size=2000),
    category=st.sampled_from([None, *CHECKLISTS]),
)
def test_the_layer_never_raises_asks_only_checklist_items_and_is_deterministic(
    summary: str, body: str, category: str | None
) -> None:
    judge = load_judge()
    first = assess_text(summary, body, threshold=85, category=category, judge=judge)  # type: ignore[arg-type]
    again = assess_text(summary, body, threshold=85, category=category, judge=judge)  # type: ignore[arg-type]
    assert first == again
    allowed = {i.id for i in CHECKLISTS[first.category]}
    assert {m.id for m in first.missing} <= allowed and set(first.present) <= allowed
    if category is not None:
        assert first.category == category


_MINIMAL = {
    "JIRA_BASE_URL": "https://jira.invalid",
    "JIRA_EMAIL": "bot@invalid",
    "JIRA_API_TOKEN": "unused",
    "JIRA_SCAN_JQL": "project = OPS",
    "LEDGER_STORAGE": "UseDevelopmentStorage=true",
}


def test_a_broken_weights_file_fails_start_up_naming_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    from shared import runtime
    from shared.config import load_settings

    def broken() -> None:
        raise WeightsError("judge.json: category.bias: bad")

    monkeypatch.setattr(runtime, "load_judge", broken)
    with pytest.raises(SettingsError, match=r"RULES_LEARNED=true but judge\.json"):
        runtime._learned_layer(load_settings({**_MINIMAL, "RULES_LEARNED": "true"}))
    assert runtime._learned_layer(load_settings({**_MINIMAL, "RULES_LEARNED": "false"})) is None


@pytest.mark.parametrize("chance", [0.25, 0.35, 0.45])
def test_an_item_the_rules_found_is_overruled_only_when_the_model_is_fairly_sure(chance: float) -> None:
    """Between the overrule and the present threshold the rules' finding stands; a ticket the rules
    found nothing in still needs the model to think the item more likely there than not."""
    weights = load_judge().weights
    assert weights.overrule_threshold < chance < weights.present_threshold
    unsure = ItemModel(bias=math.log(chance / (1 - chance)), weights={})
    judge = LearnedJudge(weights.model_copy(update={"items": {**weights.items, "access:role": unsure}}))
    assert judge.present("access", "role", frozenset(), "en", detected=True)
    assert not judge.present("access", "role", frozenset(), "en", detected=False)
    assert judge.present_in("access", "role", {"self": 1.0})
    assert not judge.present_in("access", "role", {"self": 0.0})
