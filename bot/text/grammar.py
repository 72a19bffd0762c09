"""The command grammar, one function from text to a command, shared by the CLI and the Slack bot.

    train <params|model> [tokens] [key=value ...]
    infer <params|model> [key=value ...]
    compare <train|infer ...> [gpu=A,B,C]
    sweep [infer] <params|model> [key=value ...]
    rent [gpu] [gpus=N] [days=N|hours=N] | [gpu_hours=N] [basis= price= discount= currency= rate=]   (no model)
    gpus | models | prices [gpu] | api [model] | help [topic]
    set <gpu|price|currency|rate|mfu> <value> | settings | reset [key]     (team defaults)

Every rejection is a GrammarError naming the offending word and carrying a working example.
"""

import difflib
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal, TypeVar

from pydantic import BaseModel, ValidationError

from bot.text.examples import own_example
from bot.text.quantities import (
    QuantityError,
    experts_of,
    parse_count,
    parse_discount,
    parse_fraction,
    parse_number,
    parse_quantity,
)
from bot.wording import numbers as fmt
from calc.api_prices import api_models, api_offers
from calc.assumptions import DEFAULT_CNY_PER_USD
from calc.command import format_percent, format_quantity
from calc.gpus import CATALOG, find_gpu
from calc.model_config import FROZEN
from calc.presets import PRESETS, find_preset
from calc.prices import BASIS_ALIASES, OWN_BASIS, normal_basis, price_book
from calc.rental import RentRequest
from calc.requests import EstimateRequest, InferRequest, TrainRequest
from calc.units import Currency, FinetuneMethod, Formula, Precision, Recompute

EXAMPLES: dict[str, str] = {
    "train": "train 175B 500B gpu=H100",
    "infer": "infer 70B batch=16 gpu=H100",
    "sweep": "sweep infer 70B gpu=H100",
    "finetune": "finetune llama2-7b 100M method=lora",
    "rent": "rent H100 gpus=64 days=21",
}
Parsed = TypeVar("Parsed")
HELP_TOPICS = ("train", "finetune", "infer", "gpus", "models", "keys", "prices")


class GrammarError(ValueError):
    """Bad input, as a message code with its values; `example` is a command that works: `parse` makes it the
    person's own command set right where it can, `default_example` is the command's fixed one."""

    def __init__(self, code: str, example: str = EXAMPLES["train"], **values: str | int) -> None:
        super().__init__(code, values)
        self.code = code
        self.default_example = example
        self.values = values
        self.words: list[str] = []  # the command's words, when parse knows them: the example is made from them
        self._example: str | None = None
        self._example_command: Command | None = None

    @property
    def example(self) -> str:
        """Made when first asked for: most refusals are free text, which the reader answers instead."""
        if self._example is None:
            parsing = Parsing()
            own = own_example(self.words, self.code, self.values, parsing) if self.words else None
            self._example, self._example_command = own or self.default_example, parsing.command
        return self._example

    @property
    def example_command(self) -> "Command | None":
        """What `example` parses to when it is made from the person's words (None for the fixed one): kept from
        making it, so that checking it is answered does not parse it again."""
        return self._example_command if self.example != self.default_example else None


class Estimate(BaseModel):
    model_config = FROZEN
    kind: Literal["estimate"] = "estimate"
    request: EstimateRequest


class Rent(BaseModel):
    """GPUs rented for a time, no model: what the hours cost on a basis; `compare`: the same rental on each of these
    GPUs (catalog ids; `request` then names none)."""

    model_config = FROZEN
    kind: Literal["rent"] = "rent"
    request: RentRequest
    compare: tuple[str, ...] = ()


class Help(BaseModel):
    model_config = FROZEN
    kind: Literal["help"] = "help"
    topic: str | None = None


class ListGpus(BaseModel):
    model_config = FROZEN
    kind: Literal["gpus"] = "gpus"


class ListModels(BaseModel):
    model_config = FROZEN
    kind: Literal["models"] = "models"


class ListPrices(BaseModel):
    """`prices [gpu]`: the offers with dates and sources; `gpu` a catalog id, or None for every GPU."""

    model_config = FROZEN
    kind: Literal["prices"] = "prices"
    gpu: str | None = None


