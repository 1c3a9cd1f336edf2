"""A Security Council qualified by a state is that state's body (``reason="other-body"``), unless the UN qualifies it."""

from __future__ import annotations

import pandas as pd
import pytest

from diplolib.actors import tag_actors
from diplolib.actors.matcher_cache import default_matcher

STATE_BODY = [  # (text, the state that stays tagged)
    ("Russia's Security Council discussed the issue.", "RUS"),
    ("The Security Council of the Russian Federation met on Friday.", "RUS"),
    ("Russian Security Council Secretary Nikolai Patrushev said.", "RUS"),
    ("The Turkish Security Council met.", "TUR"),
    ("Le Conseil de sécurité russe s'est réuni.", "RUS"),
    ("Le Conseil de sécurité de la Fédération de Russie s'est réuni.", "RUS"),
    ("اجتمع مجلس الأمن الروسي يوم الجمعة.", "RUS"),
]
UN_BODY = [  # the UN's council, whatever state stands near it
    "Russia's Security Council veto blocked the resolution.",
    "Britain's Security Council envoy spoke.",
    "Russia told the Security Council that it objected.",
    "The Security Council of the United Nations met.",
    "Le Conseil de sécurité des Nations unies s'est réuni.",
    "La Russie a saisi le Conseil de sécurité de la question.",
    "طالب مجلس الأمن العراق بالتعاون.",
    "طالبت روسيا مجلس الأمن بعقد جلسة.",
]


@pytest.fixture(scope="module")
def tagged() -> pd.DataFrame:
    texts = [t for t, _ in STATE_BODY] + UN_BODY
    arts = pd.DataFrame({"article_id": range(len(texts)), "text": texts, "published": "2019-05-01"})
    return tag_actors(arts, registry=default_matcher())


@pytest.mark.parametrize("i", range(len(STATE_BODY)))
def test_a_state_qualified_security_council_is_that_state_s_body(tagged, i):
    rows = tagged[tagged["article_id"] == i]
    assert "org:unsc" not in set(rows["actor_id"].dropna()), STATE_BODY[i][0]
    assert (rows["reason"] == "other-body").sum() == 1
    assert STATE_BODY[i][1] in set(rows["actor_id"].dropna())  # the state itself is still mentioned


@pytest.mark.parametrize("i", range(len(UN_BODY)))
def test_the_un_security_council_stays_the_un_s(tagged, i):
    rows = tagged[tagged["article_id"] == len(STATE_BODY) + i]
    assert "org:unsc" in set(rows["actor_id"].dropna()), UN_BODY[i]
    assert not (rows["reason"] == "other-body").any()
