"""Property-based: arbitrary strings, unicode, huge values and wrong types in every field of
the report form and the status forms never cause a 500, and invalid input stores nothing."""

import pytest
from django.core.cache import cache
from hypothesis import given
from hypothesis import strategies as st

from campaigns.alertline.forms import ReportForm
from campaigns.alertline.models import Report, ReportAddition
from tests.fuzz_inputs import clean, fuzz_settings
from tests.support.alertline import REPORT_URL, STATUS_URL, VALID

pytestmark = pytest.mark.django_db

REPORT_FIELDS = [
    "category",
    "where",
    "when",
    "description",
    "reporter_role",
    "contact",
    "contact_consent",
    "website",
]
STATUS_FIELDS = ["action", "reference", "code", "text", "confirm", "website"]

any_text = st.text(max_size=300)
huge_text = st.integers(min_value=5_000, max_value=60_000).map(lambda n: "é" * n)
odd_values = st.one_of(
    any_text,
    huge_text,
    st.sampled_from(["", "\x00", "grooming\x00", "self", "on", "0", "true", "\ud7ff", "💥" * 50]),
    st.integers().map(str),
    st.lists(any_text, min_size=2, max_size=3),  # the same field sent several times
)
HYPOTHESIS = fuzz_settings(max_examples=60)


@HYPOTHESIS
@given(
    changes=st.dictionaries(st.sampled_from(REPORT_FIELDS), odd_values, min_size=1),
    language=st.sampled_from(["pt", "en"]),
)
def test_the_report_form_never_fails_and_stores_only_valid_input(client, changes, language):
    cache.clear()
    data = {**VALID, **{name: clean(value) for name, value in changes.items()}}
    before = Report.objects.count()
    response = client.post(REPORT_URL[language], data)
    assert response.status_code in {200, 429}
    valid = ReportForm(_query_dict(data)).is_valid()
    stored = Report.objects.count() - before
    assert stored == (1 if valid else 0)
    if not valid:
        assert b'class="error-summary"' in response.content


def _query_dict(data):
    from django.http import QueryDict

    query = QueryDict(mutable=True)
    for name, value in data.items():
        if isinstance(value, list):
            query.setlist(name, value)
        else:
            query[name] = value
    return query


@HYPOTHESIS
@given(
    data=st.dictionaries(st.sampled_from(STATUS_FIELDS), odd_values),
    language=st.sampled_from(["pt", "en"]),
)
def test_the_status_forms_never_fail_and_store_nothing_without_the_pair(client, data, language):
    cache.clear()
    data = {name: clean(value) for name, value in data.items()}
    additions = ReportAddition.objects.count()
    statuses = dict(Report.objects.values_list("pk", "status"))
    response = client.post(STATUS_URL[language], data)
    assert response.status_code in {200, 429}
    assert ReportAddition.objects.count() == additions
    assert dict(Report.objects.values_list("pk", "status")) == statuses