class ListApi(BaseModel):
    """`api [model]`: hosted models' per-token prices; `model` as the catalog names it, or None for all."""

    model_config = FROZEN
    kind: Literal["api"] = "api"
    model: str | None = None


class Compare(BaseModel):
    """One job across GPUs: `request` names no GPU of its own; `gpus` are catalog ids, in the order given."""

    model_config = FROZEN
    kind: Literal["compare"] = "compare"
    request: EstimateRequest
    gpus: tuple[str, ...]


class SetDefault(BaseModel):
    """Keep a team default: `key` as stored (`mfu`, `price:H100-SXM`), `value` checked, as stored text."""

    model_config = FROZEN
    kind: Literal["set"] = "set"
    key: str
    value: str


class ShowSettings(BaseModel):
    model_config = FROZEN
    kind: Literal["settings"] = "settings"


class ResetDefault(BaseModel):
    """Remove one team default (`key` as stored), or all of them when `key` is None."""

    model_config = FROZEN
    kind: Literal["reset"] = "reset"
    key: str | None = None


class Sweep(BaseModel):
    """One serving request across batch sizes, up to the largest that fits (the request's own batch is ignored)."""

    model_config = FROZEN
    kind: Literal["sweep"] = "sweep"
    request: InferRequest


TeamCommand = SetDefault | ShowSettings | ResetDefault
Command = (
    Estimate
    | Rent
    | Help
    | ListGpus
    | ListModels
    | ListPrices
    | ListApi
    | Compare
    | Sweep
    | SetDefault
    | ShowSettings
    | ResetDefault
)


@dataclass(frozen=True)
class Key:
    """One `key=value` option: how its value is read, and how a working value looks."""

    parse: Callable[[str], object]
    example: str
    shows: Callable[[float], str] = lambda value: f"{value:g}"
    # The words it accepts, among which a wrong word's nearest is sought (called then: some come from the data).
    choices: Callable[[], Sequence[str]] = tuple
    # A closed set is named in full when a word is wrong; a long one (the GPUs) has its own message and listing.
    listed: bool = True
    unknown: str = "bad_value"


def _count_key(example: str) -> Key:
    """A whole-number option; its limits read with thousands separators ('10,000,000', not '1e+07')."""
    return Key(parse_count, example, fmt.count)


def _count_or_max(word: str) -> int | str:
    """`batch=max`: the largest batch that fits; otherwise a whole number."""
    return "max" if word.lower() == "max" else parse_count(word)


def _gpu(word: str) -> str:
    gpu = find_gpu(word)
    if gpu is None:
        raise QuantityError(word)
    return gpu.id


def _choice(enum: type[StrEnum], aliases: dict[str, str] | None = None) -> Callable[[str], StrEnum]:
    def parse(word: str) -> StrEnum:
        key = (aliases or {}).get(word.lower(), word)
        for member in enum:
            if member.value.lower() == key.lower():
                return member
        raise QuantityError(word)

    return parse


def _choice_key(enum: type[StrEnum], example: str, aliases: dict[str, str] | None = None) -> Key:
    return Key(_choice(enum, aliases), example, choices=lambda: [member.value for member in enum])


def _known_bases(rented: bool = False) -> list[str]:
    """What `basis=` accepts: the data's names, `seed`, `own` (not for a rental), and the words that stand for them."""
    names = [*price_book().known_bases(), *BASIS_ALIASES]
    return [name for name in names if not rented or normal_basis(name) != OWN_BASIS]


def _basis(word: str, rented: bool = False) -> str:
    """A basis the offers name (or `seed`, `own`), as the data spells it; `commit` reads as `commit-1y`."""
    basis = normal_basis(word)
    if basis not in price_book().known_bases() or (rented and basis == OWN_BASIS):
        raise QuantityError(word)
    return basis


