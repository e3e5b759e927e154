"""The rules' learned layer: trained on what the sets hold now, never on a sealed set, read safely,
and in charge of the rules analyzer's decisions by default."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shared.analysis.analyzer import Analyzer
from shared.analysis.checklists import CHECKLISTS
from shared.analysis.learned import WeightsError, load_judge
from shared.analysis.rules import RULES_VERSION, assess_text
from shared.config import SettingsError
from shared.eval.runner import make_config
from shared.eval.worlds import EVAL_DIR, WORLDS, open_worlds


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
        load_judge.__wrapped__(path)


def test_a_missing_weights_file_is_refused_naming_it(tmp_path: Path) -> None:
    with pytest.raises(WeightsError, match=r"absent\.json"):
        load_judge.__wrapped__(tmp_path / "absent.json")


def test_a_category_model_short_of_a_category_is_refused(tmp_path: Path) -> None:
    weights = load_judge().weights
    broken = weights.model_copy(
        update={"category": weights.category.model_copy(update={"classes": weights.category.classes[:-1]})}
    )
    path = tmp_path / "judge.json"
    path.write_text(broken.model_dump_json())
    with pytest.raises(WeightsError, match="cover exactly"):
        load_judge.__wrapped__(path)


# Real reports the rules alone misread (issue 17): the layer reads them as the labellers did.
def test_a_story_told_as_numbered_steps_on_a_named_platform_is_not_asked_for_where_or_steps() -> None:
    summary = "Vidyo crashes when viewing screen share in full screen on mac"
    body = (
        "Steps to reproduce: 1) View a screenshare in full screen 2) The remote participant ends screen "
        "share 3) Try to exit full screen on mac. Vidyo crashes."
    )
    alone = assess_text(summary, body, threshold=85)
    learned = assess_text(summary, body, threshold=85, judge=load_judge())
    assert {"where"} <= {m.id for m in alone.missing}
    assert not {"where", "steps"} & {m.id for m in learned.missing}
    assert learned.category == "troubleshooting"


def test_a_korean_cannot_connect_with_an_account_name_is_a_problem_report_not_an_access_request() -> None:
    summary = "현재 bastion 서버에 접속이 불가합니다 확인 부탁드립니다"
    body = "계정명: alsrb1578 \n입니다."
    assert assess_text(summary, body, threshold=85).category == "access"
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
