"""Reference tests for parse_duration: one test per rule of the specification."""
import pytest
from durations import parse_duration


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("45s", 45),
        ("90m", 5400),
        ("2h", 7200),
        ("3d", 259_200),
        ("1h30m", 5400),
        ("1d2h3m4s", 86_400 + 7200 + 180 + 4),
        ("1h5s", 3605),
        ("0m", 0),
        ("05m", 300),
        ("100s", 100),
    ],
)
def test_valid_durations(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["1H30M", "2D", "5S", "1h30M"])
def test_units_are_case_insensitive(text):
    assert parse_duration(text) == parse_duration(text.lower())


@pytest.mark.parametrize(("text", "seconds"), [("1h 30m", 5400), (" 2d 1s ", 172_801), ("5m\t", 300)])
def test_whitespace_between_parts_and_around(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "   "])
def test_empty_or_blank_is_an_error(text):
    with pytest.raises(ValueError):
        parse_duration(text)


@pytest.mark.parametrize("text", ["90", "0", "h", "5w", "-5m", "+5m", "1.5h", "1 h"])
def test_malformed_parts_are_errors(text):
    with pytest.raises(ValueError):
        parse_duration(text)


@pytest.mark.parametrize("text", ["30m1h", "1s1m", "1h1h", "2m3m"])
def test_units_out_of_order_or_repeated_are_errors(text):
    with pytest.raises(ValueError):
        parse_duration(text)


@pytest.mark.parametrize("text", ["5m!", "about 5m", "1hx", "5m 3"])
def test_extra_characters_are_errors(text):
    with pytest.raises(ValueError):
        parse_duration(text)


@pytest.mark.parametrize("value", [None, 90, b"5m"])
def test_non_strings_raise_type_error(value):
    with pytest.raises(TypeError):
        parse_duration(value)