# A price per GPU-hour as written: `2.5`, `$2.5`, `2.5USD`, `2.5/h`; in yuan, `¥15`, `15元`, `15CNY`, `RMB15`.
# Compiled (by re, which keeps it) on the first price typed, not at every start: 1-2 ms a command without one never needs.
_PRICE = (
    r"(?P<before>\$|usd|¥|cny|rmb|元)?(?P<n>(?:[0-9][0-9_,]*(?:\.[0-9]+)?|\.[0-9]+)(?:e[+-]?[0-9]+)?)"
    r"(?P<after>\$|usd|¥|cny|rmb|元|yuan)?(?:/(?:gpu-?)?(?:h|hr|hour|小时))?"
)
_YUAN_MARKS = ("¥", "cny", "rmb", "元", "yuan")


def _price_parts(word: str) -> tuple[float, bool]:
    """A price's figure, and whether it is marked as yuan."""
    match = re.fullmatch(_PRICE, word.strip(), re.IGNORECASE)
    if match is None or (match["before"] and match["after"]):
        raise QuantityError(word)
    marks = f"{match['before'] or ''}{match['after'] or ''}".lower()
    return parse_number(match["n"]), marks in _YUAN_MARKS


def _usd_price(word: str) -> float:
    """`price=` in dollars, the grammar's own unit; a price marked as yuan is read where its rate is known."""
    value, yuan = _price_parts(word)
    if yuan:
        raise QuantityError(word)
    return value


_GPU_NAMES = [name for gpu in CATALOG for name in (gpu.id, *gpu.aliases)]
_CURRENCY_ALIASES = {"$": "USD", "usd$": "USD", "rmb": "CNY", "元": "CNY", "人民币": "CNY", "¥": "CNY", "cny¥": "CNY"}

_SHARED_KEYS: dict[str, Key] = {
    "gpu": Key(_gpu, "gpu=H100", choices=lambda: _GPU_NAMES, listed=False, unknown="unknown_gpu"),
    "price": Key(_usd_price, "price=2.5"),
    "flops": Key(parse_quantity, "flops=312T", format_quantity),
    "precision": _choice_key(Precision, "precision=bf16"),
    "mfu": Key(parse_fraction, "mfu=40%", format_percent),
    "active": Key(parse_quantity, "active=37B", format_quantity),
    "discount": Key(parse_discount, "discount=50%", format_percent),
    "currency": _choice_key(Currency, "currency=CNY", _CURRENCY_ALIASES),
    "rate": Key(parse_number, "rate=7.1"),
    "formula": _choice_key(Formula, "formula=seed"),
    # How the GPUs are paid for (calc.prices); with basis=own, the purchase's figures (calc.ownership).
    "basis": Key(_basis, "basis=on-demand", choices=_known_bases, listed=False),
    "capex": Key(parse_number, "capex=30000"),
    "years": Key(parse_number, "years=5"),
    "util": Key(parse_fraction, "util=70%", format_percent),
    "kwh": Key(parse_number, "kwh=0.09"),
    "pue": Key(parse_number, "pue=1.2"),
    "ops": Key(parse_fraction, "ops=20%", format_percent),
}
TRAIN_KEYS: dict[str, Key] = {
    **_SHARED_KEYS,
    "tokens": Key(parse_quantity, "tokens=2T", format_quantity),
    "gpus": _count_key("gpus=1024"),
    "recompute": _choice_key(Recompute, "recompute=full"),
    "goodput": Key(parse_fraction, "goodput=90%", format_percent),
    "days": Key(parse_number, "days=30"),
    "budget": Key(lambda word: parse_quantity(word.lstrip("$¥")), "budget=1M", format_quantity),
}
# Fine-tuning: the training keys but `budget=` (which sizes a model from scratch), and the method.
FINETUNE_KEYS: dict[str, Key] = {
    **{key: spec for key, spec in TRAIN_KEYS.items() if key != "budget"},
    "method": _choice_key(FinetuneMethod, "method=lora"),
}
INFER_KEYS: dict[str, Key] = {
    **_SHARED_KEYS,
    "tokens": _count_key("tokens=1000"),
    "input": _count_key("input=800"),
    "output": _count_key("output=200"),
    "batch": Key(_count_or_max, "batch=32", fmt.count),
    "cards": _count_key("cards=8"),
    "pp": _count_key("pp=2"),  # pipeline stages: cards=8 pp=2 is 2 stages of 4-way tensor parallelism
    "opt": Key(parse_fraction, "opt=30%", format_percent),
    "mbu": Key(parse_fraction, "mbu=80%", format_percent),
    # serving: KV-cache precision, context held per sequence, load, and the model shape's keys
    "kv": _choice_key(Precision, "kv=fp8"),
    "context": _count_key("context=8192"),
    "rps": Key(parse_number, "rps=50"),
    **{name: _count_key(f"{name}={value}") for name, value in (("layers", 80), ("kv_heads", 8), ("head_dim", 128))},
}
RENT_KEYS: dict[str, Key] = {
    **{key: _SHARED_KEYS[key] for key in ("gpu", "price", "discount", "currency", "rate")},
    # Renting is paid per hour: owning the GPUs (`basis=own`) is an estimate's question, not a rental's.
    "basis": Key(
        lambda word: _basis(word, rented=True), "basis=spot", choices=lambda: _known_bases(rented=True), listed=False
    ),
    "gpus": TRAIN_KEYS["gpus"],
    "days": TRAIN_KEYS["days"],
    "hours": Key(parse_number, "hours=500"),
    "gpu_hours": Key(parse_quantity, "gpu_hours=1M", format_quantity),
}
_COMMAND_ALIASES = {
    **{"训练": "train", "推理": "infer", "帮助": "help", "training": "train", "inference": "infer"},
    **{"fine-tune": "finetune", "finetuning": "finetune", "微调": "finetune"},
    **{"rental": "rent", "租": "rent", "租用": "rent"},
}
_BOUNDS = ("gt", "ge", "lt", "le")


