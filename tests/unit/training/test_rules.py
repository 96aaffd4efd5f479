"""Training's rules that need no table: grading, the quiz as typed, answers as sent, descriptions as shown."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from portside.errors import InvalidInput
from portside.templating import paragraphs
from portside.training.certificates import CODE
from portside.training.forms import answers_of_form, quiz_of_form
from portside.training.grading import CODE_ALPHABET, certificate_code, grade
from portside.training.models import QuizQuestion, QuizVersion


def quiz(*correct: tuple[int, ...]) -> QuizVersion:
    questions = [QuizQuestion(text=f"Q{n}", options=["a", "b", "c"], correct=list(c)) for n, c in enumerate(correct)]
    return QuizVersion("pk", "sk", number=1, questions=questions)


def test_a_question_is_right_only_with_exactly_its_right_options() -> None:
    three = quiz((1,), (0, 2), (2,))

    assert grade(three, {1: {1}, 2: {0, 2}, 3: {2}}) == (100, ())
    assert grade(three, {1: {1}, 2: {0}, 3: {2}}) == (66, (2,))  # a part of the right options is wrong
    assert grade(three, {1: {1}, 2: {0, 1, 2}, 3: {2}}) == (66, (2,))  # every option ticked is wrong too
    assert grade(three, {}) == (0, (1, 2, 3))


def test_a_certificate_code_is_readable_and_checked_by_its_shape() -> None:
    codes = {certificate_code() for _ in range(200)}

    assert len(codes) == 200
    assert all(CODE.fullmatch(code) and set(code.replace("-", "")) <= set(CODE_ALPHABET) for code in codes)


def test_the_quiz_as_typed_marks_right_options_with_a_star() -> None:
    typed = {"question_1": "  Which port?  ", "options_1": "Port 1\n* Port 8\n\n", "question_3": "Skipped slot 2"}
    typed["options_3"] = "*a\n*b\nc"

    assert quiz_of_form(typed) == [
        ("Which port?", ("Port 1", "Port 8"), (1,)),
        ("Skipped slot 2", ("a", "b", "c"), (0, 1)),
    ]


@pytest.mark.parametrize("options", ["only one", "*a\nb\nc\nd\ne\nf\ng", "a\nb", "*a\n" + "b" * 301, "*a\nb\x00c"])
def test_a_quiz_question_needs_two_to_six_plain_options_and_a_right_one(options: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        quiz_of_form({"question_1": "Q", "options_1": options})

    assert list(refused.value.errors) == ["question_1"]


def test_answers_keep_only_option_numbers() -> None:
    sent = {"q1": ["1"], "q2": ["0", "2", "x", "-1", "99", "7"], "q9": ["1"]}

    assert answers_of_form(lambda name: sent.get(name, []), 3) == {1: {1}, 2: {0, 2}, 3: set()}


@given(st.text(max_size=200))
def test_a_description_never_becomes_markup_it_did_not_ask_for(text: str) -> None:
    shown = str(paragraphs(text))

    without_links = re.sub(r'<a href="[^"<>]*" rel="noopener nofollow">[^<>]*</a>', "", shown)
    assert re.sub(r"</?p>|<br>", "", without_links).count("<") == 0
