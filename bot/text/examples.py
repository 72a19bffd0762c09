"""An error's example built from the person's own command: their model, tokens and GPU, the word at fault fixed.

`train 70B days=30 gpus=8` is answered "give days= or gpus=" with `train 70B gpus=8`, not with some other model's
command. The candidates are the person's words with the one thing wrong set right, likeliest first: the word set to
the suggestion the error carries, what was missing added, or the word at fault left out; the first one the caller
accepts (one that parses, or one that is answered) is the example. None when no candidate is accepted: the
command's own fixed example stands.
"""

from collections.abc import Callable, Iterator, Mapping

# What an example adds where the person gave none: a size, fine-tuning tokens, a price per GPU-hour, a GPU.
EXAMPLE_SIZE = "70B"
EXAMPLE_FINETUNE_TOKENS = "100M"
EXAMPLE_PRICE = "price=2.5"
EXAMPLE_GPU = "gpu=H100"  # has every precision the grammar takes
# The option an estimate's error is about (calc's codes): leaving it out lets the default stand.
KEY_AT_FAULT: dict[str, str] = {
    "precision_unsupported": "precision",
    "kv_precision_unsupported": "kv",
    "no_offer_on_basis": "basis",
    "unknown_basis": "basis",
    "own_no_capex": "basis",
    "own_no_power": "basis",
    "input_exceeds_tokens": "tokens",
    "output_exceeds_tokens": "tokens",
    "tokens_mismatch": "tokens",
    "days_unreachable": "days",
    "no_bandwidth": "gpu",
    "days_and_gpus": "days",
    "pp_does_not_divide_cards": "pp",
    "days_and_hours": "hours",
}
TEAM_COMMANDS = ("set", "settings", "reset")
_JOBS = ("train", "infer", "finetune", "训练", "推理", "微调", "training", "inference", "fine-tune")


def own_example(words: list[str], code: str, values: Mapping[str, object], accept: Callable[[str], bool]) -> str | None:
    """The first of the person's words, set right for this error, that `accept` takes."""
    for candidate in _candidates(words, code, values):
        text = " ".join(candidate)
        if candidate and candidate != words and accept(text):
            return text
    return None


def _candidates(words: list[str], code: str, values: Mapping[str, object]) -> Iterator[list[str]]:
    bad = str(values.get("word", ""))
    suggestion = str(values.get("suggestion") or "")
    subject = _subject_at(words)
    # A near miss of a team command ("requests" is a letter from "reset") is no reason to show one that changes a
    # workspace's defaults: the suggestion is named in the message, and the example stays an estimate.
    if bad in words and suggestion and not (code == "unknown_command" and suggestion in TEAM_COMMANDS):
        if "=" in bad:
            key, value = bad.split("=", 1)
            fixed = f"{suggestion}={value}" if code == "unknown_key" else f"{key}={suggestion}"
        else:
            fixed = suggestion
        yield [fixed if word == bad else word for word in words]
    if subject is not None and words[subject : subject + 1] == [bad] and "=" not in bad:
        # the model's size refused ("zzz", "30"): a size stands in for it, so their tokens stay tokens
        yield [*words[:subject], EXAMPLE_SIZE, *words[subject + 1 :]]
    if code == "missing_params" and subject is not None:
        yield [*words[:subject], EXAMPLE_SIZE, *words[subject:]]
    if code == "finetune_needs_tokens" and subject is not None:
        yield [*words[: subject + 1], EXAMPLE_FINETUNE_TOKENS, *words[subject + 1 :]]
    if code == "compare_missing_job" and words[:1]:  # "compare 175B": a training comparison
        yield [words[0], "train", *words[1:]]
    if code == "compare_one_gpu" and bad in words:  # a second GPU beside theirs: the H100, or the A100 beside it
        other = "A100" if "h100" in bad.lower() else "H100"
        yield [f"{bad.rstrip(',')},{other}" if word == bad else word for word in words]
    if code == "no_price":  # on its own basis first: the GPU may have a price on another (a comparison skips it)
        yield _without_key(words, "basis")
        yield [*words, EXAMPLE_PRICE]
    if code == "sweep_does_not_fit":
        yield [*_without_key(words, "cards"), f"cards={values.get('min_cards')}"]
    if code == "budget_and_params" and subject is not None:  # the budget sizes the model: the size goes
        yield [*words[:subject], *(word for word in words[subject:] if "=" in word)]
    if code == "pp_does_not_divide_cards":  # the cards rounded up to whole stages, else the stages dropped
        pp = int(str(values.get("pp", 1)))
        whole = -(-int(str(values.get("cards", pp))) // pp) * pp
        yield [*_without_key(words, "cards"), f"cards={whole}"]
    if code == "precision_unsupported" and not any(word.lower().startswith("gpu=") for word in words):
        yield [*words, EXAMPLE_GPU]  # fp8 asked of the default A100: a GPU that has it, the precision kept
    at_fault = KEY_AT_FAULT.get(code)
    if at_fault is not None:
        yield _without_key(words, at_fault)
    for word in (bad, str(values.get("option", ""))):
        if word in words:
            yield [kept for kept in words if kept != word]


def _without_key(words: list[str], key: str) -> list[str]:
    return [word for word in words if not word.lower().startswith(f"{key}=")]


def _subject_at(words: list[str]) -> int | None:
    """Where a job's model stands: after `train`, `compare train`, `sweep [infer]`; None for other commands."""
    lowered = [word.lower() for word in words]
    at = 1 if lowered[:1] and lowered[0] in (*_JOBS, "sweep", "compare") else None
    if at is not None and lowered[0] in ("compare", "sweep") and lowered[1:2] and lowered[1] in _JOBS:
        at = 2
    return at
