"""A rollout mode per category (ROLLOUT_CATEGORIES over ROLLOUT_MODE): every combination."""

from __future__ import annotations

import itertools

import pytest

from shared.config import RolloutMode, SettingsError, load_settings
from shared.lifecycle.policy import RolloutModes, WritePolicy

MODES: tuple[RolloutMode, ...] = ("shadow", "pilot", "full")
BASE = {
    "JIRA_BASE_URL": "https://example.atlassian.net",
    "JIRA_EMAIL": "bot@example.com",
    "JIRA_API_TOKEN": "t",
    "JIRA_SCAN_JQL": "project = OPS",
    "AzureWebJobsStorage": "UseDevelopmentStorage=true",
}


@pytest.mark.parametrize(
    ("default", "category_mode", "in_pilot", "force"),
    list(itertools.product(MODES, (None, *MODES), (False, True), (False, True))),
)
def test_the_categorys_mode_decides_what_is_written(
    default: RolloutMode, category_mode: RolloutMode | None, in_pilot: bool, force: bool
) -> None:
    by_category = {} if category_mode is None else {"access": category_mode}
    modes = RolloutModes(default, by_category)
    policy = WritePolicy.resolve(
        modes=modes, category="access", in_pilot=in_pilot, key="OPS-1", holdout_percent=0, force=force
    )
    applied = category_mode or default
    expected = force or applied == "full" or (applied == "pilot" and in_pilot)
    assert policy.write_jira is expected
    if force:
        assert policy.mode == "full (forced)"
        return
    assert policy.mode == applied and policy.reason.startswith(f"{applied} mode")
    assert ("ROLLOUT_CATEGORIES" in policy.reason) is (category_mode is not None)
    # A category the setting does not name takes the default, whatever the others do.
    other = WritePolicy.resolve(
        modes=modes, category="troubleshooting", in_pilot=in_pilot, key="OPS-1", holdout_percent=0
    )
    assert other.mode == default and "ROLLOUT_CATEGORIES" not in other.reason


def test_no_category_yet_means_the_default_mode() -> None:
    modes = RolloutModes("shadow", {"access": "full"})
    assert modes.of(None) == ("shadow", None) and modes.of("access") == ("full", "access")
    assert RolloutModes("full", {"access": "pilot"}).uses_pilot and not RolloutModes("full").uses_pilot


def test_the_setting_is_a_json_object_of_known_categories_and_modes() -> None:
    settings = load_settings(
        {**BASE, "ROLLOUT_CATEGORIES": '{"access": "full", "troubleshooting": "shadow"}'}
    )
    assert settings.ROLLOUT_CATEGORIES == {"access": "full", "troubleshooting": "shadow"}
    for bad in ('{"acess": "full"}', '{"access": "everything"}', "access=full"):
        with pytest.raises(SettingsError, match="ROLLOUT_CATEGORIES"):
            load_settings({**BASE, "ROLLOUT_CATEGORIES": bad})


def test_a_pilot_category_needs_the_pilot_scope() -> None:
    with pytest.raises(SettingsError, match="PILOT_JQL"):
        load_settings({**BASE, "ROLLOUT_MODE": "full", "ROLLOUT_CATEGORIES": '{"access": "pilot"}'})
    fine = load_settings(
        {
            **BASE,
            "ROLLOUT_CATEGORIES": '{"access": "pilot"}',
            "PILOT_JQL": "reporter = 5b10ac8d82e05b22cc7d4ef5",
        }
    )
    assert fine.uses_pilot
