"""``stats.wilson_interval``: the interval every hand reading reports its share with."""

from __future__ import annotations

import numpy as np
import pytest

from diplolib.stats import wilson_interval


def test_known_values_of_the_readings():
    # the twelfth theme reading (143/160) and the seed-2037 event reading (20/60), as the README gives them
    low, high = wilson_interval([143, 20], [160, 60])
    assert np.round(low, 3).tolist() == [0.836, 0.227] and np.round(high, 3).tolist() == [0.933, 0.459]


@pytest.mark.parametrize("k, n", [(0, 10), (10, 10), (1, 1), (0, 1)])
def test_the_interval_stays_within_zero_and_one_and_holds_the_share(k, n):
    low, high = wilson_interval(k, n)
    assert 0.0 <= low <= k / n <= high <= 1.0
    assert high - low > 0  # never a point, even at 0 or n of n (the normal approximation gives one)


def test_a_larger_sample_gives_a_narrower_interval():
    low_small, high_small = wilson_interval(9, 10)
    low_large, high_large = wilson_interval(90, 100)
    assert high_large - low_large < high_small - low_small


def test_a_wider_z_gives_a_wider_interval():
    assert np.subtract(*wilson_interval(50, 80, z=2.576)[::-1]) > np.subtract(*wilson_interval(50, 80)[::-1])
