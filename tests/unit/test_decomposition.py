"""The shift-share decomposition on tiny inline frames: the effects add up to the gap exactly."""

import pandas as pd
import pytest

from dashboard import decomposition


def _frame(rows: dict[str, tuple[float, float]]) -> pd.DataFrame:
    return pd.DataFrame.from_dict(rows, orient="index", columns=["gva", "jobs"])


REFERENCE = _frame({"care": (30.0, 3.0), "tech": (80.0, 1.0), "retail": (20.0, 2.0)})


def test_mix_and_within_add_up_to_the_gap():
    area = _frame({"care": (12.0, 2.0), "tech": (10.0, 0.2), "retail": (9.0, 1.0)})
    result = decomposition.gap(area, REFERENCE)
    # area: 31 / 3.2 = 9.6875 per job; reference: 130 / 6 = 21.6667 per job
    assert result["gap"] == pytest.approx(31 / 3.2 - 130 / 6)
    assert result["mix"] + result["within"] == pytest.approx(result["gap"], abs=1e-12)


def test_an_area_like_the_reference_has_no_gap():
    result = decomposition.gap(REFERENCE * 0.5, REFERENCE)
    assert result == pytest.approx({"gap": 0.0, "mix": 0.0, "within": 0.0})


def test_mix_alone_when_productivity_matches_in_every_industry():
    # same GVA per job in each industry as the reference, more jobs in tech
    area = _frame({"care": (10.0, 1.0), "tech": (240.0, 3.0), "retail": (10.0, 1.0)})
    parts = decomposition.by_industry(area, REFERENCE)
    assert parts["within"].abs().max() == pytest.approx(0.0)
    # tech: share 0.6 vs 1/6, reference GVA per job 80
    assert parts.loc["tech", "mix"] == pytest.approx((0.6 - 1 / 6) * 80)
    assert parts["mix"].sum() == pytest.approx(260 / 5 - 130 / 6)


def test_an_industry_without_jobs_in_the_area_adds_only_to_the_mix():
    area = _frame({"care": (20.0, 2.0), "tech": (0.0, 0.0), "retail": (10.0, 1.0)})
    parts = decomposition.by_industry(area, REFERENCE)
    assert parts.loc["tech", "within"] == 0.0
    assert parts.loc["tech", "mix"] == pytest.approx(-1 / 6 * 80)
    result = decomposition.gap(area, REFERENCE)
    assert result["mix"] + result["within"] == pytest.approx(result["gap"])


def test_a_reference_without_jobs_in_an_industry_is_refused():
    area = _frame({"care": (1.0, 1.0), "mining": (5.0, 1.0)})
    with pytest.raises(ValueError, match="mining"):
        decomposition.by_industry(area, REFERENCE)


def test_many_areas_at_once_match_one_at_a_time():
    one = _frame({"care": (12.0, 2.0), "tech": (10.0, 0.2), "retail": (9.0, 1.0)})
    two = _frame({"care": (40.0, 3.0), "tech": (0.0, 0.0), "retail": (5.0, 2.0)})
    both = pd.concat({"one": one, "two": two})
    together = decomposition.by_industry(both, REFERENCE)
    for name, frame in (("one", one), ("two", two)):
        alone = decomposition.by_industry(frame, REFERENCE)
        assert together.loc[name, ["mix", "within"]].to_numpy() == pytest.approx(
            alone[["mix", "within"]].to_numpy()
        )