def command_of(word: str) -> str:
    """The command a first word names, in English (`租` is `rent`); any other word as it is, lowercased."""
    return _COMMAND_ALIASES.get(word.lower(), word.lower())


LANGUAGES = ("en", "zh")


# Compiled once: every command is split into words two or three times (its language, its grammar, its example).
_SPACED_EQUALS = re.compile(r"\s*=\s*")
_SPACE_AFTER_COMMA = re.compile(r",\s+")


def words_of(text: str) -> list[str]:
    """Split on white space; `key = value` and `gpu=A100, H100` are one word; full-width ＝ ％ ８ read as ASCII."""
    normal = unicodedata.normalize("NFKC", text).strip()
    normal = _SPACED_EQUALS.sub("=", normal)
    normal = _SPACE_AFTER_COMMA.sub(",", normal)
    return normal.split()


def _preset_names() -> list[str]:
    return [preset.name for preset in PRESETS]


def _suggest(word: str, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(word.lower(), [c.lower() for c in choices], n=1, cutoff=0.5)
    if not close:
        return ""
    return next(c for c in choices if c.lower() == close[0])


def _split_language(words: list[str]) -> tuple[str | None, list[str]]:
    """`lang=zh` may stand anywhere in any command; it chooses the reply's language, nothing else."""
    chosen: str | None = None  # the last `lang=` word
    rest: list[str] = []
    for word in words:
        if word.lower().startswith("lang="):
            chosen = word
        else:
            rest.append(word)
    if chosen is None:
        return None, rest
    lang = chosen.split("=", 1)[1].lower()
    if lang not in LANGUAGES:
        example = f"{' '.join(rest) or 'help'} lang=zh"
        raise GrammarError("bad_value", example, word=chosen, key="lang", expected="lang=zh")
    return lang, rest


def language_in(words: list[str]) -> str | None:
    """The language a command (split by words_of) asks for with `lang=`, if it asks for a valid one (parse reports a
    bad one)."""
    try:
        return _split_language(words)[0]
    except GrammarError:
        return None


def parse(text: str) -> Command:
    """The command the text is; a GrammarError whose example is the person's own command set right, when one is."""
    return parse_words(words_of(text))


def parse_words(words: list[str]) -> Command:
    """`parse` of a text already split by words_of: a caller that needs the words too splits them once."""
    _, words = _split_language(words)
    try:
        return _command(words)
    except GrammarError as error:
        error.words = words
        raise


class Parsing:
    """Whether the grammar takes a text (`lang=` aside), what an example made from a person's words must meet: an
    acceptor for own_example that keeps the command of the last text taken, which is the example's (own_example
    stops at the first it accepts), so that checking the example is answered does not parse it again."""

    def __init__(self) -> None:
        self.command: Command | None = None

    def __call__(self, text: str) -> bool:
        try:
            self.command = parse(text)
        except GrammarError:
            return False
        return True


def _command(words: list[str]) -> Command:
    if not words:
        return Help()
    head = command_of(words[0])
    if head in ("train", "infer", "finetune"):
        # The request is validated (and typed) already; validating it again inside Estimate would build Estimate's
        # schema, both requests' union, at every start for nothing: ~12M instructions of the CLI's `train`.
        return Estimate.model_construct(request=_estimate(head, words[1:]))
    if head == "rent":
        return _rent(words[1:])
    if head == "compare":
        return _compare(words[1:])
    if head == "sweep":
        return _sweep(words[1:])
    if head == "help":
        return Help(topic=words[1].lower() if len(words) > 1 else None)
    if head in ("gpus", "gpu"):
        return ListGpus()
    if head in ("models", "model", "presets"):
        return ListModels()
    if head in ("prices", "price"):
        _arguments("prices", words[1:], min(len(words) - 1, 1), PRICES_EXAMPLE)
        return ListPrices(gpu=_read_gpu(words[1], PRICES_EXAMPLE) if len(words) > 1 else None)
    if head == "api":
        _arguments("api", words[1:], min(len(words) - 1, 1), API_EXAMPLE)
        return ListApi(model=_api_model(words[1]) if len(words) > 1 else None)
    if head == "set":
        return _set_default(words[1:])
    if head == "settings":
        _arguments("settings", words[1:], 0, "settings")
        return ShowSettings()
    if head == "reset":
        return _reset_default(words[1:])
    if find_preset(words[0]) is not None or _is_quantity(words[0]):
        raise GrammarError("missing_command", word=words[0], example=f"train {' '.join(words)}")
    commands = [
        *("train", "finetune", "infer", "compare", "sweep", "rent", "gpus", "models", "prices", "api", "help"),
        *("set", "settings", "reset"),
    ]
    raise GrammarError("unknown_command", word=words[0], suggestion=_suggest(words[0], commands))


def _is_quantity(word: str) -> bool:
    try:
        parse_quantity(word)
    except QuantityError:
        return False
    return True


def _estimate(kind: str, words: list[str]) -> EstimateRequest:
    keys = {"train": TRAIN_KEYS, "finetune": FINETUNE_KEYS}.get(kind, INFER_KEYS)
    trains = kind in ("train", "finetune")
    example = EXAMPLES[kind]
    positionals, options = _split_options(words, keys, example)
    fields: dict[str, object] = {}
    typed: dict[str, str] = {}
    if "budget" in options and positionals:  # a budget sizes the model itself
        raise GrammarError("budget_and_params", "train budget=1M", word=positionals[0], option=options["budget"][1])
    if "days" in options and "gpus" in options:
        raise GrammarError("days_and_gpus", example, word=options["days"][1], option=options["gpus"][1])
    if not positionals and "budget" not in options:
        raise GrammarError("missing_params", example, command=kind)
    model_word, *rest = positionals or [""]
    preset = find_preset(model_word) if model_word else None
    if preset is not None:
        fields["model"] = preset.name
    elif model_word:
        fields["params"] = _read(model_word, model_word, parse_quantity, "bad_params", example, _preset_names)
        fields["experts"] = experts_of(model_word)
        typed["params"] = model_word
    if rest and trains and "tokens" in options:
        raise GrammarError("tokens_twice", example, word=rest[0], option=options["tokens"][1])
    if rest and trains:
        tokens_word, *rest = rest
        fields["tokens"] = _read(tokens_word, tokens_word, parse_quantity, "bad_tokens", example, tuple)
        typed["tokens"] = tokens_word
    if rest:
        raise GrammarError("unexpected_word", example, word=rest[0])
    if kind == "finetune":
        if "tokens" not in fields and "tokens" not in options:
            raise GrammarError("finetune_needs_tokens", example, word=model_word)
        fields["method"] = FinetuneMethod.FULL

    _read_options(options, keys, example, fields, typed)
    request_type = TrainRequest if trains else InferRequest
    try:
        return request_type.model_validate(fields)
    except ValidationError as error:
        raise _explain(error, typed, keys, example) from None


def _split_options(
    words: list[str], keys: dict[str, Key], example: str
) -> tuple[list[str], dict[str, tuple[str, str]]]:
    """The words without `=`, in order, and each `key=value` as key -> (value, the word as typed)."""
    positionals: list[str] = []
    options: dict[str, tuple[str, str]] = {}
    for word in words:
        if "=" not in word:
            positionals.append(word)
            continue
        key, value = word.split("=", 1)
        key = key.lower()
        if key not in keys:
            raise GrammarError("unknown_key", example, word=word, key=key, suggestion=_suggest(key, list(keys)))
        if key in options:
            raise GrammarError("duplicate_key", example, word=word, key=key)
        options[key] = (value, word)
    return positionals, options


def _read_options(
    options: dict[str, tuple[str, str]],
    keys: dict[str, Key],
    example: str,
    fields: dict[str, object],
    typed: dict[str, str],
) -> None:
    """Each option's value into `fields` (the word as typed into `typed`); a price in yuan in dollars at the rate
    given or the default one, which the request then states, so the answer is in yuan at that very rate."""
    yuan: tuple[float, str] | None = None
    for key, (value, word) in options.items():
        spec = keys[key]
        typed[key] = word
        if key == "price":
            figure, in_yuan = _read(
                value, word, _price_parts, "bad_value", example, tuple, key=key, expected=spec.example
            )
            if in_yuan:
                yuan = (figure, word)
                continue
        fields[key] = _read_key(value, word, spec, example, key)
    if yuan is not None:
        figure, word = yuan
        given_rate = fields.get("rate")
        rate = given_rate if isinstance(given_rate, float) else DEFAULT_CNY_PER_USD
        fields["rate"] = rate
        fields["price"] = figure / rate
        fields["price_label"] = f"¥{figure:g} ÷ {rate:g}"
        fields.setdefault("currency", Currency.CNY)


def _read(
    value: str,
    word: str,
    parse_value: Callable[[str], Parsed],
    code: str,
    example: str,
    choices: Callable[[], Sequence[str]],
    listed: bool = False,
    **values: str,
) -> Parsed:
    """Parse one value; on failure name the word and the nearest valid choice when there is one (`listed`: and all
    of them). The choices are made only then: most words are read at the first try."""
    try:
        return parse_value(value)
    except (QuantityError, ValueError, ArithmeticError):
        words = choices()
        if listed and words:
            values["choices"] = ", ".join(f"`{choice}`" for choice in words)
        raise GrammarError(code, example, word=word, suggestion=_suggest(value, words), **values) from None


def _read_key(value: str, word: str, spec: Key, example: str, key: str, expected: str | None = None) -> object:
    """A `key=value` option's value, read as its key says; a wrong word is refused the way the key says."""
    return _read(
        value,
        word,
        spec.parse,
        spec.unknown,
        example,
        spec.choices,
        spec.listed,
        key=key,
        expected=expected or spec.example,
    )


def _explain(error: ValidationError, typed: dict[str, str], keys: dict[str, Key], example: str) -> GrammarError:
    """Turn pydantic's first complaint into the user's own word and the allowed range in their units."""
    first = error.errors()[0]
    field = str(first["loc"][0]) if first["loc"] else ""
    if not field:  # a cross-field rule: active parameters above the total
        return GrammarError("active_exceeds_params", example, word=typed.get("active", ""))
    word = typed.get(field, field)
    shows = keys[field].shows if field in keys else (format_quantity if field == "params" else str)
    context = first.get("ctx") or {}
    bound = next((name for name in _BOUNDS if name in context), None)
    if bound is None:
        return GrammarError("out_of_range", example, word=word)
    return GrammarError(f"out_of_range_{bound}", example, word=word, limit=shows(context[bound]))


def _rent(words: list[str]) -> Rent:
    """`rent [gpu] [key=value ...]`: the GPU named first or as `gpu=` (`H100,A100` or `gpu=H100,A100`: the rental on
    each); `days=`
    or `hours=`, or `gpu_hours=`, or none."""
    example = EXAMPLES["rent"]
    first = words[0] if words else ""
    if "," in first and "=" not in first:  # `rent H100,A100 ...`: the GPUs named first, as `rent H100` names one
        listed = [first]
    else:
        listed = [word for word in words if word.lower().startswith("gpu=") and "," in word]
    if listed:
        compared = _gpu_list(listed[0], RENT_COMPARE_EXAMPLE)
        request = _rent_request([word for word in words if word != listed[0]], RENT_COMPARE_EXAMPLE)
        if request.gpu is not None:
            raise GrammarError("duplicate_key", RENT_COMPARE_EXAMPLE, word=listed[0], key="gpu")
        return Rent(request=request, compare=compared)
    return Rent(request=_rent_request(words, example))


RENT_COMPARE_EXAMPLE = "rent gpu=H100,A100 gpus=8 days=30"


def _rent_request(words: list[str], example: str) -> RentRequest:
    """The rental's words: one GPU at most, and one way to say how long."""
    positionals, options = _split_options(words, RENT_KEYS, example)
    if positionals and "gpu" in options:
        raise GrammarError("duplicate_key", example, word=options["gpu"][1], key="gpu")
    if len(positionals) > 1:
        raise GrammarError("unexpected_word", example, word=positionals[1])
    times = [options[key][1] for key in ("days", "hours", "gpu_hours", "gpus") if key in options]
    if ("gpu_hours" in options and len(times) > 1) or ("days" in options and "hours" in options):
        raise GrammarError("days_and_hours", example, word=times[0], option=times[1])
    fields: dict[str, object] = {}
    typed: dict[str, str] = {}
    if positionals:
        options["gpu"] = (positionals[0], positionals[0])
    _read_options(options, RENT_KEYS, example, fields, typed)
    try:
        return RentRequest.model_validate(fields)
    except ValidationError as error:
        raise _explain(error, typed, RENT_KEYS, example) from None


PRICES_EXAMPLE = "prices H100"
API_EXAMPLE = "api llama3.1-70b"


def _api_model(word: str) -> str:
    """A model the API catalog prices, by a preset's name or alias or the vendor's name."""
    offers = api_offers(word)
    if not offers:
        models = api_models()
        raise GrammarError(
            "unknown_api_model", API_EXAMPLE, word=word, models=", ".join(models), suggestion=_suggest(word, models)
        )
    return offers[0].model


COMPARE_EXAMPLES: dict[str, str] = {
    "train": "compare train 175B 500B gpu=A100,H100",
    "infer": "compare infer 70B batch=16 gpu=A100,H100",
}
COMPARE_EXAMPLE = COMPARE_EXAMPLES["train"]
# A spread of what teams rent: two NVIDIA generations, the big-memory H200, Blackwell, AMD, and a cheap inference card.
COMPARE_GPUS = tuple(_gpu(name) for name in ("A100", "H100", "H200", "B200", "MI300X", "L40S"))


def _compare(words: list[str]) -> Compare:
    """`compare train|infer <the job's words>`, where `gpu=` lists GPUs instead of naming one."""
    kind = command_of(words[0]) if words else ""
    if kind not in ("train", "infer"):
        raise GrammarError("compare_missing_job", COMPARE_EXAMPLE, word=words[0] if words else "")
    gpu_words = [word for word in words[1:] if word.lower().startswith("gpu=")]
    if len(gpu_words) > 1:
        raise GrammarError("duplicate_key", COMPARE_EXAMPLE, word=gpu_words[1], key="gpu")
    try:
        request = _estimate(kind, [word for word in words[1:] if word not in gpu_words])
    except GrammarError as error:  # the same mistake, with an example that is itself a comparison
        raise GrammarError(error.code, COMPARE_EXAMPLES[kind], **error.values) from None
    gpus = _gpu_list(gpu_words[0]) if gpu_words else COMPARE_GPUS
    return Compare(request=request, gpus=gpus)


def _sweep(words: list[str]) -> Sweep:
    """`sweep [infer] <the serving job's words>`."""
    if words and command_of(words[0]) == "infer":
        words = words[1:]
    try:
        request = _estimate("infer", words)
    except GrammarError as error:  # the same mistake, with an example that is itself a sweep
        raise GrammarError(error.code, EXAMPLES["sweep"], **error.values) from None
    assert isinstance(request, InferRequest)
    return Sweep(request=request)


def _gpu_list(word: str, example: str = COMPARE_EXAMPLE) -> tuple[str, ...]:
    """`gpu=A100,h100,B200` (or, where the GPUs come first, `A100,h100,B200`) as catalog ids; a stray comma is
    forgiven, a name the catalog lacks is not."""
    names = [name for name in word.split("=", 1)[-1].split(",") if name]
    if not names:
        raise GrammarError("bad_value", example, word=word, key="gpu", expected="gpu=A100,H100")
    ids = [_read_gpu(name, example) for name in names]
    gpus = tuple(dict.fromkeys(str(gpu_id) for gpu_id in ids))
    if len(gpus) < 2:
        raise GrammarError("compare_one_gpu", example, word=word, count=len(COMPARE_GPUS))
    return gpus


SET_EXAMPLES: dict[str, str] = {
    "gpu": "set gpu H100",
    "price": "set price H100 1.85",
    "currency": "set currency CNY",
    "rate": "set rate 7.2",
    "mfu": "set mfu 40%",
}


def _set_default(words: list[str]) -> SetDefault:
    """`set <key> <value>`, read by the estimate's own parser for that key and bounded by its own field type."""
    # Imported here: only the team commands need the team's settings (a model built with create_model, logging).
    from bot.team.defaults import TeamValues, setting_key, stored_text

    field = _setting(words, "set")
    example = SET_EXAMPLES[field]
    values = _arguments(f"set {words[0]}", words[1:], 2 if field == "price" else 1, example)
    gpu_id = _read_gpu(values[0], example) if field == "price" else None
    word = values[-1]
    value = _read_key(word, word, TRAIN_KEYS[field], example, field, expected=example)
    try:
        checked = TeamValues.model_validate({field: value})
    except ValidationError as error:
        raise _explain(error, {field: word}, TRAIN_KEYS, example) from None
    return SetDefault(key=setting_key(field, gpu_id), value=stored_text(getattr(checked, field)))


def _reset_default(words: list[str]) -> ResetDefault:
    """`reset` (everything), `reset <key>`, or `reset price <gpu>`."""
    from bot.team.defaults import setting_key  # as in _set_default: only the team commands need it

    if not words:
        return ResetDefault()
    field = _setting(words, "reset")
    example = "reset price H100" if field == "price" else f"reset {field}"
    values = _arguments(f"reset {words[0]}", words[1:], 1 if field == "price" else 0, example)
    return ResetDefault(key=setting_key(field, _read_gpu(values[0], example) if values else None))


def _setting(words: list[str], command: str) -> str:
    """The setting named first; `words` are what follows the command."""
    if not words:
        raise GrammarError("missing_setting", SET_EXAMPLES["price"], command=command)
    field = words[0].lower()
    if field not in SET_EXAMPLES:
        suggestion = _suggest(field, list(SET_EXAMPLES))
        raise GrammarError("unknown_setting", SET_EXAMPLES["price"], word=words[0], suggestion=suggestion)
    return field


def _arguments(command: str, values: list[str], count: int, example: str) -> list[str]:
    """Exactly `count` words after `command`, or an error naming what is missing or extra."""
    if len(values) < count:
        raise GrammarError("missing_setting_value", example, command=" ".join([command, *values]))
    if len(values) > count:
        raise GrammarError("unexpected_word", example, word=values[count])
    return values


def _read_gpu(word: str, example: str) -> str:
    return str(_read(word, word, _gpu, "unknown_gpu", example, _SHARED_KEYS["gpu"].choices))
